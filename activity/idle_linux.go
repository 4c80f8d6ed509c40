package activity

import (
	"context"
	"errors"
	"strings"

	"github.com/godbus/dbus/v5"

	"github.com/microrest/microrest/i18n"
)

// bus is one private D-Bus connection and the router of its signals.
type bus struct {
	conn *dbus.Conn
	r    *router
}

// openPlatform walks the Linux chain, then starts the lock, sleep and
// quiet reporters that exist on this desktop.
func openPlatform(ctx context.Context, m *Monitor, o Options) {
	session := openBus(m, o.SessionBus, "activity.log.no_session_bus")
	system := openBus(m, o.SystemBus, "activity.log.no_system_bus")
	x, xerr := openDisplay(m, o.Display)
	chooseIdle(ctx, m, o, session, x, xerr)
	watchAway(ctx, m, session, system)
	watchQuiet(ctx, m, o, session, x)
}

// onClose registers cleanup for Close, last registered first.
func (m *Monitor) onClose(f func() error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closers = append(m.closers, f)
}

// watchSleep registers the sleep reporter for Status.
func (m *Monitor) watchSleep(by string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sleepBy = by
}

// openBus connects to addr; unreachable is the catalog id of the log line
// that says it could not.
func openBus(m *Monitor, addr, unreachable string) *bus {
	if addr == "" {
		return nil
	}
	conn, err := connect(addr)
	if err != nil {
		m.log.Warn(i18n.T(unreachable), "err", err)
		return nil
	}
	m.onClose(conn.Close)
	return &bus{conn: conn, r: newRouter(conn)}
}

func openDisplay(m *Monitor, display string) (*x11, error) {
	if display == "" {
		return nil, errors.New(i18n.T("activity.why.no_display"))
	}
	return dialX11(m, display)
}

// chooseIdle takes the first source that answers: Mutter before X11,
// because on GNOME Wayland X11 sees only XWayland input; the compositor's
// own idle protocol where the D-Bus ones are missing (KDE Wayland, sway).
func chooseIdle(ctx context.Context, m *Monitor, o Options, session *bus, x *x11, xerr error) {
	noSession := errors.New(i18n.T("activity.why.no_session_bus"))
	steps := []struct {
		name string
		try  func() error
	}{
		{SourceMutter, func() error {
			if session == nil {
				return noSession
			}
			return openMutter(ctx, m, session.conn, session.r, o.IdleThreshold)
		}},
		{SourceScreenSaver, func() error {
			if session == nil {
				return noSession
			}
			return openFdoSaver(ctx, m, session.conn, o.Desktop)
		}},
		{SourceWayland, func() error { return openWayland(ctx, m, o.Wayland, o.IdleThreshold) }},
		{SourceX11, func() error { return useX11(m, o, x, xerr) }},
	}
	for _, s := range steps {
		err := s.try()
		if err == nil {
			return
		}
		m.skip(s.name, err)
	}
}

// useX11 refuses X11 on a Wayland session: XWayland's idle time grows
// while the person types into native Wayland windows, which would count
// work as time away (Stretchly #1261, BreakTimer #277).
func useX11(m *Monitor, o Options, x *x11, xerr error) error {
	if x == nil {
		return xerr
	}
	if o.Wayland != "" {
		return errors.New(i18n.T("activity.why.wayland_session"))
	}
	return x.useScreenSaver(m, o.IdleThreshold)
}

// watchAway starts every lock and sleep reporter that is present; several
// may report the same lock, and any one is enough.
func watchAway(ctx context.Context, m *Monitor, session, system *bus) {
	if system != nil {
		if err := watchLogind(ctx, m, system.conn, system.r); err != nil {
			m.log.Info(i18n.T("activity.log.no_logind"), "err", err)
		}
	}
	if session != nil {
		watchSaverLocks(ctx, m, session.conn, session.r)
	}
}

// watchQuiet starts the do-not-disturb reporters and the fullscreen check.
func watchQuiet(ctx context.Context, m *Monitor, o Options, session *bus, x *x11) {
	if session != nil {
		if err := watchInhibited(ctx, m, session.conn, session.r); err != nil {
			m.log.Debug(i18n.T("activity.log.no_inhibited"), "err", err)
		}
		if o.GSettings != "" && isDesktop(o.Desktop, "GNOME") {
			if err := watchBanners(ctx, m, session.r, o.GSettings); err != nil {
				m.log.Info(i18n.T("activity.log.no_banners"), "err", err)
			}
		}
	}
	if x != nil {
		m.checks = append(m.checks, x.fullscreen)
	}
}

// isDesktop reports whether XDG_CURRENT_DESKTOP, a colon-separated list
// such as "ubuntu:GNOME", names want.
func isDesktop(desktop, want string) bool {
	for _, d := range strings.Split(desktop, ":") {
		if strings.EqualFold(d, want) {
			return true
		}
	}
	return false
}
