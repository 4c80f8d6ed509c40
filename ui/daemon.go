package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/microrest/microrest/autostart"
	"github.com/microrest/microrest/control"
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
	// Done records a win for the anchor, as `microrest done ANCHOR` does.
	Done(ctx context.Context, k settings.Kind) error
	// Reload asks the daemon to read the settings file now.
	Reload(ctx context.Context) error
	// Answer answers the prompt on screen: done, snooze or skip.
	Answer(ctx context.Context, verb control.Verb) error
}

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
		return nil, errors.New("the daemon sent no status")
	}
	return rep.Status, nil
}

func (d socketDaemon) Done(ctx context.Context, k settings.Kind) error {
	_, err := d.call(ctx, control.Request{Verb: control.VerbDone, Anchor: k.String()})
	return err
}

func (d socketDaemon) Answer(ctx context.Context, verb control.Verb) error {
	_, err := d.call(ctx, control.Request{Verb: verb})
	return err
}

func (d socketDaemon) Reload(ctx context.Context) error {
	_, err := d.call(ctx, control.Request{Verb: control.VerbReload})
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
		return fmt.Errorf("autostart: %w", err)
	}
	return nil
}
