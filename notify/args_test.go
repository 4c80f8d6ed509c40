package notify

import "testing"

func TestToastArgumentsCarryTheAnswerBack(t *testing.T) {
	for _, a := range []Action{{1, Done}, {42, Snooze}, {7, Skip}, {1 << 63, Start}, {0, Open}} {
		got, ok := decodeArg(encodeArg(a))
		if !ok || got != a {
			t.Errorf("decodeArg(encodeArg(%v)) = %v, %v", a, got, ok)
		}
	}
}

func TestForeignToastArgumentsAreRefused(t *testing.T) {
	for _, s := range []string{"", "done", "done:", "done:x", "nope:1", "done:-1", ":1", "https://example.org"} {
		if a, ok := decodeArg(s); ok {
			t.Errorf("decodeArg(%q) = %v, want refused", s, a)
		}
	}
}

func FuzzDecodeArg(f *testing.F) {
	for _, s := range []string{"done:1", "open:18446744073709551615", "snooze:", "x:y:z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := decodeArg(s)
		if ok && encodeArg(a) != s {
			if b, ok2 := decodeArg(encodeArg(a)); !ok2 || b != a {
				t.Errorf("%q decodes to %v, which does not round-trip", s, a)
			}
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
