package journal

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// reviewJournal writes the journal of weeks 47 and 48 of 2026 that the
// review tests read, through a Journal as the daemon writes it, then
// appends a line of an unknown kind and a torn line.
func reviewJournal(t *testing.T) string {
	loc := berlin(t)
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	day := func(d, h, m int) time.Time { return at(loc, 2026, 11, d, h, m) }
	win := func(when time.Time, k settings.Kind, n int) {
		for i := range n {
			if err := j.Append(entry(when.Add(time.Duration(i)*time.Minute), k, reminders.OutcomeDone, 0)); err != nil {
				t.Fatal(err)
			}
		}
	}
	check := func(when time.Time, mood, energy, sleep int) {
		if err := j.AppendCheckin(checkin(when, 0, mood, energy, sleep, settings.LoadUnset)); err != nil {
			t.Fatal(err)
		}
	}
	wake := func(when time.Time) {
		if err := j.AppendWake(when); err != nil {
			t.Fatal(err)
		}
	}
	// Week 46, not read.
	win(day(15, 12, 0), settings.Movement, 4)
	// Week 47 (16-22 November): 3 wins a day on weekdays, and one at 03:00
	// on Monday the 23rd, which belongs to Sunday.
	for d := 16; d <= 20; d++ {
		win(day(d, 10, 0), settings.Movement, 3)
	}
	win(day(23, 3, 0), settings.Breath, 1)
	check(day(16, 8, 0), 0, 3, 2)
	check(day(17, 8, 0), 0, 3, 0)
	check(day(18, 8, 0), 0, 4, 0)
	// Week 48 (23-29 November).
	wake(day(23, 7, 0))
	check(day(23, 7, 20), 4, 4, 0)
	win(day(23, 10, 0), settings.Movement, 5)
	win(day(23, 22, 30), settings.WindDown, 1)
	wake(day(24, 7, 0))
	check(day(24, 7, 30), 0, 1, 0)
	check(day(24, 9, 0), 4, 4, 0) // replaces the first answer of the day
	win(day(24, 10, 0), settings.Breath, 3)
	win(day(24, 22, 40), settings.WindDown, 1)
	wake(day(25, 7, 0))
	check(day(25, 7, 10), 0, 3, 0)
	if err := j.Append(entry(day(25, 11, 0), settings.Posture, reminders.OutcomeSnoozed, 0)); err != nil {
		t.Fatal(err)
	}
	wake(day(26, 7, 0))
	check(day(26, 7, 10), 0, 4, 0)
	win(day(26, 10, 0), settings.Posture, 2)
	win(day(26, 22, 50), settings.WindDown, 1)
	wake(day(27, 7, 0))
	win(day(27, 10, 0), settings.Hydration, 4)
	win(day(28, 0, 20), settings.WindDown, 1) // Friday's bedtime
	check(day(28, 8, 30), 0, 4, 0)            // Saturday: no wake line, the check-in stands in
	win(day(28, 15, 0), settings.Rest, 1)
	win(day(28, 22, 35), settings.WindDown, 1)
	win(day(30, 1, 0), settings.Movement, 1) // Sunday's, after midnight
	// Week 49, not read.
	win(day(30, 10, 0), settings.Movement, 2)
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(futureLine + "\n" + `{"time":"2026-11-29T12:00:00+01:00","anchor":"mov`); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTheWeeklyReviewComparesTheWeekWithTheOneBefore(t *testing.T) {
	r, report, err := ReviewFile(reviewJournal(t), ISOWeek{2026, 48}, four)
	if err != nil || report.Skipped != 1 || report.Other != 1 {
		t.Fatalf("report %+v, %v", report, err)
	}
	want := Review{
		Week: ISOWeek{2026, 48},
		Wins: 21,
		WinsByAnchor: map[settings.Kind]int{
			settings.Movement: 6, settings.Breath: 3, settings.Posture: 2,
			settings.Hydration: 4, settings.Rest: 1, settings.WindDown: 5,
		},
		PrevWins: 16,
		WinDays:  6,
		Items: []ItemMove{
			{Item: reminders.Mood, To: 4, ToN: 2},
			{Item: reminders.Energy, From: 10.0 / 3, To: 3.8, FromN: 3, ToN: 5},
			{Item: reminders.SleepQuality, From: 2, FromN: 1},
		},
		Bedtime: Steadiness{hm(22, 40), 4, 5},
		Wake:    Steadiness{hm(7, 0), 5, 6},
	}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("got  %+v\nwant %+v", r, want)
	}
	if got := r.Headline(); got != "Week 48: 21 wins, 6 of 7 days" {
		t.Errorf("headline %q", got)
	}
	wantLines := []string{
		"2026-W48, 23–29 Nov 2026",
		"Wins: 21, up from 16 the week before",
		"  movement 6, breath 3, posture 2, hydration 4, rest 1, wind-down 5",
		"Consistency: a win on 6 of 7 days",
		"Check-in, mean answer the week before → this week:",
		"  mood 4.0 (2 answers; none the week before)",
		"  energy 3.3 → 3.8 (3 and 5 answers)",
		"  sleep quality 2.0 the week before (1 answer; none this week)",
		"Bedtime: typically 22:40, within ±25 min on 4 of 5 days",
		"Wake time: typically 07:00, within ±25 min on 5 of 6 days",
	}
	if got := r.Lines(); !reflect.DeepEqual(got, wantLines) {
		t.Errorf("lines\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantLines, "\n"))
	}
}

func TestAWeekWithNothingRecordedSaysSoPlainly(t *testing.T) {
	path := reviewJournal(t)
	for _, tt := range []struct {
		name string
		path string
		week ISOWeek
	}{
		{"a week before the journal began", path, ISOWeek{2026, 40}},
		{"a missing journal", filepath.Join(t.TempDir(), "none.jsonl"), ISOWeek{2026, 48}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, _, err := ReviewFile(tt.path, tt.week, four)
			if err != nil || !r.Empty() {
				t.Fatalf("got %+v, %v", r, err)
			}
			if got := r.Headline(); !strings.HasSuffix(got, ": nothing recorded") {
				t.Errorf("headline %q", got)
			}
			if got := r.Lines(); len(got) != 2 || got[1] != "Nothing was recorded that week: no wins, check-ins or wake times." {
				t.Errorf("lines %q", got)
			}
		})
	}
}

func TestAReviewWordsEachCaseOfItsNumbers(t *testing.T) {
	tests := []struct {
		name string
		r    Review
		want []string // lines that must be among Lines, or the Headline
	}{
		{"one win on one day", Review{Week: ISOWeek{2026, 1}, Wins: 1, WinDays: 1, WinsByAnchor: map[settings.Kind]int{settings.Breath: 1}},
			[]string{"Week 1: 1 win, 1 of 7 days", "Wins: 1 (none the week before)", "  breath 1", "Bedtime: no wind-down answered this week", "Wake time: not recorded this week"}},
		{"fewer wins than the week before", Review{Week: ISOWeek{2026, 2}, Wins: 3, PrevWins: 5, WinDays: 2, WinsByAnchor: map[settings.Kind]int{settings.Rest: 3}},
			[]string{"Wins: 3, down from 5 the week before"}},
		{"as many wins as the week before", Review{Week: ISOWeek{2026, 3}, Wins: 5, PrevWins: 5, WinDays: 2, WinsByAnchor: map[settings.Kind]int{settings.Rest: 5}},
			[]string{"Wins: 5, as many as the week before"}},
		{"no wins but a check-in is not an empty week", Review{Week: ISOWeek{2026, 4}, PrevWins: 2, Items: []ItemMove{{Item: reminders.Stiffness, From: 2, To: 3, FromN: 1, ToN: 1}}},
			[]string{"Week 4: 0 wins, 0 of 7 days", "Wins: 0, down from 2 the week before", "  stiffness 2.0 → 3.0 (1 and 1 answers)"}},
		{"a week across the year's end names both years", Review{Week: ISOWeek{2026, 1}, Wins: 1, WinsByAnchor: map[settings.Kind]int{settings.Breath: 1}},
			[]string{"2026-W01, 29 Dec 2025 – 4 Jan 2026"}},
		{"a week across a month's end names both months", Review{Week: ISOWeek{2026, 49}, Wins: 1, WinsByAnchor: map[settings.Kind]int{settings.Breath: 1}},
			[]string{"2026-W49, 30 Nov – 6 Dec 2026"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := append([]string{tt.r.Headline()}, tt.r.Lines()...)
			for _, w := range tt.want {
				if !contains(got, w) {
					t.Errorf("%q is not among\n%s", w, strings.Join(got, "\n"))
				}
			}
		})
	}
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

func TestTheFirstWeekOfAYearIsComparedWithWeek53(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	for _, e := range []Entry{
		entry(time.Date(2026, 12, 31, 10, 0, 0, 0, plusOne), settings.Movement, reminders.OutcomeDone, 0), // 2026-W53
		entry(time.Date(2027, 1, 4, 3, 0, 0, 0, plusOne), settings.Movement, reminders.OutcomeDone, 0),    // Sunday of W53 until 04:00
		entry(time.Date(2027, 1, 4, 10, 0, 0, 0, plusOne), settings.Movement, reminders.OutcomeDone, 0),   // 2027-W01
	} {
		if err := j.Append(e); err != nil {
			t.Fatal(err)
		}
	}
	r, _, err := ReviewFile(path, ISOWeek{2027, 1}, four)
	if err != nil || r.Wins != 1 || r.PrevWins != 2 {
		t.Errorf("2027-W01 has %d wins against %d, %v; want 1 against 2", r.Wins, r.PrevWins, err)
	}
}
