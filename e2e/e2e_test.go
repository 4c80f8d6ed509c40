package e2e

import (
	"bufio"
	"bytes"
	"debug/elf"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/internal/testdesk"
	"github.com/microrest/microrest/settings"
)

// oneMinute is a settings file with one anchor due every minute of active
// time, snoozed for a minute, done by ten seconds away, and prompts allowed
// all day, so the run takes minutes and does not depend on the hour.
var oneMinute = testdesk.OneAnchor(settings.Posture,
	"idle_threshold = \"30s\"\ncombine_within = \"off\"\nreturn_quiet = \"off\"\n[escalation]\nafter = \"1h\"\n",
	"every = \"1m\"\nsnooze = \"1m\"\npractice = \"10s\"\n")

// A prompt needs a minute of active time, a snooze another; the margins
// cover the engine's 15 s sampling and a slow machine.
const (
	promptWithin  = 2 * time.Minute
	autoDoneAfter = 90 * time.Second
	answerWithin  = 10 * time.Second
)

func TestE2EOnARealDesktop(t *testing.T) {
	if os.Getenv("MICROREST_E2E") != "1" {
		t.Skip("the end-to-end run takes minutes; run it with MICROREST_E2E=1 (make e2e)")
	}
	if !testdesk.HaveDunst() {
		t.Fatal("dunst is not installed; scripts/dev deps installs it")
	}
	bin := build(t)
	d := startDesktop(t)
	t.Logf("desktop %s, bus %s, tray host: %s", d.display, d.bus, d.host)
	m := startMicrorest(t, d, bin, oneMinute)
	x := &person{t: t, x: testdesk.DialX(t, d.display)}

	step(t, "the tray item registers with the host and its menu has the expected items")
	m.assertTray(t, d)

	step(t, "active input accrues active time")
	x.assertActiveTimeAccrues(m)

	step(t, "a prompt comes at dunst with Done, Snooze and Skip")
	x.waitForPrompt(m, d, promptWithin)

	step(t, "Snooze chosen in dunst's menu lands in the journal")
	offered := m.choose(t, d, "Snooze", "snoozed")
	for _, label := range []string{"Done", "Snooze 1 min", "Skip"} {
		if !strings.Contains(offered, label) {
			t.Fatalf("dunst's menu for the prompt lacks %q:\n%s", label, offered)
		}
	}
	assertHistory(t, d, "Posture")

	step(t, "the snooze re-prompts after a minute of active time; Done lands in the journal")
	x.waitForPrompt(m, d, promptWithin)
	m.choose(t, d, "Done", "done")

	step(t, "going away after a prompt gives auto-done")
	m.cli(t, "now", "posture")
	waitDisplayed(t, d, 1)
	testdesk.WaitFor(t, autoDoneAfter, "auto-done after going away", func() bool {
		return m.journalHas(t, "auto-done") == 1
	})

	step(t, "status --json agrees with the journal")
	m.assertStatusAgreesWithJournal(t)

	step(t, "the daemon has handed back the program pages it does not use")
	m.assertReleased(t, bin)

	step(t, "killing dunst keeps the prompt, answerable in the tray and shown again by a new dunst")
	m.survivesNotifierCrash(t, d, x)
}

func step(t *testing.T, what string) {
	t.Helper()
	t.Logf("%s: %s", time.Now().Format("15:04:05"), what)
}

// person plays the user at the keyboard through XTEST.
type person struct {
	t    *testing.T
	x    *testdesk.XClient
	last time.Time
}

// touch sends input at most once a second: far below the idle threshold.
func (p *person) touch() {
	if time.Since(p.last) >= time.Second {
		p.x.Input(p.t)
		p.last = time.Now()
	}
}

func (p *person) assertActiveTimeAccrues(m *microrest) {
	p.t.Helper()
	testdesk.WaitFor(p.t, 45*time.Second, "15 s of active time", func() bool {
		p.touch()
		return m.posture(p.t).ActiveMin >= 0.25
	})
	if st := m.status(p.t); !strings.HasPrefix(st.Activity.Source, "x11") {
		p.t.Fatalf("activity comes from %q, want the X server's idle time", st.Activity.Source)
	}
}

// waitForPrompt keeps working until dunst displays the prompt.
func (p *person) waitForPrompt(m *microrest, d *desktop, within time.Duration) {
	p.t.Helper()
	testdesk.WaitFor(p.t, within, "the prompt to come while working", func() bool {
		p.touch()
		return displayed(d) == 1
	})
	if st := m.status(p.t); st.Prompt == nil || st.Prompt.Title != "Posture" {
		p.t.Fatalf("dunst shows a notification but status has prompt %+v", st.Prompt)
	}
}

// choose picks label in dunst's context menu, as a person does, waits for
// the journal line with outcome, and returns what the menu offered.
func (m *microrest) choose(t *testing.T, d *desktop, label, outcome string) string {
	t.Helper()
	before := m.journalHas(t, outcome)
	d.dunst.Choose(label)
	testdesk.WaitFor(t, answerWithin, label+" to land in the journal as "+outcome, func() bool {
		return m.journalHas(t, outcome) == before+1
	})
	testdesk.WaitFor(t, answerWithin, "the answered prompt to leave the screen", func() bool {
		return displayed(d) == 0 && m.status(t).Prompt == nil
	})
	return strings.Join(d.dunst.Offered(), "\n")
}

// displayed is how many notifications dunst has on screen.
func displayed(d *desktop) int {
	switch strings.TrimSpace(d.dunst.Ctl("count", "displayed")) {
	case "0":
		return 0
	case "1":
		return 1
	}
	return -1
}

func waitDisplayed(t *testing.T, d *desktop, n int) {
	t.Helper()
	testdesk.WaitFor(t, answerWithin, "dunst to display the prompt", func() bool { return displayed(d) == n })
}

// assertHistory checks dunst's history (dunstctl history) holds an
// answered notification with this summary from microrest.
func assertHistory(t *testing.T, d *desktop, summary string) {
	t.Helper()
	history := d.dunst.History()
	if !slices.Contains(history, testdesk.Shown{AppName: "microrest", Summary: summary}) {
		t.Fatalf("dunst's history lacks %q from microrest: %v", summary, history)
	}
}

func (m *microrest) assertTray(t *testing.T, d *desktop) {
	t.Helper()
	var items []testdesk.Item
	testdesk.WaitFor(t, testdesk.StartTimeout, "the tray item to register with "+d.host, func() bool {
		var err error
		items, err = d.trayItems()
		return err == nil && len(items) == 1
	})
	if !d.hostRegistered() {
		t.Fatalf("%s has no StatusNotifierHost registered", d.host)
	}
	var menu testdesk.MenuItem
	testdesk.WaitFor(t, 5*time.Second, "the tray menu with its submenus", func() bool {
		var err error
		menu, _, err = testdesk.TrayMenu(d.conn, items[0])
		_, deep := menu.Find("Until tomorrow")
		return err == nil && deep
	})
	for _, label := range []string{"Take a break now", "Posture", "Pause", "Settings…", "Quit microrest"} {
		if _, ok := menu.Find(label); !ok {
			t.Fatalf("the tray menu lacks %q:\n%s", label, menu)
		}
	}
	if !strings.Contains(menu.String(), "Next: Posture in") {
		t.Fatalf("the tray menu does not say what is next:\n%s", menu)
	}
}

func (m *microrest) assertStatusAgreesWithJournal(t *testing.T) {
	t.Helper()
	wins := 0
	for _, o := range []string{"done", "natural", "auto-done"} {
		wins += m.journalHas(t, o)
	}
	st := m.status(t)
	if got := m.posture(t).TodayWins; got != wins || wins != 2 {
		t.Fatalf("status says %d wins today, the journal %d; want 2 (done, auto-done)", got, wins)
	}
	if st.Prompt != nil {
		t.Fatalf("status shows prompt %+v after auto-done", st.Prompt)
	}
	if n := m.journalHas(t, "snoozed"); n != 1 {
		t.Fatalf("%d snoozes in the journal, want 1", n)
	}
}

// survivesNotifierCrash shows a prompt, kills dunst, answers nothing until
// a new dunst comes, and answers there.
// The person is back at work, so the prompt is not auto-done meanwhile.
// assertReleased checks the start-up release (README, Footprint): after a
// couple of minutes of prompts, menus and CLI calls, the daemon holds less
// than half of the program's read-only segments, which the kernel would
// otherwise keep mapped in large folios.
func (m *microrest) assertReleased(t *testing.T, bin string) {
	t.Helper()
	testdesk.WaitFor(t, 60*time.Second, "the daemon's start-up release", func() bool {
		return strings.Contains(m.out.String(), "memory: released the program's unused pages")
	})
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var readOnly uint64
	for _, p := range f.Progs {
		if p.Type == elf.PT_LOAD && p.Flags&elf.PF_W == 0 {
			readOnly += p.Filesz
		}
	}
	mem := m.status(t).Memory
	if mem == nil {
		t.Fatal("status --json has no memory on Linux")
	}
	t.Logf("daemon: %d KiB resident, %d KiB of the program (read-only segments: %d KiB), %d KiB anonymous",
		mem.ResidentKB, mem.ProgramKB, readOnly>>10, mem.AnonKB)
	if uint64(mem.ProgramKB)<<10 > readOnly/2 {
		t.Fatalf("the daemon holds %d KiB of its %d KiB program", mem.ProgramKB, readOnly>>10)
	}
}

func (m *microrest) survivesNotifierCrash(t *testing.T, d *desktop, p *person) {
	t.Helper()
	p.touch()
	m.cli(t, "now", "posture")
	waitDisplayed(t, d, 1)
	id := m.status(t).Prompt.ID
	d.killNotifier(t)
	testdesk.WaitFor(t, answerWithin, "status to say answers go through the tray", func() bool {
		p.touch()
		st := m.status(t)
		return st.Prompt != nil && st.Prompt.ID == id && !st.Notifications.Buttons
	})
	items, err := d.trayItems()
	if err != nil || len(items) != 1 {
		t.Fatalf("tray items after dunst died: %v, %v", items, err)
	}
	testdesk.WaitFor(t, answerWithin, "the tray menu to offer the prompt's answers", func() bool {
		p.touch()
		menu, _, err := testdesk.TrayMenu(d.conn, items[0])
		_, ok := menu.Find("Done")
		return err == nil && ok
	})
	d.dunst = testdesk.StartDunst(t, d.bus, d.display)
	p.touch()
	waitDisplayed(t, d, 1)
	m.choose(t, d, "Done", "done")
	if st := m.status(t); m.posture(t).TodayWins != 3 || st.Prompt != nil {
		t.Fatalf("after answering in the new dunst: %d wins, prompt %+v", m.posture(t).TodayWins, st.Prompt)
	}
}

// microrest is the daemon under test, with its own HOME.
type microrest struct {
	bin, home string
	env       []string
	out       *testdesk.Buffer
}

func startMicrorest(t *testing.T, d *desktop, bin, settings string) *microrest {
	t.Helper()
	home, env := testdesk.Home(t)
	env = append(env, "DISPLAY="+d.display, "DBUS_SESSION_BUS_ADDRESS="+d.bus)
	write(t, filepath.Join(home, ".config", "microrest", "settings.toml"), settings)
	m := &microrest{bin: bin, home: home, env: env, out: logWriter(t, "microrest daemon:")}
	cmd := exec.Command(m.bin)
	cmd.Env, cmd.Stdout, cmd.Stderr = env, m.out, m.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	})
	return m
}

// build compiles the module's binary, as a user's go install would.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "microrest")
	cmd := exec.Command("go", "build", "-o", bin, "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build microrest: %v\n%s", err, out)
	}
	return bin
}

func (m *microrest) cli(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command(m.bin, args...)
	cmd.Env = m.env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("microrest %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

func (m *microrest) status(t *testing.T) control.Status {
	t.Helper()
	var st control.Status
	if err := json.Unmarshal([]byte(m.cli(t, "status", "--json")), &st); err != nil {
		t.Fatalf("status --json: %v", err)
	}
	return st
}

func (m *microrest) posture(t *testing.T) control.AnchorStatus {
	t.Helper()
	for _, a := range m.status(t).Anchors {
		if a.Anchor == "posture" {
			return a
		}
	}
	t.Fatal("status --json has no posture anchor")
	return control.AnchorStatus{}
}

// journalHas counts the posture lines of the journal with this outcome.
func (m *microrest) journalHas(t *testing.T, outcome string) int {
	t.Helper()
	f, err := os.Open(filepath.Join(m.home, ".local", "share", "microrest", "journal.jsonl"))
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var line struct{ Anchor, Outcome string }
		if json.Unmarshal(sc.Bytes(), &line) == nil && line.Anchor == "posture" && line.Outcome == outcome {
			n++
		}
	}
	return n
}
