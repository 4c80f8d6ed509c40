//go:build !windows && !darwin

package sessionbus

import (
	"os"

	"github.com/microrest/microrest/i18n"
)

// Guard makes every later session bus connection in this process, and in
// the processes it starts, use the bus Address finds or fail at once. The
// daemon calls it once at start, before fyne.io/systray connects: systray
// calls dbus.ConnectSessionBus itself, which would otherwise autolaunch a
// bus. Without a bus it returns ErrNoBus for the daemon to log once.
func Guard() error {
	addr, err := Address()
	if err != nil {
		addr = refused
	}
	if serr := os.Setenv(envVar, addr); serr != nil {
		return i18n.Wrap(serr, "internal.sessionbus.err_set", map[string]any{"Name": envVar})
	}
	return err
}
