package compact

import (
	"strings"
	"testing"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// encodeAll writes msgs back to back, as a compiled catalog holds them.
func encodeAll(t *testing.T, msgs ...*goi18n.Message) string {
	t.Helper()
	var b strings.Builder
	for _, m := range msgs {
		s, err := Encode(m)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(s)
	}
	return b.String()
}

func TestMessagesComeBackAsTheyWereWritten(t *testing.T) {
	tests := []struct {
		name string
		msgs []*goi18n.Message
	}{
		{"none", nil},
		{"a plain text", []*goi18n.Message{{ID: "tray.quit", Other: "Quit microrest"}}},
		{"plural forms and a description", []*goi18n.Message{{ID: "count.wins", Description: "Small wins.", One: "{{.Count}} win", Many: "{{.Count}} de wins", Other: "{{.Count}} wins"}}},
		{"every field", []*goi18n.Message{{ID: "all", Hash: "sha1-x", Description: "d", LeftDelim: "<<", RightDelim: ">>", Zero: "0", One: "1", Two: "2", Few: "f", Many: "m", Other: "o"}}},
		{"an id alone", []*goi18n.Message{{ID: "empty"}}},
		{"= and newlines in a text", []*goi18n.Message{{ID: "a=b", Other: "x = y\nz="}}},
		{"several", []*goi18n.Message{{ID: "a", Other: "A"}, {ID: "b", One: "B"}, {ID: "c", Other: "Ç"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Decode(encodeAll(t, tc.msgs...))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.msgs) {
				t.Fatalf("%d messages, want %d", len(got), len(tc.msgs))
			}
			for i, m := range got {
				if *m != *tc.msgs[i] {
					t.Errorf("message %d: %+v, want %+v", i, *m, *tc.msgs[i])
				}
			}
		})
	}
}

func TestEncodeRefusesWhatDecodeCouldNotTellApart(t *testing.T) {
	tests := []struct {
		name string
		msg  goi18n.Message
		want string
	}{
		{"no id", goi18n.Message{Other: "x"}, "no id"},
		{"a separator in a text", goi18n.Message{ID: "a", Other: "x\x1fy"}, `"a": other holds the control character U+001F`},
		{"an end in a text", goi18n.Message{ID: "a", One: "x\x1e"}, `"a": one holds the control character U+001E`},
		{"a separator in the id", goi18n.Message{ID: "a\x1fb", Other: "x"}, "its id holds"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Encode(&tc.msg); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

func TestDecodeRefusesTextEncodeDidNotWrite(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"an unknown field", "a\x1fother=x\x1fcolor=red\x1e", `"a" has a field "color=red"`},
		{"a field without a name", "a\x1fx\x1e", `"a" has a field "x"`},
		{"no id", "\x1fother=x\x1e", "message 1: a message has no id"},
		{"no end", "a\x1e" + "b\x1fother=x", "ends inside a message"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Decode(tc.text); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

func FuzzRoundTrip(f *testing.F) {
	f.Add("tray.quit", "", "Quit microrest", "", "")
	f.Add("count.wins", "Small wins.", "{{.Count}} wins", "{{.Count}} win", "<<")
	f.Add("a=b", "", "x=\ny", "", "")
	f.Fuzz(func(t *testing.T, id, description, other, one, leftDelim string) {
		in := goi18n.Message{ID: id, Description: description, Other: other, One: one, LeftDelim: leftDelim}
		s, err := Encode(&in)
		if err != nil {
			return // an id or text Encode refuses
		}
		got, err := Decode(s + s)
		if err != nil {
			t.Fatalf("Decode(%q): %v", s, err)
		}
		if len(got) != 2 || *got[0] != in || *got[1] != in {
			t.Fatalf("%q came back as %+v", s, got)
		}
	})
}
