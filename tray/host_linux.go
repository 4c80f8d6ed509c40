package tray

import (
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/sessionbus"
)

// HostPresent reports whether a tray host (a StatusNotifierWatcher) runs
// on the session bus. It asks on a private connection, closed after: the
// shared one belongs to systray, whose re-register goroutine must see no
// other traffic (fyne-io/systray's dbus re-register loop quits on the
// first unrelated signal). sessionbus never autolaunches a bus.
func HostPresent() (bool, error) {
	conn, err := sessionbus.Connect()
	if err != nil {
		return false, i18n.Wrap(err, "tray.err_session_bus")
	}
	defer conn.Close()
	var has bool
	err = conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.kde.StatusNotifierWatcher").Store(&has)
	if err != nil {
		return false, i18n.Wrap(err, "tray.err_tray_host")
	}
	return has, nil
}
