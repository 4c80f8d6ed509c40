package testdesk

import (
	"testing"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
	"github.com/jezek/xgb/xtest"
)

// XClient plays the person and the window manager on a test display: it
// sends synthetic input through XTEST and sets the EWMH hints a window
// manager keeps for the active window.
type XClient struct {
	conn *xgb.Conn
	root xproto.Window
	x    int16
}

// DialX connects to display, closed when the test ends.
func DialX(t testing.TB, display string) *XClient {
	t.Helper()
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		t.Fatalf("connect to %s: %v", display, err)
	}
	t.Cleanup(conn.Close)
	if err := xtest.Init(conn); err != nil {
		t.Fatalf("XTEST on %s: %v", display, err)
	}
	return &XClient{conn: conn, root: xproto.Setup(conn).DefaultScreen(conn).Root}
}

// Input moves the pointer, which the server counts as user input, and
// returns once the server has processed it.
func (c *XClient) Input(t testing.TB) {
	t.Helper()
	c.x = 100 - c.x // a move to where the pointer already is may not count
	err := xtest.FakeInputChecked(c.conn, xproto.MotionNotify, 0, 0, c.root, c.x, 100, 0).Check()
	if err != nil {
		t.Fatalf("XTEST motion: %v", err)
	}
}

// FullscreenWindow maps a window, marks it fullscreen and makes it the
// active one, as a window manager does for a presentation.
func (c *XClient) FullscreenWindow(t testing.TB) xproto.Window {
	t.Helper()
	win, err := xproto.NewWindowId(c.conn)
	if err != nil {
		t.Fatal(err)
	}
	screen := xproto.Setup(c.conn).DefaultScreen(c.conn)
	err = xproto.CreateWindowChecked(c.conn, screen.RootDepth, win, c.root, 0, 0, 640, 480, 0,
		xproto.WindowClassInputOutput, screen.RootVisual, 0, nil).Check()
	if err != nil {
		t.Fatalf("create window: %v", err)
	}
	c.setAtoms(t, win, "_NET_WM_STATE", "ATOM", uint32(c.atom(t, "_NET_WM_STATE_FULLSCREEN")))
	c.SetActive(t, win)
	return win
}

// SetActive sets _NET_ACTIVE_WINDOW on the root window; 0 means none.
func (c *XClient) SetActive(t testing.TB, win xproto.Window) {
	t.Helper()
	c.setAtoms(t, c.root, "_NET_ACTIVE_WINDOW", "WINDOW", uint32(win))
}

func (c *XClient) setAtoms(t testing.TB, win xproto.Window, prop, typ string, values ...uint32) {
	t.Helper()
	data := make([]byte, 4*len(values))
	for i, v := range values {
		xgb.Put32(data[4*i:], v)
	}
	err := xproto.ChangePropertyChecked(c.conn, xproto.PropModeReplace, win, c.atom(t, prop), c.atom(t, typ),
		32, uint32(len(values)), data).Check()
	if err != nil {
		t.Fatalf("set %s: %v", prop, err)
	}
}

func (c *XClient) atom(t testing.TB, name string) xproto.Atom {
	t.Helper()
	reply, err := xproto.InternAtom(c.conn, false, uint16(len(name)), name).Reply()
	if err != nil {
		t.Fatalf("intern %s: %v", name, err)
	}
	return reply.Atom
}
