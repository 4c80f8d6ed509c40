package tray

import (
	"fmt"

	"github.com/godbus/dbus/v5"
)

// HostPresent reports whether a tray host (a StatusNotifierWatcher) runs
// on the session bus. It asks on a private connection, closed after: the
// shared one belongs to systray, whose re-register goroutine must see no
// other traffic (see DESIGN.md section 5).
func HostPresent() (bool, error) {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return false, fmt.Errorf("connect to the session bus: %w", err)
	}
	defer conn.Close()
	var has bool
	err = conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.kde.StatusNotifierWatcher").Store(&has)
	if err != nil {
		return false, fmt.Errorf("ask for a tray host: %w", err)
	}
	return has, nil
}
