package e2e

import (
	"bufio"
	"encoding/json"
	"fmt"
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

// soakSettings has movement alone, due after every minute of active time
// with no clock time and no natural break, so the only journal lines
// are the answers the soak gives; prompts are allowed all day.
var soakSettings = testdesk.OneAnchor(settings.Movement,
	"combine_within = \"off\"\nreturn_quiet = \"off\"\n",
	"every = \"1m\"\nat = []\nnatural_break = \"off\"\n")

// The soak's size and bounds. Each now and each done changes the menu's
// shape (the prompt's answers come and go), so every request but reload
// rebuilds the tray menu: before the tray stopped reading closed item
// channels as clicks, about 134 pairs were enough to quit the daemon.
const (
	soakPairs = 2000
	// soakOthersEvery puts a pause, resume or reload, in turn, after every
	// fourth pair: 500 of them.
	soakOthersEvery = 4
	// soakBound ends the whole test, build and desktop included.
	soakBound      = 5 * time.Minute
	soakReplyBound = 10 * time.Second
)

var soakOthers = []string{
	`{"v":1,"verb":"pause","for":"30m"}`,
	`{"v":1,"verb":"resume"}`,
	`{"v":1,"verb":"reload"}`,
}

const (
	soakNow  = `{"v":1,"verb":"now","anchor":"movement"}`
	soakDone = `{"v":1,"verb":"done"}`
)

func TestE2ESoakOneClientAlternatingNowAndDoneLosesNothingAndNeverQuits(t *testing.T) {
	if os.Getenv("MICROREST_E2E") != "1" {
		t.Skip("the soak runs the real desktop for a minute or more; run it with MICROREST_E2E=1")
	}
	if !testdesk.HaveDunst() {
		t.Fatal("dunst is not installed; scripts/dev deps installs it")
	}
	deadline := time.Now().Add(soakBound)
	bin := build(t)
	d := startDesktop(t)
	t.Logf("desktop %s, bus %s, tray host: %s", d.display, d.bus, d.host)
	m, daemon := startSoakDaemon(t, d, bin)
	assertSoakTray(t, d)
	x := &person{t: t, x: testdesk.DialX(t, d.display)}
	rssBefore := daemon.rss(t)

	conn := testdesk.DialControl(t, soakRuntime(m.env))
	r := soak(t, conn, x, deadline)
	rssAfter := daemon.rss(t)
	r.report(t, rssBefore, rssAfter)

	daemon.assertRunning(t)
	if strings.Contains(m.out.String(), "Quit chosen") {
		t.Fatalf("the daemon log says Quit was chosen, and nobody chose it")
	}
	r.assertJournal(t, m)
	if got := anchorWins(t, m, "movement"); got != r.doneOK {
		t.Errorf("status counts %d movement wins today; %d done replies were ok", got, r.doneOK)
	}
	assertSoakTray(t, d)
	if len(r.failures) > 0 {
		t.Errorf("%d requests failed: %v", r.failed(), r.failures)
	}
}

// soakRun is what the soak sent and what came back.
type soakRun struct {
	pairs, requests int
	doneOK          int
	// snoozedByPause counts pauses that closed a prompt left on screen
	// by a failed done: the engine journals those as snoozed.
	snoozedByPause int
	// failures counts error replies by verb and message.
	failures map[string]int
	took     time.Duration
	slowest  time.Duration
	// spent is the time each verb's replies took, for the mean.
	spent map[string]time.Duration
	sent  map[string]int
}

func (r *soakRun) failed() int {
	n := 0
	for _, c := range r.failures {
		n += c
	}
	return n
}

// soak sends the requests over one connection as fast as the daemon
// answers, keeping the person at the keyboard so no idle rule closes a
// prompt. It stops at the deadline or the first broken connection.
func soak(t *testing.T, conn *testdesk.ControlConn, x *person, deadline time.Time) *soakRun {
	t.Helper()
	r := &soakRun{failures: map[string]int{}, spent: map[string]time.Duration{}, sent: map[string]int{}}
	onScreen := false
	ask := func(line string) control.Reply {
		t.Helper()
		within := min(soakReplyBound, time.Until(deadline))
		began := time.Now()
		rep, err := conn.Ask(line, within)
		if err != nil {
			t.Fatalf("after %d pairs (%d requests): %v", r.pairs, r.requests, err)
		}
		took := time.Since(began)
		r.requests++
		r.slowest = max(r.slowest, took)
		r.spent[verbOf(line)] += took
		r.sent[verbOf(line)]++
		if !rep.OK {
			r.failures[verbOf(line)+": "+rep.Error]++
		}
		return rep
	}
	start := time.Now()
	for r.pairs < soakPairs {
		if time.Now().After(deadline) {
			t.Fatalf("the soak did not finish within %v: %d of %d pairs in %v", soakBound, r.pairs, soakPairs, time.Since(start))
		}
		x.touch()
		if rep := ask(soakNow); rep.OK {
			onScreen = rep.Status.Prompt != nil
		}
		if rep := ask(soakDone); rep.OK {
			r.doneOK++
			onScreen = rep.Status.Prompt != nil
		}
		r.pairs++
		if r.pairs%soakOthersEvery == 0 {
			other := soakOthers[(r.pairs/soakOthersEvery-1)%len(soakOthers)]
			if rep := ask(other); rep.OK && verbOf(other) == "pause" && onScreen {
				r.snoozedByPause++
				onScreen = false
			}
		}
	}
	r.took = time.Since(start)
	return r
}

func verbOf(line string) string {
	var req struct{ Verb string }
	_ = json.Unmarshal([]byte(line), &req)
	return req.Verb
}

func (r *soakRun) report(t *testing.T, rssBefore, rssAfter procMemory) {
	t.Helper()
	t.Logf("soak: %d pairs, %d requests in %v (%.0f requests/s), slowest reply %v",
		r.pairs, r.requests, r.took.Round(time.Millisecond), float64(r.requests)/r.took.Seconds(), r.slowest.Round(time.Millisecond))
	for _, verb := range []string{"now", "done", "pause", "resume", "reload"} {
		if n := r.sent[verb]; n > 0 {
			t.Logf("soak: %d %s requests, %v a reply on average", n, verb, (r.spent[verb] / time.Duration(n)).Round(100*time.Microsecond))
		}
	}
	t.Logf("soak: %d done replies ok, %d requests failed, %d prompts closed by a pause", r.doneOK, r.failed(), r.snoozedByPause)
	msgs := make([]string, 0, len(r.failures))
	for msg := range r.failures {
		msgs = append(msgs, msg)
	}
	slices.Sort(msgs)
	for _, msg := range msgs {
		t.Logf("soak: failed %d times: %s", r.failures[msg], msg)
	}
	t.Logf("soak: daemon RSS %d KiB before, %d KiB after (peak %d KiB)", rssBefore.rssKB, rssAfter.rssKB, rssAfter.peakKB)
}

// assertJournal checks the journal holds exactly the outcomes the soak
// was told were recorded: a movement done per ok done reply, a movement
// snoozed per pause that closed a prompt, and nothing else.
func (r *soakRun) assertJournal(t *testing.T, m *microrest) {
	t.Helper()
	f, err := os.Open(filepath.Join(m.home, ".local", "share", "microrest", "journal.jsonl"))
	if err != nil {
		t.Fatalf("open the journal: %v", err)
	}
	defer f.Close()
	got := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var line struct{ Kind, Anchor, Outcome string }
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("the journal has a line that is not JSON: %q", sc.Text())
		}
		if line.Kind == "wake" {
			continue // the day's first active minute, not an outcome
		}
		got[line.Anchor+" "+line.Outcome]++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"movement done": r.doneOK}
	if r.snoozedByPause > 0 {
		want["movement snoozed"] = r.snoozedByPause
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("the journal holds %v; the replies acknowledged %v", got, want)
	}
}

// assertSoakTray checks the daemon's one tray item is with the host and
// its menu reads whole.
func assertSoakTray(t *testing.T, d *desktop) {
	t.Helper()
	var items []testdesk.Item
	testdesk.WaitFor(t, testdesk.StartTimeout, "one tray item registered with "+d.host, func() bool {
		var err error
		items, err = d.trayItems()
		return err == nil && len(items) == 1
	})
	testdesk.WaitFor(t, 5*time.Second, "the tray menu with its submenus", func() bool {
		menu, _, err := testdesk.TrayMenu(d.conn, items[0])
		_, deep := menu.Find("Until tomorrow")
		_, quit := menu.Find("Quit microrest")
		return err == nil && deep && quit
	})
}

func anchorWins(t *testing.T, m *microrest, name string) int {
	t.Helper()
	for _, a := range m.status(t).Anchors {
		if a.Anchor == name {
			return a.TodayWins
		}
	}
	t.Fatalf("status --json has no %s anchor", name)
	return 0
}

// soakDaemon is the daemon process, kept to ask whether it still runs.
type soakDaemon struct {
	cmd  *exec.Cmd
	done chan struct{}
}

// startSoakDaemon starts microrest on the desktop as startMicrorest
// does, keeping hold of its process.
func startSoakDaemon(t *testing.T, d *desktop, bin string) (*microrest, *soakDaemon) {
	t.Helper()
	home, env := testdesk.Home(t)
	env = append(env, "DISPLAY="+d.display, "DBUS_SESSION_BUS_ADDRESS="+d.bus)
	write(t, filepath.Join(home, ".config", "microrest", "settings.toml"), soakSettings)
	m := &microrest{bin: bin, home: home, env: env, out: logWriter(t, "microrest daemon:")}
	p := &soakDaemon{cmd: exec.Command(bin), done: make(chan struct{})}
	p.cmd.Env, p.cmd.Stdout, p.cmd.Stderr = env, m.out, m.out
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(5 * time.Second):
			_ = p.cmd.Process.Kill()
			<-p.done
		}
	})
	return m, p
}

func (p *soakDaemon) assertRunning(t *testing.T) {
	t.Helper()
	select {
	case <-p.done:
		t.Fatalf("the daemon exited during the soak: %v", p.cmd.ProcessState)
	default:
	}
}

// procMemory is the daemon's resident memory as the kernel counts it.
type procMemory struct{ rssKB, peakKB int }

func (p *soakDaemon) rss(t *testing.T) procMemory {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		t.Fatalf("read the daemon's memory: %v", err)
	}
	var m procMemory
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			_, _ = fmt.Sscanf(strings.TrimSpace(v), "%d", &m.rssKB)
		}
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			_, _ = fmt.Sscanf(strings.TrimSpace(v), "%d", &m.peakKB)
		}
	}
	return m
}

func soakRuntime(env []string) string {
	for _, kv := range env {
		if dir, ok := strings.CutPrefix(kv, "XDG_RUNTIME_DIR="); ok {
			return dir
		}
	}
	return ""
}
