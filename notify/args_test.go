package notify

import (
	"reflect"
	"testing"

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
			got, ok := decodeArg(encodeArg(key, id))
			want, _ := actionFor(key, id)
			if !ok || !reflect.DeepEqual(got, want) {
				t.Errorf("decodeArg(encodeArg(%q, %d)) = %v, %v; want %v", key, id, got, ok, want)
			}
		}
	}
}

func TestForeignToastArgumentsAreRefused(t *testing.T) {
	for _, s := range []string{"", "done", "done:", "done:x", "nope:1", "done:-1", ":1", "https://example.org", "settings:1", "posture:1", "start:1"} {
		if a, ok := decodeArg(s); ok {
			t.Errorf("decodeArg(%q) = %v, want refused", s, a)
		}
	}
}

func FuzzDecodeArg(f *testing.F) {
	for _, s := range []string{"done:1", "open:18446744073709551615", "snooze:", "x:y:z", "move:3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := decodeArg(s)
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
