package journal

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

func TestASecondCheckinOnTheSameDayReplacesTheFirstInStatistics(t *testing.T) {
	now := at(plusOne, 2026, 12, 3, 18, 0)
	first := checkin(at(plusOne, 2026, 12, 3, 9, 0), 2, 2, 2, 2, settings.LoadHard)
	second := checkin(at(plusOne, 2026, 12, 3, 11, 0), 0, 4, 0, 0, settings.LoadUnset)
	tests := []struct {
		name  string
		lines []Checkin
		want  Checkin
	}{
		{"the later one counts", []Checkin{first, second}, second},
		{"the later one counts whatever order they are added in", []Checkin{second, first}, second},
		{"of two at the same second the one added last counts", []Checkin{second, checkin(second.Time, 5, 0, 0, 0, settings.LoadUnset)}, checkin(second.Time, 5, 0, 0, 0, settings.LoadUnset)},
		{"one at 02:30 the next night still belongs to the day", []Checkin{checkin(at(plusOne, 2026, 12, 4, 2, 30), 1, 1, 1, 1, settings.LoadRest), first}, checkin(at(plusOne, 2026, 12, 4, 2, 30), 1, 1, 1, 1, settings.LoadRest)},
		{"one at 04:00 the next morning belongs to the next day", []Checkin{first, checkin(at(plusOne, 2026, 12, 4, 4, 0), 1, 1, 1, 1, settings.LoadRest)}, first},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tally := NewTally(now, four, 7)
			for _, c := range tt.lines {
				tally.AddCheckin(c)
			}
			s := tally.Stats()
			if !s.Today.Checked() || !sameCheckin(s.Today.Checkin, tt.want) || !sameCheckin(s.Days[6].Checkin, tt.want) {
				t.Errorf("today's check-in %+v, want %+v", s.Today.Checkin, tt.want)
			}
			if len(s.Checkins) != 1 {
				t.Errorf("baseline %+v holds one check-in a day", s.Checkins)
			}
		})
	}
}

func TestTheBaselineHoldsTheLast28DaysWhateverTheWindow(t *testing.T) {
	now := at(plusOne, 2026, 12, 31, 10, 0)
	for _, days := range []int{0, 1, 7, 90} {
		tally := NewTally(now, four, days)
		for age := range 40 {
			if age%2 == 0 {
				tally.AddCheckin(checkin(now.AddDate(0, 0, -age), 0, 1+age%5, 0, 0, settings.LoadUnset))
			}
		}
		tally.AddCheckin(checkin(now.AddDate(0, 0, 1), 5, 0, 0, 0, settings.LoadUnset)) // a clock set wrong
		s := tally.Stats()
		if len(s.Checkins) != 14 {
			t.Fatalf("window of %d days: %d check-ins in the baseline, want 14", days, len(s.Checkins))
		}
		oldest, newest := DayOf(s.Checkins[0].Time, four), DayOf(s.Checkins[13].Time, four)
		if newest != DayOf(now, four) || newest.Sub(oldest) != 26 {
			t.Errorf("window of %d days: baseline from %v to %v", days, oldest, newest)
		}
	}
}

func TestAnItemsSeriesFollowsTheDays(t *testing.T) {
	now := at(plusOne, 2026, 12, 3, 18, 0)
	lines := []Line{
		CheckinLine(checkin(at(plusOne, 2026, 12, 1, 9, 0), 2, 3, 4, 5, settings.LoadEasy)),
		OutcomeLine(entry(at(plusOne, 2026, 12, 1, 10, 0), settings.Breath, reminders.OutcomeDone, 0)),
		CheckinLine(checkin(at(plusOne, 2026, 12, 3, 9, 0), 0, 1, 0, 0, settings.LoadRest)),
	}
	tally := NewTally(now, four, 4)
	for _, l := range lines {
		tally.AddLine(l)
	}
	s := tally.Stats()
	for _, tt := range []struct {
		item reminders.CheckinItem
		want []int
	}{
		{reminders.Stiffness, []int{0, 2, 0, 0}},
		{reminders.Mood, []int{0, 3, 0, 1}},
		{reminders.Energy, []int{0, 4, 0, 0}},
		{reminders.SleepQuality, []int{0, 5, 0, 0}},
	} {
		if got := Series(s.Days, tt.item); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.item, got, tt.want)
		}
	}
	if s.Days[1].Wins[settings.Breath] != 1 || s.All.Entries != 1 || s.Days[3].Checkin.Load != settings.LoadRest {
		t.Errorf("the wins and loads beside the check-ins: %+v", s.Days)
	}
}

func TestSummariseFileCountsCheckinsToo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	writeLines(t, path, exportLines())
	s, report, err := SummariseFile(path, time.Date(2026, 11, 28, 18, 0, 0, 0, time.UTC), four, 2)
	if err != nil || report.Checkins != 3 || report.Entries != 2 {
		t.Fatalf("report %+v, %v", report, err)
	}
	if s.Today.Checkin.Load != settings.LoadRest || s.Days[0].Checkin.Mood != 3 || s.Days[0].Checkin.Stiffness != 0 || len(s.Checkins) != 2 {
		t.Errorf("days %+v, baseline %+v", s.Days, s.Checkins)
	}
}

func writeLines(t testing.TB, path string, lines []Line) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := WriteLinesJSONL(f, lines); err != nil {
		t.Fatal(err)
	}
}
