package daemon

import (
	"context"
	"errors"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/notify"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/window"
)

// notificationAnswer carries out a button clicked on a notification. An
// answer is the engine's command naming its prompt, so the engine refuses
// it when that prompt is no longer on screen (answered from the tray, or
// a toast that could not be withdrawn): it is never applied to another
// prompt.
func (d *daemon) notificationAnswer(ctx context.Context, a notify.Action) {
	if a.Command == nil {
		d.openFor(ctx, a)
		return
	}
	err := d.do(ctx, a.Command)
	d.afterCheckin(ctx, a.Command)
	switch {
	case errors.Is(err, reminders.ErrAnswered):
		d.opts.Log.Info(i18n.T("daemon.log.answer_late"), "action", a.String())
	case err != nil:
		d.opts.Log.Error(i18n.T("daemon.log.answer_failed"), "action", a.String(), "err", err)
	}
}

// openFor opens the window a notification asks for: the prompt window
// (which shows whatever is on screen), or the guided session of its
// prompt, only while that prompt is still on screen.
func (d *daemon) openFor(ctx context.Context, a notify.Action) {
	if a.Window != window.Prompt && a.Window != window.Checkin {
		snap, err := d.runner.Snapshot(ctx)
		if err != nil || snap.Prompt == nil || snap.Prompt.ID != a.Prompt {
			d.opts.Log.Info(i18n.T("daemon.log.start_late"), "action", a.String())
			return
		}
	}
	d.launch(a.Window, a.Prompt)
}

// launch opens window v; a guided session gets the prompt it answers.
func (d *daemon) launch(v window.Verb, prompt uint64) {
	if err := window.Launch(v, prompt); err != nil {
		d.opts.Log.Error(i18n.T("daemon.log.window_failed"), "window", v.String(), "err", err)
	}
}

// escalateToWindow opens the prompt window once per prompt, on its last
// re-issue, when the settings ask for it: a nudge that is harder to miss
// than a notification, and still never blocks the screen.
func (d *daemon) escalateToWindow(snap reminders.Snapshot) {
	if !wantsWindow(d.settings().Escalation, snap.Prompt, d.windowFor) {
		return
	}
	d.windowFor = snap.Prompt.ID
	d.launch(window.Prompt, 0)
}

// wantsWindow reports whether prompt p has reached its last re-issue and
// has not had its window yet.
func wantsWindow(x settings.Escalation, p *reminders.Prompt, opened uint64) bool {
	return x.Window && p != nil && p.Repeat > 0 && p.Repeat >= x.Repeats && p.ID != opened
}

// quiet reads the desktop's do-not-disturb for the engine's loop, which
// calls it before every step, and logs when it changes.
func (d *daemon) quiet() func() bool {
	was := false
	return func() bool {
		on, why := d.mon.Quiet()
		if on != was {
			d.opts.Log.Info(i18n.T("daemon.log.dnd"), "on", on, "why", why)
			was = on
		}
		return on
	}
}
