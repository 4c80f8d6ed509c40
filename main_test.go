package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/microrest/microrest/cli"
	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/schemacheck"
	"github.com/microrest/microrest/internal/testdesk"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/window"
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
	output testdesk.Buffer
	done   chan struct{}
}

func (p *proc) log() string { return p.output.String() }

func start(t *testing.T, env []string, args ...string) *proc {
	t.Helper()
	p := &proc{cmd: exec.Command(binary, args...), done: make(chan struct{})}
	p.cmd.Env = env
	p.cmd.Stdout, p.cmd.Stderr = &p.output, &p.output
	// A window the daemon opened shares its output and may outlive it;
	// the daemon's own end is what the tests wait for.
	p.cmd.WaitDelay = 2 * time.Second
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

// postureOnly has one anchor and prompts at every hour, so what the tray
// and status say does not depend on the hour the test runs at.
var postureOnly = testdesk.OneAnchor(settings.Posture, "", "")

func writeSettings(t *testing.T, home, text string) string {
	t.Helper()
	path := filepath.Join(home, ".config", "microrest", "settings.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func waitForTray(t *testing.T, w *testdesk.Watcher) testdesk.Item {
	t.Helper()
	return testdesk.Recv(t, w.Registered(), testdesk.StartTimeout, "the tray item to register with the StatusNotifierWatcher")
}

// session is one running daemon on a private desktop.
type session struct {
	home, addr string
	env        []string
	watcher    *testdesk.Watcher
	item       testdesk.Item
	daemon     *proc
}

func startSession(t *testing.T, settingsText string) *session {
	t.Helper()
	home, env, watcher, addr := newDesktop(t)
	if settingsText != "" {
		writeSettings(t, home, settingsText)
	}
	s := &session{home: home, addr: addr, env: env, watcher: watcher, daemon: start(t, env)}
	s.item = waitForTray(t, watcher)
	return s
}

// menu reads the tray menu once it satisfies ok.
func (s *session) menu(t *testing.T, what string, ok func(testdesk.MenuItem) bool) (testdesk.MenuItem, func(label string)) {
	t.Helper()
	conn := testdesk.Connect(t, s.addr)
	var menu testdesk.MenuItem
	testdesk.WaitFor(t, 5*time.Second, what, func() bool {
		m, _, err := testdesk.TrayMenu(conn, s.item)
		menu = m
		return err == nil && ok(m)
	})
	click := func(label string) {
		t.Helper()
		m, obj, err := testdesk.TrayMenu(conn, s.item)
		if err != nil {
			t.Fatal(err)
		}
		entry, found := m.Find(label)
		if !found {
			t.Fatalf("no %q in the tray menu:\n%s", label, m)
		}
		if err := testdesk.Click(obj, entry.ID); err != nil {
			t.Fatal(err)
		}
	}
	return menu, click
}

func has(label string) func(testdesk.MenuItem) bool {
	return func(m testdesk.MenuItem) bool { _, ok := m.Find(label); return ok }
}

// status runs `microrest status --json` against the session's daemon.
func (s *session) status(t *testing.T) control.Status {
	t.Helper()
	stdout, stderr, code := run(t, s.env, "status", "--json")
	if code != 0 {
		t.Fatalf("status: exit %d: %s", code, stderr)
	}
	var st control.Status
	if err := json.Unmarshal([]byte(stdout), &st); err != nil {
		t.Fatalf("status --json is not JSON: %v\n%s", err, stdout)
	}
	return st
}

// runtime is the session's XDG_RUNTIME_DIR.
func (s *session) runtime() string {
	for _, kv := range s.env {
		if dir, ok := strings.CutPrefix(kv, "XDG_RUNTIME_DIR="); ok {
			return dir
		}
	}
	return ""
}

func (s *session) stop(t *testing.T) {
	t.Helper()
	if err := s.daemon.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := s.daemon.exitCode(t, 5*time.Second); code != 0 {
		t.Fatalf("exit code %d after SIGTERM", code)
	}
}

func TestDaemonRegistersTrayItemWithItsMenuAndQuitsFromIt(t *testing.T) {
	s := startSession(t, postureOnly)
	// The first GetLayout answers one level deep (a systray quirk for
	// libdbusmenu-gtk); the next has the submenus.
	menu, click := s.menu(t, "the tray menu with its submenus", has("Until tomorrow"))
	day := s.status(t).Day // the day's type follows the weekday the test runs on
	want := `[Next: Posture in 30 min of active time]
[Today: 0 small wins]
[Day: ` + day.Why + ` · breathing ` + day.Breathing + `]
---
Take a break now
  Posture
Pause
  For 30m
  For 1h
  For 2h
  Until tomorrow
---
Check in…
Progress…
Settings…
---
Quit microrest
`
	if got := menu.String(); got != want {
		t.Fatalf("tray menu:\n%s\nwant:\n%s", got, want)
	}
	click("Quit microrest")
	if code := s.daemon.exitCode(t, 5*time.Second); code != 0 {
		t.Fatalf("Quit: exit code %d", code)
	}
	if !strings.Contains(s.daemon.log(), "Quit chosen in the tray") {
		t.Fatalf("log does not say why it stopped:\n%s", s.daemon.log())
	}
}

func TestTheFirstStartOpensTheSettingsWindowOnYourPlanAndTheNextDoesNot(t *testing.T) {
	display := testdesk.Display(t)
	home, env, watcher, _ := newDesktop(t)
	env = append(env, "DISPLAY="+display)
	mapped := func() bool {
		out, err := exec.Command("xwininfo", "-display", display, "-name", window.Settings.TitleIn(i18n.For(i18n.English))).Output()
		return err == nil && strings.Contains(string(out), "Map State: IsViewable")
	}
	// The window outlives the daemon; it goes before its HOME does.
	t.Cleanup(func() { killWindows(t, home) })
	s := &session{home: home, env: env, watcher: watcher, daemon: start(t, env)}
	s.item = waitForTray(t, watcher)
	testdesk.WaitFor(t, testdesk.StartTimeout, "the settings window to open at the first start", mapped)
	if !strings.Contains(s.daemon.log(), "first start: opened the settings window on Your plan") {
		t.Fatalf("the daemon does not say it opened the plan:\n%s", s.daemon.log())
	}
	s.stop(t)
	s.daemon = startTrayless(t, env)
	if strings.Contains(s.daemon.log(), "first start") {
		t.Fatalf("the second start opened the plan again:\n%s", s.daemon.log())
	}
	s.stop(t)
}

// killWindows ends the window processes a daemon under HOME home opened,
// and waits until they are gone.
func killWindows(t *testing.T, home string) {
	t.Helper()
	mine := func() []int {
		var pids []int
		dirs, _ := os.ReadDir("/proc")
		for _, d := range dirs {
			pid, err := strconv.Atoi(d.Name())
			if err != nil {
				continue
			}
			env, _ := os.ReadFile(filepath.Join("/proc", d.Name(), "environ"))
			cmd, _ := os.ReadFile(filepath.Join("/proc", d.Name(), "cmdline"))
			if bytes.Contains(env, []byte("HOME="+home+"\x00")) && bytes.HasPrefix(cmd, []byte(binary+"\x00")) {
				pids = append(pids, pid)
			}
		}
		return pids
	}
	for _, pid := range mine() {
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
	testdesk.WaitFor(t, 5*time.Second, "the windows to end", func() bool { return len(mine()) == 0 })
}

func TestFirstStartWritesCommentedDefaults(t *testing.T) {
	s := startSession(t, "")
	data, err := os.ReadFile(filepath.Join(s.home, ".config", "microrest", "settings.toml"))
	if err != nil || !strings.Contains(string(data), "# microrest settings.") {
		t.Fatalf("default settings not written: %v", err)
	}
	s.stop(t)
}

func TestTrayClicksChangeTheEngine(t *testing.T) {
	s := startSession(t, postureOnly)
	_, click := s.menu(t, "the pause menu", has("For 1h"))
	click("For 1h")
	_, _ = s.menu(t, "Resume to replace Pause", has("Resume"))
	if st := s.status(t); !st.Paused || st.PausedUntil == nil {
		t.Fatalf("after Pause For 1h: paused=%v until=%v", st.Paused, st.PausedUntil)
	}
	click("Resume")
	_, _ = s.menu(t, "Pause to come back", has("Pause"))
	click("Posture")
	_, _ = s.menu(t, "the prompt's answers", has("Done"))
	click("Done")
	menu, _ := s.menu(t, "the win to be counted", has("Today: 1 small win"))
	if _, found := menu.Find("Done"); found {
		t.Fatalf("the prompt is still in the menu:\n%s", menu)
	}
	s.stop(t)
	assertJournal(t, s.home, `"anchor":"posture","outcome":"done"`)
}

func assertJournal(t *testing.T, home, want string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(home, ".local", "share", "microrest", "journal.jsonl"))
	if err != nil || !strings.Contains(string(data), want) {
		t.Fatalf("journal lacks %s (err %v):\n%s", want, err, data)
	}
}

func TestCLIVerbsRoundTripThroughTheSocket(t *testing.T) {
	s := startSession(t, postureOnly)
	steps := []struct {
		args []string
		out  string
	}{
		{[]string{"pause", "45m"}, "Paused until"},
		{[]string{"resume"}, "Next: Posture in"},
		{[]string{"now", "posture"}, "Now: Posture"},
		{[]string{"snooze", "5m"}, "Next: Posture in"},
		{[]string{"done", "posture"}, "Next: Posture in"},
		{[]string{"pause", "until-tomorrow"}, "Paused until"},
		{[]string{"status"}, "posture"},
		{[]string{"status"}, "of microrest's program file"},
	}
	for _, step := range steps {
		stdout, stderr, code := run(t, s.env, step.args...)
		if code != 0 || !strings.Contains(stdout, step.out) {
			t.Fatalf("microrest %v: exit %d, stdout %q, stderr %q; want %q", step.args, code, stdout, stderr, step.out)
		}
	}
	st := s.status(t)
	if len(st.Anchors) != 6 || st.Anchors[2].Anchor != "posture" || st.Anchors[2].TodayWins != 1 || !st.Paused {
		t.Fatalf("status after the steps: %+v", st)
	}
	if m := st.Memory; m == nil || m.ProgramKB <= 0 || m.AnonKB <= 0 || m.ResidentKB < m.ProgramKB+m.AnonKB {
		t.Fatalf("status reports the daemon's memory as %+v", m)
	}
	s.stop(t)
	assertJournal(t, s.home, `"outcome":"snoozed"`)
	assertJournal(t, s.home, `"outcome":"done"`)
	stdout, _, code := run(t, s.env, "journal", "--since", "1d", "--format", "csv")
	if code != 0 || !strings.HasPrefix(stdout, "time,anchor,outcome,practice,active_min,kind,stiffness,mood,energy,sleep,load\n") || strings.Count(stdout, ",posture,") != 2 {
		t.Fatalf("journal export without the daemon: exit %d\n%s", code, stdout)
	}
}

func TestCLIErrorsAreSentencesWithTheDocumentedExitCodes(t *testing.T) {
	_, env := testdesk.Home(t)
	tests := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"status"}, cli.ExitNoDaemon, "microrest is not running; start it with `microrest`"},
		{[]string{"pause", "soon"}, cli.ExitUsage, `"soon" is not a duration`},
		{[]string{"now"}, cli.ExitUsage, "now takes one anchor"},
		{[]string{"now", "nap"}, cli.ExitUsage, `"nap" is not an anchor`},
		{[]string{"snooze", "posture", "forever"}, cli.ExitUsage, `"forever" is neither an anchor`},
		{[]string{"journal", "--format", "xml"}, cli.ExitUsage, "csv or json"},
		{[]string{"autostart", "maybe"}, cli.ExitUsage, "on, off or status"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			_, stderr, code := run(t, env, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.says) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.says)
			}
		})
	}
}

func TestAutostartVerbWritesAndReadsTheXDGEntry(t *testing.T) {
	home, env := testdesk.Home(t)
	stdout, _, code := run(t, env, "autostart", "on")
	entry := filepath.Join(home, ".config", "autostart", "microrest.desktop")
	if code != 0 || !strings.Contains(stdout, "Autostart is on ("+entry+")") {
		t.Fatalf("autostart on: exit %d, %q", code, stdout)
	}
	data, _ := os.ReadFile(entry)
	if !strings.Contains(string(data), "Exec="+binary) {
		t.Fatalf("entry does not start this binary:\n%s", data)
	}
	if stdout, _, _ := run(t, env, "autostart", "off"); !strings.Contains(stdout, "Autostart is off") {
		t.Fatalf("autostart off: %q", stdout)
	}
}

func TestASecondInstanceReportsTheFirstAndExitsWithoutASecondTray(t *testing.T) {
	s := startSession(t, postureOnly)
	stdout, _, code := run(t, s.env)
	if code != 0 || !strings.Contains(stdout, "microrest is already running.") || !strings.Contains(stdout, "posture") {
		t.Fatalf("second instance: exit %d\n%s", code, stdout)
	}
	if n := len(s.watcher.Items()); n != 1 {
		t.Fatalf("%d tray registrations, want 1", n)
	}
	s.stop(t)
}

func TestSettingsEditsApplyLiveAndABadEditKeepsTheLastGoodOnes(t *testing.T) {
	home, env, watcher, addr := newDesktop(t)
	writeSettings(t, home, postureOnly)
	server := testdesk.StartNotifyServer(t, addr, "actions", "body")
	mutter := testdesk.StartMutterIdle(t, addr)
	s := &session{home: home, addr: addr, env: env, watcher: watcher, daemon: start(t, env)}
	s.item = waitForTray(t, watcher)
	path := filepath.Join(s.home, ".config", "microrest", "settings.toml")
	writeSettings(t, s.home, postureOnly+"[anchors.posture]\nevery = \"20m\"\n")
	testdesk.WaitFor(t, 5*time.Second, "the new interval to apply", func() bool {
		st := s.status(t)
		return st.Anchors[2].NextInMin != nil && *st.Anchors[2].NextInMin <= 20
	})
	bad := postureOnly + "[anchors.posture]\nevery = \"0m\"\n"
	writeSettings(t, s.home, bad)
	testdesk.WaitFor(t, 5*time.Second, "the bad edit to be reported", func() bool {
		return strings.Contains(s.status(t).SettingsError, "anchors.posture.every")
	})
	if st := s.status(t); *st.Anchors[2].NextInMin > 20 {
		t.Fatalf("a bad edit must keep the last good settings; next in %v", *st.Anchors[2].NextInMin)
	}
	_, _ = s.menu(t, "the tray to show the mistake", func(m testdesk.MenuItem) bool {
		return strings.Contains(m.String(), "Settings file has a mistake")
	})
	if data, _ := os.ReadFile(path); string(data) != bad {
		t.Fatal("the bad file must be left as written")
	}
	select {
	case call := <-server.Notified():
		if call.Summary != "The settings file has a mistake" || !strings.Contains(call.Body, "anchors.posture.every") {
			t.Fatalf("notice: %q / %q", call.Summary, call.Body)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a bad edit was not announced in a notification")
	}
	writeSettings(t, s.home, "autostart = true\n"+postureOnly)
	entry := filepath.Join(s.home, ".config", "autostart", "microrest.desktop")
	testdesk.WaitFor(t, 5*time.Second, "turning autostart on in the file to write the entry", func() bool {
		_, err := os.Stat(entry)
		return err == nil
	})
	writeSettings(t, s.home, "idle_threshold = \"7m\"\n"+postureOnly)
	testdesk.WaitFor(t, 5*time.Second, "Mutter's idle watch to move to the new threshold", func() bool {
		return slices.Equal(mutter.IdleWatches(), []time.Duration{7 * time.Minute})
	})
	s.stop(t)
}

func TestAKilledDaemonRestartsWithItsSocketAndAccruedTime(t *testing.T) {
	s := startSession(t, postureOnly)
	if _, _, code := run(t, s.env, "now", "posture"); code != 0 {
		t.Fatal("now posture failed")
	}
	if _, _, code := run(t, s.env, "snooze", "7m"); code != 0 {
		t.Fatal("snooze failed")
	}
	// SIGTERM saves the state; the SIGKILL below proves a crash loses the
	// socket but not what was saved.
	s.stop(t)
	again := start(t, s.env)
	waitForTray(t, s.watcher)
	if err := again.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	again.exitCode(t, 5*time.Second)
	if _, err := os.Stat(filepath.Join(s.runtime(), "microrest", "control.sock")); err != nil {
		t.Fatalf("a killed daemon leaves its socket behind: %v", err)
	}
	start(t, s.env)
	waitForTray(t, s.watcher)
	st := s.status(t)
	if st.Anchors[2].NextInMin == nil || *st.Anchors[2].NextInMin > 7 {
		t.Fatalf("the snooze (7m) did not survive the restarts: %+v", st.Anchors[2])
	}
}

func TestDaemonStopsCleanlyOnSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			s := startSession(t, postureOnly)
			if err := s.daemon.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if code := s.daemon.exitCode(t, 5*time.Second); code != 0 {
				t.Fatalf("exit code %d after %v", code, sig)
			}
			if !strings.Contains(s.daemon.log(), "microrest stopped") {
				t.Fatalf("no clean stop in the log:\n%s", s.daemon.log())
			}
			if _, err := os.Stat(filepath.Join(s.home, ".local", "state", "microrest", "state.json")); err != nil {
				t.Fatalf("state not saved on %v: %v", sig, err)
			}
			if _, err := os.Stat(filepath.Join(s.runtime(), "microrest", "control.sock")); !os.IsNotExist(err) {
				t.Fatalf("socket left behind after %v: %v", sig, err)
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
			s := startSession(t, tc.text)
			_, _ = s.menu(t, "the tray to say the file has a mistake", func(m testdesk.MenuItem) bool {
				return strings.Contains(m.String(), "Settings file has a mistake")
			})
			s.stop(t)
			for _, want := range []string{filepath.Join(s.home, ".config", "microrest", "settings.toml"), tc.key, tc.problem} {
				if !strings.Contains(s.daemon.log(), want) {
					t.Errorf("log does not name %q:\n%s", want, s.daemon.log())
				}
			}
			data, err := os.ReadFile(filepath.Join(s.home, ".config", "microrest", "settings.toml"))
			if err != nil || string(data) != tc.text {
				t.Fatalf("settings file changed to %q (err %v)", data, err)
			}
		})
	}
}

// windowMapTimeout is how soon a window must be on screen after its verb
// runs: the budget for a window opened from a notification.
const windowMapTimeout = 2 * time.Second

func TestEveryWindowMapsUnderXWithinTwoSeconds(t *testing.T) {
	display := testdesk.Display(t)
	// A Fyne app with no session bus address would have libdbus autolaunch
	// a bus that outlives the test; give it a private one.
	bus := testdesk.Bus(t)
	for _, verb := range []string{"settings", "progress", "breathe", "move", "posture", "prompt", "checkin"} {
		t.Run(verb, func(t *testing.T) {
			_, env := testdesk.Home(t)
			env = append(env, "DISPLAY="+display, "DBUS_SESSION_BUS_ADDRESS="+bus)
			p := start(t, env, verb)
			testdesk.WaitFor(t, windowMapTimeout, "the "+verb+" window to map", func() bool {
				out, err := exec.Command("xwininfo", "-display", display, "-name", "microrest "+verb).Output()
				return err == nil && strings.Contains(string(out), "Map State: IsViewable")
			})
			if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			p.exitCode(t, 5*time.Second)
		})
	}
}

func TestAPromptArrivesAsANotificationAndItsButtonsAnswerIt(t *testing.T) {
	home, env, watcher, addr := newDesktop(t)
	writeSettings(t, home, postureOnly)
	server := testdesk.StartNotifyServer(t, addr, "actions", "body")
	mutter := testdesk.StartMutterIdle(t, addr)
	mutter.SetIdle(time.Second)
	s := &session{home: home, addr: addr, env: env, watcher: watcher, daemon: start(t, env)}
	s.item = waitForTray(t, watcher)
	st := s.status(t)
	if st.Activity.Source != "gnome-mutter" || !st.Notifications.Buttons {
		t.Fatalf("status does not name the sources in use: activity %+v, notifications %+v", st.Activity, st.Notifications)
	}
	if _, _, code := run(t, env, "now", "posture"); code != 0 {
		t.Fatal("now posture failed")
	}
	var call testdesk.NotifyCall
	select {
	case call = <-server.Notified():
	case <-time.After(5 * time.Second):
		t.Fatal("no notification reached the server")
	}
	if call.Summary != "Posture" || !strings.Contains(strings.Join(call.Actions, ","), "done,Done") {
		t.Fatalf("notification: summary %q, actions %v", call.Summary, call.Actions)
	}
	// No themed icon is installed in the test's data dirs, so the
	// notification carries the embedded icon as a file.
	if info, err := os.Stat(call.AppIcon); !filepath.IsAbs(call.AppIcon) || err != nil || info.Size() == 0 {
		t.Fatalf("notification icon %q is not an icon file: %v", call.AppIcon, err)
	}
	server.Invoke(call.ID, "done")
	testdesk.WaitFor(t, 5*time.Second, "the Done button to count a win", func() bool {
		st := s.status(t)
		return st.Prompt == nil && st.Anchors[2].TodayWins == 1
	})
	select {
	case id := <-server.Closed():
		if id != call.ID {
			t.Fatalf("closed notification %d, want %d", id, call.ID)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the answered notification was not taken off screen")
	}
	s.stop(t)
	assertJournal(t, home, `"anchor":"posture","outcome":"done"`)
}

func TestWithoutATrayHostTheDaemonSaysSoOnceAndKeepsWorking(t *testing.T) {
	addr := testdesk.Bus(t)
	home, env := testdesk.Home(t)
	env = append(env, "DBUS_SESSION_BUS_ADDRESS="+addr)
	writeSettings(t, home, postureOnly)
	p := start(t, env)
	s := &session{home: home, addr: addr, env: env, daemon: p}
	testdesk.WaitFor(t, 5*time.Second, "the daemon to answer without a tray", func() bool {
		_, _, code := run(t, env, "status")
		return code == 0
	})
	if _, _, code := run(t, env, "now", "posture"); code != 0 {
		t.Fatal("now posture failed without a tray")
	}
	if st := s.status(t); st.Prompt == nil {
		t.Fatal("no prompt without a tray")
	}
	watcher := testdesk.StartWatcher(t, addr)
	waitForTray(t, watcher)
	s.stop(t)
	if n := strings.Count(p.log(), "no tray host"); n != 1 {
		t.Fatalf("the missing tray host was reported %d times:\n%s", n, p.log())
	}
}

// movementOnly has one anchor, movement, and prompts at every hour.
var movementOnly = testdesk.OneAnchor(settings.Movement, "", "")

func TestWinsAcknowledgedJustBeforeASIGKILLAreCountedAfterTheRestart(t *testing.T) {
	s := startSession(t, movementOnly)
	for i := range 3 {
		if stdout, stderr, code := run(t, s.env, "done", "movement"); code != 0 {
			t.Fatalf("done movement %d: exit %d, stdout %q, stderr %q", i+1, code, stdout, stderr)
		}
	}
	if err := s.daemon.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	s.daemon.exitCode(t, 5*time.Second)
	start(t, s.env)
	waitForTray(t, s.watcher)
	if wins := anchorOf(t, s.status(t), "movement").TodayWins; wins != 3 {
		t.Fatalf("after SIGKILL and a restart, status counts %d movement wins today, want 3", wins)
	}
}

func TestARunningDaemonsStatusJSONMeetsThePublishedSchema(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("control", "testdata", "status.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	schema, err := schemacheck.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	s := startSession(t, postureOnly)
	for _, args := range [][]string{{"status", "--json"}, {"now", "posture"}, {"status", "--json"}} {
		stdout, stderr, code := run(t, s.env, args...)
		if code != 0 {
			t.Fatalf("microrest %v: exit %d: %s", args, code, stderr)
		}
		if args[0] != "status" {
			continue
		}
		if err := schema.Check([]byte(stdout)); err != nil {
			t.Fatalf("status --json breaks control/testdata/status.schema.json:\n%v\n%s", err, stdout)
		}
	}
}

func TestTheTrayAndTheCLISayTheSameHeadline(t *testing.T) {
	s := startSession(t, postureOnly)
	var tray, cli string
	testdesk.WaitFor(t, 5*time.Second, "the tray and the CLI to agree", func() bool {
		menu, _ := s.menu(t, "the tray menu", has("Pause"))
		stdout, _, code := run(t, s.env, "status")
		first, _, _ := strings.Cut(stdout, "\n")
		_, cli, _ = strings.Cut(first, " — ")
		tray = menu.Children[0].Label
		return code == 0 && tray == cli
	})
	if !strings.HasPrefix(tray, "Next: Posture in") {
		t.Fatalf("the headline is %q, want what comes next", tray)
	}
}
