package testdesk

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/introspect"
	"github.com/godbus/dbus/v5/prop"
)

const (
	watcherName  = "org.kde.StatusNotifierWatcher"
	watcherPath  = dbus.ObjectPath("/StatusNotifierWatcher")
	watcherIface = "org.kde.StatusNotifierWatcher"
)

// Watcher is a faithful StatusNotifierWatcher double: what a panel such as
// KDE's or xfce4-panel's exports so tray items can announce themselves.
type Watcher struct {
	conn  *dbus.Conn
	mu    sync.Mutex
	items []Item
	reg   chan Item
}

// Item is one registration: the bus name and object path of a tray item.
type Item struct {
	Sender string
	Path   dbus.ObjectPath
}

// StartWatcher connects to the bus at addr, claims the watcher name and
// serves registrations until the test ends or Stop is called.
func StartWatcher(t testing.TB, addr string) *Watcher {
	t.Helper()
	w, err := ServeWatcher(Connect(t, addr))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// ServeWatcher exports the watcher on conn and claims its name; the
// footprint benchmark's stand-alone host uses it outside tests.
func ServeWatcher(conn *dbus.Conn) (*Watcher, error) {
	w := &Watcher{conn: conn, reg: make(chan Item, 16)}
	if err := conn.Export(w, watcherPath, watcherIface); err != nil {
		return nil, err
	}
	props := map[string]map[string]*prop.Prop{watcherIface: {
		"RegisteredStatusNotifierItems":  {Value: []string{}, Emit: prop.EmitTrue},
		"IsStatusNotifierHostRegistered": {Value: true, Emit: prop.EmitTrue},
		"ProtocolVersion":                {Value: int32(0), Emit: prop.EmitTrue},
	}}
	if _, err := prop.Export(conn, watcherPath, props); err != nil {
		return nil, err
	}
	node := &introspect.Node{Name: string(watcherPath), Interfaces: []introspect.Interface{
		introspect.IntrospectData, prop.IntrospectData,
		{Name: watcherIface, Methods: introspect.Methods(w)},
	}}
	if err := conn.Export(introspect.NewIntrospectable(node), watcherPath, "org.freedesktop.DBus.Introspectable"); err != nil {
		return nil, err
	}
	reply, err := conn.RequestName(watcherName, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		return nil, fmt.Errorf("claim %s: reply %v, err %v", watcherName, reply, err)
	}
	return w, nil
}

// RegisterStatusNotifierItem is the D-Bus method items call. Per the spec
// the argument is a bus name or an object path on the caller's connection.
func (w *Watcher) RegisterStatusNotifierItem(sender dbus.Sender, service string) *dbus.Error {
	it := Item{Sender: string(sender), Path: "/StatusNotifierItem"}
	if strings.HasPrefix(service, "/") {
		it.Path = dbus.ObjectPath(service)
	} else if service != "" {
		it.Sender = service
	}
	w.mu.Lock()
	w.items = append(w.items, it)
	w.mu.Unlock()
	select {
	case w.reg <- it:
	default:
	}
	_ = w.conn.Emit(watcherPath, watcherIface+".StatusNotifierItemRegistered", it.Sender+string(it.Path))
	return nil
}

// RegisterStatusNotifierHost is part of the interface; hosts are not tracked.
func (w *Watcher) RegisterStatusNotifierHost(service string) *dbus.Error { return nil }

// Registered delivers each registration as it happens.
func (w *Watcher) Registered() <-chan Item { return w.reg }

// Items returns every registration so far.
func (w *Watcher) Items() []Item {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]Item(nil), w.items...)
}

// Stop drops the watcher's connection, as when the panel exits.
func (w *Watcher) Stop() { _ = w.conn.Close() }

// Connect opens a private connection to the bus at addr, closed when the
// test ends.
func Connect(t testing.TB, addr string) *dbus.Conn {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatalf("connect to test bus: %v", err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return conn
}
