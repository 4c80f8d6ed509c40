package settings

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDayTypesChangeThePlan(t *testing.T) {
	s := Defaults()
	tests := []struct {
		name      string
		load      TrainingLoad
		low       bool
		breathing BreathMode
		check     func(p Settings) bool
	}{
		{"easy days run the base plan", LoadEasy, false, BreathCalm, func(p Settings) bool { return reflect.DeepEqual(p, s) }},
		{"hard days breathe every hour", LoadHard, false, BreathControlled, func(p Settings) bool {
			return p.Anchors.Breath.Every.D() == time.Hour && p.Anchors.Rest.Practice.D() == 20*time.Minute
		}},
		{"rest days move gently", LoadRest, false, BreathCalm, func(p Settings) bool {
			return strings.Contains(p.Anchors.Movement.Practices[0], "mobility") && p.Anchors.Breath.Every == s.Anchors.Breath.Every
		}},
		{"low readiness adds a rest and keeps the hard day's breath interval", LoadHard, true, BreathCalm, func(p Settings) bool {
			return len(p.Anchors.Rest.At) == len(s.Anchors.Rest.At)+1 && p.Anchors.Breath.Every.D() == time.Hour && p.Anchors.Rest.Practice.D() == 20*time.Minute
		}},
		{"an unset load is the base plan", LoadUnset, false, BreathCalm, func(p Settings) bool { return reflect.DeepEqual(p, s) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, mode := s.ForDay(tc.load, tc.low)
			if mode != tc.breathing || !tc.check(p) {
				t.Fatalf("breathing %s (want %s), or the plan is not what the day type says: %+v", mode, tc.breathing, p.Anchors)
			}
		})
	}
}

func TestForDayLeavesTheBaseAlone(t *testing.T) {
	s := Defaults()
	p, _ := s.ForDay(LoadHard, true)
	p.Anchors.Rest.At[0] = Clock(3, 0)
	p.Anchors.Movement.Practices[0] = "changed"
	if !reflect.DeepEqual(s, Defaults()) {
		t.Fatal("changing a day's plan changed the settings it came from")
	}
}

func TestDefaultDaysPlanNoTraining(t *testing.T) {
	d := Defaults().Days
	want := map[time.Weekday]TrainingLoad{time.Monday: LoadEasy, time.Tuesday: LoadEasy, time.Saturday: LoadEasy, time.Sunday: LoadRest}
	for day, load := range want {
		if got := *d.On(day); got != load {
			t.Errorf("%s is %s, want %s", day, got, load)
		}
	}
}

func TestValidateNamesEachBrokenDayRule(t *testing.T) {
	tests := []struct {
		name    string
		change  func(s *Settings)
		key     string
		message string
	}{
		{"check-in time out of range", func(s *Settings) { s.Checkin.At = CheckinClock(Clock(25, 0)) }, "checkin.at", "not a time of day"},
		{"check-in mode unknown", func(s *Settings) { s.Checkin.At.Mode = 7 }, "checkin.at", "first-active"},
		{"weekday without a load", func(s *Settings) { s.Days.Wed = LoadUnset }, "days.wed", "rest, easy or hard"},
		{"override interval too short", func(s *Settings) { s.DayTypes.Hard.Breath.Every = ptr(Duration(time.Second)) }, "day_types.hard.breath.every", "too short"},
		{"override practice too long", func(s *Settings) { s.DayTypes.Hard.Rest.Practice = ptr(Duration(3 * time.Hour)) }, "day_types.hard.rest.practice", "too long"},
		{"override clock time twice", func(s *Settings) { s.DayTypes.LowReadiness.Rest.At = ptr([]ClockTime{Clock(9, 0), Clock(9, 0)}) }, "day_types.low_readiness.rest.at", "twice"},
		{"override practices empty", func(s *Settings) { s.DayTypes.Rest.Movement.Practices = new([]string) }, "day_types.rest.movement.practices", "at least one"},
		{"override practice blank", func(s *Settings) { s.DayTypes.Rest.Movement.Practices = ptr([]string{" "}) }, "day_types.rest.movement.practices[1]", "blank"},
		{"override goal too high", func(s *Settings) { s.DayTypes.LowReadiness.Rest.DailyGoal = ptr(51) }, "day_types.low_readiness.rest.daily_goal", "0 to 50"},
		{"a day type that leaves an anchor no trigger", func(s *Settings) { s.DayTypes.Hard.Breath.Every = new(Duration) }, "day_types.hard.breath", "never come due"},
		{"low readiness that leaves an anchor no trigger", func(s *Settings) { s.DayTypes.LowReadiness.Rest.At = new([]ClockTime) }, "day_types.low_readiness.rest", "low readiness rest days"},
		{"a day type that takes an appointment's times", func(s *Settings) {
			s.DayTypes.Easy.WindDown.At = new([]ClockTime)
			s.DayTypes.Easy.WindDown.Every = ptr(Duration(time.Hour))
		}, "day_types.easy.wind-down.at", "appointment"},
		{"breathing mode unknown", func(s *Settings) { s.DayTypes.Rest.Breathing = ptr(BreathMode(9)) }, "day_types.rest.breathing", "calm, sleep or controlled"},
		{"calm too fast", func(s *Settings) { s.Breathing.Calm.Rate = 9 }, "breathing.calm.rate", "3.0 to 8.0"},
		{"controlled never overbreathes", func(s *Settings) { s.Breathing.Controlled.Rate = 14 }, "breathing.controlled.rate", "4.0 to 12.0"},
		{"sleep exhale too long", func(s *Settings) { s.Breathing.Sleep.ExhaleRatio = 4 }, "breathing.sleep.exhale_ratio", "1.0 to 3.0"},
		{"not a number", func(s *Settings) { s.Breathing.Calm.ExhaleRatio = math.NaN() }, "breathing.calm.exhale_ratio", "out of range"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Defaults()
			tc.change(&s)
			problems := Validate(s)
			if len(problems) != 1 {
				t.Fatalf("got %d problems, want 1: %v", len(problems), problems)
			}
			if problems[0].Key != tc.key || !strings.Contains(problems[0].Message, tc.message) {
				t.Fatalf("got %q, want key %q and a message containing %q", problems[0], tc.key, tc.message)
			}
		})
	}
}

func TestDayTypeOverridesRoundTrip(t *testing.T) {
	custom := Defaults()
	custom.Checkin.At = CheckinClock(Clock(9, 15))
	custom.Days.Mon = LoadRest
	custom.Breathing.Calm = Pace{Rate: 5.5, ExhaleRatio: 2}
	custom.DayTypes.Easy.Posture = Override{Enabled: ptr(false)}
	custom.DayTypes.Rest.Movement.At = new([]ClockTime)
	custom.DayTypes.Rest.Breathing = ptr(BreathSleep)
	custom.DayTypes.LowReadiness.Hydration.DailyGoal = ptr(10)
	for name, s := range map[string]Settings{"custom": custom, "check-in off": withCheckin(CheckinAt{Mode: CheckinOff})} {
		t.Run(name, func(t *testing.T) {
			got, unknown, problems := Parse(Encode(s))
			if len(unknown) > 0 || len(problems) > 0 {
				t.Fatalf("unknown %v, problems %v", unknown, problems)
			}
			if !reflect.DeepEqual(got, s) {
				t.Fatalf("round trip changed the settings:\n got %+v\nwant %+v", got.DayTypes, s.DayTypes)
			}
		})
	}
}

func withCheckin(at CheckinAt) Settings {
	s := Defaults()
	s.Checkin.At = at
	return s
}

func TestParseReadsDayKeys(t *testing.T) {
	text := `[checkin]
at = "07:30"
[days]
fri = "hard"
[breathing.sleep]
rate = 4
[day_types.hard.breath]
every = "45m"
[day_types.rest.posture]
enabled = false
`
	got, unknown, problems := Parse([]byte(text))
	if len(unknown) > 0 || len(problems) > 0 {
		t.Fatalf("unknown %v, problems %v", unknown, problems)
	}
	switch {
	case got.Checkin.At != CheckinClock(Clock(7, 30)):
		t.Errorf("check-in at %s", got.Checkin.At)
	case got.Days.Fri != LoadHard:
		t.Errorf("friday is %s", got.Days.Fri)
	case got.Breathing.Sleep.Rate != 4:
		t.Errorf("an integer rate reads as %v", got.Breathing.Sleep.Rate)
	case got.DayTypes.Hard.Breath.Every.D() != 45*time.Minute || got.DayTypes.Hard.Breath.Practices == nil:
		t.Errorf("the hard day's breath keeps the defaults it does not set: %+v", got.DayTypes.Hard.Breath)
	case *got.DayTypes.Rest.Posture.Enabled:
		t.Error("rest day posture still enabled")
	}
}

func TestParseReportsDayProblems(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unknown override key", "[day_types.hard.breath]\nsnooze = \"5m\"\n", "line 2: day_types.hard.breath.snooze: is not a microrest setting"},
		{"unknown day type", "\n[day_types.medium.breath]\nevery = \"5m\"\n", "line 2: day_types.medium.breath: is not a microrest setting"},
		{"unknown breathing mode", "[breathing.box]\nrate = 4.0\n", "line 1: breathing.box: is not a microrest setting"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, unknown, problems := Parse([]byte(tc.text))
			if len(problems) > 0 || len(unknown) == 0 || !strings.HasPrefix(unknown[0].String(), tc.want) {
				t.Fatalf("unknown %v, problems %v; want %q", unknown, problems, tc.want)
			}
		})
	}
	bad := []struct{ name, text, want string }{
		{"bad load", "[days]\nmon = \"medium\"\n", `line 2: days.mon: "medium" is not a training load`},
		{"bad check-in time", "[checkin]\nat = \"soon\"\n", `line 2: checkin.at: "soon" is not a check-in time`},
		{"bad override duration", "[day_types.hard.breath]\nevery = \"often\"\n", `line 2: day_types.hard.breath.every: "often" is not a duration`},
		{"override out of range", "[day_types.hard.breath]\nevery = \"20h\"\n", "line 2: day_types.hard.breath.every: 20h is too long"},
		{"rate out of range", "[breathing.controlled]\nrate = 20.0\n", "line 2: breathing.controlled.rate: 20.0 is out of range"},
		{"bad breathing mode", "[day_types.hard]\nbreathing = \"box\"\n", `line 2: day_types.hard.breathing: "box" is not a breathing mode`},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, _, problems := Parse([]byte(tc.text))
			if len(problems) == 0 || !strings.Contains(problems[0].String(), tc.want) {
				t.Fatalf("problems %v, want %q", problems, tc.want)
			}
		})
	}
}

func TestEncodeExplainsDayKeys(t *testing.T) {
	text := string(Encode(Defaults()))
	for _, want := range []string{"[checkin]", `at = "first-active"`, "[days]", `sun = "rest"`, "[breathing.controlled]", "4.0 to 12.0 breaths a minute", "[day_types.hard.breath]", "[day_types.low_readiness.rest]", "A key left out keeps"} {
		if !strings.Contains(text, want) {
			t.Errorf("encoded file lacks %q", want)
		}
	}
}

func TestPaceSplitsABreath(t *testing.T) {
	p := Pace{Rate: 5, ExhaleRatio: 1.5}
	if in, out := p.Inhale(), p.Exhale(); math.Abs(in-4.8) > 1e-9 || math.Abs(out-7.2) > 1e-9 {
		t.Fatalf("inhale %v, exhale %v; want 4.8 and 7.2 seconds", in, out)
	}
}
