package ui

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/window"
)

// texts collects the text of every label under obj.
func texts(obj fyne.CanvasObject) []string {
	var out []string
	switch o := obj.(type) {
	case *widget.Label:
		out = append(out, o.Text)
	case *widget.Card:
		out = append(out, texts(o.Content)...)
	case *container.Scroll:
		out = append(out, texts(o.Content)...)
	case *container.AppTabs:
		for _, item := range o.Items {
			out = append(out, texts(item.Content)...)
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			out = append(out, texts(c)...)
		}
	}
	return out
}

func writeJournal(t testing.TB, entries []journal.Entry) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	var buf bytes.Buffer
	if err := journal.WriteJSONL(&buf, entries); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// now is mid-morning, so "today" began at 04:00 the same date.
var now = time.Date(2026, 11, 27, 10, 30, 0, 0, time.UTC)

func win(daysAgo int, hour int, k settings.Kind, o reminders.Outcome) journal.Entry {
	return journal.Entry{Time: now.AddDate(0, 0, -daysAgo).Truncate(24 * time.Hour).Add(time.Duration(hour) * time.Hour), Anchor: k, Outcome: o, Active: 30 * time.Minute}
}

func sampleJournal() []journal.Entry {
	return []journal.Entry{
		win(20, 9, settings.Movement, reminders.OutcomeDone),
		win(1, 11, settings.Posture, reminders.OutcomeDone),
		win(1, 12, settings.Breath, reminders.OutcomeMissed),
		win(0, 8, settings.Hydration, reminders.OutcomeDone),
		win(0, 9, settings.Hydration, reminders.OutcomeAutoDone),
		win(0, 9, settings.Movement, reminders.OutcomeNatural),
		win(0, 10, settings.Breath, reminders.OutcomeSkipped),
		win(0, 10, settings.Posture, reminders.OutcomeSnoozed),
	}
}

func TestProgressShowsTodayAgainstGoalsAndTheLastSevenAndThirtyDays(t *testing.T) {
	test.NewTempApp(t)
	data := loadProgress(writeJournal(t, sampleJournal()), now, settings.Clock(4, 0))
	v := newProgressView(data, settings.Defaults())
	w := test.NewWindow(v.view)
	defer w.Close()
	v.show(v.history)
	all := strings.Join(texts(v.view), "\n")
	for _, want := range []string{
		"Hydration\n2 of 8", "Movement\n1 win", "Breath\n0 wins", "Posture\n0 wins",
		"4 wins in 7 days. Consistency: 2 of 7 days with at least one win.",
		"By outcome: done 2 · natural 1 · auto-done 1 · snoozed 1 · skipped 1 · missed 1",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("progress lacks %q in:\n%s", want, all)
		}
	}
	v.span.SetSelected(spanMonth.label())
	if v.summary.Text != "5 wins in 30 days. Consistency: 3 of 30 days with at least one win." || len(v.chart.days) != 30 {
		t.Errorf("30 days: %q, %d days charted", v.summary.Text, len(v.chart.days))
	}
	v.span.SetSelected(spanQuarter.label())
	if v.summary.Text != "5 wins in 12 weeks. Consistency: 3 of 84 days with at least one win." || len(v.chart.days) != 12 {
		t.Errorf("12 weeks: %q, %d bars charted", v.summary.Text, len(v.chart.days))
	}
	charted := 0
	for _, week := range v.chart.days {
		for _, n := range week.Wins {
			charted += n
		}
	}
	if charted != 5 || v.chart.days[11].Wins[settings.Hydration] != 2 {
		t.Errorf("the weekly bars hold %d wins (want 5), this week's hydration %d (want 2)", charted, v.chart.days[11].Wins[settings.Hydration])
	}
}

func TestProgressSaysWhenTheJournalHasDamagedLines(t *testing.T) {
	test.NewTempApp(t)
	path := writeJournal(t, sampleJournal())
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("{not json}\n")
	f.Close()
	v := newProgressView(loadProgress(path, now, settings.Clock(4, 0)), settings.Defaults())
	if !v.note.Visible() || !strings.HasPrefix(v.note.Text, "1 line of the journal could not be read and was skipped (the first: line 9:") {
		t.Fatalf("note %q", v.note.Text)
	}
}

func TestNextPromptsComeFromTheDaemonOrTheWindowSaysItIsNotRunning(t *testing.T) {
	in := func(m float64) *float64 { return &m }
	rest := now.Add(4 * time.Hour)
	st := &control.Status{Now: now, TodayActiveMin: 312.4, Anchors: []control.AnchorStatus{
		{Anchor: "movement", Enabled: true, NextInMin: in(42)},
		{Anchor: "posture", Enabled: true, NextInMin: in(12)},
		{Anchor: "rest", Enabled: true, NextAt: &rest},
		{Anchor: "breath", Enabled: false, NextInMin: in(1)},
		{Anchor: "hydration", Enabled: true, Due: true},
	}}
	for _, tc := range []struct {
		name   string
		st     *control.Status
		err    error
		want   string
		active string // "" when the line stays hidden
	}{
		{"running", st, nil, "Next: Hydration now; Posture in 12 min of active time; Movement in 42 min of active time; Rest at 14:30",
			"At the desk today: 5h 12min of active time."},
		{"not running", nil, control.ErrNotRunning, "microrest is not running, so no prompts are coming. Start it by running microrest.", ""},
		{"failing", nil, errors.New("read the daemon's reply: EOF"), "What comes next is unknown: read the daemon's reply: EOF", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			d := newFakeDaemon()
			d.status, d.err = tc.st, tc.err
			v := newProgressView(loadProgress(filepath.Join(t.TempDir(), "none.jsonl"), now, 0), settings.Defaults())
			go v.fetchStatus(d)
			wait(t, v.settled, "the status")
			if v.next.Text != tc.want {
				t.Fatalf("next: %q\nwant  %q", v.next.Text, tc.want)
			}
			if shown := v.active.Visible(); shown != (tc.active != "") || v.active.Text != tc.active {
				t.Fatalf("active line shown %v, %q; want %q", shown, v.active.Text, tc.active)
			}
		})
	}
}

func TestExportWritesTheWholeJournalAsCSV(t *testing.T) {
	var buf bytes.Buffer
	n, err := exportCSV(&buf, writeJournal(t, sampleJournal()))
	if err != nil || n != len(sampleJournal()) {
		t.Fatalf("exported %d, %v", n, err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != n+1 || lines[0] != "time,anchor,outcome,practice,active_min" || !strings.Contains(lines[1], ",movement,done,") {
		t.Fatalf("csv:\n%s", buf.String())
	}
}

func TestTheProgressWindowRendersAsRecorded(t *testing.T) {
	test.NewTempApp(t)
	v := newProgressView(loadProgress(writeJournal(t, sampleJournal()), now, settings.Clock(4, 0)), settings.Defaults())
	w := test.NewWindow(v.view)
	defer w.Close()
	w.Resize(progressSize)
	d := newFakeDaemon()
	d.fail(control.ErrNotRunning)
	go v.fetchStatus(d)
	wait(t, v.settled, "the status")
	test.AssertRendersToMarkup(t, "progress.xml", w.Canvas())
}

// yearOfEntries makes n entries ending now, about 30 a day, with the
// default practices and a mix of outcomes, like a year of real use.
func yearOfEntries(n int) []journal.Entry {
	rng := rand.New(rand.NewPCG(1, 2))
	anchors := settings.Defaults().Anchors
	entries := make([]journal.Entry, n)
	day := now
	for i := n - 1; i >= 0; i-- {
		if i%30 == 29 {
			day = day.AddDate(0, 0, -1)
		}
		k := settings.Kinds[rng.IntN(len(settings.Kinds))]
		practices := anchors.Of(k).Practices
		entries[i] = journal.Entry{
			Time:     time.Date(day.Year(), day.Month(), day.Day(), 8+rng.IntN(15), rng.IntN(60), 0, 0, time.UTC),
			Anchor:   k,
			Outcome:  reminders.Outcomes[rng.IntN(len(reminders.Outcomes))],
			Practice: practices[rng.IntN(len(practices))],
			Active:   time.Duration(rng.IntN(90)) * time.Minute,
		}
	}
	return entries
}

// BenchmarkProgressFirstPaint100k measures what stands between opening
// the progress window and its first paint: reading a 100,000-line journal
// and building the view. The budget is 200 ms.
func BenchmarkProgressFirstPaint100k(b *testing.B) {
	path := writeJournal(b, yearOfEntries(100_000))
	a := test.NewTempApp(b)
	for b.Loop() {
		data := loadProgress(path, now, settings.Clock(4, 0))
		if data.err != nil || data.report.Entries != 100_000 {
			b.Fatalf("%+v, %v", data.report, data.err)
		}
		w := a.NewWindow("progress")
		w.SetContent(newProgressView(data, settings.Defaults()).view)
		w.Resize(progressSize)
		w.Canvas().Capture()
		w.Close()
	}
}

// openProgress builds the progress window on a fake daemon, with its
// buttons wired, and waits for its first status.
func openProgress(t *testing.T, d *fakeDaemon, launched *[]launch) *progressView {
	t.Helper()
	test.NewTempApp(t)
	e := testEnv(d, &fakeClock{now: now})
	e.launch = func(w window.Verb, prompt uint64) error {
		*launched = append(*launched, launch{w, prompt})
		return nil
	}
	v := newProgressView(loadProgress(filepath.Join(t.TempDir(), "none.jsonl"), now, 0), settings.Defaults())
	v.connect(e)
	w := test.NewWindow(v.view)
	t.Cleanup(w.Close)
	go v.fetchStatus(d)
	wait(t, v.settled, "the status")
	return v
}

func TestPauseResumeAndSettingsStandInForTheTrayMenu(t *testing.T) {
	d := newFakeDaemon()
	d.setStatus(&control.Status{Now: now})
	var launched []launch
	v := openProgress(t, d, &launched)
	if v.pause.Disabled() || v.pause.Text != "Pause for 30m" {
		t.Fatalf("before a pause the button is %q (disabled %v), want Pause for 30m, the first pause choice", v.pause.Text, v.pause.Disabled())
	}
	test.Tap(v.pause)
	wait(t, v.settled, "the status after Pause")
	if v.pause.Text != "Resume" || v.next.Text != "Next: paused" {
		t.Fatalf("after Pause: button %q, next %q; want Resume and the pause", v.pause.Text, v.next.Text)
	}
	test.Tap(v.pause)
	wait(t, v.settled, "the status after Resume")
	if v.pause.Text != "Pause for 30m" {
		t.Fatalf("after Resume the button is %q", v.pause.Text)
	}
	want := []reminders.Command{reminders.PauseFor{For: 30 * time.Minute}, reminders.Resume{}}
	if got := d.held(); !slices.Equal(got, want) {
		t.Fatalf("the daemon was sent %v, want %v", got, want)
	}
	test.Tap(v.openSettings)
	if want := []launch{{window.Settings, 0}}; !slices.Equal(launched, want) {
		t.Fatalf("Settings… launched %v, want %v", launched, want)
	}
}

func TestPauseIsOffWithoutADaemonAndAFailedPauseIsSaid(t *testing.T) {
	d := newFakeDaemon()
	d.fail(control.ErrNotRunning)
	var launched []launch
	v := openProgress(t, d, &launched)
	if !v.pause.Disabled() || v.openSettings.Disabled() {
		t.Fatalf("without a daemon: Pause disabled %v, Settings… disabled %v; want Pause off and Settings… on", v.pause.Disabled(), v.openSettings.Disabled())
	}
	d.fail(nil)
	d.setStatus(&control.Status{Now: now})
	go v.fetchStatus(d)
	wait(t, v.settled, "the daemon to answer")
	d.fail(errors.New("the engine did not answer"))
	test.Tap(v.pause)
	wait(t, v.settled, "the status after the failed Pause")
	if want := "microrest did not pause: the engine did not answer"; !v.note.Visible() || v.note.Text != want {
		t.Fatalf("note %q (shown %v), want %q", v.note.Text, v.note.Visible(), want)
	}
}

func TestAPauseGoesOnTheWireAsTheDaemonReadsIt(t *testing.T) {
	tests := []struct {
		name string
		cmd  reminders.Command
		want control.Request
	}{
		{"for a length", reminders.PauseFor{For: 90 * time.Minute}, control.Request{Verb: control.VerbPause, For: "1h30m"}},
		{"until tomorrow", reminders.PauseUntilTomorrow{}, control.Request{Verb: control.VerbPause, UntilTomorrow: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := pauseRequest(tc.cmd); err != nil || got != tc.want {
				t.Fatalf("pauseRequest = %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
	if _, err := pauseRequest(reminders.Resume{}); err == nil {
		t.Fatal("a resume went on the wire as a pause")
	}
}
