package ui

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/settings"
)

// writeLines writes a journal of outcomes and check-ins.
func writeLines(t testing.TB, lines []journal.Line) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	var buf bytes.Buffer
	if err := journal.WriteLinesJSONL(&buf, lines); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// checkin is a check-in daysAgo at 08:00 with the four answers.
func checkin(daysAgo, stiffness, mood, energy, sleep int) journal.Line {
	at := now.AddDate(0, 0, -daysAgo).Truncate(24 * time.Hour).Add(8 * time.Hour)
	return journal.CheckinLine(journal.Checkin{Time: at, Stiffness: stiffness, Mood: mood, Energy: energy, SleepQuality: sleep})
}

// sampleLines is the sample journal with a check-in on most days of the
// last week, one left partly unanswered, and two weeks earlier on.
func sampleLines() []journal.Line {
	var lines []journal.Line
	for _, e := range sampleJournal() {
		lines = append(lines, journal.OutcomeLine(e))
	}
	return append(lines,
		checkin(0, 2, 4, 4, 4),
		checkin(1, 3, 3, 3, 2),
		checkin(2, 3, 4, 3, 3),
		checkin(4, 4, 2, 2, 0),
		checkin(5, 2, 4, 4, 5),
		checkin(6, 2, 3, 4, 4),
		checkin(20, 5, 1, 1, 1),
		checkin(22, 4, 2, 2, 2),
	)
}

func nanEqual(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) })
}

func TestTheItemChartsFollowTheSpanOfTheWinsChart(t *testing.T) {
	test.NewTempApp(t)
	v := newProgressView(loadProgress(writeLines(t, sampleLines()), now, settings.Clock(4, 0)), settings.Defaults())
	w := test.NewWindow(v.view)
	defer w.Close()
	v.show(v.history)
	nan := math.NaN()
	energy := v.items.charts[2]
	if want := []float64{4, 4, 2, nan, 3, 3, 4}; !nanEqual(energy.values, want) {
		t.Fatalf("energy over 7 days %v, want %v", energy.values, want)
	}
	if got, want := v.items.titles[0].Text, "Stiffness: 2.7 on average (5 = very stiff)"; got != want {
		t.Errorf("stiffness title %q, want %q", got, want)
	}
	if got, want := v.items.titles[3].Text, "Sleep quality: 3.6 on average (5 = excellent)"; got != want {
		t.Errorf("sleep title %q, want %q: an unanswered item is not a 0", got, want)
	}
	v.span.SetSelected(spanMonth)
	if len(energy.values) != 30 || energy.values[29-20] != 1 || energy.first != "29/10" || energy.last != "today" {
		t.Fatalf("30 days: %d values, 20 days ago %v, ends %q and %q", len(energy.values), energy.values[29-20], energy.first, energy.last)
	}
	v.span.SetSelected(spanQuarter)
	// Week 12 is the last 7 days, week 9 holds day 20 and week 8 day 22.
	want := make([]float64, quarterWeeks)
	for i := range want {
		want[i] = nan
	}
	want[11], want[9], want[8] = 20.0/6, 1, 2
	if !nanEqual(energy.values, want) || energy.last != "this week" {
		t.Fatalf("12 weeks of energy %v, want the weekly means %v; last %q", energy.values, want, energy.last)
	}
}

func TestTheHistoryTabRendersAsRecorded(t *testing.T) {
	test.NewTempApp(t)
	v := newProgressView(loadProgress(writeLines(t, sampleLines()), now, settings.Clock(4, 0)), settings.Defaults())
	v.next.SetText(nextText(nil, control.ErrNotRunning))
	w := test.NewWindow(v.view)
	defer w.Close()
	w.Resize(progressSize)
	v.show(v.history)
	test.AssertRendersToMarkup(t, "progress_history.xml", w.Canvas())
}
