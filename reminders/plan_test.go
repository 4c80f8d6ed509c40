package reminders

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

// walks returns settings with only movement on, by meal walks alone
// unless a test adds an interval or clock times.
func walks(meals ...settings.ClockTime) settings.Settings {
	cfg := only(settings.Movement)
	cfg.Anchors.Movement.Every = 0
	cfg.Meals = meals
	return cfg
}

var (
	lunch       = Slot{Anchor: settings.Movement, At: settings.Clock(12, 30), Meal: true}
	dinner      = Slot{Anchor: settings.Movement, At: settings.Clock(19, 0), Meal: true}
	rest1430    = Slot{Anchor: settings.Rest, At: settings.Clock(14, 30)}
	movement16h = Slot{Anchor: settings.Movement, At: settings.Clock(16, 0)}
)

// mealItems lists "15:04" for each shown prompt item marked as a walk
// after a meal.
func mealItems(evs []Event) []string {
	var out []string
	for _, ev := range evs {
		if ev, ok := ev.(PromptShown); ok {
			for _, it := range ev.Prompt.Items {
				if it.Meal {
					out = append(out, ev.Prompt.Shown.In(berlin).Format("15:04"))
				}
			}
		}
	}
	return out
}

func TestMealWalks(t *testing.T) {
	tests := []struct {
		name  string
		cfg   settings.Settings
		start time.Time
		act   func(s *sim)
		shows []string
		lines []string
		meals []string // prompts shown as a walk after a meal
	}{
		{"a walk comes after_meal after each meal", walks(settings.Clock(8, 0), settings.Clock(12, 30), settings.Clock(19, 0)), tuesday(7, 0),
			func(s *sim) { s.workUntil(20, 0) },
			[]string{"08:15 Movement", "12:45 Movement", "19:15 Movement"},
			[]string{"08:15 movement done", "12:45 movement done", "19:15 movement done"},
			[]string{"08:15", "12:45", "19:15"}},
		{"a meal moved for today moves its walk, and tomorrow it is back", walks(settings.Clock(12, 30)), tuesday(9, 0), func(s *sim) {
			s.do(MoveToday{Slot: lunch, To: settings.Clock(13, 10)})
			s.workUntil(17, 0)
			s.lock(15 * time.Hour) // Wednesday 08:00
			s.workUntil(13, 0)
		}, []string{"13:25 Movement", "12:45 Movement"}, []string{"13:25 movement done", "12:45 movement done"}, []string{"13:25", "12:45"}},
		{"lunch out is the walk, as a natural break", walks(settings.Clock(12, 30)), tuesday(12, 0), func(s *sim) {
			s.workUntil(12, 30)
			s.awayUntil(13, 20)
			s.work(5 * minute)
		}, nil, []string{"12:45 movement natural"}, nil},
		{"with the hourly walk too, one lunch out is one break", func() settings.Settings {
			cfg := walks(settings.Clock(12, 30))
			cfg.Anchors.Movement.Every = settings.Duration(time.Hour)
			cfg.Anchors.Movement.NaturalBreak = settings.Duration(10 * minute)
			return cfg
		}(), tuesday(12, 0), func(s *sim) {
			s.workUntil(12, 30)
			s.awayUntil(13, 20)
			s.work(5 * minute)
		}, nil, []string{"12:40 movement natural"}, nil},
		{"a walk on one of movement's own times is one prompt", func() settings.Settings {
			cfg := walks(settings.Clock(12, 30))
			cfg.Anchors.Movement.At = []settings.ClockTime{settings.Clock(12, 45)}
			return cfg
		}(), tuesday(12, 0), func(s *sim) { s.workUntil(13, 30) },
			[]string{"12:45 Movement"}, []string{"12:45 movement done"}, nil},
		{"a late dinner walks after midnight, in the same day", walks(settings.Clock(23, 50)), tuesday(23, 0),
			func(s *sim) { s.workUntil(0, 30) },
			[]string{"00:05 Movement"}, []string{"00:05 movement done"}, []string{"00:05"}},
		{"after_meal off: no walks", func() settings.Settings {
			cfg := walks(settings.Clock(12, 30))
			cfg.AfterMeal = 0
			cfg.Anchors.Movement.At = []settings.ClockTime{settings.Clock(16, 0)}
			return cfg
		}(), tuesday(12, 0), func(s *sim) { s.workUntil(17, 0) },
			[]string{"16:00 Movement"}, []string{"16:00 movement done"}, nil},
		{"outside active hours a walk is dropped like any clock time", withHours(walks(settings.Clock(12, 30))), day(2026, time.March, 14, 12, 0),
			func(s *sim) { s.workUntil(13, 0) }, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, tt.cfg, tt.start)
			s.answer = doneAll
			tt.act(s)
			equal(t, "shown", s.shows(), tt.shows)
			equal(t, "journal", s.lines, tt.lines)
			equal(t, "shown as a walk after a meal", mealItems(s.events), tt.meals)
		})
	}
}

func TestAnIntervalPromptIsNoWalkAfterAMeal(t *testing.T) {
	cfg := walks(settings.Clock(12, 30))
	cfg.Anchors.Movement.Every = settings.Duration(time.Hour)
	s := newSim(t, cfg, tuesday(8, 0))
	s.answer = doneAll
	s.workUntil(13, 0)
	equal(t, "shown", s.shows(), []string{"09:00 Movement", "10:00 Movement", "11:00 Movement", "12:00 Movement", "12:45 Movement"})
	equal(t, "walks after a meal", mealItems(s.events), []string{"12:45"})
}

func TestSkippedAndMovedClockTimesToday(t *testing.T) {
	cfg := only(settings.Movement, settings.Rest)
	cfg.Anchors.Movement.Every = 0
	cfg.Anchors.Movement.At = []settings.ClockTime{settings.Clock(16, 0)}
	s := newSim(t, cfg, tuesday(9, 0))
	s.answer = doneAll
	s.do(SkipToday{Slot: rest1430})
	s.do(MoveToday{Slot: movement16h, To: settings.Clock(10, 0)})
	s.do(MoveToday{Slot: lunch, To: settings.Clock(13, 30)})
	s.workUntil(17, 0)
	equal(t, "today", s.shows(), []string{"10:00 Movement", "13:45 Movement"})
	s.lock(15 * time.Hour) // Wednesday 08:00: the plan was today's only
	s.workUntil(17, 0)
	equal(t, "today and tomorrow", s.shows(), []string{"10:00 Movement", "13:45 Movement", "12:45 Movement", "14:30 Rest", "16:00 Movement"})
}

func TestAMovedTimeCanBeMovedAgainOrBack(t *testing.T) {
	s := newSim(t, walks(settings.Clock(12, 30)), tuesday(9, 0))
	s.answer = doneAll
	s.do(MoveToday{Slot: lunch, To: settings.Clock(13, 30)})
	s.do(MoveToday{Slot: lunch, To: settings.Clock(11, 0)})
	s.workUntil(13, 0)
	equal(t, "shown", s.shows(), []string{"11:15 Movement"})
	s2 := newSim(t, walks(settings.Clock(12, 30)), tuesday(9, 0))
	s2.answer = doneAll
	s2.do(SkipToday{Slot: lunch})
	s2.do(MoveToday{Slot: lunch, To: lunch.At}) // back where it was, and no longer skipped
	s2.workUntil(13, 0)
	equal(t, "moved back", s2.shows(), []string{"12:45 Movement"})
}

func TestASkippedTimeMovedLaterComesBack(t *testing.T) {
	s := newSim(t, walks(settings.Clock(12, 30)), tuesday(12, 0))
	s.answer = doneAll
	s.do(SkipToday{Slot: lunch})
	s.workUntil(13, 0) // 12:45 passes skipped
	s.do(MoveToday{Slot: lunch, To: settings.Clock(13, 15)})
	s.workUntil(14, 0)
	equal(t, "shown", s.shows(), []string{"13:30 Movement"})
}

func TestSkipAndMoveTodayRefuse(t *testing.T) {
	base := func() settings.Settings {
		cfg := only(settings.Movement, settings.Rest)
		cfg.Anchors.Movement.Every = 0
		cfg.Anchors.Movement.At = []settings.ClockTime{settings.Clock(16, 0)}
		cfg.Meals = []settings.ClockTime{settings.Clock(12, 30), settings.Clock(19, 0)}
		return cfg
	}
	tests := []struct {
		name string
		tune func(cfg *settings.Settings)
		pre  []Command
		cmd  Command
		want string
	}{
		{"an unknown clock time", nil, nil, SkipToday{Slot: Slot{Anchor: settings.Movement, At: settings.Clock(12, 40)}},
			"movement has no clock time 12:40 today; its times are 16:00"},
		{"an unknown meal", nil, nil, MoveToday{Slot: Slot{Anchor: settings.Movement, At: settings.Clock(12, 40), Meal: true}, To: settings.Clock(14, 0)},
			"there is no 12:40 meal today; the meals are 12:30, 19:00"},
		{"a meal walk of another anchor", nil, nil, SkipToday{Slot: Slot{Anchor: settings.Rest, At: settings.Clock(12, 30), Meal: true}},
			"only movement has walks after meals"},
		{"an anchor that is off", nil, nil, SkipToday{Slot: Slot{Anchor: settings.Breath, At: settings.Clock(10, 0)}},
			"breath is off today"},
		{"walks after meals off", func(cfg *settings.Settings) { cfg.AfterMeal = 0 }, nil, SkipToday{Slot: lunch},
			"walks after meals are off"},
		{"a walk that is movement's own time", func(cfg *settings.Settings) {
			cfg.Anchors.Movement.At = []settings.ClockTime{settings.Clock(12, 45)}
		}, nil, SkipToday{Slot: lunch}, "the walk after the 12:30 meal is movement's own 12:45 today; skip or move movement 12:45 instead"},
		{"a time already handled today", nil, nil, SkipToday{Slot: lunch},
			"walk after the 12:30 meal has already passed today (it came at 12:45)"},
		{"a moved time that has passed", nil, nil, MoveToday{Slot: rest1430, To: settings.Clock(12, 50)},
			"12:50 has already passed today; give a later time"},
		{"a meal whose walk would have passed", nil, nil, MoveToday{Slot: dinner, To: settings.Clock(12, 40)},
			"a meal at 12:40 brings its walk at 12:55, which has already passed today"},
		{"a time already skipped", nil, []Command{SkipToday{Slot: rest1430}}, SkipToday{Slot: rest1430},
			"rest 14:30 is already skipped today"},
		{"not a time of day", nil, nil, MoveToday{Slot: rest1430, To: settings.Clock(24, 30)},
			"24:30 is not a time of day"},
		{"not an anchor", nil, nil, SkipToday{Slot: Slot{Anchor: 9, At: settings.Clock(14, 30)}},
			"is not an anchor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := base()
			if tt.tune != nil {
				tt.tune(&cfg)
			}
			s := newSim(t, cfg, tuesday(12, 0))
			s.answer = doneAll
			s.workUntil(13, 0) // the walk after lunch came at 12:45 and was done
			for _, c := range tt.pre {
				s.do(c)
			}
			before := s.e.State().Plan
			err := s.try(tt.cmd)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("%T refused with %v, want %q", tt.cmd, err, tt.want)
			}
			if after := s.e.State().Plan; len(after) != len(before) {
				t.Fatalf("a refused change changed the plan: %+v", after)
			}
		})
	}
}

func TestAMealMovedToAPastTimeWhoseWalkIsAheadIsTaken(t *testing.T) {
	s := newSim(t, walks(settings.Clock(19, 0)), tuesday(12, 0))
	s.answer = doneAll
	s.workUntil(13, 0)
	s.do(MoveToday{Slot: dinner, To: settings.Clock(12, 55)}) // eaten just now; the walk is at 13:10
	s.workUntil(14, 0)
	equal(t, "shown", s.shows(), []string{"13:10 Movement"})
}

func TestADueClockTimeCannotBeSkippedOrMoved(t *testing.T) {
	s := newSim(t, walks(settings.Clock(12, 30)), tuesday(12, 0))
	s.do(SetDND{On: true})
	s.workUntil(12, 50) // the walk waits for do-not-disturb to end
	for _, c := range []Command{SkipToday{Slot: lunch}, MoveToday{Slot: lunch, To: settings.Clock(14, 0)}} {
		if err := s.try(c); err == nil || !strings.Contains(err.Error(), "is due now; answer its prompt instead") {
			t.Errorf("%T: %v", c, err)
		}
	}
}

func TestTodaysPlanEndsWhenTheDayRollsOver(t *testing.T) {
	cfg := walks(settings.Clock(12, 30))
	cfg.Anchors.Movement.At = []settings.ClockTime{settings.Clock(2, 0)} // late at night: still today
	s := newSim(t, cfg, tuesday(10, 0))
	s.answer = doneAll
	s.do(SkipToday{Slot: Slot{Anchor: settings.Movement, At: settings.Clock(2, 0)}})
	s.do(MoveToday{Slot: lunch, To: settings.Clock(13, 0)})
	s.workUntil(3, 59)
	if got := len(s.e.State().Plan); got != 2 {
		t.Fatalf("at 03:59 the plan holds %d changes, want both", got)
	}
	s.work(2 * minute) // 04:00 starts Wednesday
	if plan := s.e.State().Plan; len(plan) != 0 {
		t.Fatalf("the new day kept yesterday's plan: %+v", plan)
	}
	s.workUntil(13, 0)
	equal(t, "shown", s.shows(), []string{"13:15 Movement", "12:45 Movement"})
}

func TestTodaysPlanSurvivesARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	cfg := only(settings.Movement, settings.Rest)
	cfg.Anchors.Movement.Every = 0
	s := newSim(t, cfg, tuesday(9, 0))
	s.answer = doneAll
	s.do(SkipToday{Slot: rest1430})
	s.do(MoveToday{Slot: lunch, To: settings.Clock(13, 30)})
	restart := func() {
		t.Helper()
		if err := SaveState(path, s.e.State()); err != nil {
			t.Fatal(err)
		}
		st, err := LoadState(path)
		if err != nil {
			t.Fatal(err)
		}
		s.e = New(cfg, st, Options{Location: berlin})
	}
	restart()
	s.workUntil(16, 0)
	equal(t, "after a restart the same day", s.shows(), []string{"13:45 Movement"})
	s.lock(16 * time.Hour) // Wednesday 08:00
	restart()
	s.workUntil(16, 0)
	equal(t, "after a restart the next day", s.shows(), []string{"13:45 Movement", "12:45 Movement", "14:30 Rest"})
}

func TestSlotNames(t *testing.T) {
	for slot, want := range map[Slot]string{
		{Anchor: settings.Movement, At: settings.Clock(12, 45)}: "movement 12:45",
		lunch: "walk after the 12:30 meal",
		{Anchor: settings.WindDown, At: settings.Clock(22, 0)}: "wind-down 22:00",
	} {
		if got := slot.String(); got != want {
			t.Errorf("%+v reads %q, want %q", slot, got, want)
		}
	}
}
