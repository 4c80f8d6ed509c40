package testdesk

import (
	"testing"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"
)

const (
	logindName    = "org.freedesktop.login1"
	logindPath    = dbus.ObjectPath("/org/freedesktop/login1")
	logindManager = "org.freedesktop.login1.Manager"
	logindSession = "org.freedesktop.login1.Session"
	// LogindSessionPath is the one session the double knows.
	LogindSessionPath = dbus.ObjectPath("/org/freedesktop/login1/session/_31")
)

// Logind is a double of systemd-logind as a session sees it: the manager
// announces sleep and resume, the session its lock.
type Logind struct {
	conn  *dbus.Conn
	props *prop.Properties
}

// StartLogind exports the manager and one session on the bus at addr
// (tests pass their private bus standing in for the system bus).
func StartLogind(t testing.TB, addr string) *Logind {
	t.Helper()
	l := &Logind{conn: Connect(t, addr)}
	if err := l.conn.Export(logindMgr{}, logindPath, logindManager); err != nil {
		t.Fatal(err)
	}
	props, err := prop.Export(l.conn, LogindSessionPath, map[string]map[string]*prop.Prop{logindSession: {
		"LockedHint": {Value: false, Emit: prop.EmitTrue},
		"Id":         {Value: "1", Emit: prop.EmitConst},
	}})
	if err != nil {
		t.Fatal(err)
	}
	l.props = props
	claimName(t, l.conn, logindName)
	return l
}

// PrepareForSleep emits the manager's signal: true before sleep, false
// after resume.
func (l *Logind) PrepareForSleep(start bool) {
	_ = l.conn.Emit(logindPath, logindManager+".PrepareForSleep", start)
}

// Lock emits the session's Lock signal, which asks the locker to lock.
func (l *Logind) Lock() { _ = l.conn.Emit(LogindSessionPath, logindSession+".Lock") }

// Unlock emits the session's Unlock signal.
func (l *Logind) Unlock() { _ = l.conn.Emit(LogindSessionPath, logindSession+".Unlock") }

// SetLockedHint sets the property a locker sets once the screen is locked,
// emitting PropertiesChanged.
func (l *Logind) SetLockedHint(on bool) {
	l.props.SetMust(logindSession, "LockedHint", on)
}

// logindMgr holds the manager methods a session client calls.
type logindMgr struct{}

// GetSessionByPID is the D-Bus method; every process is in the one session.
func (logindMgr) GetSessionByPID(uint32) (dbus.ObjectPath, *dbus.Error) {
	return LogindSessionPath, nil
}

// GetSession is the D-Bus method; any id, "auto" included, is the session.
func (logindMgr) GetSession(string) (dbus.ObjectPath, *dbus.Error) {
	return LogindSessionPath, nil
}
