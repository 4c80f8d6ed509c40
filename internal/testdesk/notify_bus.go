package testdesk

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// DroppingBus is a session dbus-daemon at a fixed address that a test can
// stop and start again, as when a session bus dies and returns: clients
// must reconnect to the same address.
type DroppingBus struct {
	t    testing.TB
	path string

	mu  sync.Mutex
	cmd *exec.Cmd
}

// StartDroppingBus starts the bus; Addr is stable across Restart.
func StartDroppingBus(t testing.TB) *DroppingBus {
	t.Helper()
	need(t, "dbus-daemon")
	b := &DroppingBus{t: t, path: filepath.Join(t.TempDir(), "bus")}
	b.Restart()
	t.Cleanup(b.Stop)
	return b
}

// Addr is the bus address, the same after every restart.
func (b *DroppingBus) Addr() string { return "unix:path=" + b.path }

// Stop kills the daemon, dropping every connection.
func (b *DroppingBus) Stop() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cmd != nil {
		_ = b.cmd.Process.Kill()
		_ = b.cmd.Wait()
		b.cmd = nil
	}
}

// Restart starts a new daemon at the same address.
func (b *DroppingBus) Restart() {
	b.t.Helper()
	b.Stop()
	_ = os.Remove(b.path) // the dead daemon's socket would refuse the new one
	cmd := exec.Command("dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1", "--address="+b.Addr())
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.t.Fatal(err)
	}
	cmd.Stderr = &prefixWriter{t: b.t, prefix: "dbus-daemon: "}
	if err := cmd.Start(); err != nil {
		b.t.Fatalf("start dbus-daemon: %v", err)
	}
	b.mu.Lock()
	b.cmd = cmd
	b.mu.Unlock()
	if line, err := readLine(out, StartTimeout); err != nil || !strings.HasPrefix(line, "unix:") {
		b.t.Fatalf("dbus-daemon did not start: %q, %v", line, err)
	}
}
