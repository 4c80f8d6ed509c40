package daemon

import (
	"context"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/reminders/notify"
)

// notificationAnswer carries out a button clicked on a notification. An
// answer to a prompt no longer on screen (answered from the tray, or a
// toast that could not be withdrawn) is dropped, never applied to another
// prompt.
func (d *daemon) notificationAnswer(ctx context.Context, a notify.Action) {
	snap, err := d.runner.Snapshot(ctx)
	if err != nil || snap.Prompt == nil || snap.Prompt.ID != a.Prompt {
		d.opts.Log.Info("notification answer for a prompt no longer on screen; ignored", "action", a.String())
		return
	}
	var cmd reminders.Command
	switch a.Kind {
	case notify.Done:
		cmd = reminders.Done{}
	case notify.Snooze:
		cmd = reminders.Snooze{}
	case notify.Skip:
		cmd = reminders.Skip{}
	case notify.Start, notify.Open:
		d.startGuided(snap.Prompt)
		return
	}
	if cmd == nil {
		return
	}
	if err := d.do(ctx, cmd); err != nil {
		d.opts.Log.Error("notification answer failed", "action", a.String(), "err", err)
	}
}

// startGuided opens the guided session of the prompt's first anchor that
// has one; the session records Done when it finishes.
func (d *daemon) startGuided(p *reminders.Prompt) {
	for _, it := range p.Items {
		if verb := guidedVerb(it.Anchor); verb != "" {
			if err := d.opts.Launch(verb); err != nil {
				d.opts.Log.Error("start guided session", "verb", verb, "err", err)
			}
			return
		}
	}
}

// syncQuiet tells the engine when the desktop's do-not-disturb or a
// fullscreen window starts or stops holding prompts back.
func (d *daemon) syncQuiet(ctx context.Context, snap reminders.Snapshot) {
	if d.mon == nil {
		return
	}
	on, why := d.mon.Quiet()
	if on == snap.DND {
		return
	}
	d.opts.Log.Info("do not disturb", "on", on, "why", why)
	if err := d.do(ctx, reminders.SetDND{On: on}); err != nil {
		d.opts.Log.Error("set do-not-disturb", "err", err)
	}
}
