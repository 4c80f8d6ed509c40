package notify

import (
	"reflect"
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/window"
)

func TestEachKeyReadsBackAsTheCommandForItsPrompt(t *testing.T) {
	tests := []struct {
		key  string
		id   uint64
		want Action
	}{
		{keyDone, 7, Action{Prompt: 7, Command: reminders.Done{Prompt: 7}}},
		{keySnooze, 42, Action{Prompt: 42, Command: reminders.Snooze{Prompt: 42}}},
		{keySkip, 1 << 63, Action{Prompt: 1 << 63, Command: reminders.Skip{Prompt: 1 << 63}}},
		{"breathe", 3, Action{Prompt: 3, Window: window.Breathe}},
		{"move", 3, Action{Prompt: 3, Window: window.Move}},
		{keyOpen, 0, Action{Window: window.Prompt}},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			got, ok := actionFor(tc.key, tc.id)
			if !ok || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("actionFor(%q, %d) = %v, %v; want %v", tc.key, tc.id, got, ok, tc.want)
			}
		})
	}
}

func TestToastArgumentsCarryTheAnswerBack(t *testing.T) {
	for _, key := range []string{keyDone, keySnooze, keySkip, keyOpen, "breathe"} {
		for _, id := range []uint64{0, 1, 42, 1<<64 - 1} {
			got, ok := decodeArg(encodeArg(key, id), 0)
			want, _ := actionFor(key, id)
			if !ok || !reflect.DeepEqual(got, want) {
				t.Errorf("decodeArg(encodeArg(%q, %d)) = %v, %v; want %v", key, id, got, ok, want)
			}
		}
	}
}

func TestForeignToastArgumentsAreRefused(t *testing.T) {
	for _, s := range []string{"", "done", "done:", "done:x", "nope:1", "done:-1", ":1", "https://example.org", "settings:1", "posture:1", "start:1"} {
		if a, ok := decodeArg(s, 0); ok {
			t.Errorf("decodeArg(%q) = %v, want refused", s, a)
		}
	}
}

func TestACheckinToastAnswersOnlyTheDayStillAsked(t *testing.T) {
	day := time.Date(2026, 12, 1, 4, 0, 0, 0, time.Local)
	today := checkinDate(day)
	rough := Action{Command: reminders.AnswerCheckin{Checkin: reminders.Checkin{Stiffness: 4, Mood: 2, Energy: 2, SleepQuality: 2}}}
	details := Action{Window: window.Checkin}
	tests := []struct {
		name string
		arg  string
		open uint64
		want Action
		ok   bool
	}{
		{"a preset while asked", encodeArg(keyCheckinRough, today), today, rough, true},
		{"a preset once answered", encodeArg(keyCheckinRough, today), 0, Action{}, false},
		{"a preset from yesterday", encodeArg(keyCheckinRough, checkinDate(day.AddDate(0, 0, -1))), today, Action{}, false},
		{"a preset without a date", encodeArg(keyCheckinRough, 0), 0, Action{}, false},
		{"details once answered", encodeArg(keyCheckinDetails, today), 0, details, true},
		{"a prompt's answer is not the check-in's", encodeArg(keyDone, today), today, Action{Prompt: today, Command: reminders.Done{Prompt: today}}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := decodeArg(tc.arg, tc.open)
			if ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("decodeArg(%q, %d) = %v, %v; want %v, %v", tc.arg, tc.open, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func FuzzDecodeArg(f *testing.F) {
	for _, s := range []string{"done:1", "open:18446744073709551615", "snooze:", "x:y:z", "move:3", "checkin-good:20261201", "checkin-details:0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := decodeArg(s, 20261201)
		if !ok {
			return
		}
		if a.Command == nil && a.Window == 0 {
			t.Errorf("%q decodes to an action that asks for nothing", s)
		}
	})
}

func TestAppleScriptStringsEscapeOnlyWhatAppleScriptKnows(t *testing.T) {
	cases := map[string]string{
		`Walk`:         `"Walk"`,
		`say "hi"`:     `"say \"hi\""`,
		`back\slash`:   `"back\\slash"`,
		"two\nlines ☕": "\"two\nlines ☕\"",
	}
	for in, want := range cases {
		if got := appleScriptString(in); got != want {
			t.Errorf("appleScriptString(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTheDisplayScriptQuotesTheWordsAndAsksForSoundOnlyWhenOn(t *testing.T) {
	if got, want := displayScript(`Rest "now"`, "Feet up", false), `display notification "Feet up" with title "Rest \"now\""`; got != want {
		t.Errorf("without sound %q, want %q", got, want)
	}
	if got, want := displayScript("Rest", "Feet up", true), `display notification "Feet up" with title "Rest" sound name "default"`; got != want {
		t.Errorf("with sound %q, want %q", got, want)
	}
}
