package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/microrest/microrest/autostart"
	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// callTimeout bounds one request to the daemon, so a wedged daemon leaves
// the window usable with a message instead of hanging it.
const callTimeout = 3 * time.Second

// Daemon is what the windows ask of the running daemon. Windows never need
// it to work: every call may fail with control.ErrNotRunning, and the
// window says so.
type Daemon interface {
	// Status returns what the daemon would show in the tray.
	Status(ctx context.Context) (*control.Status, error)
	// Done records a win for the anchor, as `microrest done ANCHOR
	// --prompt ID` does: with a prompt's id it answers that anchor of that
	// prompt only, and fails once the prompt is gone; with 0 it records the
	// win on its own, or for the prompt on screen that offers the anchor.
	Done(ctx context.Context, k settings.Kind, prompt uint64) error
	// Reload asks the daemon to read the settings file now.
	Reload(ctx context.Context) error
	// Pause holds prompts, as the tray's Pause menu does: cmd is
	// reminders.PauseFor or reminders.PauseUntilTomorrow.
	Pause(ctx context.Context, cmd reminders.Command) error
	// Resume ends a pause.
	Resume(ctx context.Context) error
	// Answer sends done, snooze or skip for the prompt the command names.
	// The daemon refuses it once that prompt is no longer on screen, so a
	// window left open cannot answer a newer prompt it never showed.
	Answer(ctx context.Context, cmd reminders.Command) error
	// Checkin gives today's check-in; items left at 0 and an unset load
	// are not answered, and answering again the same day replaces it.
	Checkin(ctx context.Context, c reminders.Checkin) error
	// SkipToday drops one clock time of today's plan, as `microrest
	// skip-today` does; tomorrow keeps the settings.
	SkipToday(ctx context.Context, slot reminders.Slot) error
	// MoveToday moves one clock time of today's plan to another time of
	// day, today only; for a walk after a meal, to is the meal's new time.
	MoveToday(ctx context.Context, slot reminders.Slot, to settings.ClockTime) error
}

// errNoPromptID refuses an answer that names no prompt: sent without an
// id, the daemon would apply it to whatever prompt is on screen by then.
// Its sentence is read when it is said, in the language chosen by then.
var errNoPromptID error = noPromptID{}

type noPromptID struct{}

func (noPromptID) Error() string { return i18n.T("ui.err.no_prompt_id") }

// SocketDaemon is the Daemon behind the control socket in dir.
func SocketDaemon(dir string) Daemon { return socketDaemon{dir: dir} }

type socketDaemon struct{ dir string }

func (d socketDaemon) call(ctx context.Context, req control.Request) (control.Reply, error) {
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	rep, err := control.Call(ctx, d.dir, req)
	if err != nil {
		return rep, err
	}
	if !rep.OK {
		return rep, errors.New(rep.Error)
	}
	return rep, nil
}

func (d socketDaemon) Status(ctx context.Context) (*control.Status, error) {
	rep, err := d.call(ctx, control.Request{Verb: control.VerbStatus})
	if err != nil {
		return nil, err
	}
	if rep.Status == nil {
		return nil, errors.New(i18n.T("ui.err.no_status"))
	}
	return rep.Status, nil
}

func (d socketDaemon) Done(ctx context.Context, k settings.Kind, prompt uint64) error {
	_, err := d.call(ctx, control.Request{Verb: control.VerbDone, Anchor: k.String(), Prompt: prompt})
	return err
}

func (d socketDaemon) Answer(ctx context.Context, cmd reminders.Command) error {
	req, err := answerRequest(cmd)
	if err != nil {
		return err
	}
	_, err = d.call(ctx, req)
	return err
}

// answerRequest puts an answer to a whole prompt on the wire, where the
// daemon reads it back into the same command.
func answerRequest(cmd reminders.Command) (control.Request, error) {
	var req control.Request
	switch c := cmd.(type) {
	case reminders.Done:
		req = control.Request{Verb: control.VerbDone, Prompt: c.Prompt}
	case reminders.Snooze:
		req = control.Request{Verb: control.VerbSnooze, Prompt: c.Prompt}
	case reminders.Skip:
		req = control.Request{Verb: control.VerbSkip, Prompt: c.Prompt}
	default:
		return req, errors.New(i18n.T("ui.err.not_an_answer", map[string]any{"Type": fmt.Sprintf("%T", cmd)}))
	}
	if req.Prompt == 0 {
		return req, errNoPromptID
	}
	return req, nil
}

func (d socketDaemon) Checkin(ctx context.Context, c reminders.Checkin) error {
	_, err := d.call(ctx, checkinRequest(c))
	return err
}

// checkinRequest puts a check-in on the wire; what was not answered is
// left out.
func checkinRequest(c reminders.Checkin) control.Request {
	return control.Request{
		Verb: control.VerbCheckin, Stiffness: c.Stiffness, Mood: c.Mood, Energy: c.Energy,
		SleepQuality: c.SleepQuality, Load: c.Load.String(),
	}
}

func (d socketDaemon) SkipToday(ctx context.Context, slot reminders.Slot) error {
	_, err := d.call(ctx, todayRequest(control.VerbSkipToday, slot))
	return err
}

func (d socketDaemon) MoveToday(ctx context.Context, slot reminders.Slot, to settings.ClockTime) error {
	req := todayRequest(control.VerbMoveToday, slot)
	req.To = to.String()
	_, err := d.call(ctx, req)
	return err
}

// todayRequest names a clock time of today's plan on the wire as the
// status's timeline names it: the anchor, the planned time and whether it
// is a walk after a meal.
func todayRequest(v control.Verb, slot reminders.Slot) control.Request {
	return control.Request{Verb: v, Anchor: slot.Anchor.String(), At: slot.At.String(), Meal: slot.Meal}
}

func (d socketDaemon) Reload(ctx context.Context) error {
	_, err := d.call(ctx, control.Request{Verb: control.VerbReload})
	return err
}

func (d socketDaemon) Pause(ctx context.Context, cmd reminders.Command) error {
	req, err := pauseRequest(cmd)
	if err != nil {
		return err
	}
	_, err = d.call(ctx, req)
	return err
}

// pauseRequest puts a pause on the wire, where the daemon reads it back
// into the same command.
func pauseRequest(cmd reminders.Command) (control.Request, error) {
	switch c := cmd.(type) {
	case reminders.PauseFor:
		return control.Request{Verb: control.VerbPause, For: settings.Duration(c.For).String()}, nil
	case reminders.PauseUntilTomorrow:
		return control.Request{Verb: control.VerbPause, UntilTomorrow: true}, nil
	}
	return control.Request{}, errors.New(i18n.T("ui.err.not_a_pause", map[string]any{"Type": fmt.Sprintf("%T", cmd)}))
}

func (d socketDaemon) Resume(ctx context.Context) error {
	_, err := d.call(ctx, control.Request{Verb: control.VerbResume})
	return err
}

// Autostart is the system's start-at-login entry. Its state is read back
// from the system, never from settings.toml, so the checkbox cannot drift.
type Autostart interface {
	Enabled() (bool, error)
	Set(on bool) error
}

type systemAutostart struct{}

func (systemAutostart) Enabled() (bool, error) { return autostart.Enabled() }

func (systemAutostart) Set(on bool) error {
	exe, err := autostart.Executable()
	if err != nil {
		return err
	}
	if err := autostart.Set(on, exe); err != nil {
		return i18n.Wrap(err, "ui.err.autostart")
	}
	return nil
}
