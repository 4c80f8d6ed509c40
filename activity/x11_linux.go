package activity

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/screensaver"
	"github.com/jezek/xgb/xproto"

	"github.com/microrest/microrest/i18n"
)

// x11 reads MsSinceUserInput from the MIT-SCREEN-SAVER extension over a
// pure-Go connection: no cgo, no xprintidle. On a Wayland session it sees
// only XWayland clients, which is why Mutter comes first in the chain.
type x11 struct {
	conn *xgb.Conn
	root xproto.Window
	// sync wakes the engine at the idle threshold and at the return; nil
	// where the server has no SYNC, and the source is polled.
	sync *xsync

	mu    sync.Mutex
	cache map[string]xproto.Atom // atoms never change while connected
}

// dialX11 connects to the display, closed with the monitor.
func dialX11(m *Monitor, display string) (*x11, error) {
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		return nil, i18n.Wrap(err, "activity.err.display", map[string]any{"Display": display})
	}
	m.onClose(func() error { conn.Close(); return nil })
	return &x11{conn: conn, root: xproto.Setup(conn).DefaultScreen(conn).Root, cache: map[string]xproto.Atom{}}, nil
}

// useScreenSaver makes X11 the idle source if the extension is there,
// event-driven where SYNC alarms can watch the idle threshold.
func (x *x11) useScreenSaver(m *Monitor, threshold time.Duration) error {
	if err := screensaver.Init(x.conn); err != nil {
		return i18n.Wrap(err, "activity.why.no_screensaver_ext")
	}
	if _, err := x.idle(context.Background()); err != nil {
		return err
	}
	err := watchXSync(m, x, threshold)
	if err != nil {
		m.log.Info(i18n.T("activity.log.x11_polled"), "err", err)
	}
	m.use(SourceX11, x, err == nil)
	return nil
}

// setThreshold moves the SYNC alarms, where there are any.
func (x *x11) setThreshold(ctx context.Context, d time.Duration) error {
	if x.sync == nil {
		return nil
	}
	return x.sync.setThreshold(ctx, d)
}

// idle is one round trip to the local X server, cheap enough to poll.
func (x *x11) idle(context.Context) (time.Duration, error) {
	info, err := screensaver.QueryInfo(x.conn, xproto.Drawable(x.root)).Reply()
	if err != nil {
		return 0, i18n.Wrap(err, "activity.err.screensaver_info")
	}
	return time.Duration(info.MsSinceUserInput) * time.Millisecond, nil
}

// fullscreen reports whether the active window asks to be fullscreen, as
// presentations, videos and calls do, through the EWMH hints every X11
// window manager keeps on the root window.
func (x *x11) fullscreen() (bool, string) {
	win, err := x.activeWindow()
	if err != nil || win == 0 {
		return false, ""
	}
	states, err := x.atoms(win, "_NET_WM_STATE")
	if err != nil {
		return false, ""
	}
	full, err := x.atom("_NET_WM_STATE_FULLSCREEN")
	if err != nil || !slices.Contains(states, full) {
		return false, ""
	}
	return true, i18n.T("activity.quiet.fullscreen_x11")
}

func (x *x11) activeWindow() (xproto.Window, error) {
	ws, err := x.atoms(x.root, "_NET_ACTIVE_WINDOW")
	if err != nil || len(ws) == 0 {
		return 0, err
	}
	return xproto.Window(ws[0]), nil
}

// atoms reads a property made of 32-bit values (ATOM or WINDOW lists).
func (x *x11) atoms(win xproto.Window, prop string) ([]xproto.Atom, error) {
	name, err := x.atom(prop)
	if err != nil {
		return nil, err
	}
	reply, err := xproto.GetProperty(x.conn, false, win, name, xproto.GetPropertyTypeAny, 0, 64).Reply()
	if err != nil {
		return nil, i18n.Wrap(err, "activity.err.property", map[string]any{"Property": prop})
	}
	if reply.Format != 32 {
		return nil, nil
	}
	out := make([]xproto.Atom, 0, reply.ValueLen)
	for i := 0; i+4 <= len(reply.Value); i += 4 {
		out = append(out, xproto.Atom(xgb.Get32(reply.Value[i:])))
	}
	return out, nil
}

// atom looks a name up without creating it: an atom nobody created is on
// no window.
func (x *x11) atom(name string) (xproto.Atom, error) {
	x.mu.Lock()
	a, ok := x.cache[name]
	x.mu.Unlock()
	if ok {
		return a, nil
	}
	reply, err := xproto.InternAtom(x.conn, true, uint16(len(name)), name).Reply()
	if err != nil {
		return 0, i18n.Wrap(err, "activity.err.atom", map[string]any{"Name": name})
	}
	if reply.Atom != 0 {
		x.mu.Lock()
		x.cache[name] = reply.Atom
		x.mu.Unlock()
	}
	return reply.Atom, nil
}
