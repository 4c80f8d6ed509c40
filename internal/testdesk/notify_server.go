package testdesk

import (
	"sync"
	"testing"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/introspect"
)

const (
	notifyName  = "org.freedesktop.Notifications"
	notifyPath  = dbus.ObjectPath("/org/freedesktop/Notifications")
	notifyIface = "org.freedesktop.Notifications"
)

// NotifyCall is one Notify call with every argument, as the client sent it.
type NotifyCall struct {
	AppName       string
	ReplacesID    uint32
	AppIcon       string
	Summary       string
	Body          string
	Actions       []string
	Hints         map[string]dbus.Variant
	ExpireTimeout int32
	// ID is what the server answered.
	ID uint32
}

// Hint returns a hint's value, or nil when it was not sent.
func (c NotifyCall) Hint(name string) any {
	if v, ok := c.Hints[name]; ok {
		return v.Value()
	}
	return nil
}

// NotifyServer is an org.freedesktop.Notifications double for integration
// tests: it records every call, answers with ids as a real server does,
// emits the spec's signals on demand, and can leave and come back like a
// restarted server.
type NotifyServer struct {
	t    testing.TB
	addr string

	mu       sync.Mutex
	conn     *dbus.Conn
	caps     []string
	nextID   uint32
	calls    []NotifyCall
	closes   []uint32
	notified chan NotifyCall
	closed   chan uint32
}

// ServerInfo is what the double answers to GetServerInformation.
var ServerInfo = [4]string{"notifyd-double", "microrest tests", "1.0", "1.2"}

// StartNotifyServer claims org.freedesktop.Notifications on the bus at
// addr with the given capabilities (e.g. "actions", "body",
// "body-markup") until the test ends.
func StartNotifyServer(t testing.TB, addr string, caps ...string) *NotifyServer {
	t.Helper()
	s := &NotifyServer{t: t, addr: addr, caps: caps,
		notified: make(chan NotifyCall, 64), closed: make(chan uint32, 64)}
	s.Restart()
	return s
}

// Restart connects anew and claims the name again, as a server does when
// it starts; ids start again at 1, as they do in a real new server.
func (s *NotifyServer) Restart() {
	s.t.Helper()
	conn := Connect(s.t, s.addr)
	obj := &notifyObject{s: s}
	if err := conn.Export(obj, notifyPath, notifyIface); err != nil {
		s.t.Fatal(err)
	}
	node := &introspect.Node{Name: string(notifyPath), Interfaces: []introspect.Interface{
		introspect.IntrospectData, {Name: notifyIface, Methods: introspect.Methods(obj)},
	}}
	if err := conn.Export(introspect.NewIntrospectable(node), notifyPath, "org.freedesktop.DBus.Introspectable"); err != nil {
		s.t.Fatal(err)
	}
	s.mu.Lock()
	s.conn, s.nextID = conn, 0
	s.mu.Unlock()
	reply, err := conn.RequestName(notifyName, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		s.t.Fatalf("claim %s: reply %v, err %v", notifyName, reply, err)
	}
}

// Stop drops the connection, releasing the name, as when the server exits.
func (s *NotifyServer) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	_ = s.conn.Close()
}

// SetCaps changes what GetCapabilities answers from now on.
func (s *NotifyServer) SetCaps(caps ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.caps = caps
}

// Notified delivers each Notify call as it happens.
func (s *NotifyServer) Notified() <-chan NotifyCall { return s.notified }

// Closed delivers the id of each CloseNotification call.
func (s *NotifyServer) Closed() <-chan uint32 { return s.closed }

// Calls returns every Notify call so far.
func (s *NotifyServer) Calls() []NotifyCall {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]NotifyCall(nil), s.calls...)
}

// Closes returns the ids of every CloseNotification call so far.
func (s *NotifyServer) Closes() []uint32 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]uint32(nil), s.closes...)
}

// Invoke emits ActionInvoked, as when the person presses a button.
func (s *NotifyServer) Invoke(id uint32, key string) {
	s.t.Helper()
	s.Emit("ActionInvoked", id, key)
}

// CloseWith emits NotificationClosed with a spec reason: 1 expired,
// 2 dismissed by the user, 3 closed by CloseNotification, 4 undefined.
func (s *NotifyServer) CloseWith(id, reason uint32) {
	s.t.Helper()
	s.Emit("NotificationClosed", id, reason)
}

// Emit sends any signal of the notifications interface, also malformed
// ones, from the server's connection.
func (s *NotifyServer) Emit(member string, args ...any) {
	s.t.Helper()
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if err := conn.Emit(notifyPath, notifyIface+"."+member, args...); err != nil {
		s.t.Fatalf("emit %s: %v", member, err)
	}
}

// notifyObject holds the D-Bus methods, apart from the test's methods so
// that only the spec's interface is exported.
type notifyObject struct{ s *NotifyServer }

// GetCapabilities answers the configured capabilities.
func (o *notifyObject) GetCapabilities() ([]string, *dbus.Error) {
	o.s.mu.Lock()
	defer o.s.mu.Unlock()
	return append([]string{}, o.s.caps...), nil
}

// Notify records the call and answers the replaced id, or a new one.
func (o *notifyObject) Notify(appName string, replacesID uint32, appIcon, summary, body string,
	actions []string, hints map[string]dbus.Variant, expire int32,
) (uint32, *dbus.Error) {
	s := o.s
	s.mu.Lock()
	id := replacesID
	if id == 0 || id > s.nextID {
		s.nextID++
		id = s.nextID
	}
	c := NotifyCall{AppName: appName, ReplacesID: replacesID, AppIcon: appIcon, Summary: summary, Body: body,
		Actions: actions, Hints: hints, ExpireTimeout: expire, ID: id}
	s.calls = append(s.calls, c)
	s.mu.Unlock()
	s.notified <- c
	return id, nil
}

// CloseNotification records the call and emits NotificationClosed with
// reason 3, as the spec requires.
func (o *notifyObject) CloseNotification(id uint32) *dbus.Error {
	s := o.s
	s.mu.Lock()
	s.closes = append(s.closes, id)
	conn := s.conn
	s.mu.Unlock()
	s.closed <- id
	_ = conn.Emit(notifyPath, notifyIface+".NotificationClosed", id, uint32(3))
	return nil
}

// GetServerInformation answers ServerInfo.
func (o *notifyObject) GetServerInformation() (name, vendor, version, spec string, err *dbus.Error) {
	return ServerInfo[0], ServerInfo[1], ServerInfo[2], ServerInfo[3], nil
}
