package reminders

import (
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

// answerDay does what a cooperative person does: snooze breath once, do
// everything else.
func answerDay() func(Prompt) Command {
	snoozed := false
	return func(p Prompt) Command {
		if p.Has(settings.Breath) && !snoozed {
			snoozed = true
			return Snooze{Anchors: []settings.Kind{settings.Breath}}
		}
		return Done{}
	}
}

func TestScenarioAWorkingDay(t *testing.T) {
	s := newSim(t, settings.Defaults(), tuesday(8, 0))
	s.answer = answerDay()
	s.workUntil(10, 0)
	s.awayUntil(11, 0) // a meeting in another room, laptop left open
	s.workUntil(12, 10)
	s.lock(55 * minute) // lunch
	s.workUntil(17, 30)
	s.lock(5 * minute)
	s.suspend(14*time.Hour + 25*minute) // overnight, until Wednesday 08:00
	s.workUntil(8, 40)
	equal(t, "shown", s.shows(), []string{
		"08:30 Posture", "08:45 Hydration", "09:00 Movement + Posture",
		"09:30 Breath + Posture + Hydration", "09:40 Breath", "10:00 Movement + Posture",
		// back from the meeting: hydration and posture continue where they were
		"11:15 Hydration", "11:30 Posture", "12:00 Movement + Posture + Hydration",
		// back from lunch at 13:05: breath waits out the return quiet
		"13:07 Breath", "13:25 Posture", "13:40 Hydration", "13:55 Posture", "14:05 Movement",
		// the 14:30 rest is close enough to join
		"14:25 Posture + Hydration + Rest", "14:37 Breath", "14:55 Posture", "15:05 Movement",
		"15:10 Hydration", "15:25 Posture", "15:55 Posture + Hydration", "16:05 Movement + Breath",
		// the eighth glass was at 15:55: no more hydration today
		"16:25 Posture", "16:55 Posture", "17:05 Movement", "17:25 Posture",
		// Wednesday starts fresh
		"08:30 Posture",
	})
	equal(t, "journal", s.lines, []string{
		"08:30 posture done", "08:45 hydration done", "09:00 movement done", "09:00 posture done",
		"09:30 breath snoozed", "09:30 posture done", "09:30 hydration done", "09:40 breath done",
		"10:00 movement done", "10:00 posture done", "11:15 hydration done", "11:30 posture done",
		"12:00 movement done", "12:00 posture done", "12:00 hydration done",
		// lunch is one break: it met the hourly walk and the 12:45 walk
		"12:13 movement natural",
		"13:07 breath done", "13:25 posture done", "13:40 hydration done", "13:55 posture done",
		"14:05 movement done", "14:25 posture done", "14:25 hydration done", "14:25 rest done",
		"14:37 breath done", "14:55 posture done", "15:05 movement done", "15:10 hydration done",
		"15:25 posture done", "15:55 posture done", "15:55 hydration done", "16:05 movement done",
		"16:05 breath done", "16:25 posture done", "16:55 posture done", "17:05 movement done",
		"17:25 posture done", "17:33 movement natural",
		"23:00 wind-down missed", // asleep at 22:00, and for the hour after
		"08:30 posture done",
	})
}

func TestScenarioDSTDays(t *testing.T) {
	tests := []struct {
		name  string
		start time.Time
		shows []string
	}{
		// 01:30 CET + 30 minutes is 03:00 CEST; the 04:00 rollover restarts the count
		{"spring forward", day(2026, time.March, 29, 1, 30), []string{"03:00 Posture", "03:30 Posture", "04:30 Posture"}},
		// the hour from 02:00 to 03:00 runs twice
		{"fall back", day(2026, time.October, 25, 1, 30), []string{"02:00 Posture", "02:30 Posture", "02:00 Posture", "02:30 Posture", "03:00 Posture", "03:30 Posture", "04:30 Posture"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, only(settings.Posture), tt.start)
			s.answer = doneAll
			s.workUntil(4, 35)
			equal(t, "shown", s.shows(), tt.shows)
			if got := s.snap().TodayActive; got != 35*minute {
				t.Errorf("active since the 04:00 rollover: %s", got)
			}
		})
	}
}

func TestScenarioClockJumpedBack(t *testing.T) {
	cfg := only(settings.Posture, settings.Movement)
	cfg.Anchors.Movement.Every = 0
	cfg.Anchors.Movement.At = []settings.ClockTime{settings.Clock(9, 15)}
	s := newSim(t, cfg, tuesday(9, 0))
	s.answer = doneAll
	s.workUntil(10, 0)
	s.jump(-time.Hour) // the clock is corrected back to 09:00
	s.workUntil(10, 1)
	equal(t, "shown", s.shows(), []string{"09:15 Movement", "09:30 Posture", "10:00 Posture", "09:30 Posture", "10:00 Posture"})
	if got := s.snap().TodayActive; got != 2*time.Hour+minute-s10 {
		t.Errorf("active %s over two hours of real time", got)
	}
}

func TestScenarioAWeekOfWork(t *testing.T) {
	s := newSim(t, settings.Defaults(), day(2026, time.March, 9, 8, 0)) // a Monday
	watch(t, s)
	s.answer = doneAll
	for d := 0; d < 7; d++ {
		s.workUntil(12, 30)
		s.lock(45 * minute)
		s.workUntil(18, 0)
		s.lock(time.Minute)
		s.suspend(s.until(8, 0))
	}
	wins := map[string]int{}
	for _, ev := range s.events {
		if j, ok := ev.(Journaled); ok && j.Record.Outcome.Win() {
			wins[j.Record.Anchor.String()]++
		}
	}
	// five working days; the weekend has no active hours and no prompts
	if wins["hydration"] != 5*8 || wins["rest"] != 5 {
		t.Errorf("wins over the week: %v", wins)
	}
}
