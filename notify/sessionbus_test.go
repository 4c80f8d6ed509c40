//go:build !windows && !darwin

package notify

import (
	"errors"
	"testing"

	"github.com/microrest/microrest/internal/sessionbus"
	"github.com/microrest/microrest/internal/testdesk"
)

// These tests set the process environment: none of them is parallel.

func TestWithoutABusAddressTheSessionBusComesFromTheEnvironment(t *testing.T) {
	addr := testBus(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
	srv := testdesk.StartNotifyServer(t, addr, "actions")
	n := start(t, "")
	if got := show(t, srv, n, walk); got.Summary != "Movement + Hydration" {
		t.Fatalf("shown %q through the environment's bus", got.Summary)
	}
}

func TestWithoutASessionBusNoBusIsLaunched(t *testing.T) {
	for _, env := range []string{"", "autolaunch:"} {
		t.Run("DBUS_SESSION_BUS_ADDRESS="+env, func(t *testing.T) {
			t.Setenv("DBUS_SESSION_BUS_ADDRESS", env)
			t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
			launched := testdesk.FakeDBusLaunch(t)
			n := start(t, "")
			if st := n.Status(); !errors.Is(st.Err, sessionbus.ErrNoBus) {
				t.Errorf("Status without a session bus says %v, want the reason there is none", st.Err)
			}
			if launched() {
				t.Fatal("dbus-launch ran: a bus was autolaunched")
			}
		})
	}
}
