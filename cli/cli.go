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
	"strconv"
	"strings"
	"syscall"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/daemon"
	"github.com/microrest/microrest/i18n"
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
	// settings is the settings file as read to choose the language, and
	// settingsErr what reading it returned; a window opens over them.
	settings    *settings.Loaded
	settingsErr error
}

// verb is one word of the command line.
type verb struct {
	name    string
	summary string
	run     func(e *env, args []string) int
}

// verbs lists the command line's verbs with their summaries in the
// process's language; their syntax is in syntax.
func verbs() []verb {
	return []verb{
		{name: "status", summary: i18n.T("cli.verb.status"), run: runStatus},
		{name: "pause", summary: i18n.T("cli.verb.pause"), run: runPause},
		{name: "resume", summary: i18n.T("cli.verb.resume"), run: runResume},
		{name: "now", summary: i18n.T("cli.verb.now"), run: runNow},
		{name: "done", summary: i18n.T("cli.verb.done"), run: answerVerb(control.VerbDone)},
		{name: "snooze", summary: i18n.T("cli.verb.snooze"), run: answerVerb(control.VerbSnooze)},
		{name: "skip", summary: i18n.T("cli.verb.skip"), run: answerVerb(control.VerbSkip)},
		{name: "checkin", summary: i18n.T("cli.verb.checkin"), run: runCheckin},
		{name: "today", summary: i18n.T("cli.today.verb"), run: runToday},
		{name: "reload", summary: i18n.T("cli.verb.reload"), run: runSimple(control.VerbReload)},
		{name: "quit", summary: i18n.T("cli.verb.quit"), run: runSimple(control.VerbQuit)},
		{name: "journal", summary: i18n.T("cli.verb.journal"), run: runJournal},
		{name: "review", summary: i18n.T("cli.verb.review"), run: runReview},
		{name: "autostart", summary: i18n.T("cli.verb.autostart"), run: runAutostart},
	}
}

// windowSummary says what a window verb opens, for the help.
func windowSummary(w window.Verb) string {
	switch w {
	case window.Settings:
		return i18n.T("cli.window.settings")
	case window.Progress:
		return i18n.T("cli.window.progress")
	case window.Breathe:
		return i18n.T("cli.window.breathe")
	case window.Move:
		return i18n.T("cli.window.move")
	case window.Posture:
		return i18n.T("cli.window.posture")
	case window.Prompt:
		return i18n.T("cli.window.prompt")
	case window.Checkin:
		return i18n.T("cli.window.checkin")
	}
	return ""
}

// syntax is what follows a verb, or what stands for an option, in the
// help: flags and values are typed as written in every language, so only
// the placeholders ANCHOR and TO are said in the person's language.
func syntax(word string) string {
	s := map[string]string{
		"status":    "[--json]",
		"pause":     "[30m|until-tomorrow]",
		"now":       "ANCHOR",
		"done":      "[ANCHOR] [--prompt ID]",
		"snooze":    "[ANCHOR] [10m] [--prompt ID]",
		"skip":      "[ANCHOR] [--prompt ID]",
		"checkin":   "[--stiffness N] [--mood N] [--energy N] [--sleep N] [--load rest|easy|hard]",
		"journal":   "[--since 7d] [--format csv|json]",
		"review":    "[--week YYYY-Www]",
		"today":     "[skip ANCHOR HH:MM | move ANCHOR HH:MM TO] [--meal]",
		"autostart": "on|off|status",
		"--help":    "-h, --help",
		"--verbose": "-v, --verbose",
	}[word]
	return strings.NewReplacer("ANCHOR", i18n.T("cli.help.anchor"), " TO]", " "+i18n.T("cli.today.to")+"]").Replace(s)
}

// windowSyntax is what a window verb takes, for the help.
func windowSyntax(w window.Verb) string {
	switch w {
	case window.Settings:
		return "[--plan]"
	case window.Breathe:
		return "[--mode calm|sleep|controlled] [--prompt ID]"
	case window.Move, window.Posture:
		return "[--prompt ID]"
	}
	return ""
}

// Main runs the command line args and returns the process exit code. It
// speaks the language the settings file names, else the desktop's.
func Main(metadata []byte, args []string, stdout, stderr io.Writer) int {
	loaded, loadErr := useLanguage(daemon.DefaultPaths().Settings)
	info, err := ParseAppInfo(metadata)
	if err != nil {
		errorLine(stderr, err)
		return ExitError
	}
	e := &env{info: info, stdout: stdout, stderr: stderr, controlDir: control.DefaultDir(), settings: &loaded, settingsErr: loadErr}
	return e.main(args)
}

// errorLine writes one of microrest's error sentences to w, after the
// program's name.
func errorLine(w io.Writer, msg any) {
	fmt.Fprintln(w, i18n.T("cli.error", map[string]any{"Message": fmt.Sprint(msg)}))
}

// fail says msg on stderr as microrest's error line.
func (e *env) fail(msg any) { errorLine(e.stderr, msg) }

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
	e.fail(i18n.T("cli.usage.not_command", map[string]any{"Command": strconv.Quote(rest[0])}))
	fmt.Fprintln(e.stderr)
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
			fmt.Fprintln(e.stdout, i18n.T("cli.version", map[string]any{"Name": e.info.Name, "Version": e.info.Version, "Build": e.info.Build}))
			return nil, ExitOK, true
		case "-v", "--verbose":
			e.verbose = true
		default:
			if strings.HasPrefix(a, "-") {
				e.fail(i18n.T("cli.usage.unknown_option", map[string]any{"Option": a}))
				fmt.Fprintln(e.stderr)
				e.usage(e.stderr)
				return nil, ExitUsage, true
			}
			return args[i:], 0, false
		}
	}
	return nil, 0, false
}

// usage writes the help. Its English form is also the man page, laid out
// by packaging/man: keep its first line, its "Heading:" lines and its
// indented columns.
func (e *env) usage(w io.Writer) {
	fmt.Fprintln(w, i18n.T("cli.help.intro", map[string]any{"Name": e.info.Name, "Version": e.info.Version}))
	fmt.Fprintln(w)
	fmt.Fprintln(w, i18n.T("cli.help.usage"))
	line := func(args, summary string) {
		fmt.Fprintf(w, "  %s %-36s %s\n", e.info.Name, strings.TrimSpace(args), summary)
	}
	line("[--verbose]", i18n.T("cli.help.daemon"))
	for _, v := range verbs() {
		line(v.name+" "+syntax(v.name), v.summary)
	}
	for _, v := range window.All {
		line(v.String()+" "+windowSyntax(v), windowSummary(v))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, i18n.T("cli.help.answers"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, i18n.T("cli.help.options"))
	option := func(flags, what string) { fmt.Fprintf(w, "  %-15s %s\n", flags, what) }
	option(syntax("--help"), i18n.T("cli.help.opt_help"))
	option("--version", i18n.T("cli.help.opt_version"))
	option(syntax("--verbose"), i18n.T("cli.help.opt_verbose"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, i18n.T("cli.help.settings", map[string]any{"Path": settings.Path()}))
	fmt.Fprintln(w, i18n.T("cli.help.exit"))
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
		e.fail(i18n.T("cli.log_stderr_only", map[string]any{"Error": err.Error()}))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	err := daemon.Run(ctx, daemon.Options{Version: e.info.Version, Paths: paths, Log: e.logger(out)})
	if errors.Is(err, control.ErrRunning) {
		stop() // the window that may open instead ends on a signal, as windows do
		return e.alreadyRunning()
	}
	if err != nil {
		e.fail(err)
		return ExitError
	}
	return ExitOK
}

// alreadyRunning reports the running daemon with its status, and opens
// the progress window where that window is the way in (opensProgress).
func (e *env) alreadyRunning() int {
	fmt.Fprintln(e.stdout, i18n.T("cli.already_running"))
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
			return usageErr(e, noArgsBut(string(v), ""))
		}
		return e.say(control.Request{Verb: v})
	}
}

// runWindow starts the UI process's one window.
func (e *env) runWindow(w window.Verb, args []string) int {
	o, rest, err := windowFlags(w, args)
	if err != nil {
		return usageErr(e, verbError(w.String(), err))
	}
	if len(rest) > 0 {
		return usageErr(e, noArgsBut(w.String(), windowSyntax(w)))
	}
	paths := daemon.DefaultPaths()
	err = ui.Run(ui.Options{
		Window: w, AppID: e.info.ID, Log: e.logger(e.stderr), Prompt: o.Prompt, Mode: o.Mode, Plan: o.Plan,
		SettingsPath: paths.Settings, JournalPath: paths.Journal, ControlDir: paths.ControlDir,
		Loaded: e.settings, LoadErr: e.settingsErr,
	})
	if err != nil {
		e.fail(err)
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

// noArgsBut refuses arguments to verb, naming the flags it takes (the
// syntax of the help, without its brackets) if it takes any.
func noArgsBut(verb, flags string) string {
	if flags == "" {
		return i18n.T("cli.usage.no_args", map[string]any{"Verb": verb})
	}
	flags = strings.NewReplacer("[", "", "]", "").Replace(flags)
	return i18n.T("cli.usage.no_args_but", map[string]any{"Verb": verb, "Flags": flags})
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
				return nil, nil, errors.New(i18n.T("cli.usage.mode_missing"))
			}
			value = args[i]
		}
		if mode != nil {
			return nil, nil, errors.New(i18n.T("cli.usage.mode_twice"))
		}
		mode = new(settings.BreathMode)
		if mode.UnmarshalText([]byte(value)) != nil || value != mode.String() {
			return nil, nil, errors.New(i18n.T("cli.usage.mode_unknown", map[string]any{"Mode": strconv.Quote(value)}))
		}
	}
	return mode, rest, nil
}
