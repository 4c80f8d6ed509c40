package activity

import (
	"context"
	"errors"
	"os"

	"github.com/godbus/dbus/v5"

	"github.com/microrest/microrest/i18n"
)

const (
	logindName    = "org.freedesktop.login1"
	logindPath    = dbus.ObjectPath("/org/freedesktop/login1")
	logindManager = "org.freedesktop.login1.Manager"
	logindSession = "org.freedesktop.login1.Session"
)

// watchLogind follows sleep and this session's lock on the system bus;
// every desktop on systemd (or elogind) has it, whatever its compositor.
func watchLogind(ctx context.Context, m *Monitor, conn *dbus.Conn, r *router) error {
	if !hasOwner(ctx, conn, logindName) {
		return errors.New(i18n.T("activity.why.no_logind"))
	}
	err := r.on(ctx, logindName, logindPath, logindManager, "PrepareForSleep", func(sig *dbus.Signal) {
		// true before the machine sleeps, false once it has resumed.
		if on, ok := boolArg(sig); ok {
			prepareForSleep(m, conn, on)
		}
	})
	if err != nil {
		return err
	}
	m.watchSleep("logind")
	m.onClose(m.closeSleep)
	lockSleep(m, conn)
	path, err := sessionPath(ctx, conn)
	if err != nil {
		return err
	}
	return watchSession(ctx, m, conn, r, path)
}

// prepareForSleep marks the monitor asleep and keeps the delay lock until
// SleepReady, or marks it awake and takes a lock for the next sleep.
func prepareForSleep(m *Monitor, conn *dbus.Conn, sleeping bool) {
	if sleeping {
		m.sleepAnnounced()
		m.setAsleep(true)
		return
	}
	m.setAsleep(false)
	if m.sleepEnded() {
		lockSleep(m, conn)
	}
}

// lockSleep takes a delay lock on sleep. Without one (no logind, or
// polkit refuses) sleep simply does not wait, so this only logs.
func lockSleep(m *Monitor, conn *dbus.Conn) {
	lock, err := inhibitSleep(conn)
	if err != nil {
		m.sleepRefused(err)
		return
	}
	m.holdSleep(lock)
}

// inhibitSleep asks logind to delay sleep until the returned file is
// closed (org.freedesktop.login1(5), "Inhibit"). Go receives passed fds
// with MSG_CMSG_CLOEXEC, so a UI process the daemon starts never inherits
// the lock and keeps sleep waiting.
func inhibitSleep(conn *dbus.Conn) (*os.File, error) {
	// Without fd passing godbus cannot read the reply, and closes the
	// whole connection over it.
	if !conn.SupportsUnixFDs() {
		return nil, errors.New(i18n.Joined(i18n.T("activity.err.sleep_lock"), i18n.T("activity.why.no_fd_passing")))
	}
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	var fd dbus.UnixFD
	err := conn.Object(logindName, logindPath).CallWithContext(ctx, logindManager+".Inhibit", 0,
		// The reason is what `systemd-inhibit --list` shows beside microrest.
		"sleep", "microrest", i18n.T("activity.sleep_lock_why"), "delay").Store(&fd)
	if err != nil {
		return nil, i18n.Wrap(err, "activity.err.sleep_lock")
	}
	return os.NewFile(uintptr(fd), "logind-sleep-delay-lock"), nil
}

// sessionPath finds this session's object. GetSessionByPID fails for a
// daemon started by systemd --user, outside any session; "auto" then
// means the user's graphical session (org.freedesktop.login1(5)).
func sessionPath(ctx context.Context, conn *dbus.Conn) (dbus.ObjectPath, error) {
	mgr := conn.Object(logindName, logindPath)
	var path dbus.ObjectPath
	err := mgr.CallWithContext(ctx, logindManager+".GetSessionByPID", 0, uint32(os.Getpid())).Store(&path)
	if err == nil {
		return path, nil
	}
	if err2 := mgr.CallWithContext(ctx, logindManager+".GetSession", 0, "auto").Store(&path); err2 != nil {
		return "", i18n.Wrap(errors.Join(err, err2), "activity.err.session")
	}
	return path, nil
}

// watchSession follows Lock and Unlock, which logind sends to ask the
// screen locker to act (loginctl lock-session, lid close), and LockedHint,
// which lockers that support it set once the screen is locked.
func watchSession(ctx context.Context, m *Monitor, conn *dbus.Conn, r *router, path dbus.ObjectPath) error {
	const by = "logind-session"
	for member, on := range map[string]bool{"Lock": true, "Unlock": false} {
		if err := r.on(ctx, logindName, path, logindSession, member, func(*dbus.Signal) { m.setLocked(by, on) }); err != nil {
			return err
		}
	}
	err := r.onProperty(ctx, logindName, path, logindSession, "LockedHint", func(v dbus.Variant) {
		if on, ok := v.Value().(bool); ok {
			m.setLocked(by, on)
		}
	})
	if err != nil {
		return err
	}
	v, err := getProperty(ctx, conn.Object(logindName, path), logindSession, "LockedHint")
	on, _ := v.Value().(bool)
	m.setLocked(by, err == nil && on)
	return nil
}
