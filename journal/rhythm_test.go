package journal

import (
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

func windDown(t time.Time, o reminders.Outcome) Entry { return entry(t, settings.WindDown, o, 0) }

func TestBedtimeIsTheLastWindDownWinOfTheJournalDay(t *testing.T) {
	loc := berlin(t)
	tests := []struct {
		name    string
		now     time.Time
		entries []Entry
		want    []time.Time // bedtime per day of a 2-day window, oldest first
	}{
		{
			name: "a wind-down at 00:30 belongs to the day before when the day starts at 04:00",
			now:  at(loc, 2026, 12, 3, 12, 0),
			entries: []Entry{
				windDown(at(loc, 2026, 12, 2, 22, 0), reminders.OutcomeDone),
				windDown(at(loc, 2026, 12, 3, 0, 30), reminders.OutcomeNatural),
				windDown(at(loc, 2026, 12, 3, 4, 30), reminders.OutcomeSnoozed),
			},
			want: []time.Time{at(loc, 2026, 12, 3, 0, 30), {}},
		},
		{
			name: "the last win counts in whatever order the lines come; other outcomes and anchors do not",
			now:  at(loc, 2026, 12, 3, 12, 0),
			entries: []Entry{
				windDown(at(loc, 2026, 12, 2, 23, 15), reminders.OutcomeAutoDone),
				windDown(at(loc, 2026, 12, 2, 22, 0), reminders.OutcomeDone),
				windDown(at(loc, 2026, 12, 2, 23, 50), reminders.OutcomeSkipped),
				entry(at(loc, 2026, 12, 3, 1, 0), settings.Breath, reminders.OutcomeDone, 0),
			},
			want: []time.Time{at(loc, 2026, 12, 2, 23, 15), {}},
		},
		{
			name: "on the fall-back night the repeated hour still belongs to the evening before",
			now:  at(loc, 2026, 10, 25, 12, 0),
			entries: []Entry{
				windDown(time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC).In(loc), reminders.OutcomeDone), // 02:30 CET, the second time
			},
			want: []time.Time{time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC), {}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tally := NewTally(tt.now, four, 2)
			for _, e := range tt.entries {
				tally.Add(e)
			}
			for i, d := range tally.Stats().Days {
				if !d.Bedtime.Equal(tt.want[i]) {
					t.Errorf("%s: bedtime %v, want %v", d.Date, d.Bedtime, tt.want[i])
				}
			}
		})
	}
}

func TestAClockTimeIsTheWallClockFromTheDaysMidnight(t *testing.T) {
	loc := berlin(t)
	tests := []struct {
		name string
		day  Date
		t    time.Time
		want time.Duration
	}{
		{"an evening", Date{2026, 12, 2}, at(loc, 2026, 12, 2, 22, 30), 22*time.Hour + 30*time.Minute},
		{"after midnight counts on from the day before", Date{2026, 12, 2}, at(loc, 2026, 12, 3, 0, 20), 24*time.Hour + 20*time.Minute},
		{"22:30 on the spring-forward day", Date{2026, 3, 29}, at(loc, 2026, 3, 29, 22, 30), 22*time.Hour + 30*time.Minute},
		{"22:30 on the fall-back day", Date{2026, 10, 25}, at(loc, 2026, 10, 25, 22, 30), 22*time.Hour + 30*time.Minute},
		{
			"03:30 after the fall-back night is 27h30m, not the 28h30m that passed",
			Date{2026, 10, 24}, at(loc, 2026, 10, 25, 3, 30), 27*time.Hour + 30*time.Minute,
		},
		{"a time in another zone is read on its own clock", Date{2026, 12, 2}, time.Date(2026, 12, 2, 22, 30, 0, 0, time.UTC), 22*time.Hour + 30*time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.day.Clock(tt.t); got != tt.want {
				t.Errorf("%s.Clock(%v) = %v, want %v", tt.day, tt.t, got, tt.want)
			}
		})
	}
}

func hm(h, m int) time.Duration { return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute }

func TestSteadinessReadsTheMedianAndTheDaysNearIt(t *testing.T) {
	tests := []struct {
		name   string
		clocks []time.Duration
		want   Steadiness
		words  string
	}{
		{"no data", nil, Steadiness{}, "no days with a time yet"},
		{"one day", []time.Duration{hm(22, 40)}, Steadiness{hm(22, 40), 1, 1}, "within ±25 min on 1 of 1 day"},
		{"all equal", []time.Duration{hm(7, 0), hm(7, 0), hm(7, 0)}, Steadiness{hm(7, 0), 3, 3}, "within ±25 min on 3 of 3 days"},
		{
			"one late night does not move the median",
			[]time.Duration{hm(22, 30), hm(22, 40), hm(22, 50), hm(25, 30), hm(22, 35)},
			Steadiness{hm(22, 40), 4, 5}, "within ±25 min on 4 of 5 days",
		},
		{"an even count takes the mean of the middle two", []time.Duration{hm(23, 0), hm(22, 0)}, Steadiness{hm(22, 30), 0, 2}, ""},
		{"25 minutes off is within, 26 is not", []time.Duration{hm(22, 0), hm(22, 25), hm(21, 34)}, Steadiness{hm(22, 0), 2, 3}, ""},
		{
			"23:50 and 00:20 after it are 30 minutes apart",
			[]time.Duration{hm(23, 50), hm(24, 20), hm(24, 5)},
			Steadiness{hm(24, 5), 3, 3}, "",
		},
		{
			"with the day starting at midnight, 00:20 is read beside 23:50",
			[]time.Duration{hm(23, 50), hm(0, 20), hm(0, 5)},
			Steadiness{hm(0, 5), 3, 3}, "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := steadinessOf(tt.clocks)
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			if tt.words != "" && got.String() != tt.words {
				t.Errorf("String() = %q, want %q", got.String(), tt.words)
			}
		})
	}
}

func TestTheTypicalClockIsATimeOfDay(t *testing.T) {
	for _, tt := range []struct {
		typical time.Duration
		want    settings.ClockTime
	}{
		{hm(22, 40), settings.Clock(22, 40)},
		{hm(24, 20), settings.Clock(0, 20)},
		{hm(6, 59) + 31*time.Second, settings.Clock(7, 0)},
	} {
		if got := (Steadiness{Typical: tt.typical, Of: 1}).Clock(); got != tt.want {
			t.Errorf("%v reads as %v, want %v", tt.typical, got, tt.want)
		}
	}
}

func TestTheRhythmReadsTheLastTwoWeeksAcrossADSTChange(t *testing.T) {
	loc := berlin(t)
	now := at(loc, 2026, 11, 2, 12, 0)
	tally := NewTally(now, four, 30)
	// Every evening at 22:30 wall time, across the change on 25 October,
	// and a wake line at 07:00 or a check-in at 07:10 on alternate days.
	for d := range 30 {
		day := now.AddDate(0, 0, -d)
		tally.Add(windDown(at(loc, day.Year(), day.Month(), day.Day(), 22, 30), reminders.OutcomeDone))
		if d%2 == 0 {
			tally.AddWake(at(loc, day.Year(), day.Month(), day.Day(), 7, 0))
		} else {
			tally.AddCheckin(checkin(at(loc, day.Year(), day.Month(), day.Day(), 7, 10), 3, 3, 3, 3, settings.LoadUnset))
		}
	}
	// One night out, 13 days ago; and a day from before the two weeks that
	// would move the median if it were read.
	tally.Add(windDown(at(loc, 2026, 10, 21, 1, 45), reminders.OutcomeDone))
	r := RhythmOf(tally.Stats().Days)
	if len(r.Days) != RhythmDays || r.Days[0].Date != (Date{2026, 10, 20}) {
		t.Fatalf("%d days from %v", len(r.Days), r.Days[0].Date)
	}
	if want := (Steadiness{hm(22, 30), 13, 14}); r.Bedtime != want {
		t.Errorf("bedtime %+v, want %+v", r.Bedtime, want)
	}
	if want := (Steadiness{hm(7, 5), 14, 14}); r.Wake != want {
		t.Errorf("wake %+v, want %+v", r.Wake, want)
	}
	if got := r.Bedtime.String(); got != "within ±25 min on 13 of 14 days" {
		t.Errorf("bedtime reads %q", got)
	}
	if empty := RhythmOf(nil); empty.Bedtime.Of != 0 || len(empty.Days) != 0 {
		t.Errorf("no days read as %+v", empty)
	}
}
