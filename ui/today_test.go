package ui

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// clock is h:m on the day of now.
func clock(h, m int) time.Time {
	return time.Date(now.Year(), now.Month(), now.Day(), h, m, 0, 0, now.Location())
}

// todayStatus is a morning at 10:30: breakfast's walk done, two glasses
// of water and a posture check, posture and breath coming at today's
// pace, and lunch's walk, the rest and the wind-down still to come.
func todayStatus() *control.Status {
	return &control.Status{Now: now, Today: &control.TodayStatus{Timeline: []control.TimelineEntry{
		{Anchor: "movement", Time: clock(8, 0), At: "07:45", Meal: true, State: "done"},
		{Anchor: "hydration", Time: clock(8, 5), State: "done"},
		{Anchor: "hydration", Time: clock(9, 10), State: "done"},
		{Anchor: "posture", Time: clock(9, 40), State: "done"},
		{Anchor: "posture", Time: clock(10, 55), State: "upcoming"},
		{Anchor: "breath", Time: clock(11, 30), State: "upcoming"},
		{Anchor: "movement", Time: clock(12, 45), At: "12:30", Meal: true, State: "upcoming"},
		{Anchor: "rest", Time: clock(14, 30), At: "14:30", State: "upcoming"},
		{Anchor: "wind-down", Time: clock(22, 0), At: "22:00", State: "upcoming"},
	}}}
}

// rowTexts reads the timeline as a person does: time and what, a row a
// line, with the buttons it offers.
func rowTexts(v *timelineView) []string {
	var out []string
	for _, r := range v.rows {
		line := r.when.Text + " " + r.what.Text
		if r.skip != nil {
			line += " [Skip today] [Move…]"
		}
		out = append(out, line)
	}
	return out
}

// openToday opens the progress window on d's status and waits for it.
func openToday(t *testing.T, d *fakeDaemon) (*progressView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	v := newProgressView(loadProgress(filepath.Join(t.TempDir(), "none.jsonl"), now, settings.Clock(4, 0)), settings.Defaults())
	v.connect(testEnv(d, &fakeClock{now: now}))
	w := test.NewWindow(v.view)
	t.Cleanup(w.Close)
	w.Resize(progressSize)
	go v.fetchStatus(d)
	wait(t, v.settled, "the status")
	return v, w
}

// row finds the timeline row whose words start with what.
func row(t *testing.T, v *progressView, what string) *timelineRow {
	t.Helper()
	for _, r := range v.timeline.rows {
		if strings.HasPrefix(r.what.Text, what) {
			return r
		}
	}
	t.Fatalf("no row %q in %q", what, rowTexts(v.timeline))
	return nil
}

func TestTheTimelineShowsTodayInTimeWithWinsTickedAndIntervalsAbout(t *testing.T) {
	d := newFakeDaemon()
	d.setStatus(todayStatus())
	v, _ := openToday(t, d)
	want := []string{
		"08:00 Walk after breakfast ✓",
		"09:10 Hydration ✓ (2 today)",
		"09:40 Posture ✓",
		"about 10:55 Posture",
		"about 11:30 Breath",
		"12:45 Walk after lunch [Skip today] [Move…]",
		"14:30 Rest [Skip today] [Move…]",
		"22:00 Wind-down [Skip today] [Move…]",
	}
	if got := rowTexts(v.timeline); !slices.Equal(got, want) {
		t.Fatalf("timeline:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if v.next.Visible() {
		t.Errorf("the Next line %q repeats the timeline", v.next.Text)
	}
}

func TestSkipTodaySendsTheSlotAndTheRowShowsItSkipped(t *testing.T) {
	d := newFakeDaemon()
	d.setStatus(todayStatus())
	v, _ := openToday(t, d)
	test.Tap(row(t, v, "Rest").skip)
	wait(t, v.settled, "the status after the skip")
	want := []reminders.Command{reminders.SkipToday{Slot: reminders.Slot{Anchor: settings.Rest, At: settings.Clock(14, 30)}}}
	if got := d.changedToday(); !slices.Equal(got, want) {
		t.Fatalf("the daemon was sent %v, want %v", got, want)
	}
	if r := row(t, v, "Rest"); r.what.Text != "Rest: skipped today" || r.skip != nil {
		t.Fatalf("after the skip the row reads %q (buttons %v)", r.what.Text, r.skip != nil)
	}
}

func TestMoveChecksTheTimeAndSendsTheSlotAndTheNewTime(t *testing.T) {
	d := newFakeDaemon()
	d.setStatus(todayStatus())
	v, _ := openToday(t, d)
	test.Tap(row(t, v, "Rest").move)
	r := v.timeline.editor
	if r == nil || r.moveTo == nil || !r.moveButton.Disabled() {
		t.Fatal("Move… opened no editor, or its Move is enabled before a time is typed")
	}
	for _, tc := range []struct{ text, message string }{
		{"25:00", `"25:00" is not a time of day`},
		{"09:00", "09:00 has passed; pick a later time."},
		{"10:30", "10:30 has passed; pick a later time."},
	} {
		r.moveTo.SetText("")
		test.Type(r.moveTo, tc.text)
		if !r.moveButton.Disabled() || !r.moveMessage.Visible() || !strings.Contains(r.moveMessage.Text, tc.message) {
			t.Fatalf("%q: Move disabled %v, message %q; want %q", tc.text, r.moveButton.Disabled(), r.moveMessage.Text, tc.message)
		}
		r.moveTo.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	if got := d.changedToday(); len(got) != 0 {
		t.Fatalf("an invalid time was sent: %v", got)
	}
	r.moveTo.SetText("")
	test.Type(r.moveTo, "16:00")
	if r.moveButton.Disabled() || r.moveMessage.Visible() {
		t.Fatalf("16:00: Move disabled %v, message %q", r.moveButton.Disabled(), r.moveMessage.Text)
	}
	test.Tap(r.moveButton)
	wait(t, v.settled, "the status after the move")
	want := []reminders.Command{reminders.MoveToday{Slot: reminders.Slot{Anchor: settings.Rest, At: settings.Clock(14, 30)}, To: settings.Clock(16, 0)}}
	if got := d.changedToday(); !slices.Equal(got, want) {
		t.Fatalf("the daemon was sent %v, want %v", got, want)
	}
	if got := rowTexts(v.timeline)[6]; got != "16:00 Rest (moved from 14:30) [Skip today] [Move…]" {
		t.Fatalf("after the move the row reads %q", got)
	}
}

func TestMovingAMealMovesTheMealAndChecksTheWalkAfterIt(t *testing.T) {
	d := newFakeDaemon()
	d.setStatus(todayStatus())
	v, _ := openToday(t, d)
	test.Tap(row(t, v, "Walk after lunch").move)
	r := v.timeline.editor
	// Lunch at 10:10 would bring the walk at 10:25, before now.
	test.Type(r.moveTo, "10:10")
	if want := "The walk after lunch at 10:10 would be at 10:25, which has passed; pick a later time."; r.moveMessage.Text != want || !r.moveButton.Disabled() {
		t.Fatalf("message %q, want %q", r.moveMessage.Text, want)
	}
	// Lunch at 10:20 already eaten: the walk at 10:35 is still to come.
	r.moveTo.SetText("10:20")
	if r.moveButton.Disabled() {
		t.Fatalf("a meal just eaten is refused: %q", r.moveMessage.Text)
	}
	r.moveTo.SetText("13:15")
	gate := make(chan struct{})
	d.mu.Lock()
	d.gate = gate
	d.mu.Unlock()
	r.moveTo.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	close(gate)
	wait(t, v.settled, "the status after the move")
	want := []reminders.Command{reminders.MoveToday{Slot: reminders.Slot{Anchor: settings.Movement, At: settings.Clock(12, 30), Meal: true}, To: settings.Clock(13, 15)}}
	if got := d.changedToday(); !slices.Equal(got, want) {
		t.Fatalf("the daemon was sent %v, want %v", got, want)
	}
	if got := row(t, v, "Walk after lunch"); got.when.Text != "13:30" || got.what.Text != "Walk after lunch (lunch moved from 12:30)" {
		t.Fatalf("after the move: %q %q", got.when.Text, got.what.Text)
	}
}

func TestCancelClosesTheMoveAndOnlyOneMoveIsOpen(t *testing.T) {
	d := newFakeDaemon()
	d.setStatus(todayStatus())
	v, _ := openToday(t, d)
	rest, wind := row(t, v, "Rest"), row(t, v, "Wind-down")
	test.Tap(rest.move)
	test.Tap(wind.move)
	if v.timeline.editor != wind || len(rest.editor.Objects) != 0 {
		t.Fatal("two Move… editors are open at once")
	}
	test.Tap(wind.moveCancel)
	if v.timeline.editor != nil || len(wind.editor.Objects) != 0 {
		t.Fatal("Cancel left the Move… editor open")
	}
	if got := d.changedToday(); len(got) != 0 {
		t.Fatalf("opening and cancelling sent %v", got)
	}
}

func TestTheTimelineSaysWhenThereIsNoneToShow(t *testing.T) {
	for _, tc := range []struct {
		name string
		st   *control.Status
		err  error
		want string
		next bool // whether the Next line shows too
	}{
		{"not running", nil, control.ErrNotRunning, "microrest is not running, so no prompts are coming and there is no plan for today to show. Start it by running microrest.", false},
		{"failing", nil, errors.New("read the daemon's reply: EOF"), "Today's plan is unknown: read the daemon's reply: EOF", false},
		{"an older daemon", &control.Status{Now: now}, nil, "This microrest sends no plan for today; restart it to see one here.", true},
		{"an empty day", &control.Status{Now: now, Today: &control.TodayStatus{}}, nil, "Nothing is planned for today.", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newFakeDaemon()
			d.status, d.err = tc.st, tc.err
			v, _ := openToday(t, d)
			if !v.timeline.message.Visible() || v.timeline.message.Text != tc.want || len(v.timeline.rows) != 0 {
				t.Fatalf("timeline says %q (shown %v) with %d rows; want %q", v.timeline.message.Text, v.timeline.message.Visible(), len(v.timeline.rows), tc.want)
			}
			if v.next.Visible() != tc.next {
				t.Fatalf("the Next line %q is shown %v, want %v", v.next.Text, v.next.Visible(), tc.next)
			}
		})
	}
}

func TestAFailedSkipIsSaid(t *testing.T) {
	d := newFakeDaemon()
	d.setStatus(todayStatus())
	v, _ := openToday(t, d)
	d.fail(errors.New("rest 14:30 has come already"))
	test.Tap(row(t, v, "Rest").skip)
	wait(t, v.settled, "the status after the failed skip")
	if want := "microrest did not skip Rest at 14:30 today: rest 14:30 has come already"; !v.note.Visible() || v.note.Text != want {
		t.Fatalf("note %q, want %q", v.note.Text, want)
	}
}

// The skip and the move reach a daemon's socket as requests it accepts,
// naming the slot as the status names it.
func TestSkipAndMoveGoOnTheWireAsTheDaemonReadsThem(t *testing.T) {
	dir, err := os.MkdirTemp("", "mr")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	l, err := control.Listen(dir, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var got []control.Request
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan struct{})
	go func() {
		defer close(served)
		l.Serve(ctx, func(_ context.Context, r control.Request) control.Reply {
			mu.Lock()
			defer mu.Unlock()
			r.V = 0
			got = append(got, r)
			return control.Reply{V: control.Version, OK: true}
		})
	}()
	t.Cleanup(func() { cancel(); l.Close(); <-served })
	d := SocketDaemon(dir)
	lunch := reminders.Slot{Anchor: settings.Movement, At: settings.Clock(12, 30), Meal: true}
	if err := d.SkipToday(context.Background(), reminders.Slot{Anchor: settings.WindDown, At: settings.Clock(22, 0)}); err != nil {
		t.Fatal(err)
	}
	if err := d.MoveToday(context.Background(), lunch, settings.Clock(13, 15)); err != nil {
		t.Fatal(err)
	}
	want := []control.Request{
		{Verb: control.VerbSkipToday, Anchor: "wind-down", At: "22:00"},
		{Verb: control.VerbMoveToday, Anchor: "movement", At: "12:30", Meal: true, To: "13:15"},
	}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(got, want) {
		t.Fatalf("the daemon read %+v, want %+v", got, want)
	}
}

func TestTheTimelineRendersAsRecorded(t *testing.T) {
	d := newFakeDaemon()
	d.setStatus(todayStatus())
	v, w := openToday(t, d)
	test.AssertRendersToMarkup(t, "progress_today.xml", w.Canvas())
	test.Tap(row(t, v, "Rest").skip)
	wait(t, v.settled, "the status after the skip")
	test.Tap(row(t, v, "Wind-down").move)
	test.Type(v.timeline.editor.moveTo, "21:70")
	test.AssertRendersToMarkup(t, "progress_today_move.xml", w.Canvas())
}
