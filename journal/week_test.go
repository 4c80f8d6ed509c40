package journal

import (
	"strings"
	"testing"
)

var weekCases = []struct {
	name   string
	in     string
	want   ISOWeek
	reason string // a part of the error; empty when it parses
}{
	{"a week of the year", "2026-W48", ISOWeek{2026, 48}, ""},
	{"the first week", "2026-W01", ISOWeek{2026, 1}, ""},
	{"2026 has a week 53", "2026-W53", ISOWeek{2026, 53}, ""},
	{"2020 has a week 53", "2020-W53", ISOWeek{2020, 53}, ""},
	{"2025 has no week 53", "2025-W53", ISOWeek{}, "2025 has weeks 01 to 52"},
	{"week 60 is named", "2026-W60", ISOWeek{}, "2026 has weeks 01 to 53"},
	{"week 00 is named", "2026-W00", ISOWeek{}, "2026 has weeks 01 to 53"},
	{"a week without its W", "2026-48", ISOWeek{}, "is not an ISO week YYYY-Www, such as 2026-W48"},
	{"a week without its year", "W48", ISOWeek{}, "is not an ISO week YYYY-Www, such as 2026-W48"},
	{"a one-digit week", "2026-W4", ISOWeek{}, "is not an ISO week YYYY-Www, such as 2026-W48"},
	{"a lower-case w", "2026-w48", ISOWeek{}, "is not an ISO week YYYY-Www, such as 2026-W48"},
	{"a sign in the week", "2026-W+4", ISOWeek{}, "is not an ISO week YYYY-Www, such as 2026-W48"},
	{"a two-digit year", "26-W48", ISOWeek{}, "is not an ISO week YYYY-Www, such as 2026-W48"},
	{"nothing", "", ISOWeek{}, "is not an ISO week YYYY-Www, such as 2026-W48"},
}

func TestAnISOWeekIsParsedOrRefusedWithTheFormItTakes(t *testing.T) {
	for _, tt := range weekCases {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseISOWeek(tt.in)
			if tt.reason == "" {
				if err != nil || got != tt.want || got.String() != tt.in {
					t.Errorf("ParseISOWeek(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("ParseISOWeek(%q) = %v, %v; want an error saying %q", tt.in, got, err, tt.reason)
			}
		})
	}
}

func TestWeeksCrossTheYearsEndAsISOSays(t *testing.T) {
	tests := []struct {
		name           string
		week           ISOWeek
		monday, sunday Date
		prev, next     ISOWeek
	}{
		{"2026-W01 begins in December 2025", ISOWeek{2026, 1}, Date{2025, 12, 29}, Date{2026, 1, 4}, ISOWeek{2025, 52}, ISOWeek{2026, 2}},
		{"2026-W53 ends in January 2027", ISOWeek{2026, 53}, Date{2026, 12, 28}, Date{2027, 1, 3}, ISOWeek{2026, 52}, ISOWeek{2027, 1}},
		{"2026-W48 is the last week of November", ISOWeek{2026, 48}, Date{2026, 11, 23}, Date{2026, 11, 29}, ISOWeek{2026, 47}, ISOWeek{2026, 49}},
		{"2021-W01 comes after 2020-W53", ISOWeek{2021, 1}, Date{2021, 1, 4}, Date{2021, 1, 10}, ISOWeek{2020, 53}, ISOWeek{2021, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.week.Monday(); got != tt.monday {
				t.Errorf("Monday %v, want %v", got, tt.monday)
			}
			if got := tt.week.Sunday(); got != tt.sunday {
				t.Errorf("Sunday %v, want %v", got, tt.sunday)
			}
			if got := tt.week.Prev(); got != tt.prev {
				t.Errorf("Prev %v, want %v", got, tt.prev)
			}
			if got := tt.week.Next(); got != tt.next {
				t.Errorf("Next %v, want %v", got, tt.next)
			}
		})
	}
}

func TestEveryDayIsInTheWeekItsMondayBegins(t *testing.T) {
	for d := (Date{1999, 12, 20}); d.Year < 2041; d = d.AddDays(1) {
		w := WeekOf(d)
		if m := w.Monday(); d.Sub(m) < 0 || d.Sub(m) > 6 || WeekOf(m) != w {
			t.Fatalf("%v is in %v, whose Monday is %v", d, w, m)
		}
		if back, err := ParseISOWeek(w.String()); err != nil || back != w {
			t.Fatalf("%v wrote %q, which reads back as %v, %v", w, w.String(), back, err)
		}
	}
}

func FuzzParseISOWeek(f *testing.F) {
	for _, tt := range weekCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseISOWeek(s)
		if err != nil {
			return
		}
		if w.String() != s || WeekOf(w.Monday()) != w || WeekOf(w.Sunday()) != w {
			t.Fatalf("%q read as %v, Monday %v, Sunday %v", s, w, w.Monday(), w.Sunday())
		}
	})
}
