package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
)

// guided is the frame every guided session shares: the button that ends
// it, the recorder that reports its win, and for a timed session the
// timer. A session's own file holds only what it shows.
type guided struct {
	rec    *recorder
	finish *widget.Button
	// timer is nil for an untimed session, which ends when finish is
	// tapped.
	timer *timer
	// ended shows the session as over, before its win is recorded.
	ended func()
}

// newTimed frames a session of a fixed length that draw shows; "I'm done"
// ends it early.
func newTimed(e env, k settings.Kind, length time.Duration, draw func(time.Duration), ended, closeWindow func()) *guided {
	g := &guided{rec: newRecorder(e, k, closeWindow), ended: ended}
	g.timer = newTimer(e.clock, length, draw, g.done)
	g.finish = widget.NewButton(i18n.T("ui.guided.im_done"), g.timer.end)
	return g
}

// newUntimed frames a session that ends when the person taps Done, which
// stays disabled until the session enables it.
func newUntimed(e env, k settings.Kind, ended, closeWindow func()) *guided {
	g := &guided{rec: newRecorder(e, k, closeWindow), ended: ended}
	g.finish = widget.NewButton(i18n.T("ui.guided.done"), g.done)
	g.finish.Importance = widget.HighImportance
	g.finish.Disable()
	return g
}

func (g *guided) done() {
	g.ended()
	g.finish.Hide()
	g.rec.record()
}

// controls are what goes under the session: the recorder's message, then
// the finishing button, centred under a timed practice and at the
// trailing edge, like a dialog's, under a checklist.
func (g *guided) controls() []fyne.CanvasObject {
	row := container.NewHBox(layout.NewSpacer(), g.finish)
	if g.timer != nil {
		row.Add(layout.NewSpacer())
	}
	return []fyne.CanvasObject{g.rec.box, row}
}

// show puts the session in its window and starts its timer, if it has one.
func (g *guided) show(w fyne.Window, view fyne.CanvasObject, size fyne.Size) {
	w.SetContent(view)
	w.Resize(size)
	if g.timer != nil {
		g.timer.run(fyne.CurrentApp())
	}
}

// setText changes a label only when its text changes: at 60 frames a
// second, refreshing an unchanged label would cost a relayout each frame.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// backgroundRate is how often a guided session redraws while its window is
// not in front: often enough for the countdown, seldom enough that a
// forgotten window costs nothing.
const backgroundRate = 4

// timer runs a guided practice of a fixed length on a clock. Every redraw
// asks the clock for the elapsed time, so what is shown is a function of
// time alone: frames may be dropped or paused without drift, and tests
// move a fake clock and call step.
type timer struct {
	clock  func() time.Time
	start  time.Time
	length time.Duration
	// draw shows the session elapsed into it (at most length).
	draw func(elapsed time.Duration)
	// finish runs once, when the length has passed.
	finish func()
	over   bool
	anim   *fyne.Animation
	stopBg chan struct{}
}

func newTimer(clock func() time.Time, length time.Duration, draw func(time.Duration), finish func()) *timer {
	return &timer{clock: clock, start: clock(), length: length, draw: draw, finish: finish}
}

// step redraws for the clock's time; it runs on Fyne's goroutine.
func (t *timer) step() {
	if t.over {
		return
	}
	elapsed := t.clock().Sub(t.start)
	if elapsed < t.length {
		t.draw(elapsed)
		return
	}
	t.over = true
	t.draw(t.length)
	t.stop()
	t.finish()
}

// end finishes the session now, for a person who is done early.
func (t *timer) end() {
	t.length = min(t.length, t.clock().Sub(t.start))
	t.step()
}

// run drives step with a frame-rate animation while the app is in front
// and a slow ticker while it is not, so a hidden or forgotten window
// does not spin at 60 fps.
func (t *timer) run(a fyne.App) {
	t.anim = fyne.NewAnimation(time.Second, func(float32) { t.step() })
	t.anim.RepeatCount = fyne.AnimationRepeatForever
	t.anim.Curve = fyne.AnimationLinear
	a.Lifecycle().SetOnEnteredForeground(t.front)
	a.Lifecycle().SetOnExitedForeground(t.back)
	t.front()
}

func (t *timer) front() {
	if t.over {
		return
	}
	t.stopTicker()
	t.anim.Start()
}

func (t *timer) back() {
	if t.over || t.stopBg != nil {
		return
	}
	t.anim.Stop()
	t.stopBg = make(chan struct{})
	go tick(t.stopBg, time.Second/backgroundRate, t.step)
}

// tick calls fn through fyne.Do until stop is closed.
func tick(stop <-chan struct{}, every time.Duration, fn func()) {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case <-stop:
			return
		case <-ticker.C:
			fyne.Do(fn)
		}
	}
}

func (t *timer) stopTicker() {
	if t.stopBg != nil {
		close(t.stopBg)
		t.stopBg = nil
	}
}

func (t *timer) stop() {
	if t.anim != nil {
		t.anim.Stop()
	}
	t.stopTicker()
}

// recorder reports a finished practice to the daemon as a win and says
// what became of it. A win is never lost silently: if the daemon is not
// running the window says so and offers to try again.
type recorder struct {
	daemon Daemon
	kind   settings.Kind
	// prompt is the id of the prompt the session was started from, 0 for
	// none. It is dropped after a failed attempt: the daemon refused it, or
	// was away and lost its prompt, so Try again records the win on its own
	// instead of meeting the same refusal.
	prompt uint64
	status *widget.Label
	retry  *widget.Button
	close  *widget.Button
	box    *fyne.Container
	// settled receives after each attempt's result is shown; tests wait on it.
	settled chan struct{}
}

func newRecorder(e env, k settings.Kind, closeWindow func()) *recorder {
	r := &recorder{daemon: e.daemon, kind: k, prompt: e.prompt, status: wrapped(""), settled: make(chan struct{}, 1)}
	r.retry = widget.NewButton(i18n.T("ui.guided.try_again"), r.record)
	r.close = widget.NewButton(i18n.T("ui.close"), closeWindow)
	r.close.Importance = widget.HighImportance
	r.retry.Hide()
	r.box = newVBox(r.status, container.NewHBox(layout.NewSpacer(), r.retry, r.close))
	r.box.Hide()
	return r
}

// record sends Done, for the session's prompt if it has one; the reply
// is shown when it comes.
func (r *recorder) record() {
	r.box.Show()
	r.retry.Hide()
	r.status.SetText(i18n.T("ui.guided.recording", map[string]any{"Anchor": r.kind.InText()}))
	prompt := r.prompt
	go func() {
		err := r.daemon.Done(context.Background(), r.kind, prompt)
		fyne.Do(func() { r.show(err) })
	}()
}

func (r *recorder) show(err error) {
	prompted := r.prompt != 0
	if err != nil {
		r.prompt = 0
	}
	switch {
	case err == nil:
		r.status.SetText(i18n.T("ui.guided.recorded", map[string]any{"Anchor": anchorTitle(r.kind)}))
	case errors.Is(err, control.ErrNotRunning):
		r.status.SetText(i18n.T("ui.guided.not_running", map[string]any{"Anchor": r.kind.String()}))
		r.retry.Show()
	case prompted:
		r.status.SetText(i18n.T("ui.guided.refused_for_prompt", map[string]any{"Error": err.Error()}))
		r.retry.Show()
	default:
		r.status.SetText(i18n.T("ui.guided.not_recorded", map[string]any{"Error": err.Error()}))
		r.retry.Show()
	}
	select {
	case r.settled <- struct{}{}:
	default:
	}
}

// mmss writes a countdown as "1:05".
func mmss(d time.Duration) string {
	s := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
