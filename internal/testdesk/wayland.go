package testdesk

import (
	"bufio"
	"encoding/binary"
	"io"
	"maps"
	"net"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// WaylandIdle is a faithful double of a compositor that offers
// ext-idle-notify-v1 (KDE Plasma 6, sway 1.8+, Hyprland), which no
// compositor Debian 12 ships speaks: it answers the registry, binds and
// round trips as libwayland does, and sends idled and resumed to each
// notification as its timeout is crossed.
type WaylandIdle struct {
	Socket string

	mu    sync.Mutex
	idle  time.Duration
	conns []*waylandClient
}

type waylandClient struct {
	conn     net.Conn
	wmu      sync.Mutex
	registry uint32
	iface    map[uint32]string // bound objects
	version  map[uint32]uint32 // their bound versions
	notes    map[uint32]*idleNote
}

// wlGlobal is one interface the double offers, at its highest version.
type wlGlobal struct {
	iface   string
	version uint32
}

// idleNote is one ext_idle_notification_v1.
type idleNote struct {
	timeout time.Duration
	input   bool // made by get_input_idle_notification: inhibitors do not count
	idled   bool
}

// StartWaylandIdle listens on a socket in a short temporary directory and
// offers ext_idle_notifier_v1 at version, or none when version is 0 (a
// seat only).
func StartWaylandIdle(t testing.TB, version uint32) *WaylandIdle {
	t.Helper()
	dir, err := os.MkdirTemp("", "mr-wl-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	w := &WaylandIdle{Socket: filepath.Join(dir, "wayland-0")}
	ln, err := net.Listen("unix", w.Socket)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	globals := []wlGlobal{{"wl_seat", 7}}
	if version > 0 {
		globals = append(globals, wlGlobal{"ext_idle_notifier_v1", version})
	}
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			c := &waylandClient{conn: conn, iface: map[uint32]string{1: "wl_display"},
				version: map[uint32]uint32{}, notes: map[uint32]*idleNote{}}
			w.mu.Lock()
			w.conns = append(w.conns, c)
			w.mu.Unlock()
			go w.serve(c, globals)
		}
	}()
	return w
}

// serve answers one client's requests until it hangs up.
func (w *WaylandIdle) serve(c *waylandClient, globals []wlGlobal) {
	defer c.conn.Close()
	r := bufio.NewReader(c.conn)
	for {
		var head [8]byte
		if _, err := io.ReadFull(r, head[:]); err != nil {
			return
		}
		obj := binary.NativeEndian.Uint32(head[:4])
		word := binary.NativeEndian.Uint32(head[4:])
		body := make([]byte, word>>16-8)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		w.request(c, obj, uint16(word), body, globals)
	}
}

func (w *WaylandIdle) request(c *waylandClient, obj uint32, op uint16, body []byte, globals []wlGlobal) {
	u := func(i int) uint32 { return binary.NativeEndian.Uint32(body[4*i:]) }
	w.mu.Lock()
	defer w.mu.Unlock()
	switch iface := c.iface[obj]; {
	case iface == "wl_display" && op == 1: // get_registry
		c.registry = u(0)
		for i, g := range globals {
			c.send(c.registry, 0, wlUint(uint32(i+1)), wlString(g.iface), wlUint(g.version))
		}
	case iface == "wl_display" && op == 0: // sync
		c.send(u(0), 0, wlUint(0))
		c.send(1, 1, wlUint(u(0))) // delete_id
	case obj == c.registry && op == 0: // bind(name, interface, version, id)
		id := binary.NativeEndian.Uint32(body[len(body)-4:])
		c.iface[id] = globals[u(0)-1].iface
		c.version[id] = binary.NativeEndian.Uint32(body[len(body)-8:])
	case iface == "ext_idle_notifier_v1" && op == 2 && c.version[obj] < 2:
		// A request newer than the bound version: libwayland's verdict.
		c.send(1, 0, wlUint(obj), wlUint(1), wlString("get_input_idle_notification needs version 2"))
	case iface == "ext_idle_notifier_v1" && (op == 1 || op == 2): // get_(input_)idle_notification(id, timeout, seat)
		c.notes[u(0)] = &idleNote{timeout: time.Duration(u(1)) * time.Millisecond, input: op == 2}
	case c.notes[obj] != nil && op == 0: // destroy
		delete(c.notes, obj)
	}
}

// Timeouts lists the timeouts of the notifications clients hold now.
func (w *WaylandIdle) Timeouts() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []time.Duration
	for _, c := range w.conns {
		for _, n := range c.notes {
			out = append(out, n.timeout)
		}
	}
	return out
}

// InputOnly reports whether every notification ignores idle inhibitors.
func (w *WaylandIdle) InputOnly() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, c := range w.conns {
		for _, note := range c.notes {
			if !note.input {
				return false
			}
		}
	}
	return true
}

// SetIdle lets time pass without input up to idle: each notification
// whose timeout is crossed gets idled, newest first, as wlroots sends it.
func (w *WaylandIdle) SetIdle(idle time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.idle = idle
	for _, c := range w.conns {
		for _, id := range c.newestFirst() {
			if n := c.notes[id]; !n.idled && n.timeout <= idle {
				n.idled = true
				c.send(id, 0)
			}
		}
	}
}

// Input is a key press: every idled notification gets resumed, newest
// first, so a client that wakes on its watch must not read its idle time
// before the rest of the batch.
func (w *WaylandIdle) Input() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.idle = 0
	for _, c := range w.conns {
		for _, id := range c.newestFirst() {
			if n := c.notes[id]; n.idled {
				n.idled = false
				c.send(id, 1)
			}
		}
	}
}

// newestFirst orders a client's notifications as wlroots sends their
// events: the list is built by inserting at its head.
func (c *waylandClient) newestFirst() []uint32 {
	ids := slices.Collect(maps.Keys(c.notes))
	slices.Sort(ids)
	slices.Reverse(ids)
	return ids
}

func (c *waylandClient) send(obj uint32, op uint16, args ...[]byte) {
	var body []byte
	for _, a := range args {
		body = append(body, a...)
	}
	msg := binary.NativeEndian.AppendUint32(nil, obj)
	msg = binary.NativeEndian.AppendUint32(msg, uint32(8+len(body))<<16|uint32(op))
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_, _ = c.conn.Write(append(msg, body...))
}

func wlUint(v uint32) []byte { return binary.NativeEndian.AppendUint32(nil, v) }

func wlString(s string) []byte {
	b := append(append(wlUint(uint32(len(s)+1)), s...), 0)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}
