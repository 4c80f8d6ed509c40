package reminders

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

// watchCheckins records when each check-in was asked, as "Mon 15:04".
func watchCheckins(s *sim) *[]string {
	var asked []string
	s.onStep = func(_ Sample, evs []Event) {
		for _, ev := range evs {
			if _, ok := ev.(CheckinDue); ok {
				asked = append(asked, s.now.In(berlin).Format("Mon 15:04"))
			}
		}
	}
	return &asked
}

func checkinAt(at settings.CheckinAt, kinds ...settings.Kind) settings.Settings {
	cfg := only(kinds...)
	cfg.Checkin.At = at
	return cfg
}

func TestCheckinIsAskedAtTheFirstActiveMinuteOfEachDay(t *testing.T) {
	s := newSim(t, only(settings.Posture), day(2026, time.March, 9, 20, 0))
	asked := watchCheckins(s)
	s.step = 10 * time.Second
	s.work(time.Minute) // Monday's check-in was asked at the first sample, before watching
	s.lock(12*time.Hour + 30*minute)
	s.work(30 * minute)
	s.lock(30 * minute)
	s.work(time.Hour)
	equal(t, "asked", *asked, []string{"Tue 08:31"})
	if !s.snap().CheckinOpen {
		t.Fatal("an unanswered check-in is still open for the tray")
	}
}

func TestCheckinIsDeferredByPauseDNDAndQuietHours(t *testing.T) {
	tests := []struct {
		name   string
		before func(s *sim)
		during func(s *sim)
		want   []string
	}{
		{"a pause", func(s *sim) { s.do(PauseFor{For: 2 * time.Hour}) }, func(s *sim) { s.workUntil(7, 0) }, []string{"Tue 05:59"}},
		{"do-not-disturb", func(s *sim) { s.do(SetDND{On: true}) }, func(s *sim) {
			s.workUntil(6, 30)
			s.do(SetDND{On: false})
			s.work(time.Minute)
		}, []string{"Tue 06:30"}},
		{"quiet hours", func(s *sim) {
			s.e.base.ActiveHours.Tue = settings.Span{Start: settings.Clock(8, 0), End: settings.Clock(18, 0)}
			s.do(Reconfigure{Settings: s.e.base})
		}, func(s *sim) { s.workUntil(8, 30) }, []string{"Tue 08:00"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newSim(t, only(settings.Posture), tuesday(3, 59))
			s.do(AnswerCheckin{Checkin: Checkin{Mood: 3}}) // Monday's
			tc.before(s)
			asked := watchCheckins(s)
			tc.during(s)
			equal(t, "asked", *asked, tc.want)
		})
	}
}

func TestCheckinAtAClockTimeWaitsForIt(t *testing.T) {
	s := newSim(t, checkinAt(settings.CheckinClock(settings.Clock(9, 0)), settings.Posture), tuesday(4, 30))
	asked := watchCheckins(s)
	s.workUntil(8, 50)
	s.awayUntil(9, 20)
	s.workUntil(10, 0)
	equal(t, "asked", *asked, []string{"Tue 09:20"})
}

func TestCheckinOffIsNeverAsked(t *testing.T) {
	s := newSim(t, checkinAt(settings.CheckinAt{Mode: settings.CheckinOff}, settings.Posture), tuesday(8, 0))
	asked := watchCheckins(s)
	s.work(26 * time.Hour)
	equal(t, "asked", *asked, nil)
	if err := s.try(AnswerCheckin{Checkin: Checkin{Energy: 4}}); err != nil || !s.snap().CheckedIn {
		t.Fatalf("a check-in from the tray is still taken: %v", err)
	}
}

func TestAnsweredCheckinIsNotAskedAgainThatDayNorAfterARestart(t *testing.T) {
	s := newSim(t, only(settings.Posture), tuesday(3, 0))
	asked := watchCheckins(s)
	s.workUntil(4, 10)
	evs, err := s.e.Do(s.now, AnswerCheckin{Checkin: Checkin{Stiffness: 2, Mood: 4, Energy: 3, SleepQuality: 5, Load: settings.LoadHard}})
	if err != nil {
		t.Fatal(err)
	}
	var journaled []Checkin
	closed := 0
	for _, ev := range evs {
		switch ev := ev.(type) {
		case CheckinJournaled:
			journaled = append(journaled, ev.Checkin)
		case CheckinClosed:
			closed++
		}
	}
	if len(journaled) != 1 || closed != 1 || !journaled[0].Time.Equal(s.now) || journaled[0].Load != settings.LoadHard || journaled[0].SleepQuality != 5 {
		t.Fatalf("answer gave %v", evs)
	}
	s.e = New(s.e.base, s.e.State(), Options{Location: berlin})
	s.workUntil(12, 0)
	s.lock(20 * time.Hour) // until Wednesday 08:00
	s.work(time.Minute)
	equal(t, "asked", *asked, []string{"Tue 04:00", "Wed 08:00"})
}

func TestIgnoredCheckinIsAskedOnceEvenAcrossARestart(t *testing.T) {
	s := newSim(t, only(settings.Posture), tuesday(8, 0))
	if !s.snap().CheckinOpen {
		t.Fatal("not asked at the first sample")
	}
	asked := watchCheckins(s)
	s.work(time.Hour)
	s.e = New(s.e.base, s.e.State(), Options{Location: berlin})
	s.work(time.Hour)
	equal(t, "asked", *asked, nil)
	if snap := s.snap(); !snap.CheckinOpen || snap.CheckedIn {
		t.Fatalf("open %v, answered %v; want it still open", snap.CheckinOpen, snap.CheckedIn)
	}
}

func TestDeclinedCheckinJournalsNothing(t *testing.T) {
	s := newSim(t, only(settings.Posture), tuesday(8, 0))
	evs, err := s.e.Do(s.now, AnswerCheckin{})
	if err != nil || len(evs) != 1 {
		t.Fatalf("events %v, err %v; want only the check-in closed", evs, err)
	}
	if _, ok := evs[0].(CheckinClosed); !ok {
		t.Fatalf("got %v", evs[0])
	}
}

func TestCheckinAnswersAreChecked(t *testing.T) {
	s := newSim(t, only(settings.Posture), tuesday(8, 0))
	for name, c := range map[string]Checkin{
		"mood above the scale": {Mood: 6},
		"negative energy":      {Energy: -1},
		"unknown load":         {Load: 9},
		"a time of its own":    {Mood: 3, Time: s.now},
	} {
		if err := s.try(AnswerCheckin{Checkin: c}); err == nil {
			t.Errorf("%s: taken", name)
		}
	}
	if !s.snap().CheckinOpen {
		t.Fatal("a refused answer closed the check-in")
	}
}

// hardTuesday returns settings with only breath on, and Tuesday a hard
// day (by default no weekday is).
func hardTuesday() settings.Settings {
	cfg := only(settings.Breath)
	cfg.Days.Tue = settings.LoadHard
	return cfg
}

func TestDayTypesChangeThePlanPerWeekday(t *testing.T) {
	s := newSim(t, hardTuesday(), tuesday(8, 0))
	s.answer = doneAll
	s.do(AnswerCheckin{}) // nothing said: the weekday decides
	if snap := s.snap(); snap.DayType != settings.LoadHard || dayWhy(snap) != "hard (weekday Tuesday)" || snap.Breathing != settings.BreathControlled {
		t.Fatalf("day type %s %q, breathing %s", snap.DayType, dayWhy(snap), snap.Breathing)
	}
	s.workUntil(11, 5)
	s.lock(20*time.Hour + 55*minute) // Wednesday 08:00, an easy day
	s.work(3*time.Hour + 5*minute)
	equal(t, "shown", s.shows(), []string{"09:00 Breath", "10:00 Breath", "11:00 Breath", "09:30 Breath", "11:00 Breath"})
	if snap := s.snap(); dayWhy(snap) != "easy (weekday Wednesday)" || snap.Breathing != settings.BreathCalm {
		t.Fatalf("wednesday is %q with %s breathing", dayWhy(snap), snap.Breathing)
	}
}

func TestTheCheckinsLoadOverridesTheWeekday(t *testing.T) {
	s := newSim(t, hardTuesday(), tuesday(8, 0))
	s.answer = doneAll
	s.work(40 * minute)
	s.do(AnswerCheckin{Checkin: Checkin{Energy: 2, Load: settings.LoadEasy}})
	if why := dayWhy(s.snap()); why != "easy (check-in Tuesday)" {
		t.Fatalf("day type %q", why)
	}
	if got := s.status(settings.Breath); got.Accrued != 40*minute || got.TimeToNext != 50*minute {
		t.Fatalf("accrued %s, next in %s; progress must be kept", got.Accrued, got.TimeToNext)
	}
	s.workUntil(10, 0)
	equal(t, "shown", s.shows(), []string{"09:30 Breath"})
}

func TestLowReadinessAddsARestUntilTheDayEnds(t *testing.T) {
	cfg := only(settings.Rest)
	s := newSim(t, cfg, tuesday(8, 0))
	s.answer = doneAll
	s.do(SetReadiness{Low: true})
	if !s.snap().LowReadiness {
		t.Fatal("low readiness not in the snapshot")
	}
	if next := s.status(settings.Rest).NextClock; !next.Equal(tuesday(11, 30)) {
		t.Fatalf("next rest at %s, want 11:30", next.In(berlin).Format("15:04"))
	}
	s.workUntil(15, 0)
	s.lock(17 * time.Hour) // Wednesday 08:00
	s.workUntil(15, 0)
	equal(t, "shown", s.shows(), []string{"11:30 Rest", "14:30 Rest", "14:30 Rest"})
	if s.snap().LowReadiness {
		t.Fatal("yesterday's reading holds today")
	}
}

func TestAPlanChangeOwesNoEarlierClockTimes(t *testing.T) {
	s := newSim(t, only(settings.Rest), tuesday(8, 0))
	s.answer = doneAll
	s.workUntil(12, 0)
	s.do(SetReadiness{Low: true}) // its 11:30 rest was not in the plan at 11:30
	s.workUntil(15, 0)
	equal(t, "shown", s.shows(), []string{"14:30 Rest"})
	equal(t, "journal", s.lines, []string{"14:30 rest done"})
}

func TestCheckinStateIsChecked(t *testing.T) {
	start := tuesday(4, 0)
	tests := []struct {
		name string
		st   State
		want error
	}{
		{"a load without an answer", State{Version: 1, DayStart: start, CheckinLoad: settings.LoadHard}, errors.New("not answered")},
		{"an unknown load", State{Version: 1, DayStart: start, CheckinAnswered: true, CheckinLoad: 7}, errors.New("not a training load")},
		{"check-in without a day", State{Version: 1, CheckinAsked: true}, errors.New("no day_start")},
		{"sound", State{Version: 1, DayStart: start, CheckinAsked: true, CheckinAnswered: true, CheckinLoad: settings.LoadRest, ReadinessLow: true}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.st.check()
			if (err == nil) != (tc.want == nil) || (err != nil && !strings.Contains(err.Error(), tc.want.Error())) {
				t.Fatalf("check() = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestCheckinStateReadsBackFromTheFile(t *testing.T) {
	s := newSim(t, hardTuesday(), tuesday(8, 0))
	s.do(AnswerCheckin{Checkin: Checkin{Mood: 2, Load: settings.LoadRest}})
	s.do(SetReadiness{Low: true})
	path := t.TempDir() + "/state.json"
	if err := SaveState(path, s.e.State()); err != nil {
		t.Fatal(err)
	}
	st, err := LoadState(path)
	if err != nil {
		t.Fatal(err)
	}
	e := New(hardTuesday(), st, Options{Location: berlin})
	if snap := e.Snapshot(s.now); snap.DayType != settings.LoadRest || snap.DayTypeFrom != DayTypeFromCheckin || !snap.LowReadiness || !snap.CheckedIn || snap.CheckinOpen {
		t.Fatalf("after a restart: %q, low %v, checked in %v, open %v", dayWhy(snap), snap.LowReadiness, snap.CheckedIn, snap.CheckinOpen)
	}
}

// dayWhy sums up the day type and its source: "hard (weekday Tuesday)".
func dayWhy(snap Snapshot) string {
	return snap.DayType.String() + " (" + snap.DayTypeFrom.String() + " " + snap.Weekday.String() + ")"
}
