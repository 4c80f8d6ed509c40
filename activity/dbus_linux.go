package activity

import (
	"context"
	"sync"

	"github.com/godbus/dbus/v5"

	"github.com/microrest/microrest/i18n"
)

// connect opens a private connection: the shared one of dbus.SessionBus
// also carries fyne.io/systray's re-register goroutine, which quits on the
// first unrelated signal with fewer than three arguments (docs/ARCHITECTURE.md §4).
func connect(addr string) (*dbus.Conn, error) {
	conn, err := dbus.Connect(addr)
	if err != nil {
		return nil, i18n.Wrap(err, "activity.err.connect", map[string]any{"Address": addr})
	}
	return conn, nil
}

// router hands the signals of one connection to their handlers in a single
// goroutine, so handlers never race each other and the bus reader never
// waits on them.
type router struct {
	conn   *dbus.Conn
	ch     chan *dbus.Signal
	mu     sync.Mutex
	routes map[route][]func(*dbus.Signal)
}

// route is what a handler listens to: an object and a signal's full name.
type route struct {
	path dbus.ObjectPath
	name string
}

func newRouter(conn *dbus.Conn) *router {
	r := &router{conn: conn, ch: make(chan *dbus.Signal, 16), routes: map[route][]func(*dbus.Signal){}}
	conn.Signal(r.ch)
	go r.run()
	return r
}

// on asks the bus for the signal iface.member of sender at path and routes
// it to fn.
func (r *router) on(ctx context.Context, sender string, path dbus.ObjectPath, iface, member string, fn func(*dbus.Signal)) error {
	err := r.conn.AddMatchSignalContext(ctx, dbus.WithMatchSender(sender), dbus.WithMatchObjectPath(path),
		dbus.WithMatchInterface(iface), dbus.WithMatchMember(member))
	if err != nil {
		return i18n.Wrap(err, "activity.err.listen", map[string]any{"Signal": iface + "." + member})
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	key := route{path, iface + "." + member}
	r.routes[key] = append(r.routes[key], fn)
	return nil
}

// run ends when the connection closes, since godbus then closes ch.
func (r *router) run() {
	for sig := range r.ch {
		r.mu.Lock()
		fns := r.routes[route{sig.Path, sig.Name}]
		r.mu.Unlock()
		for _, fn := range fns {
			fn(sig)
		}
	}
}

// onProperty routes changes of one property of iface at path to fn.
func (r *router) onProperty(ctx context.Context, sender string, path dbus.ObjectPath, iface, name string, fn func(dbus.Variant)) error {
	return r.on(ctx, sender, path, "org.freedesktop.DBus.Properties", "PropertiesChanged", func(sig *dbus.Signal) {
		if len(sig.Body) < 2 || sig.Body[0] != iface {
			return
		}
		if changed, ok := sig.Body[1].(map[string]dbus.Variant); ok {
			if v, ok := changed[name]; ok {
				fn(v)
			}
		}
	})
}

// onOwner calls fn with the new owner each time name changes hands, so
// state kept by a service (such as Mutter's watches) can be set up again
// after the service restarts.
func (r *router) onOwner(ctx context.Context, name string, fn func(owner string)) error {
	err := r.conn.AddMatchSignalContext(ctx, dbus.WithMatchSender("org.freedesktop.DBus"),
		dbus.WithMatchInterface("org.freedesktop.DBus"), dbus.WithMatchMember("NameOwnerChanged"), dbus.WithMatchArg(0, name))
	if err != nil {
		return i18n.Wrap(err, "activity.err.owner", map[string]any{"Name": name})
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	key := route{"/org/freedesktop/DBus", "org.freedesktop.DBus.NameOwnerChanged"}
	r.routes[key] = append(r.routes[key], func(sig *dbus.Signal) {
		if len(sig.Body) == 3 && sig.Body[0] == name {
			owner, _ := sig.Body[2].(string)
			fn(owner)
		}
	})
	return nil
}

// hasOwner reports whether a service is running, so the chain does not
// wait on a call that can only fail.
func hasOwner(ctx context.Context, conn *dbus.Conn, name string) bool {
	var ok bool
	err := conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.NameHasOwner", 0, name).Store(&ok)
	return err == nil && ok
}

// boolArg reads a signal's first argument as a bool.
func boolArg(sig *dbus.Signal) (bool, bool) {
	if len(sig.Body) < 1 {
		return false, false
	}
	b, ok := sig.Body[0].(bool)
	return b, ok
}

// getProperty reads one property within ctx, which BusObject.GetProperty
// cannot bound.
func getProperty(ctx context.Context, obj dbus.BusObject, iface, name string) (dbus.Variant, error) {
	var v dbus.Variant
	err := obj.CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", 0, iface, name).Store(&v)
	return v, err
}
