//go:build !windows && !darwin

package sessionbus

import (
	"fmt"

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
		return nil, fmt.Errorf("%s: %w", i18n.T("internal.sessionbus.err_connect", map[string]any{"Address": addr}), err)
	}
	return conn, nil
}
