package journal

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

var four = settings.Clock(4, 0)

func TestWinsAreCountedPerJournalDay(t *testing.T) {
	loc := berlin(t)
	tests := []struct {
		name      string
		now       time.Time
		entries   []Entry
		wantToday map[settings.Kind]int
		wantDays  []int // wins per day of a 3-day window, oldest first
	}{
		{
			name: "a win at 02:30 counts for the previous day",
			now:  at(plusOne, 2026, 11, 27, 10, 0),
			entries: []Entry{
				entry(at(plusOne, 2026, 11, 27, 2, 30), settings.Breath, reminders.OutcomeDone, 0),
				entry(at(plusOne, 2026, 11, 27, 9, 0), settings.Movement, reminders.OutcomeNatural, 0),
			},
			wantToday: map[settings.Kind]int{settings.Movement: 1},
			wantDays:  []int{0, 1, 1},
		},
		{
			name: "at 02:30 today is still yesterday",
			now:  at(plusOne, 2026, 11, 28, 2, 30),
			entries: []Entry{
				entry(at(plusOne, 2026, 11, 27, 9, 0), settings.Movement, reminders.OutcomeDone, 0),
				entry(at(plusOne, 2026, 11, 28, 1, 0), settings.WindDown, reminders.OutcomeAutoDone, 0),
			},
			wantToday: map[settings.Kind]int{settings.Movement: 1, settings.WindDown: 1},
			wantDays:  []int{0, 0, 2},
		},
		{
			name: "on the spring-forward day the rollover is at 04:00 wall time",
			now:  at(loc, 2026, 3, 29, 12, 0),
			entries: []Entry{
				entry(at(loc, 2026, 3, 29, 3, 30), settings.Posture, reminders.OutcomeDone, 0),
				entry(at(loc, 2026, 3, 29, 4, 30), settings.Posture, reminders.OutcomeDone, 0),
				entry(at(loc, 2026, 3, 28, 4, 30), settings.Hydration, reminders.OutcomeDone, 0),
			},
			wantToday: map[settings.Kind]int{settings.Posture: 1},
			wantDays:  []int{0, 2, 1},
		},
		{
			name: "on the fall-back day the repeated hour belongs to the day before",
			now:  at(loc, 2026, 10, 25, 12, 0),
			entries: []Entry{
				entry(time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC).In(loc), settings.Rest, reminders.OutcomeDone, 0),
				entry(time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC).In(loc), settings.Rest, reminders.OutcomeDone, 0),
				entry(at(loc, 2026, 10, 25, 4, 0), settings.Rest, reminders.OutcomeDone, 0),
			},
			wantToday: map[settings.Kind]int{settings.Rest: 1},
			wantDays:  []int{0, 2, 1},
		},
		{
			name: "snoozes, skips and misses are not wins",
			now:  at(plusOne, 2026, 11, 27, 10, 0),
			entries: []Entry{
				entry(at(plusOne, 2026, 11, 27, 9, 0), settings.Movement, reminders.OutcomeSnoozed, 0),
				entry(at(plusOne, 2026, 11, 27, 9, 1), settings.Movement, reminders.OutcomeSkipped, 0),
				entry(at(plusOne, 2026, 11, 27, 9, 2), settings.Movement, reminders.OutcomeMissed, 0),
			},
			wantToday: map[settings.Kind]int{},
			wantDays:  []int{0, 0, 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Summarise(tt.entries, tt.now, four, 3)
			if !reflect.DeepEqual(s.Today.Wins, tt.wantToday) {
				t.Errorf("today %v, want %v", s.Today.Wins, tt.wantToday)
			}
			for i, want := range tt.wantDays {
				if got := sumWins(s.Days[i]); got != want {
					t.Errorf("day %v has %d wins, want %d", s.Days[i].Date, got, want)
				}
			}
			if s.Days[2].Date != DayOf(tt.now, four) {
				t.Errorf("window ends %v, want today", s.Days[2].Date)
			}
		})
	}
}

func sumWins(d Day) int {
	n := 0
	for _, w := range d.Wins {
		n += w
	}
	return n
}

func TestConsistencyCountsDaysWithAWinNotAStreak(t *testing.T) {
	now := at(plusOne, 2026, 11, 27, 10, 0)
	daysAgo := func(n int, o reminders.Outcome) Entry {
		return entry(now.AddDate(0, 0, -n), settings.Breath, o, 0)
	}
	tests := []struct {
		name    string
		entries []Entry
		want7   int
		want30  int
	}{
		{"an empty journal has no days", nil, 0, 0},
		{
			"gaps do not reset the count",
			[]Entry{daysAgo(0, reminders.OutcomeDone), daysAgo(2, reminders.OutcomeNatural), daysAgo(3, reminders.OutcomeAutoDone), daysAgo(10, reminders.OutcomeDone), daysAgo(29, reminders.OutcomeDone)},
			3, 5,
		},
		{"several wins on one day count once", []Entry{daysAgo(1, reminders.OutcomeDone), daysAgo(1, reminders.OutcomeDone), daysAgo(1, reminders.OutcomeNatural)}, 1, 1},
		{"a day with only a skip does not count", []Entry{daysAgo(1, reminders.OutcomeSkipped), daysAgo(2, reminders.OutcomeMissed), daysAgo(3, reminders.OutcomeSnoozed)}, 0, 0},
		{"a win 30 days ago is outside both", []Entry{daysAgo(30, reminders.OutcomeDone), daysAgo(7, reminders.OutcomeDone)}, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			week, month := Summarise(tt.entries, now, four, 7), Summarise(tt.entries, now, four, 30)
			if week.WinDays != tt.want7 || month.WinDays != tt.want30 {
				t.Errorf("got %d of 7 and %d of 30, want %d and %d", week.WinDays, month.WinDays, tt.want7, tt.want30)
			}
		})
	}
}

func TestWeeksFoldTheDaysIntoSevensEndingToday(t *testing.T) {
	now := at(plusOne, 2026, 11, 27, 10, 0)
	var entries []Entry
	for age := range 20 { // a win a day for 20 days, two on the oldest
		entries = append(entries, entry(now.AddDate(0, 0, -age), settings.Movement, reminders.OutcomeDone, 0))
	}
	entries = append(entries, entry(now.AddDate(0, 0, -19), settings.Breath, reminders.OutcomeDone, 0))
	s := Summarise(entries, now, four, 21)
	weeks := Weeks(s.Days)
	if len(weeks) != 3 {
		t.Fatalf("%d weeks from 21 days", len(weeks))
	}
	today := DayOf(now, four)
	for i, want := range []struct {
		first    Date
		movement int
		breath   int
	}{
		{today.AddDays(-20), 6, 1}, // day -20 has nothing: the journal began the day after
		{today.AddDays(-13), 7, 0},
		{today.AddDays(-6), 7, 0},
	} {
		w := weeks[i]
		if w.Date != want.first || w.Wins[settings.Movement] != want.movement || w.Wins[settings.Breath] != want.breath {
			t.Errorf("week %d = %v %v, want from %v: movement %d, breath %d", i, w.Date, w.Wins, want.first, want.movement, want.breath)
		}
	}
	if got := Weeks(s.Days[1:]); len(got) != 2 || got[0].Date != today.AddDays(-13) {
		t.Errorf("20 days: the odd day at the old end must be left out, got %d weeks from %v", len(got), got[0].Date)
	}
}

func TestTotalsAreCountedByOutcome(t *testing.T) {
	now := at(plusOne, 2026, 11, 27, 10, 0)
	entries := []Entry{
		entry(now.Add(-time.Hour), settings.Movement, reminders.OutcomeDone, 50*time.Minute),
		entry(now.Add(-2*time.Hour), settings.Posture, reminders.OutcomeSkipped, 30*time.Minute),
		entry(now.AddDate(0, 0, -1), settings.Movement, reminders.OutcomeNatural, 60*time.Minute),
		entry(now.AddDate(0, 0, -1), settings.Movement, reminders.OutcomeSnoozed, 0),
		entry(now.AddDate(0, 0, -40), settings.Hydration, reminders.OutcomeDone, 45*time.Minute),
		entry(now.AddDate(0, 0, 2), settings.Rest, reminders.OutcomeMissed, time.Minute),
	}
	s := Summarise(entries, now, four, 2)
	tests := []struct {
		name string
		got  Totals
		want Totals
	}{
		{
			name: "the window covers today and yesterday",
			got:  s.Window,
			want: Totals{Entries: 4, Wins: 2, Outcomes: map[reminders.Outcome]int{reminders.OutcomeDone: 1, reminders.OutcomeSkipped: 1, reminders.OutcomeNatural: 1, reminders.OutcomeSnoozed: 1}},
		},
		{
			name: "all counts every entry, old and in the future",
			got:  s.All,
			want: Totals{Entries: 6, Wins: 3, Outcomes: map[reminders.Outcome]int{reminders.OutcomeDone: 2, reminders.OutcomeSkipped: 1, reminders.OutcomeNatural: 1, reminders.OutcomeSnoozed: 1, reminders.OutcomeMissed: 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !reflect.DeepEqual(tt.got, tt.want) {
				t.Errorf("got %+v\nwant %+v", tt.got, tt.want)
			}
		})
	}
	t.Run("the first day is the oldest entry's", func(t *testing.T) {
		if want := DayOf(now.AddDate(0, 0, -40), four); s.First != want {
			t.Errorf("first %v, want %v", s.First, want)
		}
	})
}

func TestAnOutcomeTheReaderWouldRefuseIsStillCountedWhenAddedByHand(t *testing.T) {
	now := at(plusOne, 2026, 11, 27, 10, 0)
	odd := reminders.Outcome(99)
	tally := NewTally(now, four, 1)
	tally.Add(entry(now, settings.Breath, odd, 0))
	tally.Add(entry(now, settings.Breath, odd, 0))
	first := tally.Stats()
	tally.Add(entry(now, settings.Breath, odd, 0))
	want := Totals{Entries: 2, Outcomes: map[reminders.Outcome]int{odd: 2}}
	if !reflect.DeepEqual(first.All, want) || !reflect.DeepEqual(first.Window, want) {
		t.Errorf("all %+v, window %+v; want %+v in both, unchanged by a later Add", first.All, first.Window, want)
	}
}

func TestTheWindowIsClampedAndHasNoGaps(t *testing.T) {
	now := at(plusOne, 2026, 11, 27, 10, 0)
	tests := []struct {
		name string
		days int
		want int
	}{
		{"a negative window is empty", -3, 0},
		{"a zero window is empty", 0, 0},
		{"a 30-day window has 30 days", 30, 30},
		{"an absurd window is clamped", 1 << 40, MaxDays},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Summarise(nil, now, four, tt.days)
			if len(s.Days) != tt.want {
				t.Fatalf("%d days, want %d", len(s.Days), tt.want)
			}
			for i, d := range s.Days {
				if want := DayOf(now, four).AddDays(i - tt.want + 1); d.Date != want || d.Wins == nil {
					t.Fatalf("day %d is %+v, want %v with an empty map", i, d, want)
				}
			}
		})
	}
}

func TestStatsDoNotShareMapsWithTheTally(t *testing.T) {
	now := at(plusOne, 2026, 11, 27, 10, 0)
	tally := NewTally(now, four, 1)
	tally.Add(entry(now, settings.Breath, reminders.OutcomeDone, 0))
	first := tally.Stats()
	tally.Add(entry(now, settings.Breath, reminders.OutcomeDone, 0))
	if first.Today.Wins[settings.Breath] != 1 || first.Window.Outcomes[reminders.OutcomeDone] != 1 {
		t.Errorf("earlier Stats changed: %+v", first)
	}
}

func TestTodaysWinsAreSetAgainstGoals(t *testing.T) {
	now := at(plusOne, 2026, 11, 27, 15, 0)
	var entries []Entry
	for i := range 8 {
		entries = append(entries, entry(at(plusOne, 2026, 11, 27, 8+i, 0), settings.Hydration, reminders.OutcomeDone, 0))
	}
	entries = append(entries,
		entry(at(plusOne, 2026, 11, 27, 9, 30), settings.Movement, reminders.OutcomeDone, 0),
		entry(at(plusOne, 2026, 11, 26, 9, 30), settings.Breath, reminders.OutcomeDone, 0),
	)
	defaults := settings.Defaults()
	goals := Goals(&defaults.Anchors)
	goals[settings.Movement] = 5
	want := []Progress{
		{Anchor: settings.Movement, Wins: 1, Goal: 5},
		{Anchor: settings.Breath, Wins: 0, Goal: 0},
		{Anchor: settings.Posture},
		{Anchor: settings.Hydration, Wins: 8, Goal: 8},
		{Anchor: settings.Rest},
		{Anchor: settings.WindDown},
	}
	got := Today(entries, now, four, goals)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
	for _, tt := range []struct {
		name string
		p    Progress
		met  bool
	}{
		{"eight glasses of eight meet the goal", got[3], true},
		{"one walk of five does not", got[0], false},
		{"no goal is never met", got[1], false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.p.Met() != tt.met {
				t.Errorf("%+v: Met() = %v", tt.p, tt.p.Met())
			}
		})
	}
}

func TestSummarisingAFileMatchesSummarisingItsEntries(t *testing.T) {
	loc := berlin(t)
	now := at(loc, 2026, 11, 27, 10, 0)
	entries := realisticEntries(2000, now)
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	writeEntries(t, path, entries)
	fromFile, report, err := SummariseFile(path, now, four, 30)
	if err != nil || report.Skipped != 0 || report.Entries != len(entries) {
		t.Fatalf("report %+v, %v", report, err)
	}
	if want := Summarise(entries, now, four, 30); !reflect.DeepEqual(inUTC(fromFile), inUTC(want)) {
		t.Errorf("file gives %+v\nentries give %+v", fromFile, want)
	}
	t.Run("a missing file gives empty stats", func(t *testing.T) {
		s, _, err := SummariseFile(filepath.Join(t.TempDir(), "none"), now, four, 7)
		if err != nil || s.All.Entries != 0 || len(s.Days) != 7 {
			t.Errorf("got %+v, %v", s, err)
		}
	})
}

// inUTC puts the times of s in one zone, as the same instants, so stats
// from a file (fixed offsets) compare with stats from entries (a zone).
func inUTC(s Stats) Stats {
	utc := func(d *Day) {
		d.Bedtime, d.Wake, d.Checkin.Time = d.Bedtime.UTC(), d.Wake.UTC(), d.Checkin.Time.UTC()
	}
	utc(&s.Today)
	s.Days = slices.Clone(s.Days)
	for i := range s.Days {
		utc(&s.Days[i])
	}
	return s
}

func writeEntries(t testing.TB, path string, entries []Entry) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := WriteJSONL(f, entries); err != nil {
		t.Fatal(err)
	}
}
