//go:build !windows

package testdesk

import (
	"os"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"
	"golang.org/x/sys/unix"
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
// announces sleep and resume and hands out inhibitor locks, the session
// announces its lock.
type Logind struct {
	conn  *dbus.Conn
	props *prop.Properties

	mu          sync.Mutex
	inhibitions []*Inhibition
	refuse      bool
}

// StartLogind exports the manager and one session on the bus at addr
// (tests pass their private bus standing in for the system bus).
func StartLogind(t testing.TB, addr string) *Logind {
	t.Helper()
	l := &Logind{conn: connectAnsweringInhibit(t, addr)}
	t.Cleanup(l.forget)
	if err := l.conn.Export(logindMgr{l}, logindPath, logindManager); err != nil {
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
type logindMgr struct{ l *Logind }

// GetSessionByPID is the D-Bus method; every process is in the one session.
func (logindMgr) GetSessionByPID(uint32) (dbus.ObjectPath, *dbus.Error) {
	return LogindSessionPath, nil
}

// GetSession is the D-Bus method; any id, "auto" included, is the session.
func (logindMgr) GetSession(string) (dbus.ObjectPath, *dbus.Error) {
	return LogindSessionPath, nil
}

// Inhibition is one inhibitor lock the double handed out: the client holds
// the write end of a pipe, the double the read end, and the lock lasts
// until every copy of the write end is closed, as with logind's fifo.
type Inhibition struct {
	What, Who, Why, Mode string

	keep *os.File // the read end
}

// Released reports whether the client has closed its end.
func (i *Inhibition) Released() bool { return i.hungUp(0) }

// WaitReleased waits until the client closes its end, failing the test
// after within.
func (i *Inhibition) WaitReleased(t testing.TB, within time.Duration) {
	t.Helper()
	if !i.hungUp(within) {
		t.Fatalf("the %s %s lock of %q was still held after %v", i.Mode, i.What, i.Who, within)
	}
}

// hungUp polls the kept read end for up to wait: the kernel reports a
// hang-up as soon as no write end is open in any process, so the answer
// never depends on a goroutine having run.
func (i *Inhibition) hungUp(wait time.Duration) bool {
	deadline := time.Now().Add(wait)
	for {
		fds := []unix.PollFd{{Fd: int32(i.keep.Fd()), Events: unix.POLLIN}}
		n, err := unix.Poll(fds, int(max(time.Until(deadline), 0).Milliseconds()))
		if err == unix.EINTR {
			continue
		}
		return err == nil && n == 1 && fds[0].Revents&unix.POLLHUP != 0
	}
}

// Inhibitions returns every lock handed out, oldest first.
func (l *Logind) Inhibitions() []*Inhibition {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]*Inhibition(nil), l.inhibitions...)
}

// Held counts the locks whose client has not closed its end.
func (l *Logind) Held() int {
	n := 0
	for _, i := range l.Inhibitions() {
		if !i.Released() {
			n++
		}
	}
	return n
}

// Latest returns the lock handed out last, failing the test if none was.
func (l *Logind) Latest(t testing.TB) *Inhibition {
	t.Helper()
	all := l.Inhibitions()
	if len(all) == 0 {
		t.Fatal("no inhibitor lock was taken")
	}
	return all[len(all)-1]
}

// RefuseInhibit makes later Inhibit calls fail as logind does when polkit
// denies the lock.
func (l *Logind) RefuseInhibit() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.refuse = true
}

// forget closes the kept read ends when the test ends.
func (l *Logind) forget() {
	for _, i := range l.Inhibitions() {
		_ = i.keep.Close()
	}
}

// connectAnsweringInhibit connects like Connect, but lets Inhibit send its
// own reply. godbus sends an exported method's reply after the method
// returns, with no hook after the send, and the double must close its copy
// of the handed-out fd only once the reply has gone (before, the send
// would fail or pass a reused fd number; never, and the client's close
// would never show as a hang-up). So the interceptor marks the call as wanting
// no reply, which stops godbus's own, and Inhibit replies and then closes.
func connectAnsweringInhibit(t testing.TB, addr string) *dbus.Conn {
	t.Helper()
	conn, err := dbus.Connect(addr, dbus.WithIncomingInterceptor(func(msg *dbus.Message) {
		if isInhibit(msg) {
			msg.Flags |= dbus.FlagNoReplyExpected
		}
	}))
	if err != nil {
		t.Fatalf("connect to test bus: %v", err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	if !conn.SupportsUnixFDs() {
		t.Fatalf("the bus at %s does not pass file descriptors, which Inhibit needs", addr)
	}
	return conn
}

func isInhibit(msg *dbus.Message) bool {
	member, _ := msg.Headers[dbus.FieldMember].Value().(string)
	iface, _ := msg.Headers[dbus.FieldInterface].Value().(string)
	return msg.Type == dbus.TypeMethodCall && iface == logindManager && member == "Inhibit"
}

// Inhibit is the D-Bus method: it hands out the write end of a new pipe
// and keeps the read end, whose hang-up tells that the client let go. It
// sends its own reply, so its fd result is never read; errors are still
// replied by godbus, which sends them whatever the flags say.
func (m logindMgr) Inhibit(call dbus.Message, what, who, why, mode string) (dbus.UnixFD, *dbus.Error) {
	l := m.l
	l.mu.Lock()
	refuse := l.refuse
	l.mu.Unlock()
	if refuse {
		return 0, dbus.NewError("org.freedesktop.DBus.Error.AccessDenied", []any{"Permission denied"})
	}
	r, w, err := os.Pipe()
	if err != nil {
		return 0, dbus.MakeFailedError(err)
	}
	i := &Inhibition{What: what, Who: who, Why: why, Mode: mode, keep: r}
	l.mu.Lock()
	l.inhibitions = append(l.inhibitions, i)
	l.mu.Unlock()
	l.reply(&call, dbus.UnixFD(w.Fd()))
	_ = w.Close()
	return 0, nil
}

// reply sends a method return for call; Send writes it to the socket
// before returning, so the fds in it are in the bus's hands by then.
func (l *Logind) reply(call *dbus.Message, body ...any) {
	msg := &dbus.Message{
		Type: dbus.TypeMethodReply,
		Headers: map[dbus.HeaderField]dbus.Variant{
			dbus.FieldDestination: call.Headers[dbus.FieldSender],
			dbus.FieldReplySerial: dbus.MakeVariant(call.Serial()),
			dbus.FieldSignature:   dbus.MakeVariant(dbus.SignatureOf(body...)),
		},
		Body: body,
	}
	l.conn.Send(msg, nil)
}
