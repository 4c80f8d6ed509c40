package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/window"
)

// fakeDaemon listens on a real control socket, records each request and
// answers with reply.
type fakeDaemon struct {
	dir   string
	mu    sync.Mutex
	reqs  []control.Request
	reply control.Reply
}

func startFakeDaemon(t *testing.T, reply control.Reply) *fakeDaemon {
	t.Helper()
	// t.TempDir can be longer than a Unix socket path allows.
	parent, err := os.MkdirTemp("", "mrcli-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(parent) })
	d := &fakeDaemon{dir: filepath.Join(parent, "microrest"), reply: reply}
	l, err := control.Listen(d.dir, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan struct{})
	go func() {
		_ = l.Serve(ctx, d.handle)
		close(served)
	}()
	t.Cleanup(func() {
		cancel()
		<-served
		_ = l.Close()
	})
	return d
}

func (d *fakeDaemon) handle(_ context.Context, r control.Request) control.Reply {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.reqs = append(d.reqs, r)
	return d.reply
}

func (d *fakeDaemon) requests() []control.Request {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.reqs)
}

// run runs a command line against the daemon in dir and returns its exit
// code and output.
func run(dir string, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	e := &env{info: AppInfo{Name: "microrest", ID: "org.microrest", Version: "1.0.0"}, stdout: &out, stderr: &errOut, controlDir: dir}
	code = e.main(args)
	return code, out.String(), errOut.String()
}

var running = control.Reply{OK: true, Status: &control.Status{Now: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)}}

func TestAnswersSendThePromptIDTheyAreGiven(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want control.Request
	}{
		{"done without an id answers the prompt on screen", []string{"done"}, control.Request{Verb: control.VerbDone}},
		{"done with an id answers that prompt", []string{"done", "--prompt", "7"}, control.Request{Verb: control.VerbDone, Prompt: 7}},
		{"the id may follow the anchor", []string{"done", "movement", "--prompt", "7"}, control.Request{Verb: control.VerbDone, Anchor: "movement", Prompt: 7}},
		{"snooze takes the id with an equals sign, an anchor and a length", []string{"snooze", "--prompt=8", "movement", "10m"}, control.Request{Verb: control.VerbSnooze, Anchor: "movement", For: "10m", Prompt: 8}},
		{"skip with an id answers that prompt", []string{"skip", "--prompt", "18446744073709551615"}, control.Request{Verb: control.VerbSkip, Prompt: 1<<64 - 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := startFakeDaemon(t, running)
			code, _, stderr := run(d.dir, tc.args...)
			tc.want.V = control.Version
			if got := d.requests(); code != ExitOK || !slices.Equal(got, []control.Request{tc.want}) {
				t.Fatalf("exit %d (%s), requests %+v, want %+v", code, stderr, got, tc.want)
			}
		})
	}
}

func TestABadPromptIDIsAUsageErrorAndReachesNoDaemon(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"a missing id", []string{"done", "--prompt"}, "done: --prompt takes a prompt's id"},
		{"id 0, which names no prompt", []string{"skip", "--prompt", "0"}, "skip: --prompt takes a prompt's id"},
		{"an id that is not a number", []string{"snooze", "--prompt", "movement"}, "snooze: --prompt takes a prompt's id"},
		{"a negative id", []string{"done", "--prompt=-1"}, "done: --prompt takes a prompt's id"},
		{"two ids", []string{"done", "--prompt", "1", "--prompt", "2"}, "done: --prompt is given twice."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := startFakeDaemon(t, running)
			code, _, stderr := run(d.dir, tc.args...)
			if code != ExitUsage || !strings.Contains(stderr, "microrest: "+tc.want) || len(d.requests()) != 0 {
				t.Fatalf("exit %d, stderr %q, requests %+v", code, stderr, d.requests())
			}
		})
	}
}

func TestARefusedAnswerPrintsTheDaemonsSentenceAndExitsOne(t *testing.T) {
	d := startFakeDaemon(t, control.Fail(errors.New("that prompt was already answered")))
	code, stdout, stderr := run(d.dir, "done", "--prompt", "3")
	if code != ExitError || stderr != "microrest: that prompt was already answered\n" || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestAnAnswerWithoutADaemonExitsThree(t *testing.T) {
	code, _, stderr := run(filepath.Join(t.TempDir(), "none"), "skip", "--prompt", "3")
	if code != ExitNoDaemon || !strings.Contains(stderr, "microrest is not running") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

func TestTheStatusNamesThePromptIDToAnswer(t *testing.T) {
	rep := running
	rep.Status = &control.Status{Now: running.Status.Now, Prompt: &control.PromptStatus{ID: 12, Title: "Movement", Texts: []string{"Stand up."}}}
	d := startFakeDaemon(t, rep)
	code, stdout, _ := run(d.dir, "status")
	if code != ExitOK || !strings.Contains(stdout, "Prompt id: 12 (done, snooze and skip with --prompt 12 answer only this prompt)") {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
}

func TestTheHelpOffersThePromptFlag(t *testing.T) {
	code, stdout, _ := run("", "--help")
	for _, want := range []string{
		"microrest done [ANCHOR] [--prompt ID]", "microrest snooze [ANCHOR] [10m] [--prompt ID]",
		"microrest skip [ANCHOR] [--prompt ID]", "With --prompt ID they\nanswer only that prompt",
	} {
		if code != ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("exit %d, help does not contain %q:\n%s", code, want, stdout)
		}
	}
}

func TestTheHelpOffersEveryWindowWithWhatItOpens(t *testing.T) {
	code, stdout, _ := run("", "--help")
	for _, w := range window.All {
		if code != ExitOK || windowSummary(w) == "" || !strings.Contains(stdout, "microrest "+w.String()) {
			t.Errorf("exit %d, the help does not offer the %s window:\n%s", code, w, stdout)
		}
	}
}

func TestABreathingPatternOutsideTheThreeIsAUsageError(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"an unknown pattern", []string{"breathe", "--mode", "frantic"}, `breathe: --mode "frantic" is not a breathing pattern; use calm, sleep or controlled`},
		{"an unknown pattern after =", []string{"breathe", "--mode=Calm"}, `--mode "Calm" is not a breathing pattern; use calm, sleep or controlled`},
		{"no pattern", []string{"breathe", "--mode"}, "--mode takes a breathing pattern: use calm, sleep or controlled"},
		{"two patterns", []string{"breathe", "--mode", "calm", "--mode", "sleep"}, "--mode is given twice"},
		{"a pattern for another window", []string{"move", "--mode", "calm"}, "move takes no arguments but --prompt ID."},
		{"a bad prompt next to a good pattern", []string{"breathe", "--mode", "sleep", "--prompt", "x"}, "breathe: --prompt takes a prompt's id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, stderr := run("", tc.args...); code != ExitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want usage naming %q", code, stderr, tc.want)
			}
		})
	}
}

func TestTheBreathingWindowTakesAPatternAndAPrompt(t *testing.T) {
	sleep := settings.BreathSleep
	for _, tc := range []struct {
		args []string
		want window.Opts
	}{
		{nil, window.Opts{}},
		{[]string{"--mode", "sleep", "--prompt", "7"}, window.Opts{Prompt: 7, Mode: &sleep}},
		{[]string{"--prompt=7", "--mode=sleep"}, window.Opts{Prompt: 7, Mode: &sleep}},
	} {
		o, rest, err := windowFlags(window.Breathe, tc.args)
		if err != nil || len(rest) > 0 || o.Prompt != tc.want.Prompt || (o.Mode == nil) != (tc.want.Mode == nil) || (o.Mode != nil && *o.Mode != *tc.want.Mode) {
			t.Errorf("windowFlags(%v) = %+v, %v, %v; want %+v", tc.args, o, rest, err, tc.want)
		}
	}
	if o, _, _ := windowFlags(window.Breathe, strings.Fields("--mode controlled")); o.Mode == nil || *o.Mode != settings.BreathControlled {
		t.Errorf("--mode controlled read as %v", o.Mode)
	}
}

func TestAWindowVerbTakesNoArguments(t *testing.T) {
	if code, _, stderr := run("", "settings", "now"); code != ExitUsage || !strings.Contains(stderr, "settings takes no arguments") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

func TestAGuidedSessionTakesOnlyAPromptID(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"breathe", "--prompt", "x"}, "breathe: "},
		{[]string{"move", "now"}, "move takes no arguments but --prompt ID"},
		{[]string{"settings", "--prompt", "3"}, "settings takes no arguments but --plan."},
	}
	for _, tc := range tests {
		if code, _, stderr := run("", tc.args...); code != ExitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want usage naming %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestTheSettingsWindowTakesPlanAndNothingElse(t *testing.T) {
	o, rest, err := windowFlags(window.Settings, []string{"--plan"})
	if err != nil || len(rest) > 0 || !o.Plan {
		t.Fatalf("windowFlags(settings --plan) = %+v, %v, %v; want Plan", o, rest, err)
	}
	if o, _, _ := windowFlags(window.Breathe, []string{"--plan"}); o.Plan {
		t.Fatal("breathe took --plan")
	}
	if code, _, stderr := run("", "settings", "--plan", "now"); code != ExitUsage || !strings.Contains(stderr, "but --plan") {
		t.Fatalf("exit %d, stderr %q; want usage naming --plan", code, stderr)
	}
}
