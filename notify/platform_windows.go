//go:build windows

package notify

import (
	"context"
	"fmt"
	"os"
	"sync"

	toast "git.sr.ht/~jackmordaunt/go-toast"

	"github.com/microrest/microrest/reminders"
)

// activatorGUID is microrest's own COM activator, so Windows calls this
// program back, and no other, when a toast button is pressed.
const activatorGUID = "{5C3A1E67-8E2B-4C8F-9D1A-6F0B7E2D4A91}"

// toaster shows Windows toasts whose buttons come back through the
// activation callback. go-toast can neither replace nor remove a toast,
// so a re-issue adds one and Close leaves it in the Action Center; a late
// press on a resolved prompt reaches the daemon, which ignores answers to
// prompts that are no longer open.
type toaster struct {
	h  *hub
	mu sync.Mutex
	st Status
}

func newBackend(_ context.Context, h *hub) backend {
	t := &toaster{h: h, st: Status{Backend: BackendToast, Actions: true}}
	exe, _ := os.Executable()
	if err := toast.SetAppData(toast.AppData{AppID: h.opts.AppName, GUID: activatorGUID, IconPath: h.opts.Icon, ActivationExe: exe}); err != nil {
		t.st = Status{Backend: BackendToast, Err: fmt.Errorf("register for toast buttons: %w", err)}
	}
	toast.SetActivationCallback(func(args string, _ []toast.UserData) {
		if a, ok := decodeArg(args); ok {
			h.send(a)
		}
	})
	return t
}

func (t *toaster) show(p reminders.Prompt) error {
	c := compose(p)
	n := toast.Notification{
		AppID:               t.h.opts.AppName,
		Title:               c.Summary,
		Body:                c.Body(false, false),
		Icon:                t.h.opts.Icon,
		ActivationType:      toast.Foreground,
		ActivationArguments: encodeArg(keyOpen, p.ID),
		Audio:               toast.Silent,
		Duration:            toast.Long,
	}
	if t.h.soundOn() {
		n.Audio = toast.Reminder
	}
	for _, b := range c.Buttons {
		n.Actions = append(n.Actions, toast.Action{Type: toast.Foreground, Content: b.Label, Arguments: encodeArg(b.Key, p.ID)})
	}
	if err := n.Push(); err != nil {
		t.set(Status{Backend: BackendToast, Err: err})
		return fmt.Errorf("show prompt %d: %w", p.ID, err)
	}
	t.set(Status{Backend: BackendToast, Actions: true})
	return nil
}

func (t *toaster) set(s Status) {
	t.mu.Lock()
	t.st = s
	t.mu.Unlock()
}

func (t *toaster) notice(summary, body string) error {
	n := toast.Notification{AppID: t.h.opts.AppName, Title: summary, Body: body, Icon: t.h.opts.Icon, Audio: toast.Silent}
	if err := n.Push(); err != nil {
		return fmt.Errorf("show notice: %w", err)
	}
	return nil
}

func (t *toaster) close(uint64) error { return nil }

func (t *toaster) status() Status {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.st
}

func (t *toaster) shutdown() { toast.SetActivationCallback(func(string, []toast.UserData) {}) }
