package journal

import (
	"math/rand/v2"
	"path/filepath"
	"runtime"
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
	for b.Loop() {
		s, report, err := SummariseFile(path, now, settings.Clock(4, 0), 30)
		if err != nil || report.Entries != 100_000 || len(s.Days) != 30 {
			b.Fatalf("report %+v, %v", report, err)
		}
	}
}
