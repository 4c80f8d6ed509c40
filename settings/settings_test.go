package settings

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want != "" && err == nil:
		t.Fatalf("no error, want one containing %q", want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Fatalf("error %q does not contain %q", err, want)
	}
}

func TestDefaultsAreValid(t *testing.T) {
	if problems := Validate(Defaults()); len(problems) > 0 {
		t.Fatalf("defaults break rules: %v", problems)
	}
}

func TestDefaultsCoverEveryAnchorWithPractices(t *testing.T) {
	s := Defaults()
	for _, k := range Kinds {
		a := s.Anchors.Of(k)
		if !a.Enabled || len(a.Practices) < 3 {
			t.Errorf("%s: enabled=%v with %d practices; every anchor should start on with a few suggestions", k, a.Enabled, len(a.Practices))
		}
	}
	if s.Anchors.Hydration.DailyGoal != 8 {
		t.Errorf("hydration goal = %d, want 8 glasses", s.Anchors.Hydration.DailyGoal)
	}
}

// TestValidateNamesEachBrokenRule changes one thing at a time in the
// defaults and expects exactly one problem, on the right key.
func TestValidateNamesEachBrokenRule(t *testing.T) {
	tests := []struct {
		name    string
		change  func(s *Settings)
		key     string
		message string
	}{
		{"idle threshold too short", func(s *Settings) { s.IdleThreshold = Duration(10 * time.Second) }, "idle_threshold", "too short"},
		{"idle threshold cannot be off", func(s *Settings) { s.IdleThreshold = 0 }, "idle_threshold", `cannot be "off"`},
		{"day start must be a time of day", func(s *Settings) { s.DayStartsAt = Clock(25, 0) }, "day_starts_at", "not a time of day"},
		{"clock grace too long", func(s *Settings) { s.ClockGrace = Duration(5 * time.Hour) }, "clock_grace", "too long"},
		{"combine window too long", func(s *Settings) { s.CombineWithin = Duration(time.Hour) }, "combine_within", "too long"},
		{"return quiet too long", func(s *Settings) { s.ReturnQuiet = Duration(time.Hour) }, "return_quiet", "too long"},
		{"too many pause choices", func(s *Settings) { s.PauseChoices = slicesRepeatDuration(Duration(time.Hour), 7) }, "pause_choices", "at most 6"},
		{"pause choice too long", func(s *Settings) { s.PauseChoices = []Duration{Duration(25 * time.Hour)} }, "pause_choices[1]", "too long"},
		{"escalation delay too short", func(s *Settings) { s.Escalation.After = Duration(time.Second) }, "escalation.after", "too short"},
		{"escalation repeats out of range", func(s *Settings) { s.Escalation.Repeats = 11 }, "escalation.repeats", "0 to 10"},
		{"negative repeats", func(s *Settings) { s.Escalation.Repeats = -1 }, "escalation.repeats", "0 to 10"},
		{"active span ending before it starts", func(s *Settings) { s.ActiveHours.Tue = Span{Start: Clock(9, 0), End: Clock(8, 0)} }, "active_hours.tue", "not a span"},
		{"interval too short", func(s *Settings) { s.Anchors.Movement.Every = Duration(30 * time.Second) }, "anchors.movement.every", "too short"},
		{"interval too long", func(s *Settings) { s.Anchors.Breath.Every = Duration(13 * time.Hour) }, "anchors.breath.every", "1m to 12h"},
		{"clock time out of range", func(s *Settings) { s.Anchors.Rest.At = []ClockTime{Clock(24, 30)} }, "anchors.rest.at", "not a time of day"},
		{"clock time listed twice", func(s *Settings) { s.Anchors.Rest.At = []ClockTime{Clock(14, 0), Clock(14, 0)} }, "anchors.rest.at", "twice"},
		{"too many clock times", func(s *Settings) {
			for i := range 13 {
				s.Anchors.Rest.At = append(s.Anchors.Rest.At, Clock(i, 5))
			}
		}, "anchors.rest.at", "at most 12"},
		{"practice too short", func(s *Settings) { s.Anchors.Posture.Practice = Duration(5 * time.Second) }, "anchors.posture.practice", "too short"},
		{"snooze too short", func(s *Settings) { s.Anchors.Hydration.Snooze = Duration(30 * time.Second) }, "anchors.hydration.snooze", "1m to 2h"},
		{"snooze too long", func(s *Settings) { s.Anchors.Hydration.Snooze = Duration(3 * time.Hour) }, "anchors.hydration.snooze", "too long"},
		{"natural break too short", func(s *Settings) { s.Anchors.Movement.NaturalBreak = Duration(10 * time.Second) }, "anchors.movement.natural_break", "too short"},
		{"daily goal too high", func(s *Settings) { s.Anchors.Hydration.DailyGoal = 51 }, "anchors.hydration.daily_goal", "0 to 50"},
		{"enabled anchor that never comes due", func(s *Settings) { s.Anchors.Breath.Every = 0 }, "anchors.breath", "never come due"},
		{"appointment without clock times", func(s *Settings) { s.Anchors.Movement.Appointment = true; s.AfterMeal = 0 }, "anchors.movement.appointment", `"at" is empty`},
		{"too many meals", func(s *Settings) {
			s.Meals = []ClockTime{Clock(7, 0), Clock(9, 0), Clock(11, 0), Clock(13, 0), Clock(15, 0), Clock(17, 0), Clock(19, 0)}
		}, "meals", "at most 6"},
		{"meal listed twice", func(s *Settings) { s.Meals = []ClockTime{Clock(12, 30), Clock(12, 30)} }, "meals", "lists 12:30 twice"},
		{"meal not a time of day", func(s *Settings) { s.Meals = []ClockTime{Clock(24, 10)} }, "meals", "not a time of day"},
		{"walk after a meal too soon", func(s *Settings) { s.AfterMeal = Duration(2 * time.Minute) }, "after_meal", "5m to 3h"},
		{"walk after a meal too late", func(s *Settings) { s.AfterMeal = Duration(4 * time.Hour) }, "after_meal", "too long"},
		{"walk after a meal not in whole minutes", func(s *Settings) { s.AfterMeal = Duration(15*time.Minute + 30*time.Second) }, "after_meal", "whole minutes"},
		{"movement with meal walks off and no trigger", func(s *Settings) { s.AfterMeal = 0; s.Anchors.Movement.Every = 0 }, "anchors.movement", "never come due"},
		{"no practices", func(s *Settings) { s.Anchors.Posture.Practices = nil }, "anchors.posture.practices", "at least one"},
		{"blank practice", func(s *Settings) { s.Anchors.Posture.Practices[1] = "  " }, "anchors.posture.practices[2]", "blank"},
		{"practice text too long", func(s *Settings) { s.Anchors.Posture.Practices[0] = strings.Repeat("x", 201) }, "anchors.posture.practices[1]", "under 200"},
		{"too many practices", func(s *Settings) { s.Anchors.Posture.Practices = slicesRepeat("Stretch.", 31) }, "anchors.posture.practices", "at most 30"},
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

func slicesRepeatDuration(d Duration, n int) []Duration {
	out := make([]Duration, n)
	for i := range out {
		out[i] = d
	}
	return out
}

func slicesRepeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func TestDefaultsWalkAfterLunchInsteadOfAFixedClockTime(t *testing.T) {
	s := Defaults()
	if len(s.Anchors.Movement.At) != 0 {
		t.Errorf("movement at = %v, want none: the walk after the 12:30 meal replaces the fixed 12:45", s.Anchors.Movement.At)
	}
	if len(s.Meals) != 1 || s.Meals[0] != Clock(12, 30) || s.AfterMeal.D() != 15*time.Minute || !s.MealWalksOn() {
		t.Errorf("meals %v, after_meal %s; want a walk 15m after a 12:30 lunch", s.Meals, s.AfterMeal)
	}
	if !s.WeeklyReview {
		t.Error("the weekly review starts on")
	}
}

func TestMealWalksAreMovementClockTimes(t *testing.T) {
	tests := []struct {
		name   string
		change func(s *Settings)
		ok     bool
	}{
		{"movement with only meal walks comes due", func(s *Settings) { s.Anchors.Movement.Every = 0 }, true},
		{"a movement appointment may rest on meal walks alone", func(s *Settings) { s.Anchors.Movement.Appointment = true }, true},
		{"no meals and no interval never comes due", func(s *Settings) { s.Anchors.Movement.Every = 0; s.Meals = nil }, false},
		{"meal walks are movement's alone", func(s *Settings) { s.Anchors.Breath.Every = 0 }, false},
		{"a day type may clear movement's times while meals walk", func(s *Settings) {
			s.Anchors.Movement.Every = 0
			s.Anchors.Movement.At = []ClockTime{Clock(16, 0)}
			s.DayTypes.Rest.Movement.At = new([]ClockTime)
		}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Defaults()
			tc.change(&s)
			if problems := Validate(s); (len(problems) == 0) != tc.ok {
				t.Fatalf("valid = %v, want %v: %v", len(problems) == 0, tc.ok, problems)
			}
		})
	}
}

func TestWalkAfterAMealWrapsPastMidnight(t *testing.T) {
	s := Defaults()
	for meal, want := range map[ClockTime]ClockTime{Clock(12, 30): Clock(12, 45), Clock(23, 50): Clock(0, 5), Clock(0, 0): Clock(0, 15)} {
		if got := s.WalkAfter(meal); got != want {
			t.Errorf("walk after %s = %s, want %s", meal, got, want)
		}
	}
}

func TestAnOlderFileKeepsItsOwnMovementTimes(t *testing.T) {
	got, unknown, problems := Parse([]byte("[anchors.movement]\nat = [\"12:45\"]\n"))
	if len(problems) > 0 || len(unknown) > 0 {
		t.Fatal(problems, unknown)
	}
	if at := got.Anchors.Movement.At; len(at) != 1 || at[0] != Clock(12, 45) {
		t.Fatalf("movement at = %v, want the file's 12:45", at)
	}
	if len(got.Meals) != 1 || !got.WeeklyReview {
		t.Fatalf("keys the file leaves out take the defaults: meals %v, weekly review %v", got.Meals, got.WeeklyReview)
	}
}

func TestDisabledAnchorWithoutTriggersIsAllowed(t *testing.T) {
	s := Defaults()
	s.Anchors.Breath.Enabled = false
	s.Anchors.Breath.Every = 0
	if problems := Validate(s); len(problems) > 0 {
		t.Fatalf("a switched-off anchor needs no trigger: %v", problems)
	}
}

func TestEncodeThenParseGivesTheSameSettings(t *testing.T) {
	custom := Defaults()
	custom.IdleThreshold = Duration(90 * time.Second)
	custom.Sound = false
	custom.ActiveHours.Sat = Span{Start: Clock(10, 0), End: Clock(24, 0)}
	custom.Anchors.Posture.At = []ClockTime{Clock(21, 30)}
	custom.Anchors.Posture.Practices = append(custom.Anchors.Posture.Practices, `Quotes "and" back\slashes, tabs	and ünïcode`)
	custom.Anchors.Movement.Every = Duration(50 * time.Minute)
	custom.Anchors.Rest.Enabled = false
	custom.Meals = []ClockTime{Clock(7, 30), Clock(12, 0), Clock(19, 15)}
	custom.AfterMeal = Duration(20 * time.Minute)
	custom.WeeklyReview = false
	noWalks := Defaults()
	noWalks.Meals = nil
	noWalks.AfterMeal = 0
	for name, s := range map[string]Settings{"defaults": Defaults(), "customised": custom, "no walks after meals": noWalks} {
		t.Run(name, func(t *testing.T) {
			got, unknown, problems := Parse(Encode(s))
			if len(unknown) > 0 || len(problems) > 0 {
				t.Fatalf("unknown %v, problems %v", unknown, problems)
			}
			if !reflect.DeepEqual(got, s) {
				t.Fatalf("round trip changed the settings:\n got %+v\nwant %+v", got, s)
			}
		})
	}
}

func TestEncodeExplainsEveryKey(t *testing.T) {
	text := string(Encode(Defaults()))
	for _, want := range []string{"# Idle shorter than this", "[escalation]", "[active_hours]", "[anchors.wind-down]", "natural_break  time away", "appointment    the clock times",
		"meals = [\"12:30\"]", "after_meal = \"15m\"", "5m to 3h, or \"off\"", "weekly_review = true"} {
		if !strings.Contains(text, want) {
			t.Errorf("encoded file lacks %q", want)
		}
	}
}

func TestParseKeepsDefaultsForKeysLeftOut(t *testing.T) {
	got, _, problems := Parse([]byte("[anchors.movement]\nevery = \"50m\"\n"))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	want := Defaults()
	want.Anchors.Movement.Every = Duration(50 * time.Minute)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, want defaults with movement every 50m", got)
	}
}

func TestParseReportsUnknownKeysWithTheirLines(t *testing.T) {
	text := "idle_threshold = \"2m\"\nidle_treshold = \"4m\"\n[anchors.movement]\nintervall = \"1h\"\n"
	got, unknown, problems := Parse([]byte(text))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if got.IdleThreshold.D() != 2*time.Minute {
		t.Errorf("known keys still apply; idle threshold = %v", got.IdleThreshold)
	}
	want := []string{"line 2: idle_treshold: is not a microrest setting", "line 4: anchors.movement.intervall: is not a microrest setting"}
	if len(unknown) != len(want) {
		t.Fatalf("unknown = %v, want %v", unknown, want)
	}
	for i, w := range want {
		if !strings.HasPrefix(unknown[i].String(), w) {
			t.Errorf("unknown[%d] = %q, want prefix %q", i, unknown[i], w)
		}
	}
}

func TestParseProblemsNameLineKeyAndCause(t *testing.T) {
	tests := []struct {
		name, text string
		want       string
	}{
		{"bad TOML", "idle_threshold = \"3m\"\nsound = tru\n", "line 2"},
		{"bad duration", "[anchors.breath]\nenabled = true\nevery = \"ninety\"\n", `line 3: anchors.breath.every: "ninety" is not a duration`},
		{"interval zero", "[anchors.movement]\nevery = \"0m\"\n", `line 2: anchors.movement.every: "0m" is zero`},
		{"number where a duration goes", "idle_threshold = 3\n", `line 1: idle_threshold: "3" has no unit`},
		{"rule broken", "\n\n[anchors.hydration]\ndaily_goal = 99\n", "line 4: anchors.hydration.daily_goal: 99 is out of range"},
		{"wrong type", "sound = \"yes\"\n", "line 1"},
		{"bad clock time", "[anchors.rest]\nat = [\"25:00\"]\n", `line 2: anchors.rest.at: "25:00" is not a time of day`},
		{"indexed key found on its list line", "[anchors.rest]\npractices = [\n \"\",\n]\n", "line 2: anchors.rest.practices[1]: is blank"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _, problems := Parse([]byte(tc.text))
			if len(problems) == 0 {
				t.Fatal("no problem reported")
			}
			if !strings.Contains(problems[0].String(), tc.want) {
				t.Fatalf("problem %q does not contain %q", problems[0], tc.want)
			}
			if !reflect.DeepEqual(got, Defaults()) {
				t.Fatal("a broken file must yield the defaults")
			}
		})
	}
}

func TestLoadWritesCommentedDefaultsWhenTheFileIsMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "microrest", "settings.toml")
	loaded, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !loaded.Created || !reflect.DeepEqual(loaded.Settings, Defaults()) {
		t.Fatalf("got created=%v, settings differ from defaults=%v", loaded.Created, !reflect.DeepEqual(loaded.Settings, Defaults()))
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(data, Encode(Defaults())) {
		t.Fatalf("file holds %d bytes (err %v), want the encoded defaults", len(data), err)
	}
	assertMode(t, path, 0o600)
	assertMode(t, filepath.Dir(path), 0o700)
	again, err := Load(path)
	if err != nil || again.Created {
		t.Fatalf("second load: created=%v err=%v", again.Created, err)
	}
}

func TestLoadLeavesABrokenFileByteForByte(t *testing.T) {
	tests := []struct{ name, text, key string }{
		{"bad TOML", "idle_threshold = \"3m\n", "idle_threshold"},
		{"bad duration", "[anchors.movement]\nevery = \"an hour\"\n", "anchors.movement.every"},
		{"interval zero", "[anchors.movement]\nevery = \"0s\"\n", "anchors.movement.every"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "settings.toml")
			if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			loaded, err := Load(path)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("err = %v, want a *FileError", err)
			}
			for _, want := range []string{path, tc.key, "defaults"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message %q does not name %q", err, want)
				}
			}
			if !reflect.DeepEqual(loaded.Settings, Defaults()) {
				t.Error("a broken file must leave the defaults in use")
			}
			data, _ := os.ReadFile(path)
			if string(data) != tc.text {
				t.Fatalf("file changed to %q", data)
			}
			assertMode(t, path, 0o644)
		})
	}
}

func TestSaveIsAtomicAndPrivate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "settings.toml")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := Defaults()
	s.Sound = false
	if err := Save(path, s); err != nil {
		t.Fatal(err)
	}
	assertMode(t, path, 0o600)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
	loaded, err := Load(path)
	if err != nil || loaded.Settings.Sound {
		t.Fatalf("saved settings did not read back: %v", err)
	}
}

func TestSaveRefusesInvalidSettings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "settings.toml")
	s := Defaults()
	s.Anchors.Movement.Snooze = 0
	err := Save(path, s)
	if err == nil || !strings.Contains(err.Error(), "anchors.movement.snooze") {
		t.Fatalf("err = %v, want one naming the snooze", err)
	}
	if _, statErr := os.Stat(path); !errors.Is(statErr, os.ErrNotExist) {
		t.Fatal("an invalid save must not write a file")
	}
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s has mode %o, want %o", path, got, want)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(Encode(Defaults()))
	for _, seed := range []string{
		"", "idle_threshold = 3\n", "[anchors.movement]\nevery = \"0s\"\n", "x = [\n",
		"[active_hours]\nmon = \"22:00-02:00\"\n", "[anchors.rest]\nat = [\"25:00\"]\n",
		"[anchors.breath]\npractices = []\n", "pause_choices = [\"1m\", \"off\"]\n",
		"[day_types.hard.breath]\nat = []\npractices = []\n", "[breathing.calm]\nrate = nan\n",
		"[checkin]\nat = \"24:00\"\n", "[days]\nsun = \"\"\n", "[day_types.rest]\nbreathing = \"sleep\"\n",
		"meals = []\nafter_meal = \"off\"\n", "meals = [\"23:59\"]\nafter_meal = \"90s\"\n", "weekly_review = 1\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, _, problems := Parse(data)
		if len(problems) > 0 {
			if !reflect.DeepEqual(s, Defaults()) {
				t.Fatal("a rejected file must give the defaults")
			}
			return
		}
		if v := Validate(s); len(v) > 0 {
			t.Fatalf("accepted settings break rules: %v", v)
		}
		again, unknown, problems := Parse(Encode(s))
		if len(problems) > 0 || len(unknown) > 0 || !reflect.DeepEqual(again, s) {
			t.Fatalf("accepted settings do not round-trip: %v %v", problems, unknown)
		}
	})
}

func TestReloadNeverWritesAndReportsAMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "settings.toml")
	if _, err := Reload(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("err = %v, want not-exist", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("Reload must not create the file")
	}
	if err := os.WriteFile(path, []byte("[anchors.movement]\nevery = \"40m\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	loaded, err := Reload(path)
	if err != nil || loaded.Settings.Anchors.Movement.Every.D() != 40*time.Minute {
		t.Fatalf("reload: %v, every %v", err, loaded.Settings.Anchors.Movement.Every)
	}
}
