package activity

import (
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
	"github.com/jezek/xgb/xtest"

	"github.com/microrest/microrest/internal/testdesk"
)

// moveThePointer is a person touching the mouse, through XTEST.
func moveThePointer(t *testing.T, display string, x int16) {
	t.Helper()
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := xtest.Init(conn); err != nil {
		t.Skipf("no XTEST to fake input: %v", err)
	}
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	if err := xtest.FakeInputChecked(conn, xproto.MotionNotify, 0, 0, root, x, x, 0).Check(); err != nil {
		t.Fatal(err)
	}
}

func TestX11WakesTheEngineWhenThePersonLeavesAndComesBackWithoutPolling(t *testing.T) {
	display := testdesk.Display(t)
	threshold := 700 * time.Millisecond
	m := open(t, Options{Display: display, IdleThreshold: threshold})
	wantSource(t, m, SourceX11)
	if !m.Status().Events {
		t.Fatalf("X11 with SYNC should be event-driven: %s", m.Status())
	}
	drain(m)
	moveThePointer(t, display, 10)
	if s := sample(t, m); s.Idle >= threshold {
		t.Fatalf("idle %v right after input", s.Idle)
	}
	waitWake(t, m, "idle time reaching the threshold")
	if s := sample(t, m); s.Idle < threshold-50*time.Millisecond {
		t.Fatalf("woken at idle %v, before the threshold %v", s.Idle, threshold)
	}
	drain(m)
	moveThePointer(t, display, 20)
	waitWake(t, m, "the return")
	if s := sample(t, m); s.Idle >= threshold {
		t.Fatalf("idle %v after the return", s.Idle)
	}
}

func TestANewIdleThresholdMovesTheX11Alarms(t *testing.T) {
	display := testdesk.Display(t)
	m := open(t, Options{Display: display, IdleThreshold: time.Hour})
	if err := m.SetIdleThreshold(600 * time.Millisecond); err != nil {
		t.Fatal(err)
	}
	drain(m)
	moveThePointer(t, display, 30)
	waitWake(t, m, "idle time reaching the new threshold")
}
