package reminders

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

const minute = time.Minute

// once answers the first prompt with c and leaves the rest.
func once(c Command) func(Prompt) Command {
	used := false
	return func(Prompt) Command {
		if used {
			return nil
		}
		used = true
		return c
	}
}

func TestClockTimes(t *testing.T) {
	clockOnly := func(nb time.Duration) settings.Settings {
		cfg := only(settings.Movement)
		cfg.Anchors.Movement.Every = 0
		cfg.Anchors.Movement.At = []settings.ClockTime{settings.Clock(12, 45)}
		cfg.Meals = nil
		cfg.Anchors.Movement.NaturalBreak = settings.Duration(nb)
		return cfg
	}
	intervalAndClock := func(nb time.Duration) settings.Settings {
		cfg := clockOnly(nb)
		cfg.Anchors.Movement.Every = settings.Duration(time.Hour)
		return cfg
	}
	tests := []struct {
		name   string
		cfg    settings.Settings
		start  time.Time
		act    func(s *sim)
		shows  []string
		lines  []string
		noSkip bool
	}{
		{"come due at their local time", clockOnly(0), tuesday(12, 0),
			func(s *sim) { s.workUntil(12, 50) }, []string{"12:45 Movement"}, nil, false},
		{"away then: offered on return within the grace window", clockOnly(0), tuesday(12, 0), func(s *sim) {
			s.workUntil(12, 30)
			s.awayUntil(13, 20)
			s.work(5 * minute)
		}, []string{"13:20 Movement"}, nil, false},
		{"away past the grace window: missed", clockOnly(0), tuesday(12, 0), func(s *sim) {
			s.workUntil(12, 30)
			s.awayUntil(14, 0)
			s.work(5 * minute)
		}, nil, []string{"13:45 movement missed"}, false},
		{"away long enough: a natural break", clockOnly(3 * minute), tuesday(12, 0), func(s *sim) {
			s.workUntil(12, 30)
			s.awayUntil(13, 20)
			s.work(5 * minute)
		}, nil, []string{"12:45 movement natural"}, false},
		{"one away stretch is one natural break: the lunch that met the interval covers 12:45", intervalAndClock(10 * minute), tuesday(11, 0), func(s *sim) {
			s.workUntil(11, 30)
			s.awayUntil(13, 0)
			s.work(5 * minute)
		}, nil, []string{"11:40 movement natural"}, false},
		{"each stretch is a break of its own; the second meets 12:45 and the interval in one line", intervalAndClock(10 * minute), tuesday(11, 0), func(s *sim) {
			s.workUntil(11, 30)
			s.awayUntil(11, 45)
			s.workUntil(12, 37)
			s.awayUntil(13, 0)
		}, nil, []string{"11:40 movement natural", "12:47 movement natural"}, false},
		{"shown while reading, then done by going away", clockOnly(3 * minute), tuesday(12, 0), func(s *sim) {
			s.workUntil(12, 44)
			s.awayUntil(13, 0)
		}, []string{"12:45 Movement"}, []string{"12:47 movement auto-done"}, false},
		{"outside active hours: dropped, not missed", settings.Defaults(), day(2026, time.March, 14, 12, 0), func(s *sim) {
			s.workUntil(13, 0)
		}, nil, nil, false},
		{"appointments come outside active hours and offer no skip", withHours(only(settings.WindDown)), tuesday(21, 30), func(s *sim) {
			s.workUntil(22, 5)
		}, []string{"22:00 Wind-down"}, nil, true},
		{"appointments come while paused", withHours(only(settings.WindDown)), tuesday(21, 30), func(s *sim) {
			s.do(PauseUntilTomorrow{})
			s.workUntil(22, 5)
		}, []string{"22:00 Wind-down"}, nil, true},
		{"a clock set back does not fire one twice", clockOnly(0), tuesday(12, 0), func(s *sim) {
			s.answer = doneAll
			s.workUntil(12, 50)
			s.jump(-time.Hour)
			s.workUntil(13, 0)
		}, []string{"12:45 Movement"}, []string{"12:45 movement done"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, tt.cfg, tt.start)
			tt.act(s)
			equal(t, "shown", s.shows(), tt.shows)
			equal(t, "journal", s.lines, tt.lines)
			if tt.noSkip && (s.prompt == nil || s.prompt.CanSkip) {
				t.Errorf("prompt %+v should be on screen without Skip", s.prompt)
			}
		})
	}
}

// withHours restores the default active hours.
func withHours(cfg settings.Settings) settings.Settings {
	cfg.ActiveHours = settings.Defaults().ActiveHours
	return cfg
}

func TestClockTimesAreDSTCorrect(t *testing.T) {
	tests := []struct {
		name  string
		date  time.Time
		at    settings.ClockTime
		shows []string
	}{
		{"spring forward: 12:45 is 12:45", day(2026, time.March, 29, 1, 0), settings.Clock(12, 45), []string{"12:45 Movement"}},
		{"fall back: 12:45 is 12:45", day(2026, time.October, 25, 1, 0), settings.Clock(12, 45), []string{"12:45 Movement"}},
		{"fall back: the doubled 02:30 fires once", day(2026, time.October, 25, 1, 0), settings.Clock(2, 30), []string{"02:30 Movement"}},
		{"spring forward: the missing 02:30 fires once, after the switch", day(2026, time.March, 29, 1, 0), settings.Clock(2, 30), []string{"03:30 Movement"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := only(settings.Movement)
			cfg.Anchors.Movement.Every = 0
			cfg.Anchors.Movement.At = []settings.ClockTime{tt.at}
			cfg.Meals = nil
			s := newSim(t, cfg, tt.date)
			s.answer = doneAll
			s.work(13 * time.Hour)
			equal(t, "shown", s.shows(), tt.shows)
		})
	}
}

func TestNaturalBreaks(t *testing.T) {
	tests := []struct {
		name  string
		tune  func(cfg *settings.Settings)
		act   func(s *sim)
		shows []string
		lines []string
	}{
		{"away the natural break resets the counter and journals it", nil, func(s *sim) {
			s.work(30 * minute)
			s.away(5 * minute)
			s.work(61 * minute)
		}, []string{"10:35 Movement"}, []string{"09:33 movement natural"}},
		{"a shorter away stretch does not", func(cfg *settings.Settings) {
			cfg.Anchors.Movement.NaturalBreak = settings.Duration(5 * minute)
		}, func(s *sim) {
			s.work(30 * minute)
			s.away(4 * minute)
			s.work(31 * minute)
		}, []string{"10:04 Movement"}, nil},
		{"no prompt in the first minutes back", func(cfg *settings.Settings) {
			cfg.ReturnQuiet = settings.Duration(5 * minute)
		}, func(s *sim) {
			s.work(28 * minute)
			s.away(5 * minute)
			s.work(10 * minute)
		}, []string{"09:38 Posture"}, []string{"09:31 movement natural"}},
		{"without return quiet the prompt comes at once", func(cfg *settings.Settings) {
			cfg.ReturnQuiet = 0
		}, func(s *sim) {
			s.work(28 * minute)
			s.away(5 * minute)
			s.work(10 * minute)
		}, []string{"09:36 Posture"}, []string{"09:31 movement natural"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := only(settings.Movement)
			if strings.Contains(tt.name, "return quiet") || strings.Contains(tt.name, "first minutes back") {
				// posture comes due three minutes after the return
				cfg.Anchors.Posture.Enabled = true
				cfg.Anchors.Posture.Every = settings.Duration(31 * minute)
			}
			if tt.tune != nil {
				tt.tune(&cfg)
			}
			s := newSim(t, cfg, tuesday(9, 0))
			tt.act(s)
			equal(t, "shown", s.shows(), tt.shows)
			equal(t, "journal", s.lines, tt.lines)
		})
	}
}

func TestPromptLifecycle(t *testing.T) {
	tests := []struct {
		name     string
		answer   func(Prompt) Command
		act      func(s *sim)
		shows    []string
		lines    []string
		reissued int
	}{
		{"done starts a new interval", once(Done{}), func(s *sim) { s.work(61 * minute) },
			[]string{"09:30 Posture", "10:00 Posture"}, []string{"09:30 posture done"}, 0},
		{"snooze waits its length of active time", once(Snooze{}), func(s *sim) { s.work(41 * minute) },
			[]string{"09:30 Posture", "09:40 Posture"}, []string{"09:30 posture snoozed"}, 0},
		{"snooze for a given length", once(Snooze{For: 3 * minute}), func(s *sim) { s.work(34 * minute) },
			[]string{"09:30 Posture", "09:33 Posture"}, []string{"09:30 posture snoozed"}, 0},
		{"a snooze does not fire on return from lunch", once(Snooze{}), func(s *sim) {
			s.work(31 * minute)
			s.away(time.Hour)
			s.work(11 * minute)
		}, []string{"09:30 Posture", "10:40 Posture"}, []string{"09:30 posture snoozed"}, 0},
		{"skip starts a new interval", once(Skip{}), func(s *sim) { s.work(61 * minute) },
			[]string{"09:30 Posture", "10:00 Posture"}, []string{"09:30 posture skipped"}, 0},
		{"ignored: re-issued, then missed", nil, func(s *sim) { s.work(50 * minute) },
			[]string{"09:30 Posture"}, []string{"09:45 posture missed"}, 2},
		{"going away for the practice length is done", nil, func(s *sim) {
			s.work(30 * minute)
			s.away(5 * minute)
		}, []string{"09:30 Posture"}, []string{"09:30 posture auto-done"}, 0},
		{"away time does not escalate", nil, func(s *sim) {
			s.e.cfg.Anchors.Posture.Practice = settings.Duration(2 * minute)
			s.work(33 * minute)
			s.lock(minute)     // shorter than the practice
			s.work(2 * minute) // 34:50 of active time: not yet the 35:00 of a re-issue
		}, []string{"09:30 Posture"}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := only(settings.Posture)
			s := newSim(t, cfg, tuesday(9, 0))
			s.answer = tt.answer
			tt.act(s)
			equal(t, "shown", s.shows(), tt.shows)
			equal(t, "journal", s.lines, tt.lines)
			if got := count[PromptReissued](s.events); got != tt.reissued {
				t.Errorf("reissued %d times, want %d", got, tt.reissued)
			}
		})
	}
}

func count[T Event](evs []Event) int {
	n := 0
	for _, ev := range evs {
		if _, ok := ev.(T); ok {
			n++
		}
	}
	return n
}

func TestAnchorsDueTogetherShareOnePrompt(t *testing.T) {
	tests := []struct {
		name  string
		tune  func(cfg *settings.Settings)
		shows []string
	}{
		{"due within five minutes", func(cfg *settings.Settings) {
			cfg.Anchors.Hydration.Every = settings.Duration(33 * minute)
		}, []string{"09:30 Posture + Hydration"}},
		{"due further apart", func(cfg *settings.Settings) {
			cfg.Anchors.Hydration.Every = settings.Duration(36 * minute)
		}, []string{"09:30 Posture", "09:36 Hydration"}},
		{"a clock time close by joins early", func(cfg *settings.Settings) {
			cfg.Anchors.Hydration.Enabled = false
			cfg.Anchors.Movement.Enabled = true
			cfg.Anchors.Movement.Every = 0
			cfg.Anchors.Movement.At = []settings.ClockTime{settings.Clock(9, 33)}
		}, []string{"09:30 Movement + Posture"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := only(settings.Posture, settings.Hydration)
			tt.tune(&cfg)
			s := newSim(t, cfg, tuesday(9, 0))
			s.answer = doneAll
			s.work(45 * minute)
			equal(t, "shown", s.shows(), tt.shows)
		})
	}
}

func TestPartOfACombinedPromptCanBeAnswered(t *testing.T) {
	cfg := only(settings.Posture, settings.Hydration)
	cfg.Anchors.Hydration.Every = cfg.Anchors.Posture.Every
	s := newSim(t, cfg, tuesday(9, 0))
	s.work(30 * minute)
	id := s.prompt.ID
	s.do(Done{Anchors: []settings.Kind{settings.Hydration}})
	if s.prompt == nil || s.prompt.ID != id || s.prompt.Title() != "Posture" {
		t.Fatalf("after answering hydration, on screen: %+v", s.prompt)
	}
	s.do(Snooze{})
	if s.prompt != nil {
		t.Fatalf("prompt still on screen: %+v", s.prompt)
	}
	equal(t, "journal", s.lines, []string{"09:30 hydration done", "09:30 posture snoozed"})
}

func TestDailyGoalStopsPromptsUntilTheDayRollsOver(t *testing.T) {
	cfg := only(settings.Hydration)
	cfg.Anchors.Hydration.Every = settings.Duration(10 * minute)
	cfg.Anchors.Hydration.DailyGoal = 3
	s := newSim(t, cfg, tuesday(3, 0))
	s.answer = doneAll
	s.workUntil(4, 15)
	equal(t, "shown", s.shows(), []string{"03:10 Hydration", "03:20 Hydration", "03:30 Hydration", "04:10 Hydration"})
	if got := s.status(settings.Hydration); got.TodayWins != 1 || got.Goal != 3 {
		t.Errorf("status after rollover: %+v", got)
	}
}

func TestPauseQuietAndDND(t *testing.T) {
	tests := []struct {
		name  string
		cfg   settings.Settings
		start time.Time
		act   func(s *sim)
		shows []string
		lines []string
	}{
		{"paused: held until the pause ends", only(settings.Posture), tuesday(9, 0), func(s *sim) {
			s.do(Pause{Until: tuesday(10, 0)})
			s.workUntil(10, 5)
		}, []string{"10:00 Posture"}, nil},
		{"a pause takes the prompt on screen off as snoozed", only(settings.Posture), tuesday(9, 0), func(s *sim) {
			s.workUntil(9, 31)
			s.do(Pause{Until: tuesday(10, 0)})
			s.workUntil(10, 5)
		}, []string{"09:30 Posture", "10:00 Posture"}, []string{"09:31 posture snoozed"}},
		{"resume ends a pause", only(settings.Posture), tuesday(9, 0), func(s *sim) {
			s.do(Pause{Until: tuesday(12, 0)})
			s.workUntil(9, 40)
			s.do(Resume{})
			s.work(time.Minute)
		}, []string{"09:40 Posture"}, nil},
		{"outside active hours: quiet", withHours(only(settings.Posture)), tuesday(18, 0), func(s *sim) {
			s.answer = doneAll
			s.workUntil(20, 0)
		}, []string{"18:30 Posture"}, []string{"18:30 posture done"}},
		{"do-not-disturb defers, not drops", only(settings.Posture), tuesday(9, 0), func(s *sim) {
			s.do(SetDND{On: true})
			s.workUntil(10, 0)
			s.do(SetDND{On: false})
			s.work(time.Minute)
		}, []string{"10:00 Posture"}, nil},
		{"a clock time under do-not-disturb waits for its end", clockAt(settings.Clock(9, 15)), tuesday(9, 0), func(s *sim) {
			s.do(SetDND{On: true})
			s.workUntil(11, 0)
			s.do(SetDND{On: false})
			s.work(time.Minute)
		}, []string{"11:00 Movement"}, nil},
		{"do-not-disturb ignored when not respected", noDND(only(settings.Posture)), tuesday(9, 0), func(s *sim) {
			s.do(SetDND{On: true})
			s.workUntil(9, 35)
		}, []string{"09:30 Posture"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, tt.cfg, tt.start)
			tt.act(s)
			equal(t, "shown", s.shows(), tt.shows)
			equal(t, "journal", s.lines, tt.lines)
		})
	}
}

func clockAt(c settings.ClockTime) settings.Settings {
	cfg := only(settings.Movement)
	cfg.Anchors.Movement.Every = 0
	cfg.Anchors.Movement.At = []settings.ClockTime{c}
	return cfg
}

func noDND(cfg settings.Settings) settings.Settings {
	cfg.RespectDND = false
	return cfg
}

func TestSnapshotShowsPauseQuietAndDND(t *testing.T) {
	s := newSim(t, withHours(only(settings.Posture)), tuesday(18, 50))
	s.do(PauseUntilTomorrow{})
	s.do(SetDND{On: true})
	s.workUntil(19, 10)
	snap := s.snap()
	if !snap.Paused || !snap.PausedUntil.Equal(day(2026, time.March, 11, 4, 0)) || !snap.Quiet || !snap.DND {
		t.Errorf("snapshot: paused %v until %v, quiet %v, dnd %v", snap.Paused, snap.PausedUntil, snap.Quiet, snap.DND)
	}
	if st := snap.Anchors[settings.Posture]; !st.Enabled || st.Accrued != 20*minute || st.TimeToNext != 10*minute || st.Due {
		t.Errorf("posture: %+v", st)
	}
}

func TestPracticesRotate(t *testing.T) {
	s := newSim(t, only(settings.Posture), tuesday(9, 0))
	s.answer = doneAll
	s.work(151 * minute)
	var got []string
	for _, ev := range s.events {
		if ev, ok := ev.(PromptShown); ok {
			got = append(got, ev.Prompt.Items[0].Practice)
		}
	}
	list := settings.Defaults().Anchors.Posture.Practices
	equal(t, "practices", got, append(list[:4:4], list[0]))
}

func TestCommands(t *testing.T) {
	tests := []struct {
		name  string
		act   func(s *sim) error
		want  error
		lines []string
	}{
		{"done with nothing on screen", func(s *sim) error { return s.try(Done{}) }, errNoPrompt, nil},
		{"done for an anchor records an unprompted practice", func(s *sim) error {
			return s.try(Done{Anchors: []settings.Kind{settings.Hydration}})
		}, nil, []string{"09:10 hydration done"}},
		{"skipping an appointment", func(s *sim) error {
			s.do(TakeNow{Anchor: settings.Posture})
			s.e.anchors[settings.Posture].clockDue = s.now
			s.e.cur.Items[0].Appointment = true
			return s.try(Skip{})
		}, errAppointment, nil},
		{"taking a break while another prompt is on screen", func(s *sim) error {
			s.do(TakeNow{Anchor: settings.Posture})
			return s.try(TakeNow{Anchor: settings.Rest})
		}, errBusy, nil},
		{"a pause in the past", func(s *sim) error {
			return s.try(Pause{Until: s.now})
		}, errPastPause, nil},
		{"a pause longer than a day", func(s *sim) error {
			return s.try(Pause{Until: s.now.Add(2562047 * time.Hour)})
		}, errLongPause, nil},
		{"a pause of exactly a day", func(s *sim) error {
			return s.try(Pause{Until: s.now.Add(MaxPause)})
		}, nil, nil},
		{"a snooze above the settings' cap", func(s *sim) error {
			s.do(TakeNow{Anchor: settings.Posture})
			return s.try(Snooze{For: settings.SnoozeLimits.Max + time.Minute})
		}, errSnoozeRange, nil},
		{"a snooze below the settings' floor", func(s *sim) error {
			s.do(TakeNow{Anchor: settings.Posture})
			return s.try(Snooze{For: time.Second})
		}, errSnoozeRange, nil},
		{"an answer to the prompt on screen by its id", func(s *sim) error {
			s.do(TakeNow{Anchor: settings.Posture})
			return s.try(Done{Prompt: s.prompt.ID})
		}, nil, []string{"09:10 posture done"}},
		{"an answer to a prompt already answered", func(s *sim) error {
			s.do(TakeNow{Anchor: settings.Posture})
			first := s.prompt.ID
			s.do(Done{})
			s.do(TakeNow{Anchor: settings.Hydration})
			return s.try(Skip{Prompt: first})
		}, ErrAnswered, []string{"09:10 posture done"}},
		{"a snooze of a prompt already answered", func(s *sim) error {
			s.do(TakeNow{Anchor: settings.Posture})
			first := s.prompt.ID
			s.do(Done{})
			return s.try(Snooze{Prompt: first})
		}, ErrAnswered, []string{"09:10 posture done"}},
		{"done for an anchor of a prompt already answered records nothing", func(s *sim) error {
			s.do(TakeNow{Anchor: settings.Posture})
			first := s.prompt.ID
			s.do(Done{})
			return s.try(Done{Prompt: first, Anchors: []settings.Kind{settings.Posture}})
		}, ErrAnswered, []string{"09:10 posture done"}},
		{"an answer to a prompt never shown", func(s *sim) error {
			return s.try(Done{Prompt: 99})
		}, errNeverShown, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, only(settings.Posture, settings.Hydration), tuesday(9, 0))
			s.work(10 * minute)
			if err := tt.act(s); !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			equal(t, "journal", s.lines, tt.lines)
		})
	}
}

func TestTakeNowShowsAtOnceEvenWhenPaused(t *testing.T) {
	s := newSim(t, only(settings.Rest), tuesday(9, 0))
	s.do(PauseUntilTomorrow{})
	s.do(TakeNow{Anchor: settings.Rest})
	equal(t, "shown", s.shows(), []string{"09:00 Rest"})
}
