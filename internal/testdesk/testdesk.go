// Package testdesk starts the real desktop pieces integration tests need,
// each private to the test: a dbus-daemon, an Xvfb server, doubles of
// desktop services exported on that bus, and a small disk to fill. Nothing
// here touches the developer's own session.
package testdesk

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// StartTimeout bounds how long a helper process may take to come up.
const StartTimeout = 10 * time.Second

// Bus starts a private session dbus-daemon and returns its address. It is
// stopped when the test ends.
func Bus(t testing.TB) string {
	t.Helper()
	need(t, "dbus-daemon")
	cmd := exec.Command("dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1",
		"--address=unix:dir="+t.TempDir())
	line := startAndReadLine(t, cmd, "dbus-daemon")
	return strings.TrimSpace(line)
}

// Display starts Xvfb on a free display and returns its name (":N").
func Display(t testing.TB) string {
	t.Helper()
	need(t, "Xvfb")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset")
	cmd.ExtraFiles = []*os.File{w}
	cmd.Stderr = &prefixWriter{t: t, prefix: "Xvfb: "}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	w.Close()
	stop(t, cmd)
	line, err := readLine(r, StartTimeout)
	if err != nil {
		t.Fatalf("Xvfb did not report its display: %v", err)
	}
	return ":" + strings.TrimSpace(line)
}

// Home makes a temporary home with every XDG directory set inside it, and
// returns the environment for a child process that uses it.
func Home(t testing.TB) (home string, env []string) {
	t.Helper()
	home = t.TempDir()
	// A Unix socket path has room for about 107 bytes, and test temp
	// directories are long: the runtime dir gets a short one, as
	// /run/user/UID is on a real desktop.
	runtime, err := os.MkdirTemp("", "mr-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(runtime) })
	env = []string{
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
		"XDG_STATE_HOME=" + filepath.Join(home, ".local", "state"),
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
		// Nothing installed system-wide (icons, services) leaks in.
		"XDG_DATA_DIRS=" + filepath.Join(home, "share"),
		"XDG_RUNTIME_DIR=" + runtime,
		"LANG=C.UTF-8",
		"PATH=" + os.Getenv("PATH"),
	}
	return home, env
}

// WaitFor polls cond until it holds or the deadline passes, then fails the
// test saying what it waited for.
func WaitFor(t testing.TB, within time.Duration, what string, cond func() bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("waited %v for %s", within, what)
		case <-tick.C:
		}
	}
}

func need(t testing.TB, bin string) {
	t.Helper()
	if _, err := exec.LookPath(bin); err != nil {
		t.Fatalf("%s is not installed; run scripts/dev deps (it installs what the tests need)", bin)
	}
}

func startAndReadLine(t testing.TB, cmd *exec.Cmd, name string) string {
	t.Helper()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = &prefixWriter{t: t, prefix: name + ": "}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	stop(t, cmd)
	line, err := readLine(out, StartTimeout)
	if err != nil {
		t.Fatalf("%s did not start: %v", name, err)
	}
	return line
}

func stop(t testing.TB, cmd *exec.Cmd) {
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
}

func readLine(r interface{ Read([]byte) (int, error) }, within time.Duration) (string, error) {
	got := make(chan string, 1)
	failed := make(chan error, 1)
	go func() {
		line, err := bufio.NewReader(r).ReadString('\n')
		if err != nil {
			failed <- err
			return
		}
		got <- line
	}()
	select {
	case line := <-got:
		return line, nil
	case err := <-failed:
		return "", err
	case <-time.After(within):
		return "", fmt.Errorf("nothing after %v", within)
	}
}

// prefixWriter sends a helper's stderr to the test log, where it shows only
// when the test fails or runs verbose.
type prefixWriter struct {
	t      testing.TB
	prefix string
}

func (w *prefixWriter) Write(p []byte) (int, error) {
	for _, line := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		w.t.Log(w.prefix + line)
	}
	return len(p), nil
}

// Recv waits for a value from ch, failing the test after within.
func Recv[T any](t testing.TB, ch <-chan T, within time.Duration, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(within):
		t.Fatalf("waited %v for %s", within, what)
		panic("unreachable")
	}
}
