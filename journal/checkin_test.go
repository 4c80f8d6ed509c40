package journal

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

const (
	checkinLine = `{"time":"2026-12-01T09:02:11+01:00","kind":"checkin","stiffness":2,"mood":4,"energy":3,"sleep":4,"load":"hard"}`
	futureLine  = `{"time":"2026-12-01T09:05:00+01:00","kind":"weight","kg":71.5,"anchor":5}`
)

var morning = time.Date(2026, 12, 1, 9, 2, 11, 0, plusOne)

func TestACheckinIsWrittenInTheDocumentedLineFormatAndReadsBack(t *testing.T) {
	tests := []struct {
		name string
		in   Checkin
		want string
	}{
		{"every item and the load", checkin(morning, 2, 4, 3, 4, settings.LoadHard), checkinLine},
		{
			"unanswered items are left out of the line",
			checkin(morning, 0, 5, 0, 1, settings.LoadUnset),
			`{"time":"2026-12-01T09:02:11+01:00","kind":"checkin","mood":5,"sleep":1}`,
		},
		{
			"a load alone is a check-in",
			checkin(morning, 0, 0, 0, 0, settings.LoadRest),
			`{"time":"2026-12-01T09:02:11+01:00","kind":"checkin","load":"rest"}`,
		},
		{
			"sub-second digits are dropped as for outcomes",
			checkin(morning.Add(999*time.Millisecond), 1, 0, 0, 0, settings.LoadEasy),
			`{"time":"2026-12-01T09:02:11+01:00","kind":"checkin","stiffness":1,"load":"easy"}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want || !json.Valid(got) {
				t.Fatalf("got  %s\nwant %s", got, tt.want)
			}
			var out Checkin
			if err := out.UnmarshalJSON(got); err != nil {
				t.Fatalf("%s: %v", got, err)
			}
			want := tt.in
			want.Time = want.Time.Truncate(time.Second)
			if !sameCheckin(out, want) {
				t.Errorf("%s read back as %+v, want %+v", got, out, want)
			}
		})
	}
}

func TestEveryEngineItemHasItsOwnLineKey(t *testing.T) {
	if len(lineKeys) != len(reminders.CheckinItems) {
		t.Fatalf("%d line keys for %d engine items", len(lineKeys), len(reminders.CheckinItems))
	}
	seen := map[string]bool{}
	for _, it := range reminders.CheckinItems {
		k := lineKey(it)
		if seen[k] || k == "" {
			t.Errorf("%s has the key %q, which is empty or another item's", it, k)
		}
		seen[k] = true
	}
}

func TestACheckinThatCouldNotBeReadBackIsRefused(t *testing.T) {
	tests := []struct {
		name  string
		in    Checkin
		field string // empty for ErrNoAnswers
	}{
		{"a check-in without a time", checkin(time.Time{}, 3, 0, 0, 0, settings.LoadUnset), "time"},
		{"a mood of 9", checkin(morning, 0, 9, 0, 0, settings.LoadUnset), "mood"},
		{"a negative stiffness", checkin(morning, -1, 0, 0, 0, settings.LoadUnset), "stiffness"},
		{"a sleep of 6", checkin(morning, 0, 0, 0, 6, settings.LoadEasy), "sleep"},
		{"a load that is none of rest, easy or hard", checkin(morning, 3, 3, 3, 3, settings.TrainingLoad(4)), "load"},
		{"a check-in that answers nothing", checkin(morning, 0, 0, 0, 0, settings.LoadUnset), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is refused", func(t *testing.T) {
			_, err := tt.in.MarshalJSON()
			if tt.field == "" {
				if !errors.Is(err, ErrNoAnswers) {
					t.Errorf("got %v, want ErrNoAnswers", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field {
				t.Errorf("got error %v, want one about field %q", err, tt.field)
			}
		})
	}
}

// checkinLineCases seed FuzzParseLine as well.
var checkinLineCases = []struct {
	name   string
	line   string
	reason string // a part of the reason it is skipped; empty when it parses
}{
	{"a check-in as the journal writes it parses", checkinLine, ""},
	{"a check-in of one item parses", `{"time":"2026-12-01T09:02:11Z","kind":"checkin","energy":5}`, ""},
	{"a check-in of a load alone parses", `{"kind":"checkin","load":"easy","time":"2026-12-01T09:02:11Z"}`, ""},
	{"a whole number written as 3.0 is 3", `{"time":"2026-12-01T09:02:11Z","kind":"checkin","mood":3.0,"sleep":4e0}`, ""},
	{"a null item is unanswered", `{"time":"2026-12-01T09:02:11Z","kind":"checkin","mood":null,"sleep":2,"load":null}`, ""},
	{"outcome fields on a check-in are ignored", `{"time":"2026-12-01T09:02:11Z","kind":"checkin","mood":2,"anchor":7,"active_min":"x"}`, ""},
	{"check-in fields on an outcome are ignored", `{"time":"2026-12-01T09:02:11Z","anchor":"breath","outcome":"done","mood":9,"load":5}`, ""},
	{"an outcome may name its kind", `{"time":"2026-12-01T09:02:11Z","kind":"outcome","anchor":"breath","outcome":"done"}`, ""},
	{"an escaped kind takes the slow path and still parses", `{"time":"2026-12-01T09:02:11Z","kind":"check\u0069n","mood":1}`, ""},
	{"a mood of 9 is named", `{"time":"2026-12-01T09:02:11Z","kind":"checkin","mood":9}`, `field "mood": 9 is outside 1 to 5`},
	{"a mood of 0 is named: unanswered is left out", `{"time":"2026-12-01T09:02:11Z","kind":"checkin","mood":0,"sleep":3}`, `field "mood": 0 is outside 1 to 5`},
	{"a load of heavy is named", `{"time":"2026-12-01T09:02:11Z","kind":"checkin","mood":2,"load":"heavy"}`, `field "load": "heavy" is not a training load; use rest, easy or hard`},
	{"a fraction is named", `{"time":"2026-12-01T09:02:11Z","kind":"checkin","energy":2.5}`, `field "energy": 2.5 is not a whole number`},
	{"a word is named", `{"time":"2026-12-01T09:02:11Z","kind":"checkin","energy":"three"}`, `field "energy": "three" is not a number from 1 to 5`},
	{"a huge number is named", `{"time":"2026-12-01T09:02:11Z","kind":"checkin","sleep":1e999}`, `field "sleep": 1e999 is outside 1 to 5`},
	{"a load that is a number is named", `{"time":"2026-12-01T09:02:11Z","kind":"checkin","load":3}`, `field "load": 3 is not a string`},
	{"a check-in without a time is named", `{"kind":"checkin","mood":3}`, `field "time": missing`},
	{"a check-in that answers nothing is named", `{"time":"2026-12-01T09:02:11Z","kind":"checkin"}`, ErrNoAnswers.Error()},
	{"a kind that is not a string is named", `{"time":"2026-12-01T09:02:11Z","kind":1,"mood":3}`, `field "kind": 1 is not a string`},
}

func TestCheckinLinesAreParsedOrRejectedWithAReason(t *testing.T) {
	for _, tt := range checkinLineCases {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseLine([]byte(tt.line), nil)
			if tt.reason == "" {
				if err != nil {
					t.Fatalf("want it to parse, got %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.reason) {
				t.Fatalf("got error %v, want one saying %q", err, tt.reason)
			}
		})
	}
}

func TestACheckinLineIsNotAnOutcomeNorTheOtherWayRound(t *testing.T) {
	var e Entry
	if err := e.UnmarshalJSON([]byte(checkinLine)); err == nil || !strings.Contains(err.Error(), "checkin line is not an outcome") {
		t.Errorf("an outcome read from a check-in line: %+v, %v", e, err)
	}
	var c Checkin
	if err := c.UnmarshalJSON([]byte(goodLine1)); err == nil || !strings.Contains(err.Error(), "outcome line is not a check-in") {
		t.Errorf("a check-in read from an outcome line: %+v, %v", c, err)
	}
	var f Checkin
	if err := f.UnmarshalJSON([]byte(futureLine)); err == nil || !strings.Contains(err.Error(), `"weight" is a kind of line`) {
		t.Errorf("a check-in read from a line of another kind: %+v, %v", f, err)
	}
}

func TestEveryLoadReadsBackAndAHandTypedOneIsUnderstood(t *testing.T) {
	for _, l := range settings.Loads {
		t.Run(l.String()+" reads back", func(t *testing.T) {
			line, err := checkin(morning, 0, 0, 0, 0, l).MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			var c Checkin
			if err := c.UnmarshalJSON(line); err != nil || c.Load != l {
				t.Errorf("%s read back as %+v, %v", line, c, err)
			}
		})
	}
	var c Checkin
	if err := c.UnmarshalJSON([]byte(`{"time":"2026-12-01T09:02:11Z","kind":"checkin","load":" Hard"}`)); err != nil || c.Load != settings.LoadHard {
		t.Errorf("a load typed by hand read as %+v, %v", c, err)
	}
}
