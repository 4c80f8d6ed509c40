//go:build darwin

package notify

import (
	"context"
	"fmt"
	"os/exec"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
)

// appleScript shows text-only notifications with osascript, as beeep does
// when terminal-notifier is missing; notifications from a script cannot
// carry buttons, so the tray offers the answers.
type appleScript struct{ h *hub }

func newBackend(_ context.Context, h *hub) backend {
	a := &appleScript{h: h}
	return a
}

func (a *appleScript) show(p reminders.Prompt) error {
	c := compose(p)
	if err := runScript(displayScript(c.Summary, c.Body(false, true), a.h.soundOn())); err != nil {
		return i18n.Wrap(err, "notify.err.show_prompt", map[string]any{"ID": p.ID})
	}
	return nil
}

func (a *appleScript) notice(summary, body string) error {
	if err := runScript(displayScript(summary, body, false)); err != nil {
		return i18n.Wrap(err, "notify.err.show_notice")
	}
	return nil
}

// showCheckin shows the check-in as text, saying where to answer it.
func (a *appleScript) showCheckin(time.Time) error {
	if err := runScript(displayScript(i18n.T("notify.checkin.summary"), checkinBody(false, false), false)); err != nil {
		return i18n.Wrap(err, "notify.err.show_checkin")
	}
	return nil
}

// osascript runs AppleScript; its name leads its errors.
const osascript = "osascript"

// runScript runs one AppleScript; its error carries what osascript said.
func runScript(script string) error {
	if out, err := exec.Command(osascript, "-e", script).CombinedOutput(); err != nil {
		return fmt.Errorf("%s: %w: %s", osascript, err, out)
	}
	return nil
}

// closeCheckin does nothing, as close.
func (a *appleScript) closeCheckin() error { return nil }

// close does nothing: macOS offers scripts no way to withdraw a notification.
func (a *appleScript) close(uint64) error { return nil }

func (a *appleScript) status() Status { return Status{Backend: BackendAppleScript} }

func (a *appleScript) shutdown() {}
