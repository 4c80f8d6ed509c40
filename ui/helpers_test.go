package ui

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/microrest/microrest/control"
	_ "github.com/microrest/microrest/internal/locale" // quiet Fyne under LANG=C.UTF-8, as the binary is
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// fakeDaemon records what the windows ask of the daemon; err makes every
// call fail, as control.ErrNotRunning does when no daemon is there.
type fakeDaemon struct {
	mu       sync.Mutex
	err      error
	status   *control.Status
	done     []doneCall
	answers  []reminders.Command
	checkins []reminders.Checkin
	holds    []reminders.Command
	// today holds the skip-today and move-today requests, as
	// reminders.SkipToday and reminders.MoveToday.
	today []reminders.Command
	// gate, when set, holds skip-today and move-today until it is
	// closed: Fyne's test driver shows the reply on the calling
	// goroutine, so a test finishes its key press before letting it in.
	gate    chan struct{}
	reloads chan struct{}
}

// doneCall is one Done the fake took: the anchor, and the prompt it named.
type doneCall struct {
	kind   settings.Kind
	prompt uint64
}

func newFakeDaemon() *fakeDaemon { return &fakeDaemon{reloads: make(chan struct{}, 10)} }

func (d *fakeDaemon) fail(err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.err = err
}

func (d *fakeDaemon) setStatus(st *control.Status) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.status = st
}

func (d *fakeDaemon) Status(context.Context) (*control.Status, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.status, d.err
}

func (d *fakeDaemon) Done(_ context.Context, k settings.Kind, prompt uint64) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err == nil {
		d.done = append(d.done, doneCall{k, prompt})
	}
	return d.err
}

func (d *fakeDaemon) Answer(_ context.Context, cmd reminders.Command) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err == nil {
		d.answers = append(d.answers, cmd)
	}
	return d.err
}

func (d *fakeDaemon) Checkin(_ context.Context, c reminders.Checkin) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err == nil {
		d.checkins = append(d.checkins, c)
	}
	return d.err
}

func (d *fakeDaemon) checkedIn() []reminders.Checkin {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.checkins)
}

func (d *fakeDaemon) answered() []reminders.Command {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.answers)
}

func (d *fakeDaemon) Reload(context.Context) error {
	d.reloads <- struct{}{}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.err
}

// Pause records the pause and, like the daemon, reports it in the status.
func (d *fakeDaemon) Pause(_ context.Context, cmd reminders.Command) error {
	return d.hold(cmd, true)
}

func (d *fakeDaemon) Resume(context.Context) error { return d.hold(reminders.Resume{}, false) }

func (d *fakeDaemon) hold(cmd reminders.Command, paused bool) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err != nil {
		return d.err
	}
	d.holds = append(d.holds, cmd)
	if d.status != nil {
		st := *d.status
		st.Paused = paused
		d.status = &st
	}
	return nil
}

// SkipToday records the skip and, like the daemon, shows the clock time
// skipped in the status's timeline.
func (d *fakeDaemon) SkipToday(_ context.Context, slot reminders.Slot) error {
	return d.changeToday(reminders.SkipToday{Slot: slot}, func(e *control.TimelineEntry) {
		e.State = reminders.TimelineSkipped.String()
	})
}

// MoveToday records the move and, like the daemon, shows the clock time
// at its new time, moved; a meal's walk follows the meal by 15 minutes.
func (d *fakeDaemon) MoveToday(_ context.Context, slot reminders.Slot, to settings.ClockTime) error {
	return d.changeToday(reminders.MoveToday{Slot: slot, To: to}, func(e *control.TimelineEntry) {
		at := to
		if slot.Meal {
			at += 15
		}
		e.Time = time.Date(e.Time.Year(), e.Time.Month(), e.Time.Day(), at.Hour(), at.Minute(), 0, 0, e.Time.Location())
		e.Moved = true
	})
}

// changeToday records cmd and applies change to the timeline entry of
// its slot in a copy of the status.
func (d *fakeDaemon) changeToday(cmd reminders.Command, change func(*control.TimelineEntry)) error {
	d.mu.Lock()
	gate := d.gate
	d.mu.Unlock()
	if gate != nil {
		<-gate
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err != nil {
		return d.err
	}
	d.today = append(d.today, cmd)
	var slot reminders.Slot
	switch c := cmd.(type) {
	case reminders.SkipToday:
		slot = c.Slot
	case reminders.MoveToday:
		slot = c.Slot
	}
	if d.status == nil || d.status.Today == nil {
		return nil
	}
	st := *d.status
	timeline := slices.Clone(st.Today.Timeline)
	for i, e := range timeline {
		if e.Anchor == slot.Anchor.String() && e.At == slot.At.String() && e.Meal == slot.Meal {
			change(&timeline[i])
		}
	}
	slices.SortStableFunc(timeline, func(a, b control.TimelineEntry) int { return a.Time.Compare(b.Time) })
	st.Today = &control.TodayStatus{Timeline: timeline}
	d.status = &st
	return nil
}

// changedToday returns the skip-today and move-today requests taken.
func (d *fakeDaemon) changedToday() []reminders.Command {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.today)
}

func (d *fakeDaemon) held() []reminders.Command {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.holds)
}

func (d *fakeDaemon) recorded() []doneCall {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.done)
}

// fakeAutostart stands in for the system's login entry.
type fakeAutostart struct {
	on   bool
	sets []bool
}

func (a *fakeAutostart) Enabled() (bool, error) { return a.on, nil }

func (a *fakeAutostart) Set(on bool) error {
	a.on = on
	a.sets = append(a.sets, on)
	return nil
}

// fakeClock only moves when the test moves it.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) advance(d time.Duration) { c.now = c.now.Add(d) }

func testEnv(d *fakeDaemon, c *fakeClock) env {
	return env{daemon: d, clock: c.Now, autostart: &fakeAutostart{}}
}

// wait blocks until ch receives, or fails the test after a deadline; it
// is how tests wait for a reply that arrives through fyne.Do.
func wait(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(5 * time.Second):
		t.Fatalf("waited 5s for %s", what)
	}
}

var start = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
