package journal

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// realisticEntries makes n entries ending at now, about 30 a day during
// waking hours, with the default practices and a mix of outcomes.
func realisticEntries(n int, now time.Time) []Entry {
	rng := rand.New(rand.NewPCG(1, 2))
	practices := settings.Defaults().Anchors
	outcomes := []reminders.Outcome{reminders.OutcomeDone, reminders.OutcomeDone, reminders.OutcomeDone, reminders.OutcomeNatural, reminders.OutcomeNatural, reminders.OutcomeAutoDone, reminders.OutcomeSnoozed, reminders.OutcomeSkipped, reminders.OutcomeMissed}
	entries := make([]Entry, n)
	day := now
	for i := n - 1; i >= 0; i-- {
		if i%30 == 29 {
			day = day.AddDate(0, 0, -1)
		}
		k := settings.Kinds[rng.IntN(len(settings.Kinds))]
		choices := practices.Of(k).Practices
		entries[i] = Entry{
			Time:     time.Date(day.Year(), day.Month(), day.Day(), 8+rng.IntN(15), rng.IntN(60), rng.IntN(60), 0, now.Location()),
			Anchor:   k,
			Outcome:  outcomes[rng.IntN(len(outcomes))],
			Practice: choices[rng.IntN(len(choices))],
			Active:   time.Duration(rng.IntN(900)) * tenth,
		}
	}
	return entries
}

func BenchmarkAppend(b *testing.B) {
	j, c := openCounting(b, filepath.Join(b.TempDir(), "journal.jsonl"))
	e := Entry{
		Time: time.Date(2026, 11, 27, 10, 4, 5, 0, plusOne), Anchor: settings.Movement, Outcome: reminders.OutcomeDone,
		Practice: "Walk for two minutes: down the hall, up a flight of stairs, and back.", Active: 58 * time.Minute,
	}
	for b.Loop() {
		if err := j.Append(e); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.writes)/float64(b.N), "writes/op")
	b.ReportMetric(float64(c.syncs)/float64(b.N), "fsyncs/op")
}

func BenchmarkReadAndSummarise100k(b *testing.B) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, berlin(b))
	path := filepath.Join(b.TempDir(), "journal.jsonl")
	writeEntries(b, path, realisticEntries(100_000, now))
	runtime.GC() // the generated entries are garbage; collect them untimed
	defer reportCPU(b)()
	for b.Loop() {
		s, report, err := SummariseFile(path, now, settings.Clock(4, 0), 30)
		if err != nil || report.Entries != 100_000 || len(s.Days) != 30 {
			b.Fatalf("report %+v, %v", report, err)
		}
	}
}

// yearOfLines is a journal of n lines ending at now: a check-in and a wake
// line on each of the last 365 days, and realistic outcomes for the rest,
// in time order as the daemon writes them.
func yearOfLines(n int, now time.Time) []Line {
	const days = 365
	rng := rand.New(rand.NewPCG(3, 4))
	lines := make([]Line, 0, n)
	for _, e := range realisticEntries(n-2*days, now) {
		lines = append(lines, OutcomeLine(e))
	}
	for d := range days {
		day := now.AddDate(0, 0, -d)
		wake := time.Date(day.Year(), day.Month(), day.Day(), 6+rng.IntN(2), rng.IntN(60), 0, 0, now.Location())
		lines = append(lines, WakeLine(wake), CheckinLine(Checkin{
			Time: wake.Add(10 * time.Minute), Stiffness: 1 + rng.IntN(5), Mood: 1 + rng.IntN(5),
			Energy: 1 + rng.IntN(5), SleepQuality: 1 + rng.IntN(5), Load: settings.Loads[rng.IntN(len(settings.Loads))],
		}))
	}
	slices.SortStableFunc(lines, func(a, b Line) int { return a.Time().Compare(b.Time()) })
	return lines
}

// progressFigures is what the progress window and the daemon read from
// the journal: the three spans of the progress window's one pass, today's
// readiness, each check-in item's series over 7 and 30 days and 12 weeks,
// and the bedtime and wake-time rhythm.
type progressFigures struct {
	week, month, quarter Stats
	readiness            reminders.Reading
	series               [][]int
	weeks                []Day
	rhythm               Rhythm
}

func readProgress(path string, now time.Time, rollover settings.ClockTime) (progressFigures, ReadReport, error) {
	week, month, quarter := NewTally(now, rollover, 7), NewTally(now, rollover, 30), NewTally(now, rollover, 84)
	f, err := os.Open(path)
	if err != nil {
		return progressFigures{}, ReadReport{}, err
	}
	defer f.Close()
	report, err := ReadLines(f, func(l Line) error {
		week.AddLine(l)
		month.AddLine(l)
		quarter.AddLine(l)
		return nil
	})
	p := progressFigures{week: week.Stats(), month: month.Stats(), quarter: quarter.Stats()}
	checkins := make([]reminders.Checkin, 0, len(p.week.Checkins)+1)
	for _, c := range p.week.Checkins {
		checkins = append(checkins, reminders.Checkin(c))
	}
	p.readiness = reminders.Readiness(checkins, now, rollover, now.Location())
	for _, it := range reminders.CheckinItems {
		p.series = append(p.series, Series(p.week.Days, it), Series(p.month.Days, it), Series(p.quarter.Days, it))
	}
	p.weeks = Weeks(p.quarter.Days)
	p.rhythm = RhythmOf(p.month.Days)
	return p, report, err
}

func BenchmarkProgressReadinessAndRhythm100k(b *testing.B) {
	loc := berlin(b)
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, loc)
	path := filepath.Join(b.TempDir(), "journal.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := WriteLinesJSONL(f, yearOfLines(100_000, now)); err != nil {
		b.Fatal(err)
	}
	f.Close()
	runtime.GC()
	defer reportCPU(b)()
	for b.Loop() {
		p, report, err := readProgress(path, now, four)
		if err != nil || report.Lines != 100_000 || report.Checkins != 365 || report.Wakes != 365 || report.Skipped != 0 {
			b.Fatalf("report %+v, %v", report, err)
		}
		if p.readiness.Level == reminders.ReadinessUnknown || len(p.weeks) != 12 || p.rhythm.Wake.Of != RhythmDays || p.rhythm.Bedtime.Of == 0 {
			b.Fatalf("readiness %v, %d weeks, rhythm %+v", p.readiness, len(p.weeks), p.rhythm)
		}
	}
}

// reportCPU adds the CPU time per op to a benchmark's figures when the
// function it returns is called: on a shared machine ns/op counts the time
// other processes took, while cpu-ns/op is what the work itself costs.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if used := cpuTime() - start; used > 0 && b.N > 0 {
			b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	}
}

func BenchmarkReviewFile100k(b *testing.B) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, berlin(b))
	path := filepath.Join(b.TempDir(), "journal.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := WriteLinesJSONL(f, yearOfLines(100_000, now)); err != nil {
		b.Fatal(err)
	}
	f.Close()
	runtime.GC()
	week := WeekOf(DayOf(now, four)).Prev()
	defer reportCPU(b)()
	for b.Loop() {
		r, _, err := ReviewFile(path, week, four)
		if err != nil || r.Wins == 0 || len(r.Items) != 4 {
			b.Fatalf("review %+v, %v", r, err)
		}
	}
}
