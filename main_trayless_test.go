package main

import (
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/microrest/microrest/internal/testdesk"
)

// noTraySummary is the one notice a first start without a tray host gives.
const noTraySummary = "microrest is running, without a tray icon"

// startTrayless starts the daemon on a GNOME-like desktop: an X display,
// a notification server and no tray host, and waits until it answers.
func startTrayless(t *testing.T, env []string) *proc {
	t.Helper()
	p := start(t, env)
	testdesk.WaitFor(t, testdesk.StartTimeout, "the daemon to answer without a tray", func() bool {
		_, _, code := run(t, env, "status")
		return code == 0
	})
	return p
}

// notices counts the notices on the missing tray the server was sent.
func notices(server *testdesk.NotifyServer) int {
	n := 0
	for _, c := range server.Calls() {
		if c.Summary == noTraySummary {
			n++
		}
	}
	return n
}

func TestWithoutATrayHostMicrorestFromTheAppMenuOpensTheProgressWindowAndTheFirstStartSaysHow(t *testing.T) {
	display := testdesk.Display(t)
	addr := testdesk.Bus(t)
	home, env := testdesk.Home(t)
	env = append(env, "DBUS_SESSION_BUS_ADDRESS="+addr, "DISPLAY="+display, "XDG_CURRENT_DESKTOP=ubuntu:GNOME")
	writeSettings(t, home, postureOnly)
	server := testdesk.StartNotifyServer(t, addr, "actions", "body")
	s := &session{home: home, addr: addr, env: env, daemon: startTrayless(t, env)}
	if st := s.status(t); st.Tray == nil || st.Tray.Host {
		t.Fatalf("status says the tray is %+v; want no tray host", st.Tray)
	}
	// The notice goes out before the socket serves, so it is there by now.
	calls := server.Calls()
	if n := notices(server); n != 1 {
		t.Fatalf("%d notices on the missing tray, want 1; the server got %+v", n, calls)
	}
	if body := calls[0].Body; !strings.Contains(body, "app menu") || !strings.Contains(body, "microrest status") || !strings.Contains(body, "AppIndicator extension") {
		t.Fatalf("the notice does not say how to reach microrest on GNOME: %q", body)
	}

	// A click in the app menu: no terminal, so the output is a pipe.
	again := start(t, env)
	testdesk.WaitFor(t, windowMapTimeout, "the progress window to map", func() bool {
		out, err := exec.Command("xwininfo", "-display", display, "-name", "microrest progress").Output()
		return err == nil && strings.Contains(string(out), "Map State: IsViewable")
	})
	if err := again.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	again.exitCode(t, 5*time.Second)
	if !strings.Contains(again.log(), "microrest is already running.") {
		t.Fatalf("the second start did not say the daemon runs:\n%s", again.log())
	}

	s.stop(t)
	s.daemon = startTrayless(t, env)
	if n := notices(server); n != 1 {
		t.Fatalf("after a restart, %d notices on the missing tray, want still 1", n)
	}
	s.stop(t)
}
