//go:build darwin

package notify

import (
	"context"
	"fmt"
	"os/exec"
	"time"

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
	script := "display notification " + appleScriptString(c.Body(false, true)) +
		" with title " + appleScriptString(c.Summary)
	if a.h.soundOn() {
		script += ` sound name "default"`
	}
	if out, err := exec.Command("osascript", "-e", script).CombinedOutput(); err != nil {
		return fmt.Errorf("show prompt %d: osascript: %w: %s", p.ID, err, out)
	}
	return nil
}

func (a *appleScript) notice(summary, body string) error {
	script := "display notification " + appleScriptString(body) + " with title " + appleScriptString(summary)
	if out, err := exec.Command("osascript", "-e", script).CombinedOutput(); err != nil {
		return fmt.Errorf("show notice: osascript: %w: %s", err, out)
	}
	return nil
}

// showCheckin shows the check-in as text, saying where to answer it.
func (a *appleScript) showCheckin(time.Time) error {
	script := "display notification " + appleScriptString(checkinBody(false, false)) +
		" with title " + appleScriptString(tr(textCheckinSummary))
	if out, err := exec.Command("osascript", "-e", script).CombinedOutput(); err != nil {
		return fmt.Errorf("show the check-in: osascript: %w: %s", err, out)
	}
	return nil
}

// closeCheckin does nothing, as close.
func (a *appleScript) closeCheckin() error { return nil }

// close does nothing: macOS offers scripts no way to withdraw a notification.
func (a *appleScript) close(uint64) error { return nil }

func (a *appleScript) status() Status { return Status{Backend: BackendAppleScript} }

func (a *appleScript) shutdown() {}
