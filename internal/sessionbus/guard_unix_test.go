//go:build !windows && !darwin

package sessionbus

import (
	"errors"
	"os"
	"os/user"
	"path/filepath"
	"testing"

	"github.com/godbus/dbus/v5"

	"github.com/microrest/microrest/internal/testdesk"
)

// These tests set the process environment: none of them is parallel.

// noSessionBus makes a session with no bus anywhere microrest looks and a
// fake dbus-launch first on PATH, and returns whether that ran.
func noSessionBus(t *testing.T) (launched func() bool) {
	t.Helper()
	t.Setenv(envVar, "")
	t.Setenv("XDG_RUNTIME_DIR", runtimeDir(t, false))
	return testdesk.FakeDBusLaunch(t)
}

func TestConnectWithoutABusLaunchesNone(t *testing.T) {
	launched := noSessionBus(t)
	conn, err := Connect()
	if err == nil {
		conn.Close()
		t.Fatal("Connect found a bus where there is none")
	}
	if !errors.Is(err, ErrNoBus) {
		t.Errorf("Connect says %v, want ErrNoBus", err)
	}
	if launched() {
		t.Fatal("dbus-launch ran: Connect autolaunched a bus")
	}
}

func TestAfterGuardGodbusItselfLaunchesNoBus(t *testing.T) {
	launched := noSessionBus(t)
	if err := Guard(); !errors.Is(err, ErrNoBus) {
		t.Fatalf("Guard without a bus says %v, want ErrNoBus", err)
	}
	// fyne.io/systray connects this way.
	conn, err := dbus.ConnectSessionBus()
	if err == nil {
		conn.Close()
		t.Fatal("godbus found a bus after Guard said there is none")
	}
	if launched() {
		t.Fatal("dbus-launch ran: godbus autolaunched a bus after Guard")
	}
	if _, err := Address(); !errors.Is(err, ErrNoBus) {
		t.Errorf("Address after Guard says %v; a child process must see no bus too", err)
	}
}

// The control for the two tests above: without Guard, godbus does run the
// fake dbus-launch, so its silence there is the guard's doing.
func TestWithoutGuardGodbusWouldLaunchABus(t *testing.T) {
	if u, err := user.Current(); err == nil {
		if _, err := os.Stat(filepath.Join("/run/user", u.Uid, "bus")); err == nil {
			t.Skip("godbus finds this machine's /run/user bus before it would autolaunch")
		}
	}
	launched := noSessionBus(t)
	if conn, err := dbus.ConnectSessionBus(); err == nil {
		conn.Close()
	}
	if !launched() {
		t.Fatal("godbus did not run the fake dbus-launch, so the tests above prove nothing")
	}
}

func TestGuardKeepsTheBusItFinds(t *testing.T) {
	addr := testdesk.Bus(t)
	t.Setenv(envVar, "autolaunch:")
	dir := runtimeDir(t, false)
	t.Setenv("XDG_RUNTIME_DIR", dir)
	if err := Guard(); !errors.Is(err, ErrNoBus) {
		t.Fatalf("Guard with autolaunch: and no runtime bus says %v", err)
	}
	t.Setenv(envVar, addr)
	if err := Guard(); err != nil {
		t.Fatalf("Guard with a bus: %v", err)
	}
	if got := os.Getenv(envVar); got != addr {
		t.Fatalf("%s = %q after Guard, want %q", envVar, got, addr)
	}
	conn, err := Connect()
	if err != nil {
		t.Fatalf("Connect to the guarded bus: %v", err)
	}
	defer conn.Close()
	if !conn.SupportsUnixFDs() {
		t.Error("the connection cannot pass file descriptors")
	}
}
