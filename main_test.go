package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/microrest/microrest/cli"
	"github.com/microrest/microrest/internal/testdesk"
)

// binary is microrest built once for the tests that run it as a user does.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "microrest-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "microrest")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build microrest:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// proc is a running microrest with its output captured.
type proc struct {
	cmd    *exec.Cmd
	mu     sync.Mutex
	stderr bytes.Buffer
	done   chan struct{}
}

func (p *proc) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stderr.Write(b)
}

func (p *proc) log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stderr.String()
}

func start(t *testing.T, env []string, args ...string) *proc {
	t.Helper()
	p := &proc{cmd: exec.Command(binary, args...), done: make(chan struct{})}
	p.cmd.Env = env
	p.cmd.Stdout, p.cmd.Stderr = p, p
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		_ = p.cmd.Process.Kill()
		<-p.done
		if t.Failed() {
			t.Logf("microrest %v output:\n%s", args, p.log())
		}
	})
	return p
}

// exitCode waits for the process to end within the deadline.
func (p *proc) exitCode(t *testing.T, within time.Duration) int {
	t.Helper()
	select {
	case <-p.done:
		return p.cmd.ProcessState.ExitCode()
	case <-time.After(within):
		t.Fatalf("microrest still running after %v", within)
		return -1
	}
}

func run(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return out.String(), errOut.String(), ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), 0
}

func TestVersionComesFromFyneAppTomlAndPrintsCleanlyUnderCUTF8(t *testing.T) {
	info, err := cli.ParseAppInfo(appMetadata)
	if err != nil {
		t.Fatal(err)
	}
	_, env := testdesk.Home(t)
	stdout, stderr, code := run(t, env, "--version")
	want := fmt.Sprintf("microrest %s (build %d)\n", info.Version, info.Build)
	if code != 0 || stdout != want {
		t.Fatalf("--version: exit %d, %q; want 0, %q", code, stdout, want)
	}
	if stderr != "" {
		t.Fatalf("--version wrote to stderr under LANG=C.UTF-8:\n%s", stderr)
	}
}

func TestHelpListsTheVerbs(t *testing.T) {
	_, env := testdesk.Home(t)
	stdout, _, code := run(t, env, "--help")
	if code != 0 || !strings.Contains(stdout, "microrest settings") || !strings.Contains(stdout, "run the tray daemon") {
		t.Fatalf("--help: exit %d:\n%s", code, stdout)
	}
}

func TestUnknownVerbPrintsUsageToStderrAndExits2(t *testing.T) {
	_, env := testdesk.Home(t)
	stdout, stderr, code := run(t, env, "frobnicate")
	if code != cli.ExitUsage || stdout != "" || !strings.Contains(stderr, `"frobnicate" is not a command`) || !strings.Contains(stderr, "Usage:") {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}
}

// newDesktop starts a private session bus with a tray watcher on it, and
// makes a home for one microrest run.
func newDesktop(t *testing.T) (string, []string, *testdesk.Watcher, string) {
	t.Helper()
	addr := testdesk.Bus(t)
	home, env := testdesk.Home(t)
	env = append(env, "DBUS_SESSION_BUS_ADDRESS="+addr)
	return home, env, testdesk.StartWatcher(t, addr), addr
}

func waitForTray(t *testing.T, w *testdesk.Watcher) testdesk.Item {
	t.Helper()
	select {
	case it := <-w.Registered():
		return it
	case <-time.After(testdesk.StartTimeout):
		t.Fatal("the tray item never registered with the StatusNotifierWatcher")
		return testdesk.Item{}
	}
}

func TestDaemonRegistersTrayItemWithItsMenuAndQuitsFromIt(t *testing.T) {
	home, env, watcher, addr := newDesktop(t)
	p := start(t, env)
	item := waitForTray(t, watcher)
	conn := testdesk.Connect(t, addr)

	var menu testdesk.MenuItem
	testdesk.WaitFor(t, 5*time.Second, "the tray menu to be built", func() bool {
		m, _, err := testdesk.TrayMenu(conn, item)
		menu = m
		return err == nil && len(m.Children) >= 4
	})
	want := "[microrest 0.1.0: 6 of 6 anchors on]\n---\nSettings…\n---\nQuit microrest\n"
	if got := menu.String(); got != want {
		t.Fatalf("tray menu:\n%s\nwant:\n%s", got, want)
	}
	if _, err := os.Stat(filepath.Join(home, ".config", "microrest", "settings.toml")); err != nil {
		t.Fatalf("first start should write the default settings: %v", err)
	}

	quit, _ := menu.Find("Quit microrest")
	_, menuObj, err := testdesk.TrayMenu(conn, item)
	if err != nil {
		t.Fatal(err)
	}
	if err := testdesk.Click(menuObj, quit.ID); err != nil {
		t.Fatal(err)
	}
	if code := p.exitCode(t, 5*time.Second); code != 0 {
		t.Fatalf("Quit: exit code %d", code)
	}
	if !strings.Contains(p.log(), "Quit chosen in the tray") {
		t.Fatalf("log does not say why it stopped:\n%s", p.log())
	}
}

func TestDaemonStopsCleanlyOnSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			_, env, watcher, _ := newDesktop(t)
			p := start(t, env)
			waitForTray(t, watcher)
			if err := p.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if code := p.exitCode(t, 5*time.Second); code != 0 {
				t.Fatalf("exit code %d after %v", code, sig)
			}
			if !strings.Contains(p.log(), "microrest stopped") {
				t.Fatalf("no clean stop in the log:\n%s", p.log())
			}
		})
	}
}

func TestDaemonRunsOnDefaultsAndLeavesABrokenSettingsFileAlone(t *testing.T) {
	tests := []struct{ name, text, key, problem string }{
		{"bad TOML", "idle_threshold = \"3m\"\nsound = tru\n", "line 2", "expected value"},
		{"bad duration", "[anchors.breath]\nevery = \"ninety\"\n", "anchors.breath.every", "is not a duration"},
		{"interval zero", "[anchors.movement]\nevery = \"0m\"\n", "anchors.movement.every", "is zero"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			home, env, watcher, addr := newDesktop(t)
			path := filepath.Join(home, ".config", "microrest", "settings.toml")
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(tc.text), 0o640); err != nil {
				t.Fatal(err)
			}
			p := start(t, env)
			item := waitForTray(t, watcher)
			conn := testdesk.Connect(t, addr)
			testdesk.WaitFor(t, 5*time.Second, "the tray to say it runs on defaults", func() bool {
				m, _, err := testdesk.TrayMenu(conn, item)
				_, found := m.Find("Settings file has a mistake: running on defaults")
				return err == nil && found
			})
			if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			p.exitCode(t, 5*time.Second)
			for _, want := range []string{path, tc.key, tc.problem} {
				if !strings.Contains(p.log(), want) {
					t.Errorf("log does not name %q:\n%s", want, p.log())
				}
			}
			data, err := os.ReadFile(path)
			if err != nil || string(data) != tc.text {
				t.Fatalf("settings file changed to %q (err %v)", data, err)
			}
		})
	}
}

func TestSettingsWindowMapsUnderX(t *testing.T) {
	display := testdesk.Display(t)
	_, env := testdesk.Home(t)
	env = append(env, "DISPLAY="+display)
	p := start(t, env, "settings")
	testdesk.WaitFor(t, 10*time.Second, "the settings window to map", func() bool {
		out, err := exec.Command("xwininfo", "-display", display, "-root", "-tree").Output()
		return err == nil && strings.Contains(string(out), `"microrest settings"`)
	})
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
}
