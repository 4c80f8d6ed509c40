package reminders

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

// timeline reads today's timeline as "15:04 anchor state (slot) moved".
func timeline(s *sim) []string {
	var out []string
	for _, it := range s.snap().Timeline {
		l := it.Time.In(berlin).Format("15:04") + " " + it.Anchor.String() + " " + it.State.String()
		if it.Slot != nil {
			l += " (" + it.Slot.String() + ")"
		}
		if it.Moved {
			l += " moved"
		}
		out = append(out, l)
	}
	return out
}

// slotsOnly keeps the timeline's clock times.
func slotsOnly(s *sim) []string {
	var out []string
	for _, it := range s.snap().Timeline {
		if it.Slot != nil {
			out = append(out, it.Time.In(berlin).Format("15:04")+" "+it.Slot.String()+" "+it.State.String())
		}
	}
	return out
}

func TestTodaysTimeline(t *testing.T) {
	cfg := only(settings.Movement, settings.Rest)
	s := newSim(t, cfg, tuesday(8, 0))
	s.answer = doneAll
	s.workUntil(10, 0)
	s.awayUntil(10, 30) // no natural break: the 10:00 walk was just done
	s.workUntil(11, 0)
	s.do(SkipToday{Slot: rest1430})
	s.do(MoveToday{Slot: lunch, To: settings.Clock(13, 0)})
	// 30m of active time left at 150m active in 180m since 08:00: 36m.
	equal(t, "at 11:00", timeline(s), []string{
		"09:00 movement done", "10:00 movement done", "11:36 movement upcoming",
		"13:15 movement upcoming (walk after the 12:30 meal) moved", "14:30 rest skipped (rest 14:30)",
	})
	s.workUntil(15, 0)
	equal(t, "clock times at 15:00", slotsOnly(s), []string{"13:15 walk after the 12:30 meal done", "14:30 rest 14:30 skipped"})
	s.lock(14 * time.Hour) // Wednesday 05:00
	s.work(time.Minute)
	equal(t, "a new day", timeline(s), []string{"06:00 movement upcoming", "12:45 movement upcoming (walk after the 12:30 meal)", "14:30 rest upcoming (rest 14:30)"})
}

func TestTimelineClockStates(t *testing.T) {
	clockWalk := func(nb time.Duration) settings.Settings {
		cfg := walks(settings.Clock(12, 30))
		cfg.Anchors.Movement.NaturalBreak = settings.Duration(nb)
		return cfg
	}
	tests := []struct {
		name   string
		cfg    settings.Settings
		start  time.Time
		answer func(Prompt) Command
		act    func(s *sim)
		want   []string
	}{
		{"upcoming", clockWalk(0), tuesday(9, 0), nil, func(s *sim) { s.workUntil(12, 0) },
			[]string{"12:45 walk after the 12:30 meal upcoming"}},
		{"due while do-not-disturb holds it", clockWalk(0), tuesday(12, 0), nil, func(s *sim) {
			s.do(SetDND{On: true})
			s.workUntil(12, 50)
		}, []string{"12:45 walk after the 12:30 meal due"}},
		{"due while snoozed", clockWalk(0), tuesday(12, 0), once(Snooze{}), func(s *sim) { s.workUntil(12, 50) },
			[]string{"12:45 walk after the 12:30 meal due"}},
		{"done after a snooze", clockWalk(0), tuesday(12, 0), answerDay2(), func(s *sim) { s.workUntil(13, 30) },
			[]string{"12:45 walk after the 12:30 meal done"}},
		{"done by lunch out", clockWalk(3 * minute), tuesday(12, 0), nil, func(s *sim) {
			s.workUntil(12, 30)
			s.awayUntil(13, 20)
		}, []string{"12:45 walk after the 12:30 meal done"}},
		{"missed while away past the grace", clockWalk(0), tuesday(12, 0), nil, func(s *sim) {
			s.workUntil(12, 30)
			s.awayUntil(14, 0)
			s.work(5 * minute)
		}, []string{"12:45 walk after the 12:30 meal missed"}},
		{"its prompt skipped", clockWalk(0), tuesday(12, 0), once(Skip{}), func(s *sim) { s.workUntil(13, 0) },
			[]string{"12:45 walk after the 12:30 meal skipped"}},
		{"a time that passed before the engine ran is left out", clockWalk(0), tuesday(13, 0), nil, func(s *sim) { s.workUntil(14, 0) }, nil},
		{"a time outside active hours is left out", withHours(clockWalk(0)), day(2026, time.March, 14, 9, 0), nil, func(s *sim) { s.workUntil(10, 0) }, nil},
		{"an appointment outside active hours is listed", withHours(only(settings.WindDown)), tuesday(20, 0), nil, func(s *sim) { s.workUntil(21, 0) },
			[]string{"22:00 wind-down 22:00 upcoming"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, tt.cfg, tt.start)
			s.answer = tt.answer
			tt.act(s)
			equal(t, "clock times", slotsOnly(s), tt.want)
		})
	}
}

// answerDay2 snoozes the first prompt and does the next.
func answerDay2() func(Prompt) Command {
	n := 0
	return func(Prompt) Command {
		n++
		if n == 1 {
			return Snooze{}
		}
		return Done{}
	}
}

func TestTimelineProjectsIntervalsAtTodaysPace(t *testing.T) {
	intervalOnly := func() settings.Settings {
		cfg := only(settings.Movement)
		cfg.Meals = nil
		cfg.Anchors.Movement.NaturalBreak = 0
		return cfg
	}
	tests := []struct {
		name  string
		start time.Time
		act   func(s *sim)
		want  []string
	}{
		{"no pace yet: the active time left", tuesday(8, 0), func(*sim) {}, []string{"09:00 movement upcoming"}},
		{"at the desk all along: the active time left", tuesday(8, 0), func(s *sim) { s.work(20 * minute) }, []string{"09:00 movement upcoming"}},
		{"half the time away: twice as long", tuesday(8, 0), func(s *sim) {
			s.work(30 * minute)
			s.lock(30 * minute)
		}, []string{"10:00 movement upcoming"}},
		{"mostly away: at most four times as long", tuesday(8, 0), func(s *sim) {
			s.work(30 * minute)
			s.lock(3*time.Hour + 30*minute)
		}, []string{"14:00 movement upcoming"}},
		{"a clock set back: never faster than the desk", tuesday(8, 0), func(s *sim) {
			s.work(30 * minute)
			s.jump(-20 * minute) // 30m of active time in 10m since 08:00
			s.work(10 * time.Second)
		}, []string{"08:40 movement upcoming"}},
		{"due now", tuesday(8, 0), func(s *sim) { s.work(61 * minute) }, []string{"09:01 movement due"}},
		{"nothing projected past the end of the day", day(2026, time.March, 10, 23, 0), func(s *sim) {
			s.work(30 * minute)
			s.lock(4 * time.Hour) // 03:30; day ends at 04:00
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, intervalOnly(), tt.start)
			tt.act(s)
			equal(t, "timeline", timeline(s), tt.want)
		})
	}
}

func TestTimelineSurvivesARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	cfg := only(settings.Movement)
	s := newSim(t, cfg, tuesday(8, 0))
	s.answer = doneAll
	s.do(MoveToday{Slot: lunch, To: settings.Clock(12, 0)})
	s.workUntil(13, 0)
	before := timeline(s)
	if err := SaveState(path, s.e.State()); err != nil {
		t.Fatal(err)
	}
	st, err := LoadState(path)
	if err != nil {
		t.Fatal(err)
	}
	s.e = New(cfg, st, Options{Location: berlin})
	equal(t, "after a restart", timeline(s), before)
	if len(before) < 5 {
		t.Fatalf("a morning of work left only %q", before)
	}
}

func TestTimelineStateNames(t *testing.T) {
	want := []string{"upcoming", "due", "done", "missed", "skipped"}
	for i, w := range want {
		if got := TimelineState(i).String(); got != w {
			t.Errorf("state %d reads %q, want %q", i, got, w)
		}
	}
}
