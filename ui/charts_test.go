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
	"github.com/microrest/microrest/reminders"
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
	v.span.SetSelected(spanMonth.label())
	if len(energy.values) != 30 || energy.values[29-20] != 1 || energy.first != "29/10" || energy.last != "today" {
		t.Fatalf("30 days: %d values, 20 days ago %v, ends %q and %q", len(energy.values), energy.values[29-20], energy.first, energy.last)
	}
	v.span.SetSelected(spanQuarter.label())
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

// at is h:m on the journal day daysAgo, the next calendar day for a time
// before the 04:00 rollover.
func at(daysAgo, h, m int) time.Time {
	t := now.AddDate(0, 0, -daysAgo).Truncate(24 * time.Hour).Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	if h < 4 {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

// rhythmLines are two weeks of bedtimes (wind-down answered) and wake
// lines: steady but for a late night, one after midnight and a lie-in.
func rhythmLines() []journal.Line {
	beds := [][2]int{{22, 30}, {22, 40}, {22, 20}, {22, 35}, {0, 20}, {22, 30}, {22, 45}, {22, 25}, {23, 40}, {22, 30}, {22, 15}, {22, 50}, {22, 30}}
	wakes := [][2]int{{7, 0}, {7, 10}, {6, 55}, {7, 5}, {9, 30}, {7, 0}, {7, 15}, {6, 50}, {7, 0}, {7, 20}, {7, 5}, {6, 45}, {7, 0}, {7, 5}}
	var lines []journal.Line
	for i, b := range beds {
		lines = append(lines, journal.OutcomeLine(journal.Entry{Time: at(13-i, b[0], b[1]), Anchor: settings.WindDown, Outcome: reminders.OutcomeDone}))
	}
	for i, w := range wakes {
		lines = append(lines, journal.WakeLine(at(13-i, w[0], w[1])))
	}
	// A wind-down skipped is no bedtime.
	return append(lines, journal.OutcomeLine(journal.Entry{Time: at(0, 1, 30), Anchor: settings.WindDown, Outcome: reminders.OutcomeSkipped}))
}

func TestBedtimeAndWakeTimeShowTheLastTwoWeeksAndHowSteadyTheyWere(t *testing.T) {
	test.NewTempApp(t)
	v := newProgressView(loadProgress(writeLines(t, rhythmLines()), now, settings.Clock(4, 0)), settings.Defaults())
	w := test.NewWindow(v.view)
	defer w.Close()
	v.show(v.rhythm)
	r := v.bedtimes
	if want := "Bedtime within ±25 min on 11 of 13 days, typically 22:30."; r.bedLine.Text != want {
		t.Errorf("bedtime: %q\nwant      %q", r.bedLine.Text, want)
	}
	if want := "Wake time within ±25 min on 13 of 14 days, typically 07:03."; r.wakeLine.Text != want {
		t.Errorf("wake time: %q\nwant        %q", r.wakeLine.Text, want)
	}
	bed := r.bedtime
	if len(bed.values) != 14 || !math.IsNaN(bed.values[13]) || bed.values[4] != 24+20.0/60 || bed.values[0] != 22.5 {
		t.Fatalf("bedtimes %v: want 14 days, 00:20 as 24h20m on day 5, none today", bed.values)
	}
	if bed.lo != 22 || bed.hi != 25 || bed.band != [2]float64{22.5 - 25.0/60, 22.5 + 25.0/60} {
		t.Fatalf("bedtime scale %v to %v, band %v", bed.lo, bed.hi, bed.band)
	}
	if clockLabel(bed.hi) != "01:00" || clockLabel(bed.lo) != "22:00" {
		t.Fatalf("the scale reads %s to %s", clockLabel(bed.lo), clockLabel(bed.hi))
	}
}

func TestBedtimeAndWakeTimeSayWhatTheyWaitForWithoutData(t *testing.T) {
	test.NewTempApp(t)
	v := newProgressView(loadProgress(filepath.Join(t.TempDir(), "none.jsonl"), now, settings.Clock(4, 0)), settings.Defaults())
	v.show(v.rhythm)
	if got := v.bedtimes.bedLine.Text; got != "No bedtime yet: it is when you answer the wind-down." {
		t.Fatalf("bedtime line %q", got)
	}
}

func TestTheBedtimeTabRendersAsRecorded(t *testing.T) {
	test.NewTempApp(t)
	v := newProgressView(loadProgress(writeLines(t, rhythmLines()), now, settings.Clock(4, 0)), settings.Defaults())
	w := test.NewWindow(v.view)
	defer w.Close()
	w.Resize(progressSize)
	v.show(v.rhythm)
	test.AssertRendersToMarkup(t, "progress_rhythm.xml", w.Canvas())
}
