package activity

import (
	"context"
	"errors"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/microrest/microrest/i18n"
)

const fdoSaverName = "org.freedesktop.ScreenSaver"

// fdoSaverPaths are where desktops export org.freedesktop.ScreenSaver:
// current KDE and Xfce use the first, KDE 4 and some others the second.
var fdoSaverPaths = []dbus.ObjectPath{"/org/freedesktop/ScreenSaver", "/ScreenSaver"}

// errNotSupported is what KDE's kscreenlocker answers on Wayland, where it
// cannot see input (kscreenlocker interface.cpp); the chain moves on.
const errNotSupported = "org.freedesktop.DBus.Error.NotSupported"

// fdoSaver reads GetSessionIdleTime, which KDE on X11, Xfce and others
// answer though it is not in the freedesktop idle-inhibition spec.
type fdoSaver struct {
	obj  dbus.BusObject
	unit time.Duration
}

// openFdoSaver makes org.freedesktop.ScreenSaver the source if some path
// answers GetSessionIdleTime.
func openFdoSaver(ctx context.Context, m *Monitor, conn *dbus.Conn, desktop string) error {
	if !hasOwner(ctx, conn, fdoSaverName) {
		return errors.New(i18n.T("activity.why.not_on_session_bus"))
	}
	var errs []error
	for _, path := range fdoSaverPaths {
		s := &fdoSaver{obj: conn.Object(fdoSaverName, path), unit: saverUnit(desktop)}
		_, err := s.idle(ctx)
		if err == nil {
			m.use(SourceScreenSaver, s, false)
			return nil
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// saverUnit is the unit of GetSessionIdleTime. Most implementations count
// seconds; KDE's returns KIdleTime::idleTime(), milliseconds.
func saverUnit(desktop string) time.Duration {
	if isDesktop(desktop, "KDE") {
		return time.Millisecond
	}
	return time.Second
}

func (s *fdoSaver) idle(ctx context.Context) (time.Duration, error) {
	var n uint32
	err := s.obj.CallWithContext(ctx, fdoSaverName+".GetSessionIdleTime", 0).Store(&n)
	var dbusErr dbus.Error
	if errors.As(err, &dbusErr) && dbusErr.Name == errNotSupported {
		return 0, errors.New(i18n.T("activity.why.kde_wayland", map[string]any{"Method": "GetSessionIdleTime", "Path": string(s.obj.Path())}))
	}
	if err != nil {
		return 0, i18n.Wrap(err, "activity.err.call_at", map[string]any{"Method": "GetSessionIdleTime", "Path": string(s.obj.Path())})
	}
	return time.Duration(n) * s.unit, nil
}

// saverLock is a screen saver whose ActiveChanged signal and GetActive
// method report the lock screen.
type saverLock struct {
	report string
	name   string
	path   dbus.ObjectPath
}

// saverLocks lists them: GNOME Shell's own, and the freedesktop one of KDE,
// Xfce, MATE and Cinnamon.
var saverLocks = []saverLock{
	{"gnome-screensaver", "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"},
	{"freedesktop-screensaver", fdoSaverName, "/org/freedesktop/ScreenSaver"},
	{"freedesktop-screensaver", fdoSaverName, "/ScreenSaver"},
}

// watchSaverLocks listens to every screen saver that is running, at the
// first of its paths that answers.
func watchSaverLocks(ctx context.Context, m *Monitor, conn *dbus.Conn, r *router) {
	done := map[string]bool{}
	for _, s := range saverLocks {
		if done[s.report] || !hasOwner(ctx, conn, s.name) {
			continue
		}
		if err := s.watch(ctx, m, conn, r); err != nil {
			m.log.Debug(i18n.T("activity.log.saver_no_lock"), "saver", s.name, "path", s.path, "err", err)
			continue
		}
		done[s.report] = true
	}
}

// watch reads the current state, then follows ActiveChanged.
func (s saverLock) watch(ctx context.Context, m *Monitor, conn *dbus.Conn, r *router) error {
	var active bool
	if err := conn.Object(s.name, s.path).CallWithContext(ctx, s.name+".GetActive", 0).Store(&active); err != nil {
		return i18n.Wrap(err, "activity.err.call", map[string]any{"Method": "GetActive"})
	}
	err := r.on(ctx, s.name, s.path, s.name, "ActiveChanged", func(sig *dbus.Signal) {
		if on, ok := boolArg(sig); ok {
			m.setLocked(s.report, on)
		}
	})
	if err != nil {
		return err
	}
	m.setLocked(s.report, active)
	return nil
}
