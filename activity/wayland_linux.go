package activity

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"sync"
	"time"

	"github.com/microrest/microrest/i18n"
)

// The idle protocols a Wayland compositor may offer, best first.
// ext-idle-notify-v1 is the standard one (KDE Plasma 5.27+, sway 1.8+,
// Hyprland, niri, labwc, …); org_kde_kwin_idle is its predecessor (KDE
// Plasma 5, sway 1.7, the wlroots of Debian 12).
const (
	wlExtIdle = "ext_idle_notifier_v1"
	wlKDEIdle = "org_kde_kwin_idle"
	wlSeat    = "wl_seat"
)

// waylandResolution is the timeout of the notification that measures idle
// time: the compositor says "idle" after this long without input, and
// idle time is counted from there. Tests shorten it.
var waylandResolution = 5 * time.Second

// wayland reads idle time from the compositor's idle protocol, the one
// source on KDE Plasma Wayland (whose org.freedesktop.ScreenSaver answers
// NotSupported) and on wlroots compositors. Neither protocol tells the
// idle time; both say "idle" after a timeout and "resumed" at the next
// input, so one notification at waylandResolution measures it and a
// second at the threshold wakes the engine, as Mutter's watches do.
type wayland struct {
	m       *Monitor
	conn    net.Conn
	proto   string // wlExtIdle or wlKDEIdle
	version uint32 // of the idle protocol, as bound

	wmu      sync.Mutex // one message at a time on the socket
	next     uint32     // the next client object id
	notifier uint32
	seat     uint32

	mu        sync.Mutex
	sampleID  uint32
	watchID   uint32
	threshold time.Duration // the watch's timeout
	idleSince time.Time     // when idle time reached waylandResolution; zero while active
	err       error         // why the connection ended
}

// openWayland makes the compositor the idle source when it offers an idle
// protocol and a seat.
func openWayland(ctx context.Context, m *Monitor, socket string, threshold time.Duration) error {
	if socket == "" {
		return errors.New(i18n.T("activity.why.not_wayland"))
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "unix", socket)
	if err != nil {
		return err
	}
	w := &wayland{m: m, conn: conn, next: 2}
	r, err := w.handshake(ctx, threshold)
	if err != nil {
		conn.Close()
		return err
	}
	// Events that came with the handshake stay in r's buffer.
	go w.read(r)
	m.onClose(conn.Close)
	m.use(SourceWayland, w, true)
	m.log.Info(i18n.T("activity.log.wayland"), "protocol", w.proto)
	return nil
}

// handshake lists the globals, binds a seat and the idle protocol, and
// creates both notifications, all within one round trip's deadline.
func (w *wayland) handshake(ctx context.Context, threshold time.Duration) (*bufio.Reader, error) {
	deadline := time.Now().Add(callTimeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	if err := w.conn.SetDeadline(deadline); err != nil {
		return nil, err
	}
	defer w.conn.SetDeadline(time.Time{})
	r := bufio.NewReader(w.conn)
	registry := w.newID()
	w.send(1, 1, wlArgs{}.uint(registry)) // wl_display.get_registry
	globals, err := w.roundTrip(r, registry)
	if err != nil {
		return nil, err
	}
	seat, ok := globals[wlSeat]
	if !ok {
		return nil, errors.New(i18n.T("activity.why.no_seat"))
	}
	w.proto = wlExtIdle
	idle, ok := globals[wlExtIdle]
	if !ok {
		w.proto = wlKDEIdle
		idle, ok = globals[wlKDEIdle]
	}
	if !ok {
		return nil, errors.New(i18n.T("activity.why.no_idle_protocol", map[string]any{"First": wlExtIdle, "Second": wlKDEIdle}))
	}
	w.seat = w.bind(registry, seat.name, wlSeat, 1)
	// Version 2 of ext-idle-notify can ignore idle inhibitors (a video
	// playing): a person who walks away from a film is away, as Mutter
	// and the X11 screen saver count it.
	w.version = 1
	if w.proto == wlExtIdle {
		w.version = min(idle.version, 2)
	}
	w.notifier = w.bind(registry, idle.name, w.proto, w.version)
	w.sampleID = w.notification(waylandResolution)
	w.watchID, w.threshold = w.notification(threshold), threshold
	if _, err := w.roundTrip(r, registry); err != nil {
		return nil, err
	}
	return r, nil
}

// global is one entry of the registry.
type global struct{ name, version uint32 }

// roundTrip sends wl_display.sync and reads until its callback fires,
// collecting registry globals on the way, applying idle events that come
// meanwhile, and failing on a protocol error.
func (w *wayland) roundTrip(r *bufio.Reader, registry uint32) (map[string]global, error) {
	callback := w.newID()
	w.send(1, 0, wlArgs{}.uint(callback)) // wl_display.sync
	globals := map[string]global{}
	for {
		obj, op, body, err := readMessage(r)
		if err != nil {
			return nil, i18n.Wrap(err, "activity.err.compositor")
		}
		switch {
		case obj == callback && op == 0:
			return globals, nil
		case obj == 1 && op == 0:
			return nil, displayError(body)
		case obj == registry && op == 0:
			b := wlBody(body)
			name, iface, version := b.uint(), b.string(), b.uint()
			if _, seen := globals[iface]; !seen && b.ok() {
				globals[iface] = global{name, version}
			}
		default:
			w.event(obj, op)
		}
	}
}

// bind binds a global at the version given.
func (w *wayland) bind(registry, name uint32, iface string, version uint32) uint32 {
	id := w.newID()
	w.send(registry, 0, wlArgs{}.uint(name).string(iface).uint(version).uint(id))
	return id
}

// notification asks for idle/resumed events after timeout without input.
// The two protocols take the same arguments in a different order.
func (w *wayland) notification(timeout time.Duration) uint32 {
	id := w.newID()
	ms := uint32(timeout / time.Millisecond)
	switch {
	case w.proto == wlExtIdle && w.version >= 2:
		w.send(w.notifier, 2, wlArgs{}.uint(id).uint(ms).uint(w.seat)) // get_input_idle_notification
	case w.proto == wlExtIdle:
		w.send(w.notifier, 1, wlArgs{}.uint(id).uint(ms).uint(w.seat)) // get_idle_notification
	default:
		w.send(w.notifier, 0, wlArgs{}.uint(id).uint(w.seat).uint(ms)) // get_idle_timeout
	}
	return id
}

func (w *wayland) newID() uint32 {
	w.wmu.Lock()
	defer w.wmu.Unlock()
	id := w.next
	w.next++
	return id
}

// send writes one request, within callTimeout so a compositor that stops
// reading cannot hang a settings reload. A failed write shows up as the
// reader's error.
func (w *wayland) send(obj uint32, op uint16, args wlArgs) {
	msg := binary.NativeEndian.AppendUint32(nil, obj)
	msg = binary.NativeEndian.AppendUint32(msg, uint32(8+len(args))<<16|uint32(op))
	w.wmu.Lock()
	defer w.wmu.Unlock()
	_ = w.conn.SetWriteDeadline(time.Now().Add(callTimeout))
	_, _ = w.conn.Write(append(msg, args...))
}

// read handles events until the connection ends.
func (w *wayland) read(r *bufio.Reader) {
	for {
		obj, op, body, err := readMessage(r)
		if err == nil && obj == 1 && op == 0 {
			err = displayError(body)
		}
		if err != nil {
			w.mu.Lock()
			w.err = i18n.Wrap(err, "activity.err.compositor_ended")
			w.mu.Unlock()
			w.m.poke()
			return
		}
		w.event(obj, op)
	}
}

// event applies idled (opcode 0) and resumed (opcode 1), which both
// protocols number the same. A compositor sends one input's resumed to
// each notification in an order of its own (wlroots: newest first), so
// either notification's event settles the state, and the engine is woken
// only once it is settled.
func (w *wayland) event(obj uint32, op uint16) {
	w.mu.Lock()
	now := time.Now()
	var since time.Time // when idle time reached the notification's timeout
	switch obj {
	case w.sampleID:
		since = now
	case w.watchID:
		since = now.Add(-(w.threshold - waylandResolution))
	default:
		w.mu.Unlock()
		return
	}
	switch {
	case op == 1:
		w.idleSince = time.Time{}
	case op == 0 && (w.idleSince.IsZero() || since.Before(w.idleSince)):
		w.idleSince = since
	}
	watch := obj == w.watchID
	w.mu.Unlock()
	if watch {
		w.m.poke()
	}
}

func (w *wayland) idle(context.Context) (time.Duration, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch {
	case w.err != nil:
		return 0, w.err
	case w.idleSince.IsZero():
		return 0, nil
	}
	return waylandResolution + time.Since(w.idleSince), nil
}

// setThreshold replaces the watch: neither protocol can change a timeout.
// Both number destroy (ext) and release (KDE) 0.
func (w *wayland) setThreshold(_ context.Context, d time.Duration) error {
	w.mu.Lock()
	old, err := w.watchID, w.err
	w.mu.Unlock()
	if err != nil {
		return err
	}
	w.send(old, 0, nil)
	id := w.notification(d)
	w.mu.Lock()
	w.watchID, w.threshold = id, d
	w.mu.Unlock()
	return nil
}

// readMessage reads one event: object id, then size and opcode, then the
// arguments, in the host's byte order.
func readMessage(r io.Reader) (obj uint32, op uint16, body []byte, err error) {
	var head [8]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return 0, 0, nil, err
	}
	obj = binary.NativeEndian.Uint32(head[:4])
	word := binary.NativeEndian.Uint32(head[4:])
	size, op := word>>16, uint16(word)
	if size < 8 || size%4 != 0 {
		return 0, 0, nil, errors.New(i18n.T("activity.why.message_size", map[string]any{"Size": size}))
	}
	body = make([]byte, size-8)
	if _, err := io.ReadFull(r, body); err != nil {
		return 0, 0, nil, err
	}
	return obj, op, body, nil
}

// displayError turns wl_display.error (object, code, message) into an error.
func displayError(body []byte) error {
	b := wlBody(body)
	obj, code, msg := b.uint(), b.uint(), b.string()
	return errors.New(i18n.T("activity.why.protocol_error", map[string]any{"Code": code, "Object": obj, "Message": msg}))
}

// wlArgs builds a request's arguments.
type wlArgs []byte

func (a wlArgs) uint(v uint32) wlArgs { return binary.NativeEndian.AppendUint32(a, v) }

// string writes the length with the terminating NUL, the bytes, the NUL,
// and padding to 32 bits.
func (a wlArgs) string(s string) wlArgs {
	a = a.uint(uint32(len(s) + 1))
	a = append(append(a, s...), 0)
	for len(a)%4 != 0 {
		a = append(a, 0)
	}
	return a
}

// wlBody reads an event's arguments; reading past the end yields zero
// values and makes ok false, so a short message is ignored, not a panic.
type wlBody []byte

func (b *wlBody) uint() uint32 {
	if len(*b) < 4 {
		*b = nil
		return 0
	}
	v := binary.NativeEndian.Uint32(*b)
	*b = (*b)[4:]
	return v
}

func (b *wlBody) string() string {
	n := int(b.uint())
	padded := (n + 3) &^ 3
	if n == 0 || padded > len(*b) {
		*b = nil
		return ""
	}
	s := string((*b)[:n-1])
	*b = (*b)[padded:]
	return s
}

func (b *wlBody) ok() bool { return *b != nil }
