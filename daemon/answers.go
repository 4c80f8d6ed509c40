package daemon

import (
	"context"
	"errors"

	"github.com/microrest/microrest/notify"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// notificationAnswer carries out a button clicked on a notification. The
// answer carries its prompt's id, so the engine refuses it when that
// prompt is no longer on screen (answered from the tray, or a toast that
// could not be withdrawn): it is never applied to another prompt.
func (d *daemon) notificationAnswer(ctx context.Context, a notify.Action) {
	var cmd reminders.Command
	switch a.Kind {
	case notify.Done:
		cmd = reminders.Done{Prompt: a.Prompt}
	case notify.Snooze:
		cmd = reminders.Snooze{Prompt: a.Prompt}
	case notify.Skip:
		cmd = reminders.Skip{Prompt: a.Prompt}
	case notify.Start:
		d.startGuidedFor(ctx, a)
		return
	case notify.Open:
		d.launch("prompt")
		return
	default:
		return
	}
	err := d.do(ctx, cmd)
	switch {
	case errors.Is(err, reminders.ErrAnswered):
		d.opts.Log.Info("notification answer for a prompt no longer on screen; ignored", "action", a.String())
	case err != nil:
		d.opts.Log.Error("notification answer failed", "action", a.String(), "err", err)
	}
}

// startGuidedFor opens the guided session of the prompt a Start button
// belongs to, if it is still on screen.
func (d *daemon) startGuidedFor(ctx context.Context, a notify.Action) {
	snap, err := d.runner.Snapshot(ctx)
	if err != nil || snap.Prompt == nil || snap.Prompt.ID != a.Prompt {
		d.opts.Log.Info("Start for a prompt no longer on screen; ignored", "action", a.String())
		return
	}
	d.startGuided(snap.Prompt)
}

func (d *daemon) launch(verb string) {
	if err := d.opts.Launch(verb); err != nil {
		d.opts.Log.Error("open window", "verb", verb, "err", err)
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
	d.launch("prompt")
}

// wantsWindow reports whether prompt p has reached its last re-issue and
// has not had its window yet.
func wantsWindow(x settings.Escalation, p *reminders.Prompt, opened uint64) bool {
	return x.Window && p != nil && p.Repeat > 0 && p.Repeat >= x.Repeats && p.ID != opened
}

// startGuided opens the guided session of the prompt's first anchor that
// has one; the session records Done when it finishes.
func (d *daemon) startGuided(p *reminders.Prompt) {
	for _, it := range p.Items {
		if verb := it.Anchor.Session(); verb != "" {
			d.launch(verb)
			return
		}
	}
}

// quiet reads the desktop's do-not-disturb for the engine's loop, which
// calls it before every step, and logs when it changes.
func (d *daemon) quiet() func() bool {
	was := false
	return func() bool {
		on, why := d.mon.Quiet()
		if on != was {
			d.opts.Log.Info("do not disturb", "on", on, "why", why)
			was = on
		}
		return on
	}
}
