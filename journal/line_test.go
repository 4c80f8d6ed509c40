package journal

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

func TestEveryAnchorAndOutcomeSurvivesALine(t *testing.T) {
	loc := berlin(t)
	for _, k := range settings.Kinds {
		for _, o := range reminders.Outcomes {
			in := Entry{
				Time:     at(loc, 2026, time.November, 27, 10, 4).Add(5 * time.Second),
				Anchor:   k,
				Outcome:  o,
				Practice: `Say "ah" & exhale <slowly>` + "\n\t\u2028ü",
				Active:   58*time.Minute + 30*time.Second,
			}
			t.Run(k.String()+" "+o.String()+" reads back unchanged", func(t *testing.T) {
				line, err := in.MarshalJSON()
				if err != nil {
					t.Fatal(err)
				}
				var out Entry
				if err := out.UnmarshalJSON(line); err != nil {
					t.Fatalf("%s: %v", line, err)
				}
				if !sameEntry(in, out) {
					t.Errorf("%s read back as %+v, want %+v", line, out, in)
				}
			})
		}
	}
}

func TestAnEntryIsWrittenInTheDocumentedLineFormat(t *testing.T) {
	tests := []struct {
		name string
		in   Entry
		want string
	}{
		{
			name: "a movement win keeps its offset and rounds active time to a tenth of a minute",
			in: Entry{
				Time: time.Date(2026, 11, 27, 10, 4, 5, 999, plusOne), Anchor: settings.Movement,
				Outcome: reminders.OutcomeDone, Practice: "Walk", Active: 58*time.Minute + 29*time.Second,
			},
			want: `{"time":"2026-11-27T10:04:05+01:00","anchor":"movement","outcome":"done","practice":"Walk","active_min":58.5}`,
		},
		{
			name: "an entry without a practice leaves the field out and writes whole minutes without a fraction",
			in:   entry(time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC), settings.WindDown, reminders.OutcomeAutoDone, time.Hour),
			want: `{"time":"2026-03-01T08:00:00Z","anchor":"wind-down","outcome":"auto-done","active_min":60}`,
		},
		{
			name: "a zone offset with seconds is written in UTC rather than as another instant",
			in:   entry(time.Date(1890, 1, 1, 12, 0, 0, 0, time.FixedZone("LMT", 53*60+28)), settings.Rest, reminders.OutcomeMissed, 0),
			want: `{"time":"1890-01-01T11:06:32Z","anchor":"rest","outcome":"missed","active_min":0}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if !json.Valid(got) {
				t.Errorf("%s is not valid JSON", got)
			}
		})
	}
}

func TestAnEntryThatCouldNotBeReadBackIsRefused(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 4, 5, 0, plusOne)
	tests := []struct {
		name  string
		in    Entry
		field string
	}{
		{"an entry without a time is refused", Entry{Anchor: settings.Breath, Outcome: reminders.OutcomeDone}, "time"},
		{"a year past 9999 is refused", entry(now.AddDate(8000, 0, 0), settings.Breath, reminders.OutcomeDone, 0), "time"},
		{
			"a time that is year 10000 once written in UTC is refused",
			entry(time.Date(9999, 12, 31, 23, 50, 0, 0, time.FixedZone("DMT", -(25*60+21))), settings.Breath, reminders.OutcomeDone, 0),
			"time",
		},
		{"an unknown anchor is refused", entry(now, settings.Kind(42), reminders.OutcomeDone, 0), "anchor"},
		{"the zero outcome is refused", entry(now, settings.Breath, 0, 0), "outcome"},
		{"negative active time is refused", entry(now, settings.Breath, reminders.OutcomeDone, -time.Second), "active_min"},
		{"absurd active time is refused", entry(now, settings.Breath, reminders.OutcomeDone, 3*365*24*time.Hour), "active_min"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.in.MarshalJSON()
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field {
				t.Errorf("got error %v, want one about field %q", err, tt.field)
			}
		})
	}
}

// lineCases seed FuzzParseLine as well.
var lineCases = []struct {
	name  string
	line  string
	field string // empty when the line parses
}{
	{"a line as the journal writes it parses", `{"time":"2026-11-27T10:04:05+01:00","anchor":"movement","outcome":"done","practice":"Walk","active_min":58.5}`, ""},
	{"unknown fields of every kind are ignored", `{"v":2,"time":"2026-11-27T10:04:05+01:00","mood":"good","anchor":"breath","outcome":"natural","ok":true,"tags":["a",{"b":null}],"active_min":1e1,"x":null}`, ""},
	{"whitespace and a carriage return are tolerated", " { \"time\" : \"2026-11-27T10:04:05Z\" , \"anchor\":\"posture\",\"outcome\":\"skipped\" }\r", ""},
	{"escaped strings take the slow path and still parse", `{"time":"2026-11-27T10:04:05+01:00","anchor":"hydr\u0061tion","outcome":"snoozed","practice":"say \"ah\""}`, ""},
	{"a null practice is no practice", `{"time":"2026-11-27T10:04:05+01:00","anchor":"rest","outcome":"missed","practice":null}`, ""},
	{"a spelling people type for wind-down is accepted", `{"time":"2026-11-27T22:04:05+01:00","anchor":"winddown","outcome":"auto-done"}`, ""},
	{"fractional seconds are accepted and dropped", `{"time":"2026-11-27T10:04:05.75+01:00","anchor":"movement","outcome":"done"}`, ""},
	{"a missing time is named", `{"anchor":"movement","outcome":"done"}`, "time"},
	{"a time that is not RFC 3339 is named", `{"time":"27/11/2026 10:04","anchor":"movement","outcome":"done"}`, "time"},
	{"a time without a zone offset is named", `{"time":"2026-11-27T10:04:05","anchor":"movement","outcome":"done"}`, "time"},
	{"a time that is a number is named", `{"time":1764234245,"anchor":"movement","outcome":"done"}`, "time"},
	{"a null time is missing", `{"time":null,"anchor":"movement","outcome":"done"}`, "time"},
	{"the zero time is named", `{"time":"0001-01-01T00:00:00Z","anchor":"movement","outcome":"done"}`, "time"},
	{"a missing anchor is named", `{"time":"2026-11-27T10:04:05+01:00","outcome":"done"}`, "anchor"},
	{"an unknown anchor is named", `{"time":"2026-11-27T10:04:05+01:00","anchor":"juggling","outcome":"done"}`, "anchor"},
	{"a missing outcome is named", `{"time":"2026-11-27T10:04:05+01:00","anchor":"movement"}`, "outcome"},
	{"an unknown outcome is named", `{"time":"2026-11-27T10:04:05+01:00","anchor":"movement","outcome":"Done"}`, "outcome"},
	{"negative active minutes are named", `{"time":"2026-11-27T10:04:05+01:00","anchor":"movement","outcome":"done","active_min":-1}`, "active_min"},
	{"active minutes out of float range are named", `{"time":"2026-11-27T10:04:05+01:00","anchor":"movement","outcome":"done","active_min":1e400}`, "active_min"},
	{"active minutes as a string are named", `{"time":"2026-11-27T10:04:05+01:00","anchor":"movement","outcome":"done","active_min":"5"}`, "active_min"},
	{"a practice that is not a string is named", `{"time":"2026-11-27T10:04:05+01:00","anchor":"movement","outcome":"done","practice":5}`, "practice"},
	{"key matching is exact, so TIME is not time", `{"TIME":"2026-11-27T10:04:05+01:00","anchor":"movement","outcome":"done"}`, "time"},
}

func TestJournalLinesAreParsedOrRejectedNamingTheField(t *testing.T) {
	for _, tt := range lineCases {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseLine([]byte(tt.line), nil)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("want it to parse, got %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field {
				t.Fatalf("got error %v, want one about field %q", err, tt.field)
			}
			if !strings.Contains(err.Error(), `"`+tt.field+`"`) {
				t.Errorf("error %q does not name the field", err)
			}
		})
	}
}

func TestBrokenJSONIsRejectedWithAnError(t *testing.T) {
	for _, line := range []string{``, `{`, `{"time":"2026-11-27T10:04:05+01:00","anchor":"move`, `[]`, `{"a":1}}`, `nul`} {
		t.Run("a line of "+line+" is rejected", func(t *testing.T) {
			if e, err := parseLine([]byte(line), nil); err == nil {
				t.Errorf("parsed as %+v, want an error", e)
			}
		})
	}
}

func TestParsedFieldsHaveTheRightValues(t *testing.T) {
	l, err := parseLine([]byte(`{"time":"2026-11-27T10:04:05.9+01:00","anchor":"wind_down","outcome":"natural","practice":"Wälk","active_min":0.26}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Entry{
		Time:   time.Date(2026, 11, 27, 10, 4, 5, 0, plusOne),
		Anchor: settings.WindDown, Outcome: reminders.OutcomeNatural, Practice: "Wälk", Active: 18 * time.Second,
	}
	if l.Kind != KindOutcome || !sameEntry(l.Entry, want) {
		t.Errorf("got %+v, want %+v", l, want)
	}
}

func TestEntryWorksInsideEncodingJSON(t *testing.T) {
	in := []Entry{entry(time.Date(2026, 11, 27, 10, 4, 5, 0, plusOne), settings.Hydration, reminders.OutcomeDone, 45*time.Minute)}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out []Entry
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || !sameEntry(in[0], out[0]) {
		t.Errorf("%s read back as %+v", b, out)
	}
}

func TestActiveMinutesReadExactlyAsParseFloatWould(t *testing.T) {
	for _, tok := range []string{"0", "7", "0.1", "0.3", "58.5", "999999999.9", "1.25", "1e1", "-0", "0.0"} {
		t.Run(tok+" reads the same on the fast path", func(t *testing.T) {
			s := scanner{b: []byte(tok)}
			got := s.float()
			want, err := strconv.ParseFloat(tok, 64)
			if s.bad || err != nil || got != want {
				t.Errorf("fast path %v (gave up: %v), ParseFloat %v (%v)", got, s.bad, want, err)
			}
		})
	}
}
