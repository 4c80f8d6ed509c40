//go:build !windows && !darwin

package notify

import "context"

// newBackend on Linux and the BSDs is the freedesktop notification server.
// No beeep fallback here: beeep sends through dbus.SessionBus() and
// esiqveland/notify's signal subscriptions on it, the very connection
// fyne.io/systray needs undisturbed, and without a server it has nothing
// to show either. Without buttons the tray offers the answers.
func newBackend(ctx context.Context, h *hub) backend { return newFreedesktop(ctx, h) }
