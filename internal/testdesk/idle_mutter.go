package testdesk

import (
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

const (
	mutterName  = "org.gnome.Mutter.IdleMonitor"
	mutterPath  = dbus.ObjectPath("/org/gnome/Mutter/IdleMonitor/Core")
	mutterIface = "org.gnome.Mutter.IdleMonitor"
)

var errInvalidInterval = errors.New("invalid interval")

// MutterIdle is a faithful double of GNOME Shell's idle monitor, the idle
// source on GNOME Wayland: a test sets the idle time or simulates input,
// and watches fire as Mutter's do.
type MutterIdle struct {
	conn    *dbus.Conn
	mu      sync.Mutex
	idle    time.Duration
	next    uint32
	watches map[uint32]mutterWatch
}

// mutterWatch is one client's watch; an interval of 0 is a user-active
// watch.
type mutterWatch struct {
	owner    string
	interval time.Duration
}

// StartMutterIdle exports the idle monitor on the bus at addr until the
// test ends.
func StartMutterIdle(t testing.TB, addr string) *MutterIdle {
	t.Helper()
	d := &MutterIdle{conn: Connect(t, addr), watches: map[uint32]mutterWatch{}}
	exportService(t, d.conn, mutterName, mutterIface, d, mutterPath)
	return d
}

// GetIdletime is the D-Bus method: milliseconds since the last input.
func (d *MutterIdle) GetIdletime() (uint64, *dbus.Error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return uint64(d.idle / time.Millisecond), nil
}

// AddIdleWatch is the D-Bus method: fire each time idle time reaches
// interval milliseconds.
func (d *MutterIdle) AddIdleWatch(sender dbus.Sender, interval uint64) (uint32, *dbus.Error) {
	if interval == 0 {
		return 0, dbus.MakeFailedError(errInvalidInterval)
	}
	return d.add(string(sender), time.Duration(interval)*time.Millisecond), nil
}

// AddUserActiveWatch is the D-Bus method: fire once at the next input.
func (d *MutterIdle) AddUserActiveWatch(sender dbus.Sender) (uint32, *dbus.Error) {
	return d.add(string(sender), 0), nil
}

// RemoveWatch is the D-Bus method.
func (d *MutterIdle) RemoveWatch(id uint32) *dbus.Error {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.watches, id)
	return nil
}

func (d *MutterIdle) add(owner string, interval time.Duration) uint32 {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.next++
	d.watches[d.next] = mutterWatch{owner: owner, interval: interval}
	return d.next
}

// SetIdle lets time pass without input up to idle, firing the idle
// watches whose interval is crossed on the way, as Mutter's timers do.
func (d *MutterIdle) SetIdle(idle time.Duration) {
	d.mu.Lock()
	old := d.idle
	d.idle = idle
	var fire []firing
	for id, w := range d.watches {
		if w.interval > 0 && w.interval > old && w.interval <= idle {
			fire = append(fire, firing{id, w.owner})
		}
	}
	d.mu.Unlock()
	d.fire(fire)
}

// Input simulates a key press: idle time restarts from zero, and every
// user-active watch fires once and is dropped, as Mutter drops them.
func (d *MutterIdle) Input() {
	d.mu.Lock()
	d.idle = 0
	var fire []firing
	for id, w := range d.watches {
		if w.interval == 0 {
			fire = append(fire, firing{id, w.owner})
			delete(d.watches, id)
		}
	}
	d.mu.Unlock()
	d.fire(fire)
}

// Watches counts the idle and user-active watches clients hold now.
func (d *MutterIdle) Watches() (idle, active int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, w := range d.watches {
		if w.interval > 0 {
			idle++
		} else {
			active++
		}
	}
	return idle, active
}

// IdleWatches lists the intervals of the idle watches clients hold now,
// shortest first.
func (d *MutterIdle) IdleWatches() []time.Duration {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []time.Duration
	for _, w := range d.watches {
		if w.interval > 0 {
			out = append(out, w.interval)
		}
	}
	slices.Sort(out)
	return out
}

// Stop drops the double's connection, as when gnome-shell exits; Mutter's
// watches die with it.
func (d *MutterIdle) Stop() { _ = d.conn.Close() }

type firing struct {
	id    uint32
	owner string
}

// fire sends WatchFired to each watch's owner only, as Mutter does.
func (d *MutterIdle) fire(fs []firing) {
	for _, f := range fs {
		_ = emitTo(d.conn, f.owner, mutterPath, mutterIface, "WatchFired", f.id)
	}
}
