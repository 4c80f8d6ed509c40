// Command snwatcher is a minimal StatusNotifierWatcher for the footprint
// benchmark on machines without xfce4-panel: it owns
// org.kde.StatusNotifierWatcher on the session bus, accepts registrations
// and prints one line per registration ("registered SERVICE"), so a tray
// item has a host to register with and the script can time it.
package main

import (
	"fmt"
	"log"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/introspect"
	"github.com/godbus/dbus/v5/prop"
)

const (
	name  = "org.kde.StatusNotifierWatcher"
	path  = dbus.ObjectPath("/StatusNotifierWatcher")
	iface = "org.kde.StatusNotifierWatcher"
)

// watcher answers the two registration methods of the spec.
type watcher struct {
	conn  *dbus.Conn
	props *prop.Properties
	mu    sync.Mutex
	items []string
}

// RegisterStatusNotifierItem records an item; service is a bus name or,
// as fyne.io/systray sends it, an object path on the caller's connection.
func (w *watcher) RegisterStatusNotifierItem(sender dbus.Sender, service string) *dbus.Error {
	if service == "" || service[0] == '/' {
		service = string(sender) + service
	}
	w.mu.Lock()
	w.items = append(w.items, service)
	w.props.SetMust(iface, "RegisteredStatusNotifierItems", append([]string(nil), w.items...))
	w.mu.Unlock()
	_ = w.conn.Emit(path, iface+".StatusNotifierItemRegistered", service)
	fmt.Println("registered", service)
	return nil
}

// RegisterStatusNotifierHost is accepted and ignored: this watcher is its
// own host.
func (w *watcher) RegisterStatusNotifierHost(string) *dbus.Error { return nil }

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return fmt.Errorf("connect to the session bus: %w", err)
	}
	defer conn.Close()
	w := &watcher{conn: conn, items: []string{}}
	if err := conn.ExportMethodTable(map[string]any{
		"RegisterStatusNotifierItem": w.RegisterStatusNotifierItem,
		"RegisterStatusNotifierHost": w.RegisterStatusNotifierHost,
	}, path, iface); err != nil {
		return err
	}
	w.props, err = prop.Export(conn, path, map[string]map[string]*prop.Prop{iface: {
		"RegisteredStatusNotifierItems":  {Value: []string{}, Emit: prop.EmitTrue},
		"IsStatusNotifierHostRegistered": {Value: true, Emit: prop.EmitTrue},
		"ProtocolVersion":                {Value: int32(0), Emit: prop.EmitTrue},
	}})
	if err != nil {
		return err
	}
	node := &introspect.Node{Name: string(path), Interfaces: []introspect.Interface{
		introspect.IntrospectData, prop.IntrospectData,
		{Name: iface, Methods: introspect.Methods(w)},
	}}
	if err := conn.Export(introspect.NewIntrospectable(node), path, "org.freedesktop.DBus.Introspectable"); err != nil {
		return err
	}
	reply, err := conn.RequestName(name, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		return fmt.Errorf("claim %s: reply %v, err %v", name, reply, err)
	}
	fmt.Println("watching")
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	<-sig
	return nil
}
