// Package window names the windows of microrest's UI process and starts
// that process. The daemon, the command line, the notifications and the
// windows themselves share these verbs as typed values, and none of them
// needs a GUI toolkit to name a window.
package window

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
)

// Verb names one window; its String is the command-line word that opens it.
type Verb int

// The windows. Zero is no window, so a forgotten field opens nothing.
const (
	Settings Verb = iota + 1
	Progress
	Breathe
	Move
	Posture
	Prompt
	// Checkin is the daily check-in asked item by item, which the
	// check-in notification's Details… opens.
	Checkin
)

// All lists every window, in the order the help shows their verbs.
var All = []Verb{Settings, Progress, Breathe, Move, Posture, Prompt, Checkin}

var names = [...]string{Settings: "settings", Progress: "progress", Breathe: "breathe", Move: "move", Posture: "posture", Prompt: "prompt", Checkin: "checkin"}

// String returns the command-line word that opens the window.
func (v Verb) String() string {
	if v <= 0 || int(v) >= len(names) {
		return fmt.Sprintf("window(%d)", int(v))
	}
	return names[v]
}

// Title is the window's title in the process's language: "microrest
// settings", "microrest – Einstellungen". It is the one source of the
// titles: the windows set it, and the binary tests find windows by it.
func (v Verb) Title() string { return v.title(i18n.T) }

// TitleIn is the title in the language t speaks, for a test that looks
// for the window of a process that speaks another than its own.
func (v Verb) TitleIn(t *i18n.Translator) string { return v.title(t.T) }

func (v Verb) title(say func(id string, data ...map[string]any) string) string {
	switch v {
	case Settings:
		return say("window.title.settings")
	case Progress:
		return say("window.title.progress")
	case Breathe:
		return say("window.title.breathe")
	case Move:
		return say("window.title.move")
	case Posture:
		return say("window.title.posture")
	case Prompt:
		return say("window.title.prompt")
	case Checkin:
		return say("window.title.checkin")
	}
	return v.String()
}

// Parse reads a command-line word; ok is false for a word that opens no
// window.
func Parse(s string) (v Verb, ok bool) {
	for _, v := range All {
		if names[v] == s {
			return v, true
		}
	}
	return 0, false
}

// For is the guided session that walks through an anchor's practice;
// ok is false for anchors without one. The wind-down breathes too, in
// the sleep pattern (ModeFor).
func For(k settings.Kind) (v Verb, ok bool) {
	switch k {
	case settings.Breath, settings.WindDown:
		return Breathe, true
	case settings.Movement:
		return Move, true
	case settings.Posture:
		return Posture, true
	}
	return 0, false
}

// Guided reports whether v is a guided session, which records its
// anchor done when it finishes and so can answer the prompt it was
// started from.
func (v Verb) Guided() bool { return v == Breathe || v == Move || v == Posture }

// ModeFor is the breathing pattern that fits an anchor's session, nil
// where the day's own pattern does: the wind-down breathes for sleep.
func ModeFor(k settings.Kind) *settings.BreathMode {
	if k == settings.WindDown {
		sleep := settings.BreathSleep
		return &sleep
	}
	return nil
}

// Opts say how a window opens.
type Opts struct {
	// Prompt is the id of the prompt a guided session answers; 0 for none.
	Prompt uint64
	// Mode is the breathing session's pattern; nil lets the window use
	// the one the daemon has for today.
	Mode *settings.BreathMode
	// Plan opens the settings window on its Your plan page, as the first
	// start does.
	Plan bool
}

// Args is the command line that opens window v.
func Args(v Verb, o Opts) []string {
	args := []string{v.String()}
	if o.Mode != nil && v == Breathe {
		args = append(args, "--mode", o.Mode.String())
	}
	if o.Plan && v == Settings {
		args = append(args, "--plan")
	}
	if o.Prompt != 0 && v.Guided() {
		args = append(args, "--prompt", strconv.FormatUint(o.Prompt, 10))
	}
	return args
}

// CanShow reports whether a window could open: on Linux and the BSDs
// only with an X11 or Wayland display to open it on (a daemon started
// over ssh or by a test has none); elsewhere the desktop is always there.
func CanShow() bool {
	switch runtime.GOOS {
	case "windows", "darwin":
		return true
	}
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}

// Launch starts a UI process of this same binary showing window v, for
// prompt (0: none); LaunchWith says how.
func Launch(v Verb, prompt uint64) error { return LaunchWith(v, Opts{Prompt: prompt}) }

// LaunchWith starts a UI process of this same binary showing window v. A
// guided session started from a prompt gets the prompt's id, so
// finishing it answers that prompt and no other. The process speaks the
// language this one does (see LanguageEnv). It does not wait for the
// window; the process is reaped when it exits.
func LaunchWith(v Verb, o Opts) error {
	if _, ok := Parse(v.String()); !ok {
		return errors.New(i18n.T("window.err_unknown", map[string]any{"Window": v.String()}))
	}
	exe, err := os.Executable()
	if err != nil {
		return i18n.Wrap(err, "window.err_own_binary")
	}
	cmd := exec.Command(exe, Args(v, o)...)
	cmd.Env = LanguageEnv(os.Environ(), i18n.Current(), i18n.Detect())
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return i18n.Wrap(err, "window.err_start", map[string]any{"Window": v.String()})
	}
	go func() { _ = cmd.Wait() }()
	return nil
}

// LanguageEnv is the environment of a UI process started by one that
// speaks lang where the system asks for system (catalog tags, "pt-BR").
// When the two differ, the settings chose the language, and the child
// is told it through the locale: Fyne reads the language of its own
// words (the file dialog's buttons, an entry's menu) from the environment
// once, as it starts, before the window can read the settings. LANGUAGE
// is what Fyne's go-locale reads first, LC_MESSAGES what i18n.Detect
// reads before LANG; an LC_ALL of plain C or POSIX would make go-locale
// ignore LANGUAGE, so it becomes C.UTF-8, the same locale to C programs.
// The same language leaves env as it is; a system of "" sets lang always.
func LanguageEnv(env []string, lang, system string) []string {
	if lang == system || lang == "" {
		return env
	}
	posix := strings.ReplaceAll(lang, "-", "_")
	out := make([]string, 0, len(env)+2)
	for _, kv := range env {
		name, value, _ := strings.Cut(kv, "=")
		switch {
		case name == "LANGUAGE" || name == "LC_MESSAGES":
			continue
		case name == "LC_ALL" && (value == "C" || value == "POSIX"):
			kv = "LC_ALL=C.UTF-8"
		}
		out = append(out, kv)
	}
	return append(out, "LANGUAGE="+posix, "LC_MESSAGES="+posix+".UTF-8")
}
