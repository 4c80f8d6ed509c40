// Package fdnotify names the org.freedesktop.Notifications service on the
// session bus, from the Desktop Notifications Specification 1.2. notify
// shows prompts through it and activity reads do-not-disturb from it; one
// copy of the names keeps the two talking to the same service.
package fdnotify

import "github.com/godbus/dbus/v5"

// The service's bus name, object path and interface.
const (
	Name      = "org.freedesktop.Notifications"
	Path      = dbus.ObjectPath("/org/freedesktop/Notifications")
	Interface = "org.freedesktop.Notifications"
)
