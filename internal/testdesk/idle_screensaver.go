package testdesk

import (
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// ScreenSaverOptions says which desktop's screen saver the double plays.
type ScreenSaverOptions struct {
	// NotSupported answers GetSessionIdleTime with the error KDE's
	// kscreenlocker gives on Wayland.
	NotSupported bool
	// Millis counts idle time in milliseconds, as KDE does, not seconds.
	Millis bool
	// GNOME plays gnome-shell's org.gnome.ScreenSaver instead, which has
	// no GetSessionIdleTime.
	GNOME bool
}

// ScreenSaver is a double of org.freedesktop.ScreenSaver (KDE, Xfce, …)
// or org.gnome.ScreenSaver: idle time, and the lock via GetActive and
// ActiveChanged.
type ScreenSaver struct {
	conn   *dbus.Conn
	o      ScreenSaverOptions
	name   string
	paths  []dbus.ObjectPath
	mu     sync.Mutex
	idle   time.Duration
	active bool
}

// StartScreenSaver exports the screen saver on the bus at addr until the
// test ends.
func StartScreenSaver(t testing.TB, addr string, o ScreenSaverOptions) *ScreenSaver {
	t.Helper()
	s := &ScreenSaver{conn: Connect(t, addr), o: o, name: "org.freedesktop.ScreenSaver",
		paths: []dbus.ObjectPath{"/org/freedesktop/ScreenSaver", "/ScreenSaver"}}
	if o.GNOME {
		s.name, s.paths = "org.gnome.ScreenSaver", []dbus.ObjectPath{"/org/gnome/ScreenSaver"}
		exportService(t, s.conn, s.name, s.name, gnomeSaver{s}, s.paths...)
		return s
	}
	exportService(t, s.conn, s.name, s.name, s, s.paths...)
	return s
}

// GetSessionIdleTime is the D-Bus method: seconds (KDE: milliseconds)
// since the last input, or NotSupported.
func (s *ScreenSaver) GetSessionIdleTime() (uint32, *dbus.Error) {
	if s.o.NotSupported {
		return 0, dbus.NewError("org.freedesktop.DBus.Error.NotSupported",
			[]any{"GetSessionIdleTime is not supported on this platform"})
	}
	unit := time.Second
	if s.o.Millis {
		unit = time.Millisecond
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return uint32(s.idle / unit), nil
}

// GetActive is the D-Bus method: whether the screen saver (lock) is on.
func (s *ScreenSaver) GetActive() (bool, *dbus.Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.active, nil
}

// SetIdle sets the idle time the service reports.
func (s *ScreenSaver) SetIdle(idle time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.idle = idle
}

// Activate turns the lock screen on or off and emits ActiveChanged.
func (s *ScreenSaver) Activate(on bool) {
	s.mu.Lock()
	s.active = on
	s.mu.Unlock()
	for _, p := range s.paths {
		_ = s.conn.Emit(p, s.name+".ActiveChanged", on)
	}
}

// gnomeSaver has gnome-shell's methods only: GetActive, no idle time.
type gnomeSaver struct{ s *ScreenSaver }

// GetActive is the D-Bus method.
func (g gnomeSaver) GetActive() (bool, *dbus.Error) { return g.s.GetActive() }
