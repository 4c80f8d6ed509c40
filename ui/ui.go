// Package ui is microrest's short-lived Fyne process: it shows one window
// (settings, progress, or a guided breathing, mobility or posture session)
// and exits when that window closes, so the all-day daemon never carries a
// GUI toolkit. It talks to the daemon only through the control socket.
package ui

import (
	"errors"
	"log/slog"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/microrest/microrest/assets"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/window"
)

// Options say which window to show and where its data lives.
type Options struct {
	Window       window.Verb
	AppID        string
	SettingsPath string
	JournalPath  string
	// ControlDir is where the daemon's socket lives.
	ControlDir string
	// Prompt is the id of the prompt a guided session was started from:
	// the session answers that prompt's anchor when it ends. 0 records the
	// anchor done on its own.
	Prompt uint64
	// Mode is the breathing session's pattern; nil for today's.
	Mode *settings.BreathMode
	// Plan opens the settings window on its Your plan page, as the
	// daemon's first start asks; a missing settings file does too.
	Plan bool
	// Loaded, when set, is the settings file at SettingsPath as the caller
	// read it with settings.Reload, and LoadErr what Reload returned: Run
	// then does not read the file again.
	Loaded  *settings.Loaded
	LoadErr error
	Log     *slog.Logger
}

// Run shows the window and blocks until it is closed. The window speaks
// the settings' language, as the tray and the notifications do.
func Run(opts Options) error {
	// Start-up allocates tens of megabytes of fonts, images and widgets
	// that all stay live: collecting them at the default rate is work
	// before the first frame that frees nothing. The process is short-lived.
	debug.SetGCPercent(400)
	// The app first, so the text faces load on other cores while this one
	// sets the language and opens the window: every window measures text
	// before it maps, and a face is tens of milliseconds to parse.
	a := app.NewWithID(opts.AppID)
	facesLoaded := warmFaces()
	// Reload never writes: opening a window changes no file (the daemon
	// writes the commented defaults at its first start; Save writes the
	// rest), and a missing or broken file reads as the defaults.
	loaded, loadErr := opts.Loaded, opts.LoadErr
	if loaded == nil {
		l, err := settings.Reload(opts.SettingsPath)
		loaded, loadErr = &l, err
	}
	i18n.SetLanguage(loaded.Settings.Language)
	speakInFyne(i18n.Current())
	a.SetIcon(fyne.NewStaticResource("microrest.png", assets.AppIcon()))
	e := env{daemon: SocketDaemon(opts.ControlDir), clock: time.Now, autostart: systemAutostart{}, launch: launchWindow, prompt: opts.Prompt,
		loaded: *loaded, loadErr: loadErr}
	w, err := build(a, opts, e, facesLoaded)
	if err != nil {
		return err
	}
	w.ShowAndRun()
	return nil
}

// env is what a window needs from outside Fyne; tests swap every part.
type env struct {
	daemon    Daemon
	clock     func() time.Time
	autostart Autostart
	// launch starts another window's process (Start on a prompt), the
	// guided session of the prompt with the id.
	launch func(v window.Verb, prompt uint64) error
	// prompt is the id of the prompt a guided session answers; 0 for none.
	prompt uint64
	// loaded is the settings file as Run read it, and loadErr why it was
	// not used, if it was not.
	loaded  settings.Loaded
	loadErr error
}

// build opens the window opts names; facesLoaded waits for the text
// faces warmFaces started, which opening the window overlaps.
func build(a fyne.App, opts Options, e env, facesLoaded func()) (fyne.Window, error) {
	w := a.NewWindow(opts.Window.Title())
	facesLoaded()
	switch opts.Window {
	case window.Settings:
		showSettings(w, opts, e)
	case window.Progress:
		showProgress(w, opts, e)
	case window.Breathe:
		showBreathe(w, opts, e)
	case window.Move:
		showMove(w, opts, e)
	case window.Posture:
		showPosture(w, opts, e)
	case window.Prompt:
		showPrompt(w, e)
	case window.Checkin:
		showCheckin(w, e)
	default:
		w.Close()
		return nil, errors.New(i18n.T("window.err_unknown", map[string]any{"Window": opts.Window.String()}))
	}
	return w, nil
}
