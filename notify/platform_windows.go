//go:build windows

package notify

import (
	"context"
	"errors"
	"os"
	"sync"
	"time"

	toast "git.sr.ht/~jackmordaunt/go-toast"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
)

// activatorGUID is microrest's own COM activator, so Windows calls this
// program back, and no other, when a toast button is pressed.
const activatorGUID = "{5C3A1E67-8E2B-4C8F-9D1A-6F0B7E2D4A91}"

// toaster shows Windows toasts whose buttons come back through the
// activation callback. go-toast can neither replace nor remove a toast,
// so a re-issue adds one and Close leaves it in the Action Center; a late
// press on a resolved prompt reaches the daemon, which ignores answers to
// prompts that are no longer open. Where a toast cannot be built (no
// WinRT: Wine, some Server and LTSC installs) the prompt opens the prompt
// window instead, and Status says so; the next prompt tries a toast again.
type toaster struct {
	h       *hub
	windows *promptWindows
	mu      sync.Mutex
	st      Status
	// checkin is the date (checkinDate) of the check-in asked and not yet
	// closed, 0 for none; taps on an older check-in toast are ignored.
	checkin uint64
}

func newBackend(_ context.Context, h *hub) backend {
	t := &toaster{h: h, windows: newPromptWindows(nil), st: Status{Backend: BackendToast, Actions: true}}
	exe, _ := os.Executable()
	if err := toast.SetAppData(toast.AppData{AppID: h.opts.AppName, GUID: activatorGUID, IconPath: h.opts.Icon, ActivationExe: exe}); err != nil {
		t.st = Status{Backend: BackendToast, Err: i18n.Wrap(err, "notify.err.toast_register")}
	}
	toast.SetActivationCallback(func(args string, _ []toast.UserData) {
		if a, ok := decodeArg(args, t.openCheckin()); ok {
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
	if err := t.push(n, func() error { return t.windows.show(p.ID) }); err != nil {
		return i18n.Wrap(err, "notify.err.show_prompt", map[string]any{"ID": p.ID})
	}
	return nil
}

// push shows a toast or, where toasts cannot be shown, calls fallback,
// and records which of the two the person sees; only when neither works
// is the prompt unseen.
func (t *toaster) push(n toast.Notification, fallback func() error) error {
	err := n.Push()
	if err == nil {
		t.set(Status{Backend: BackendToast, Actions: true})
		return nil
	}
	err = i18n.Wrap(err, "notify.err.no_toasts")
	if ferr := fallback(); ferr != nil {
		err = errors.Join(err, ferr)
		t.set(Status{Backend: BackendNone, Err: err})
		return err
	}
	t.set(Status{Backend: BackendWindow, Err: err})
	return nil
}

// showCheckin shows the check-in with the same buttons as elsewhere; a
// click on the toast opens the check-in window. Its buttons carry the
// day's date, so a tap on an older toast is told apart.
func (t *toaster) showCheckin(day time.Time) error {
	date := checkinDate(day)
	t.mu.Lock()
	t.checkin = date
	t.mu.Unlock()
	n := toast.Notification{
		AppID:               t.h.opts.AppName,
		Title:               i18n.T("notify.checkin.summary"),
		Body:                checkinBody(false, true),
		Icon:                t.h.opts.Icon,
		ActivationType:      toast.Foreground,
		ActivationArguments: encodeArg(keyCheckinDetails, date),
		Audio:               toast.Silent,
		Duration:            toast.Long,
	}
	if t.h.soundOn() {
		n.Audio = toast.Reminder
	}
	for _, b := range checkinButtons() {
		n.Actions = append(n.Actions, toast.Action{Type: toast.Foreground, Content: b.Label, Arguments: encodeArg(b.Key, date)})
	}
	if err := t.push(n, func() error { return t.windows.showCheckin(date) }); err != nil {
		return i18n.Wrap(err, "notify.err.show_checkin")
	}
	return nil
}

// closeCheckin cannot withdraw the toast; it makes its buttons answer
// nothing from now on.
func (t *toaster) closeCheckin() error {
	t.mu.Lock()
	t.checkin = 0
	t.mu.Unlock()
	return nil
}

func (t *toaster) openCheckin() uint64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.checkin
}

func (t *toaster) set(s Status) {
	t.mu.Lock()
	t.st = s
	t.mu.Unlock()
}

func (t *toaster) notice(summary, body string) error {
	n := toast.Notification{AppID: t.h.opts.AppName, Title: summary, Body: body, Icon: t.h.opts.Icon, Audio: toast.Silent}
	if err := n.Push(); err != nil {
		return i18n.Wrap(err, "notify.err.show_notice")
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
