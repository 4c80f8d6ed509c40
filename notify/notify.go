// Package notify puts reminder prompts on the desktop with buttons a
// person can answer from (Done, Snooze, Skip, Start), and the daily
// check-in with quick answers (Good, So-so, Rough, Details…), and reports
// those answers as the engine's own commands. On Linux it speaks org.freedesktop.Notifications
// over its own private D-Bus connection; on Windows it sends toasts with an
// activation callback, and opens the prompt window where toasts cannot be
// shown; on macOS it shows text only. Wherever buttons are
// not available, Status says so and the daemon offers the answers in the
// tray menu instead, so every prompt can always be answered.
//
// A button's key is notify's own vocabulary with the notification server;
// it is read back here, once, into a reminders.Command that carries the
// prompt's id, or a window to open, so nothing downstream parses words.
package notify

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/window"
)

// Action is one answer to one prompt: an engine command that names the
// prompt (Done, Snooze, Skip), or a window to open for it (Start opens its
// guided session; a click on the notification opens the prompt window).
// An answer to the daily check-in names no prompt: it is a
// reminders.AnswerCheckin, or window.Checkin for Details….
type Action struct {
	Prompt  uint64
	Command reminders.Command
	Window  window.Verb
}

// String shows the action in logs.
func (a Action) String() string {
	if a.Command != nil {
		return fmt.Sprintf("%T%+v", a.Command, a.Command)
	}
	if a.Prompt == 0 {
		return "open " + a.Window.String()
	}
	return fmt.Sprintf("open %s for prompt %d", a.Window, a.Prompt)
}

// Options configure a Notifier; the zero value works.
type Options struct {
	// BusAddress is the D-Bus session bus to use; "" reads the
	// environment, as every desktop client does.
	BusAddress string
	// AppName is the application name servers show and group by;
	// "" means "microrest".
	AppName string
	// DesktopEntry names the .desktop file (without the suffix) so servers
	// can find the application's icon and settings; "" sends none.
	DesktopEntry string
	// Icon is an icon path or an icon-theme name; "" sends none.
	Icon string
	// Sound asks the server to play a sound with each prompt.
	Sound bool
	// Log receives what the notifier goes on after; nil means slog.Default.
	Log *slog.Logger
}

// Backend names, as reported in Status.Backend.
const (
	BackendFreedesktop = "freedesktop"
	BackendToast       = "toast"
	BackendAppleScript = "applescript"
	// BackendWindow means notifications cannot be shown (Windows without
	// WinRT toasts), so each new prompt opens the prompt window instead.
	BackendWindow = "window"
	// BackendNone means nothing can be put on screen right now; the tray
	// is the only way to answer.
	BackendNone = "none"
)

// Status tells the daemon whether notifications can carry the answers, so
// it knows whether the tray menu must offer them.
type Status struct {
	// Backend is one of the Backend constants.
	Backend string
	// Actions is true when notifications carry working buttons.
	Actions bool
	// Server, Vendor and Version are what the notification server says
	// of itself; empty where there is none or it will not say.
	Server  string
	Vendor  string
	Version string
	// Err is why notifications are degraded, or nil.
	Err error
}

// String is the one-line state for the log and `microrest status`, in the
// process's language.
func (s Status) String() string {
	var line string
	switch {
	case s.Backend == BackendFreedesktop && s.Actions:
		line = i18n.T("notify.status.buttons", map[string]any{"Server": s.serverName()})
	case s.Backend == BackendFreedesktop:
		line = i18n.T("notify.status.no_buttons", map[string]any{"Server": s.serverName()})
	case s.Backend == BackendToast:
		line = i18n.T("notify.status.toast")
	case s.Backend == BackendAppleScript:
		line = i18n.T("notify.status.applescript")
	case s.Backend == BackendWindow:
		line = i18n.T("notify.status.window")
	default:
		line = i18n.T("notify.status.none")
	}
	if s.Err != nil {
		line += " (" + s.Err.Error() + ")"
	}
	return line
}

// serverName names the server in one phrase, e.g. "dunst 1.9.0 (Dunst)".
func (s Status) serverName() string {
	if s.Server == "" {
		return i18n.T("notify.status.unnamed")
	}
	name := strings.TrimSpace(s.Server + " " + s.Version)
	if s.Vendor != "" && s.Vendor != s.Server {
		name += " (" + s.Vendor + ")"
	}
	return name
}

// Notifier delivers prompts and collects answers; it implements
// reminders.Notifier. Its methods are safe for concurrent use.
type Notifier struct {
	h *hub
	b backend
}

var _ reminders.Notifier = (*Notifier)(nil)

// backend is one platform's way to show prompts.
type backend interface {
	show(p reminders.Prompt) error
	notice(summary, body string) error
	close(id uint64) error
	showCheckin(day time.Time) error
	closeCheckin() error
	status() Status
	shutdown()
}

// New starts a notifier. It never fails: without a notification server it
// reports a degraded Status and keeps watching for one to appear.
func New(ctx context.Context, opts Options) *Notifier {
	if opts.AppName == "" {
		opts.AppName = "microrest"
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	h := newHub(opts)
	return &Notifier{h: h, b: newBackend(ctx, h)}
}

// Show puts the prompt on screen, replacing an earlier notification of
// the same prompt ID rather than stacking a second one.
func (n *Notifier) Show(p reminders.Prompt) error { return n.b.show(p) }

// Notice shows a one-off message without buttons, such as "the settings
// file has a mistake". A newer notice replaces the previous one.
func (n *Notifier) Notice(summary, body string) error { return n.b.notice(summary, body) }

// Close takes the prompt off screen once it is resolved elsewhere (tray,
// CLI, auto-done). Closing an unknown prompt is not an error.
func (n *Notifier) Close(id uint64) error { return n.b.close(id) }

// ShowCheckin asks the daily check-in for day (reminders.CheckinDue) with
// quick answers, Good, So-so and Rough, and Details…, which opens the
// check-in window. It has a notification of its own, apart from the
// prompts': showing it again replaces it, and its answers are never read
// as a prompt's. Without a notification server it waits for one, as a
// prompt does.
func (n *Notifier) ShowCheckin(day time.Time) error { return n.b.showCheckin(day) }

// CloseCheckin takes the check-in off screen once it is answered
// (reminders.CheckinClosed). Closing when none is shown is not an error.
func (n *Notifier) CloseCheckin() error { return n.b.closeCheckin() }

// Actions delivers the answers given from notifications. It is closed by
// Shutdown.
func (n *Notifier) Actions() <-chan Action { return n.h.actions }

// Status reports what notifications can do right now.
func (n *Notifier) Status() Status { return n.b.status() }

// SetSound switches the sound hint for the prompts shown from now on.
func (n *Notifier) SetSound(on bool) {
	n.h.mu.Lock()
	n.h.sound = on
	n.h.mu.Unlock()
}

// Shutdown stops watching the notification server, closes the connection
// and then the Actions channel.
func (n *Notifier) Shutdown() {
	n.b.shutdown()
	n.h.shut()
}

// hub is what every backend shares: options, the answer channel and the
// sound switch.
type hub struct {
	opts    Options
	log     *slog.Logger
	actions chan Action

	mu     sync.Mutex
	sound  bool
	closed bool
}

// actionBuffer holds answers a busy daemon has not read yet; a person
// cannot click faster than that.
const actionBuffer = 16

func newHub(opts Options) *hub {
	return &hub{
		opts:    opts,
		log:     opts.Log,
		actions: make(chan Action, actionBuffer),
		sound:   opts.Sound,
	}
}

func (h *hub) soundOn() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.sound
}

func (h *hub) shut() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.actions)
	}
}
