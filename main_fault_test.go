package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/internal/testdesk"
)

// These tests put the daemon in the situations a long-running process
// meets on a real machine (a full disk, files moved under it, links,
// hand-edited state, hostile clients) and hold it to the README's promise:
// an answer acknowledged is in the journal, or in the queue that reaches
// it once the disk takes it; anything else is an error reply.

// journalLine is what these tests read back of a journal line.
type journalLine struct {
	Time    time.Time `json:"time"`
	Kind    string    `json:"kind"`
	Anchor  string    `json:"anchor"`
	Outcome string    `json:"outcome"`
}

func journalFile(home string) string {
	return filepath.Join(home, ".local", "share", "microrest", "journal.jsonl")
}

func stateFile(home string) string {
	return filepath.Join(home, ".local", "state", "microrest", "state.json")
}

func settingsFile(home string) string {
	return filepath.Join(home, ".config", "microrest", "settings.toml")
}

// readJournal reads the outcome lines of the journal at path, leaving out
// the day's wake lines; a line that is not a journal line fails the test,
// since the daemon must never write one.
func readJournal(t *testing.T, path string) []journalLine {
	t.Helper()
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []journalLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l journalLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil || l.Time.IsZero() {
			t.Fatalf("%s has a line that is not a journal line (%v): %q", path, err, sc.Text())
		}
		if l.Kind == "wake" {
			continue
		}
		lines = append(lines, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// assertMovementDone checks that the journal at path holds exactly n
// lines, each a movement done, in time order.
func assertMovementDone(t *testing.T, path string, n int) {
	t.Helper()
	assertDoneInOrder(t, path, slices.Repeat([]string{"movement"}, n)...)
}

// assertDoneInOrder checks that the journal at path holds exactly a done
// for each of these anchors, in this order and in time order.
func assertDoneInOrder(t *testing.T, path string, anchors ...string) {
	t.Helper()
	lines := readJournal(t, path)
	if len(lines) != len(anchors) {
		t.Fatalf("%s has %d lines, want %d: %+v", path, len(lines), len(anchors), lines)
	}
	for i, l := range lines {
		if l.Anchor != anchors[i] || l.Outcome != "done" {
			t.Fatalf("line %d of %s is %s %s, want %s done", i+1, path, l.Anchor, l.Outcome, anchors[i])
		}
		if i > 0 && l.Time.Before(lines[i-1].Time) {
			t.Fatalf("line %d of %s (%v) is earlier than the line before it (%v)", i+1, path, l.Time, lines[i-1].Time)
		}
	}
}

// doneMovement runs `microrest done movement` and requires exit 0.
func (s *session) doneMovement(t *testing.T) {
	t.Helper()
	if stdout, stderr, code := run(t, s.env, "done", "movement"); code != 0 {
		t.Fatalf("done movement: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// running fails the test if the daemon has exited.
func (s *session) running(t *testing.T) {
	t.Helper()
	select {
	case <-s.daemon.done:
		t.Fatalf("the daemon exited (%v)", s.daemon.cmd.ProcessState)
	default:
	}
}

// statusFields reads `status --json` as raw fields, so a field this
// build's control.Status does not declare yet is still seen.
func (s *session) statusFields(t *testing.T) map[string]any {
	t.Helper()
	stdout, stderr, code := run(t, s.env, "status", "--json")
	if code != 0 {
		t.Fatalf("status: exit %d: %s", code, stderr)
	}
	var fields map[string]any
	if err := json.Unmarshal([]byte(stdout), &fields); err != nil {
		t.Fatalf("status --json is not JSON: %v\n%s", err, stdout)
	}
	return fields
}

// smallDisk is the journal's disk in testFullDisk, small enough to fill at
// once. It is unmounted when the test ends, after the daemon (started
// later) stops.
const smallDisk = 64 << 10

// Subtest names become temporary directory names, and those go into a
// D-Bus address, where a comma would end the value: none here has one.
func TestTheJournalSurvivesWhatHappensToItsFiles(t *testing.T) {
	t.Run("a full disk keeps the answers and writes them in order once space returns", testFullDisk)
	t.Run("a deleted journal is created again with the next line", testDeletedJournal)
	t.Run("a journal replaced by a rename takes the next line in the new file", testReplacedJournal)
	t.Run("a linked journal and settings and state stay links whose targets hold the data", testSymlinkedFiles)
	t.Run("a journal others could read becomes private at the first append", testJournalMode)
}

// movementAndPosture has two anchors, so the order of journal lines
// written late can be told apart.
var movementAndPosture = strings.Replace(movementOnly, "[anchors.posture]\nenabled = false\n", "", 1)

func testFullDisk(t *testing.T) {
	home, env, watcher, addr := newDesktop(t)
	writeSettings(t, home, movementAndPosture)
	journalDir := filepath.Dir(journalFile(home))
	disk := testdesk.MountTmpfs(t, journalDir, smallDisk)
	// Full before the daemon starts: the day's wake line, its first
	// write, would otherwise leave room in the file's page for the next.
	filler := disk.Fill(t, "filler")
	s := &session{home: home, addr: addr, env: env, watcher: watcher, daemon: start(t, env)}
	s.item = waitForTray(t, watcher)

	for _, anchor := range []string{"movement", "posture"} {
		stdout, stderr, code := run(t, s.env, "done", anchor)
		if code != 1 {
			t.Fatalf("done %s on a full disk: exit %d, stdout %q, stderr %q; want exit 1", anchor, code, stdout, stderr)
		}
		for _, want := range []string{journalFile(home), "no space left on device"} {
			if !strings.Contains(stderr, want) {
				t.Fatalf("done %s on a full disk says %q; it must name %q", anchor, stderr, want)
			}
		}
	}
	if msg, _ := s.statusFields(t)["journal_error"].(string); !strings.Contains(msg, "no space left on device") {
		t.Errorf(`status --json has "journal_error": %q; want the journal's error`, msg)
	}
	if stdout, _, _ := run(t, s.env, "status"); !strings.Contains(stdout, "no space left on device") {
		t.Errorf("status does not say the journal is not writable:\n%s", stdout)
	}
	assertPending(t, stateFile(home), 2)

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	s.doneMovement(t)
	assertDoneInOrder(t, journalFile(home), "movement", "posture", "movement")
	if msg, _ := s.statusFields(t)["journal_error"].(string); msg != "" {
		t.Errorf("status still reports a journal error once it is written: %q", msg)
	}
	assertPending(t, stateFile(home), 0)
	st := s.status(t)
	if m, p := anchorOf(t, st, "movement").TodayWins, anchorOf(t, st, "posture").TodayWins; m != 2 || p != 1 {
		t.Errorf("status counts %d movement and %d posture wins, want 2 and 1", m, p)
	}
	s.running(t)
}

// assertPending checks how many outcomes state.json keeps waiting for the
// journal.
func assertPending(t *testing.T, path string, n int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read the state file: %v", err)
	}
	var st struct {
		Pending []journalLine `json:"pending"`
	}
	if err := json.Unmarshal(data, &st); err != nil {
		t.Fatalf("state file is not JSON: %v\n%s", err, data)
	}
	if len(st.Pending) != n {
		t.Fatalf("state.json keeps %d pending outcomes, want %d:\n%s", len(st.Pending), n, data)
	}
}

func testDeletedJournal(t *testing.T) {
	s := startSession(t, movementOnly)
	s.doneMovement(t)
	assertMovementDone(t, journalFile(s.home), 1)
	if err := os.Remove(journalFile(s.home)); err != nil {
		t.Fatal(err)
	}
	s.doneMovement(t)
	assertMovementDone(t, journalFile(s.home), 1)
	s.running(t)
}

func testReplacedJournal(t *testing.T) {
	s := startSession(t, movementOnly)
	s.doneMovement(t)
	path := journalFile(s.home)
	old := readJournal(t, path)
	replacement := filepath.Join(filepath.Dir(path), "restored.jsonl")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// A restore from a backup: the same lines, a new file, renamed over.
	if err := os.WriteFile(replacement, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(replacement, path); err != nil {
		t.Fatal(err)
	}
	s.doneMovement(t)
	assertMovementDone(t, path, len(old)+1)
	s.running(t)
}

func testSymlinkedFiles(t *testing.T) {
	home, env, watcher, addr := newDesktop(t)
	elsewhere := filepath.Join(home, "dotfiles")
	targets := map[string]string{
		journalFile(home):  filepath.Join(elsewhere, "journal.jsonl"),
		settingsFile(home): filepath.Join(elsewhere, "settings.toml"),
		stateFile(home):    filepath.Join(elsewhere, "state.json"),
	}
	// The journal's and the state's targets exist; the settings link
	// dangles, so the first start writes the defaults through it.
	if err := os.MkdirAll(elsewhere, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(targets[journalFile(home)], nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(targets[stateFile(home)], []byte(`{"version":1,"next_prompt_id":0}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for link, target := range targets {
		if err := os.MkdirAll(filepath.Dir(link), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	s := &session{home: home, addr: addr, env: env, watcher: watcher, daemon: start(t, env)}
	s.item = waitForTray(t, watcher)
	s.doneMovement(t)
	assertLinks(t, targets)
	s.stop(t)

	assertLinks(t, targets)
	assertMovementDone(t, targets[journalFile(home)], 1)
	if data, err := os.ReadFile(targets[settingsFile(home)]); err != nil || !strings.Contains(string(data), "# microrest settings.") {
		t.Errorf("the settings link's target lacks the defaults (err %v):\n%s", err, data)
	}
	var st struct {
		NextID  *uint64 `json:"next_prompt_id"`
		Anchors []struct {
			Kind string `json:"kind"`
			Wins int    `json:"wins"`
		} `json:"anchors"`
	}
	data, err := os.ReadFile(targets[stateFile(home)])
	if err != nil || json.Unmarshal(data, &st) != nil || len(st.Anchors) == 0 {
		t.Fatalf("the state link's target does not hold a saved state (err %v):\n%s", err, data)
	}
}

// assertLinks checks each path is still a link to its target.
func assertLinks(t *testing.T, targets map[string]string) {
	t.Helper()
	for link, target := range targets {
		got, err := os.Readlink(link)
		if err != nil || got != target {
			t.Errorf("%s is no longer a link to %s (readlink: %q, %v)", link, target, got, err)
		}
		if info, err := os.Stat(target); err != nil || info.Size() == 0 {
			t.Errorf("the target %s of %s is missing or empty: %v", target, link, err)
		}
	}
}

func testJournalMode(t *testing.T) {
	home, env, watcher, addr := newDesktop(t)
	writeSettings(t, home, movementOnly)
	path := journalFile(home)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	// Chmod, not WriteFile's mode, which the umask could narrow.
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	s := &session{home: home, addr: addr, env: env, watcher: watcher, daemon: start(t, env)}
	s.item = waitForTray(t, watcher)
	s.doneMovement(t)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Fatalf("the journal is %#o after the daemon's first append, want 0600", mode)
	}
	assertMovementDone(t, path, 1)
}

func TestAHostileStateFileIsSetAsideAndTheDaemonRunsOn(t *testing.T) {
	tests := []struct{ name, anchor, says string }{
		{"a practice index of 2^63-1", `"practice": 9223372036854775807`, "practice 9223372036854775807 is out of range"},
		{"a deadline in the year 9999", `"practice": 0, "deadline": "9999-12-31T23:59:59Z"`, "deadline 9999-12-31T23:59:59Z is out of range"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			home, env, watcher, addr := newDesktop(t)
			writeSettings(t, home, movementOnly)
			hostile := `{"version": 1, "next_prompt_id": 3, "anchors": [{"kind": "movement", "accrued": 0, "wins": 0, ` + tc.anchor + `}]}` + "\n"
			path := stateFile(home)
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(hostile), 0o600); err != nil {
				t.Fatal(err)
			}
			s := &session{home: home, addr: addr, env: env, watcher: watcher, daemon: start(t, env)}
			s.item = waitForTray(t, watcher)
			for _, want := range []string{path, tc.says, ".corrupt-"} {
				if !strings.Contains(s.daemon.log(), want) {
					t.Errorf("the log does not say %q about the state file:\n%s", want, s.daemon.log())
				}
			}
			aside, _ := filepath.Glob(path + ".corrupt-*")
			if len(aside) != 1 {
				t.Fatalf("%d files set aside as %s.corrupt-*, want 1", len(aside), path)
			}
			if data, err := os.ReadFile(aside[0]); err != nil || string(data) != hostile {
				t.Errorf("the set-aside file does not hold what was there (err %v):\n%s", err, data)
			}
			for i := range 2 {
				s.promptAndDone(t, i+1)
			}
			assertMovementDone(t, journalFile(home), 2)
			s.running(t)
			s.stop(t)
		})
	}
}

// promptAndDone shows a movement prompt, answers it by its id and
// returns the id.
func (s *session) promptAndDone(t *testing.T, n int) uint64 {
	t.Helper()
	if stdout, stderr, code := run(t, s.env, "now", "movement"); code != 0 {
		t.Fatalf("now movement (prompt %d): exit %d, %q %q", n, code, stdout, stderr)
	}
	st := s.status(t)
	if st.Prompt == nil {
		t.Fatalf("no prompt on screen after now movement (prompt %d)", n)
	}
	id := st.Prompt.ID
	if stdout, stderr, code := run(t, s.env, "done", "--prompt", uintString(id)); code != 0 {
		t.Fatalf("done --prompt %d: exit %d, %q %q", id, code, stdout, stderr)
	}
	if st := s.status(t); st.Prompt != nil {
		t.Fatalf("prompt %+v still on screen after done --prompt %d", st.Prompt, id)
	}
	return id
}

func uintString(n uint64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestHostileSocketRequestsGetSentencesAndChangeNothing(t *testing.T) {
	s := startSession(t, movementOnly)
	stale := s.promptAndDone(t, 1)
	if _, _, code := run(t, s.env, "now", "movement"); code != 0 {
		t.Fatal("now movement failed")
	}
	before := s.status(t)
	if before.Prompt == nil || before.Prompt.ID == stale {
		t.Fatalf("no new prompt on screen after now movement: %+v", before.Prompt)
	}
	conn := testdesk.DialControl(t, s.runtime())
	tests := []struct{ name, line, says string }{
		{"a negative version", `{"v":-1,"verb":"status"}`, `send "v": 1`},
		{"a field name in capitals", `{"v":1,"VERB":"status"}`, `field names are case-sensitive: send "verb"`},
		{"an unknown field", `{"v":1,"verb":"status","colour":"red"}`, `unknown field "colour"`},
		{"a pause of the longest duration Go has", `{"v":1,"verb":"pause","for":"2562047h"}`, "at most"},
		{"a snooze of three hours", `{"v":1,"verb":"snooze","for":"3h"}`, "a snooze lasts from 1m to 2h"},
		{"a snooze of thirty seconds", `{"v":1,"verb":"snooze","for":"30s"}`, "a snooze lasts from 1m to 2h"},
		{"a pause of 25 hours", `{"v":1,"verb":"pause","for":"25h"}`, "at most 24h"},
		{"a newer version", `{"v":2,"verb":"status"}`, "speaks protocol 2"},
		{"the id of a prompt already answered", `{"v":1,"verb":"done","prompt":` + uintString(stale) + `}`, "that prompt was already answered"},
		{"a prompt id never shown", `{"v":1,"verb":"done","prompt":` + uintString(before.Prompt.ID+1000) + `}`, "no prompt with that id was ever shown"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := conn.Ask(tc.line, 5*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK || rep.Status != nil {
				t.Fatalf("%s was answered ok: %+v", tc.line, rep)
			}
			if !isSentence(rep.Error) || !strings.Contains(rep.Error, tc.says) {
				t.Fatalf("%s got the error %q; want a sentence saying %q", tc.line, rep.Error, tc.says)
			}
		})
	}
	s.running(t)
	after := s.status(t)
	if after.Paused || after.Prompt == nil || after.Prompt.ID != before.Prompt.ID {
		t.Fatalf("refused requests changed the daemon: paused %v, prompt %+v (was %+v)", after.Paused, after.Prompt, before.Prompt)
	}
	assertMovementDone(t, journalFile(s.home), 1)
	_, stderr, code := run(t, s.env, "done", "--prompt", uintString(before.Prompt.ID))
	if code != 0 {
		t.Fatalf("done --prompt %d for the prompt on screen: exit %d, %s", before.Prompt.ID, code, stderr)
	}
	_, stderr, code = run(t, s.env, "done", "--prompt", uintString(before.Prompt.ID))
	if code != 1 || !strings.Contains(stderr, "that prompt was already answered") {
		t.Fatalf("done --prompt %d a second time: exit %d, %q; want 1 and that it was already answered", before.Prompt.ID, code, stderr)
	}
	assertMovementDone(t, journalFile(s.home), 2)
}

// isSentence is a message a person can read: words, no Go value dumps.
func isSentence(msg string) bool {
	return strings.Count(msg, " ") >= 3 && !strings.Contains(msg, "json:") && !strings.Contains(msg, "strconv.")
}

// anchorOf finds one anchor's line in the status.
func anchorOf(t *testing.T, st control.Status, name string) control.AnchorStatus {
	t.Helper()
	for _, a := range st.Anchors {
		if a.Anchor == name {
			return a
		}
	}
	t.Fatalf("status has no anchor %q: %+v", name, st.Anchors)
	return control.AnchorStatus{}
}
