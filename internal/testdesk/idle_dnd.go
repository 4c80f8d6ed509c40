package testdesk

import (
	"testing"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"
)

// InhibitedNotifications is a double of a notification server with KDE
// Plasma's Inhibited property, which is true during do-not-disturb.
type InhibitedNotifications struct {
	props *prop.Properties
}

// StartInhibitedNotifications exports the server on the bus at addr.
func StartInhibitedNotifications(t testing.TB, addr string, inhibited bool) *InhibitedNotifications {
	t.Helper()
	conn := Connect(t, addr)
	props, err := prop.Export(conn, "/org/freedesktop/Notifications", map[string]map[string]*prop.Prop{
		"org.freedesktop.Notifications": {"Inhibited": {Value: inhibited, Emit: prop.EmitTrue}},
	})
	if err != nil {
		t.Fatal(err)
	}
	claimName(t, conn, "org.freedesktop.Notifications")
	return &InhibitedNotifications{props: props}
}

// SetInhibited turns do-not-disturb on or off, emitting PropertiesChanged.
func (n *InhibitedNotifications) SetInhibited(on bool) {
	n.props.SetMust("org.freedesktop.Notifications", "Inhibited", on)
}

// Dconf is a double of dconf-service's change announcements, which tell
// GSettings readers to read a key again.
type Dconf struct{ conn *dbus.Conn }

// StartDconf claims dconf's name on the bus at addr.
func StartDconf(t testing.TB, addr string) *Dconf {
	t.Helper()
	d := &Dconf{conn: Connect(t, addr)}
	claimName(t, d.conn, "ca.desrt.dconf")
	return d
}

// Changed announces that a key such as
// "/org/gnome/desktop/notifications/show-banners" was written, split into
// directory and name as dconf sends it.
func (d *Dconf) Changed(dir, key string) {
	_ = d.conn.Emit("/ca/desrt/dconf/Writer/user", "ca.desrt.dconf.Writer.Notify", dir, []string{key}, "tag")
}
