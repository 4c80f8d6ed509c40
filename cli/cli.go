// Package cli reads microrest's command line and dispatches it: no verb
// runs the daemon, window verbs start the Fyne UI process, and the rest
// are commands to the running daemon.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/daemon"
	_ "github.com/microrest/microrest/internal/locale" // before Fyne reads the locale
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/ui"
	"github.com/microrest/microrest/window"
)

// Exit codes, the same for every verb.
const (
	ExitOK       = 0
	ExitError    = 1
	ExitUsage    = 2
	ExitNoDaemon = 3
)

// env is what every verb gets: the app's metadata, where to write, and
// the options read before the verb.
type env struct {
	info    AppInfo
	stdout  io.Writer
	stderr  io.Writer
	verbose bool
	// controlDir is where the daemon's socket is; tests point it at a
	// fake daemon of their own.
	controlDir string
}

// verb is one word of the command line.
type verb struct {
	name    string
	args    string
	summary string
	run     func(e *env, args []string) int
}

func verbs() []verb {
	return []verb{
		{name: "status", args: "[--json]", summary: "what is due, paused or on screen", run: runStatus},
		{name: "pause", args: "[30m|until-tomorrow]", summary: "hold prompts (appointments still come)", run: runPause},
		{name: "resume", summary: "end a pause", run: runResume},
		{name: "now", args: "ANCHOR", summary: "take a break now", run: runNow},
		{name: "done", args: "[ANCHOR] [--prompt ID]", summary: "answer the prompt: done", run: answerVerb(control.VerbDone)},
		{name: "snooze", args: "[ANCHOR] [10m] [--prompt ID]", summary: "answer the prompt: later", run: answerVerb(control.VerbSnooze)},
		{name: "skip", args: "[ANCHOR] [--prompt ID]", summary: "answer the prompt: not this time", run: answerVerb(control.VerbSkip)},
		{name: "checkin", args: "[--stiffness N] [--mood N] [--energy N] [--sleep N] [--load rest|easy|hard]", summary: "today's check-in: each item 1 to 5, any subset", run: runCheckin},
		{name: "reload", summary: "re-read the settings file", run: runSimple(control.VerbReload)},
		{name: "quit", summary: "stop the daemon", run: runSimple(control.VerbQuit)},
		{name: "journal", args: "[--since 7d] [--format csv|json]", summary: "export the journal (works without the daemon)", run: runJournal},
		{name: "review", args: "[--week YYYY-Www]", summary: "a week's wins, consistency and check-in, by default last week's (works without the daemon)", run: runReview},
		{name: "autostart", args: "on|off|status", summary: "start microrest at login", run: runAutostart},
	}
}

// windowSummaries say what each window verb opens, for the help.
var windowSummaries = map[window.Verb]string{
	window.Settings: "open the settings window",
	window.Progress: "open the progress window: today, 7 and 30 days",
	window.Breathe:  "a guided paced-breathing session (default: today's pattern)",
	window.Move:     "a guided mobility routine",
	window.Posture:  "a posture reset checklist",
	window.Prompt:   "the prompt on screen, with its answers, in a small window",
	window.Checkin:  "today's check-in: stiffness, mood, energy, sleep, training",
}

// windowArgs are the flags a window verb takes, for the help.
var windowArgs = map[window.Verb]string{
	window.Settings: "[--plan]",
	window.Breathe:  "[--mode calm|sleep|controlled] [--prompt ID]",
	window.Move:     "[--prompt ID]",
	window.Posture:  "[--prompt ID]",
}

// Main runs the command line args and returns the process exit code.
func Main(metadata []byte, args []string, stdout, stderr io.Writer) int {
	info, err := ParseAppInfo(metadata)
	if err != nil {
		fmt.Fprintln(stderr, "microrest:", err)
		return ExitError
	}
	e := &env{info: info, stdout: stdout, stderr: stderr, controlDir: control.DefaultDir()}
	return e.main(args)
}

// main dispatches the command line to its verb.
func (e *env) main(args []string) int {
	rest, code, done := e.globalFlags(args)
	if done {
		return code
	}
	if len(rest) == 0 {
		return e.runDaemon()
	}
	if w, ok := window.Parse(rest[0]); ok && opensWindow(w, rest[1:]) {
		return e.runWindow(w, rest[1:])
	}
	for _, v := range verbs() {
		if v.name == rest[0] {
			return v.run(e, rest[1:])
		}
	}
	fmt.Fprintf(e.stderr, "microrest: %q is not a command.\n\n", rest[0])
	e.usage(e.stderr)
	return ExitUsage
}

// globalFlags reads the options that come before the verb. done is true
// when a flag such as --help answered the call by itself.
func (e *env) globalFlags(args []string) (rest []string, code int, done bool) {
	for i, a := range args {
		switch a {
		case "-h", "--help", "help":
			e.usage(e.stdout)
			return nil, ExitOK, true
		case "--version":
			fmt.Fprintf(e.stdout, "%s %s (build %d)\n", e.info.Name, e.info.Version, e.info.Build)
			return nil, ExitOK, true
		case "-v", "--verbose":
			e.verbose = true
		default:
			if strings.HasPrefix(a, "-") {
				fmt.Fprintf(e.stderr, "microrest: unknown option %s.\n\n", a)
				e.usage(e.stderr)
				return nil, ExitUsage, true
			}
			return args[i:], 0, false
		}
	}
	return nil, 0, false
}

func (e *env) usage(w io.Writer) {
	fmt.Fprintf(w, "%s %s: short recovery moments through the working day.\n\n", e.info.Name, e.info.Version)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintf(w, "  microrest %-36s %s\n", "[--verbose]", "run the tray daemon")
	for _, v := range verbs() {
		fmt.Fprintf(w, "  microrest %-36s %s\n", strings.TrimSpace(v.name+" "+v.args), v.summary)
	}
	for _, v := range window.All {
		fmt.Fprintf(w, "  microrest %-36s %s\n", strings.TrimSpace(v.String()+" "+windowArgs[v]), windowSummaries[v])
	}
	fmt.Fprintln(w, "\nDone, snooze and skip answer the prompt on screen. With --prompt ID they")
	fmt.Fprintln(w, "answer only that prompt (its id is in `microrest status`), and fail if it")
	fmt.Fprintln(w, "was already answered, rather than answer a newer one.")
	fmt.Fprintln(w, "\nOptions:")
	fmt.Fprintln(w, "  -h, --help      show this help")
	fmt.Fprintln(w, "  --version       print the version")
	fmt.Fprintln(w, "  -v, --verbose   log debug detail")
	fmt.Fprintf(w, "\nSettings live in %s.\n", settings.Path())
	fmt.Fprintln(w, "Exit status: 0 ok, 1 error (or the daemon refused), 2 usage, 3 the daemon is not running.")
}

func (e *env) logger(w io.Writer) *slog.Logger {
	level := slog.LevelInfo
	if e.verbose {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

// runDaemon starts the daemon, or finds the one already running and says
// so with its status: never a second tray.
func (e *env) runDaemon() int {
	paths := daemon.DefaultPaths()
	out := e.stderr
	if logFile, err := daemon.OpenLog(paths.Log); err == nil {
		defer logFile.Close()
		out = io.MultiWriter(e.stderr, logFile)
	} else {
		fmt.Fprintln(e.stderr, "microrest: logging to stderr only:", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	err := daemon.Run(ctx, daemon.Options{Version: e.info.Version, Paths: paths, Log: e.logger(out)})
	if errors.Is(err, control.ErrRunning) {
		stop() // the window that may open instead ends on a signal, as windows do
		return e.alreadyRunning()
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "microrest:", err)
		return ExitError
	}
	return ExitOK
}

// alreadyRunning reports the running daemon with its status, and opens
// the progress window where that window is the way in (opensProgress).
func (e *env) alreadyRunning() int {
	fmt.Fprintln(e.stdout, "microrest is already running.")
	rep, code := e.call(control.Request{Verb: control.VerbStatus})
	if code == ExitOK {
		writeStatus(e.stdout, rep.Status)
	}
	if !e.opensProgress(rep.Status) {
		return ExitOK
	}
	return e.runWindow(window.Progress, nil)
}

func runSimple(v control.Verb) func(e *env, args []string) int {
	return func(e *env, args []string) int {
		if len(args) > 0 {
			return usageErr(e, "%s takes no arguments.", v)
		}
		return e.say(control.Request{Verb: v})
	}
}

// runWindow starts the UI process's one window.
func (e *env) runWindow(w window.Verb, args []string) int {
	o, rest, err := windowFlags(w, args)
	if err != nil {
		fmt.Fprintf(e.stderr, "microrest: %s: %v\n", w, err)
		return ExitUsage
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "microrest: %s takes no arguments%s.\n", w, butFlags(w))
		return ExitUsage
	}
	paths := daemon.DefaultPaths()
	err = ui.Run(ui.Options{
		Window: w, AppID: e.info.ID, Log: e.logger(e.stderr), Prompt: o.Prompt, Mode: o.Mode, Plan: o.Plan,
		SettingsPath: paths.Settings, JournalPath: paths.Journal, ControlDir: paths.ControlDir,
	})
	if err != nil {
		fmt.Fprintln(e.stderr, "microrest:", err)
		return ExitError
	}
	return ExitOK
}

// opensWindow reports whether a window verb's arguments open its window:
// `checkin` alone asks in a window, while `checkin` with answers is the
// command that sends them.
func opensWindow(w window.Verb, args []string) bool { return w != window.Checkin || len(args) == 0 }

// windowFlags reads the flags of window w: a guided session takes the
// prompt it answers, the breathing session a pattern too. rest is what
// is left.
func windowFlags(w window.Verb, args []string) (o window.Opts, rest []string, err error) {
	rest = args
	if w == window.Settings {
		rest = slices.DeleteFunc(slices.Clone(rest), func(a string) bool {
			if a == "--plan" {
				o.Plan = true
			}
			return a == "--plan"
		})
	}
	if w == window.Breathe {
		if o.Mode, rest, err = modeFlag(rest); err != nil {
			return o, nil, err
		}
	}
	if w.Guided() {
		if o.Prompt, rest, err = promptFlag(rest); err != nil {
			return o, nil, err
		}
	}
	return o, rest, nil
}

// butFlags names the flags window w takes, for the message that refuses
// anything else.
func butFlags(w window.Verb) string {
	if flags := windowArgs[w]; flags != "" {
		return " but " + strings.NewReplacer("[", "", "]", "").Replace(flags)
	}
	return ""
}

// modeFlag takes --mode MODE (or --mode=MODE) out of args.
func modeFlag(args []string) (mode *settings.BreathMode, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		value, inline := strings.CutPrefix(args[i], "--mode=")
		if !inline && args[i] != "--mode" {
			rest = append(rest, args[i])
			continue
		}
		if !inline {
			if i++; i == len(args) {
				return nil, nil, errMode
			}
			value = args[i]
		}
		if mode != nil {
			return nil, nil, errors.New("--mode is given twice")
		}
		mode = new(settings.BreathMode)
		if mode.UnmarshalText([]byte(value)) != nil || value != mode.String() {
			return nil, nil, fmt.Errorf("--mode %q is not a breathing pattern; %w", value, errModeValues)
		}
	}
	return mode, rest, nil
}

var (
	errModeValues = errors.New("use calm, sleep or controlled")
	errMode       = fmt.Errorf("--mode takes a breathing pattern: %w", errModeValues)
)
