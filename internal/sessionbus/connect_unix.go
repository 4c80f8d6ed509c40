//go:build !windows && !darwin

package sessionbus

import (
	"github.com/godbus/dbus/v5"

	"github.com/microrest/microrest/i18n"
)

// Connect opens a new private connection to the session bus Address finds,
// authenticated and registered, and never autolaunches one. Each call is
// its own connection: the shared one of dbus.SessionBus also carries
// fyne.io/systray's re-register goroutine, which quits on the first
// unrelated signal with fewer than three arguments (docs/ARCHITECTURE.md §4).
//
// It is built only where microrest speaks D-Bus, so the Windows and macOS
// binaries do not link godbus for an address they never use.
func Connect(opts ...dbus.ConnOption) (*dbus.Conn, error) {
	addr, err := Address()
	if err != nil {
		return nil, err
	}
	conn, err := dbus.Connect(addr, opts...)
	if err != nil {
		return nil, i18n.Wrap(err, "internal.sessionbus.err_connect", map[string]any{"Address": addr})
	}
	return conn, nil
}
