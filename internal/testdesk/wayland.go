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
	notes    map[uint32]*idleNote
}

// idleNote is one ext_idle_notification_v1.
type idleNote struct {
	timeout time.Duration
	idled   bool
}

// StartWaylandIdle listens on a socket in a short temporary directory.
// Without idle, it offers a seat but no idle protocol.
func StartWaylandIdle(t testing.TB, idle bool) *WaylandIdle {
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
	globals := []string{"wl_seat"}
	if idle {
		globals = append(globals, "ext_idle_notifier_v1")
	}
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			c := &waylandClient{conn: conn, iface: map[uint32]string{1: "wl_display"}, notes: map[uint32]*idleNote{}}
			w.mu.Lock()
			w.conns = append(w.conns, c)
			w.mu.Unlock()
			go w.serve(c, globals)
		}
	}()
	return w
}

// serve answers one client's requests until it hangs up.
func (w *WaylandIdle) serve(c *waylandClient, globals []string) {
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

func (w *WaylandIdle) request(c *waylandClient, obj uint32, op uint16, body []byte, globals []string) {
	u := func(i int) uint32 { return binary.NativeEndian.Uint32(body[4*i:]) }
	w.mu.Lock()
	defer w.mu.Unlock()
	switch iface := c.iface[obj]; {
	case iface == "wl_display" && op == 1: // get_registry
		c.registry = u(0)
		for i, g := range globals {
			c.send(c.registry, 0, wlUint(uint32(i+1)), wlString(g), wlUint(1))
		}
	case iface == "wl_display" && op == 0: // sync
		c.send(u(0), 0, wlUint(0))
		c.send(1, 1, wlUint(u(0))) // delete_id
	case obj == c.registry && op == 0: // bind(name, interface, version, id)
		name := u(0)
		c.iface[binary.NativeEndian.Uint32(body[len(body)-4:])] = globals[name-1]
	case iface == "ext_idle_notifier_v1" && op == 1: // get_idle_notification(id, timeout, seat)
		c.notes[u(0)] = &idleNote{timeout: time.Duration(u(1)) * time.Millisecond}
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
