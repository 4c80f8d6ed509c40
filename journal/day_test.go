package journal

import (
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

func TestTheJournalDayRollsOverAtTheConfiguredTime(t *testing.T) {
	loc := berlin(t)
	four := settings.Clock(4, 0)
	tests := []struct {
		name     string
		t        time.Time
		rollover settings.ClockTime
		want     Date
	}{
		{"an entry at 02:30 belongs to the previous day", at(plusOne, 2026, 11, 27, 2, 30), four, Date{2026, 11, 26}},
		{"an entry at 03:59 still belongs to the previous day", at(plusOne, 2026, 11, 27, 3, 59), four, Date{2026, 11, 26}},
		{"an entry at 04:00 starts the new day", at(plusOne, 2026, 11, 27, 4, 0), four, Date{2026, 11, 27}},
		{"an entry at 23:59 belongs to its own day", at(plusOne, 2026, 11, 27, 23, 59), four, Date{2026, 11, 27}},
		{"the early hours of New Year belong to the old year", at(plusOne, 2027, 1, 1, 1, 0), four, Date{2026, 12, 31}},
		{"the early hours of 1 March belong to 28 February", at(plusOne, 2027, 3, 1, 1, 0), four, Date{2027, 2, 28}},
		{"a midnight rollover is an ordinary calendar day", at(plusOne, 2026, 11, 27, 0, 0), 0, Date{2026, 11, 27}},
		{"the wall clock of the entry's own zone decides", at(time.UTC, 2026, 11, 27, 3, 30), four, Date{2026, 11, 26}},
		// 29 March 2026: 02:00 CET jumps to 03:00 CEST. Subtracting four
		// hours from 04:30 CEST lands at 23:30 CET the day before.
		{"on the spring-forward day 04:30 belongs to that day", at(loc, 2026, 3, 29, 4, 30), four, Date{2026, 3, 29}},
		{"on the spring-forward day 03:30 belongs to the day before", at(loc, 2026, 3, 29, 3, 30), four, Date{2026, 3, 28}},
		// 25 October 2026: 03:00 CEST falls back to 02:00 CET. Subtracting
		// four hours from 03:30 CET lands at 00:30 CEST the same day.
		{"on the fall-back day 03:30 belongs to the day before", at(loc, 2026, 10, 25, 3, 30), four, Date{2026, 10, 24}},
		{"on the fall-back day the first 02:30 belongs to the day before", time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC).In(loc), four, Date{2026, 10, 24}},
		{"on the fall-back day the second 02:30 belongs to the day before", time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC).In(loc), four, Date{2026, 10, 24}},
		{"on the fall-back day 04:00 starts the day", at(loc, 2026, 10, 25, 4, 0), four, Date{2026, 10, 25}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DayOf(tt.t, tt.rollover); got != tt.want {
				t.Errorf("DayOf(%v, %v) = %v, want %v", tt.t, tt.rollover, got, tt.want)
			}
		})
	}
}

func TestADayStartsAtItsRolloverInstant(t *testing.T) {
	loc := berlin(t)
	four := settings.Clock(4, 0)
	for _, d := range []Date{{2026, 3, 28}, {2026, 3, 29}, {2026, 3, 30}, {2026, 10, 25}, {2026, 10, 26}} {
		t.Run(d.String()+" starts at 04:00 and the instant before is the previous day", func(t *testing.T) {
			start := d.Start(four, loc)
			if h, m, _ := start.Clock(); h != 4 || m != 0 {
				t.Errorf("starts at %v", start)
			}
			if got := DayOf(start, four); got != d {
				t.Errorf("DayOf(start) = %v", got)
			}
			if got := DayOf(start.Add(-time.Second), four); got != d.AddDays(-1) {
				t.Errorf("DayOf(start - 1s) = %v", got)
			}
		})
	}
}

func TestDateArithmeticIsCalendarArithmetic(t *testing.T) {
	tests := []struct {
		name string
		from Date
		n    int
		want Date
	}{
		{"a day after 28 February 2028 is the leap day", Date{2028, 2, 28}, 1, Date{2028, 2, 29}},
		{"a day before New Year is New Year's Eve", Date{2027, 1, 1}, -1, Date{2026, 12, 31}},
		{"thirty days after 1 March across the DST change is 31 March", Date{2026, 3, 1}, 30, Date{2026, 3, 31}},
		{"zero days is the same day", Date{2026, 10, 25}, 0, Date{2026, 10, 25}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.from.AddDays(tt.n)
			if got != tt.want {
				t.Errorf("got %v", got)
			}
			if back := got.Sub(tt.from); back != tt.n {
				t.Errorf("Sub gives %d, want %d", back, tt.n)
			}
		})
	}
}

func TestADateIsWrittenAndReadAsIsoText(t *testing.T) {
	d := Date{2026, 3, 9}
	text, err := d.MarshalText()
	if err != nil || string(text) != "2026-03-09" {
		t.Fatalf("got %q, %v", text, err)
	}
	var back Date
	if err := back.UnmarshalText(text); err != nil || back != d {
		t.Errorf("read back %v, %v", back, err)
	}
	if err := back.UnmarshalText([]byte("9.3.2026")); err == nil {
		t.Error("want an error for a non-ISO date")
	}
	if !(Date{}).IsZero() || d.IsZero() {
		t.Error("IsZero is wrong")
	}
}

func TestDayOfAgreesWithTheWallClockAllYear(t *testing.T) {
	loc := berlin(t)
	for _, rollover := range []settings.ClockTime{0, settings.Clock(2, 30), settings.Clock(4, 0), settings.Clock(23, 59)} {
		t.Run("with the day starting at "+rollover.String()+" every wall clock reading decides", func(t *testing.T) {
			for tm := at(loc, 2026, 1, 1, 0, 0); tm.Year() == 2026; tm = tm.Add(17 * time.Minute) {
				y, m, d := tm.Date()
				want := Date{y, m, d}
				if h, min, _ := tm.Clock(); h*60+min < int(rollover) {
					want = want.AddDays(-1)
				}
				if got := DayOf(tm, rollover); got != want {
					t.Fatalf("DayOf(%v) = %v, want %v", tm, got, want)
				}
			}
		})
	}
}
