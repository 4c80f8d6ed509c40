//go:build linux

package traytest

import (
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/microrest/microrest/internal/testdesk"
	"github.com/microrest/microrest/notify"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/tray"
)

const within = 5 * time.Second

// trayRan remembers that systray's one run in this process is used up.
var trayRan atomic.Bool

// lostFor is how long the control case waits to conclude that the tray
// did not come back; the positive case comes back in milliseconds.
const lostFor = 2 * time.Second

func recv[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	return testdesk.Recv(t, ch, within, what)
}

// TestTheTrayComesBackAfterNotificationSignalsAndAPanelRestart runs the tray
// and the notifier together on one session bus, as the daemon does. The
// notifier's signals, short ones included, must not stop the tray from
// registering again when the panel (the StatusNotifierWatcher) restarts.
// A control case then shows why: the same signals on systray's shared
// connection leave the tray gone for good.
func TestTheTrayComesBackAfterNotificationSignalsAndAPanelRestart(t *testing.T) {
	if trayRan.Swap(true) {
		t.Skip("fyne.io/systray runs once per process; a -count rerun cannot start it again")
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	addr := testdesk.Bus(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
	watcher := testdesk.StartWatcher(t, addr)
	srv := testdesk.StartNotifyServer(t, addr, "actions", "body")
	runTray(t)
	recv(t, watcher.Registered(), "the tray to register")

	n := notify.New(t.Context(), notify.Options{}) // the session bus from the environment
	t.Cleanup(n.Shutdown)
	fireNotificationSignals(t, srv, n)

	watcher.Stop()
	watcher = testdesk.StartWatcher(t, addr)
	recv(t, watcher.Registered(), "the tray to register again with the restarted panel")

	t.Run("control: the same signals on the shared connection lose the tray", func(t *testing.T) {
		shareSignals(t)
		srv.CloseWith(1, 2)
		watcher.Stop()
		watcher = testdesk.StartWatcher(t, addr)
		select {
		case <-watcher.Registered():
			t.Error("the tray registered again: fyne.io/systray no longer quits on short signals, " +
				"so the private-connection rule in notify may be relaxed")
		case <-time.After(lostFor):
		}
	})
}

// runTray starts the tray on the session bus and stops it at the end.
func runTray(t *testing.T) {
	t.Helper()
	tr := tray.New(tray.Menu{Tooltip: "microrest", Items: []tray.Item{{Title: "microrest"}}})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tr.Run() // fyne.io/systray needs no main thread on Linux
	}()
	t.Cleanup(func() {
		tr.Quit()
		recv(t, stopped, "the tray to stop")
	})
}

// fireNotificationSignals shows a prompt, answers it from the
// notification, dismisses it, and adds malformed short signals.
func fireNotificationSignals(t *testing.T, srv *testdesk.NotifyServer, n *notify.Notifier) {
	t.Helper()
	p := reminders.Prompt{ID: 1, CanSkip: true, Items: []reminders.Item{{Anchor: settings.Breath, Practice: "Six slow breaths"}}}
	if err := n.Show(p); err != nil {
		t.Fatal(err)
	}
	id := recv(t, srv.Notified(), "the prompt").ID
	srv.Invoke(id, "done")
	if a := recv(t, n.Actions(), "the answer"); !reflect.DeepEqual(a.Command, reminders.Done{Prompt: 1}) {
		t.Fatalf("answer %v, want done for prompt 1", a)
	}
	srv.CloseWith(id, 2)
	srv.Emit("ActionInvoked", id)
	srv.Emit("NotificationClosed")
	srv.Invoke(id+1, "skip")
}

// shareSignals subscribes the shared session connection to notification
// signals, as a notifier on dbus.SessionBus() would (beeep, or
// esiqveland/notify given the shared connection).
func shareSignals(t *testing.T) {
	t.Helper()
	conn, err := dbus.SessionBus()
	if err != nil {
		t.Fatal(err)
	}
	err = conn.AddMatchSignal(dbus.WithMatchObjectPath("/org/freedesktop/Notifications"),
		dbus.WithMatchInterface("org.freedesktop.Notifications"))
	if err != nil {
		t.Fatal(err)
	}
}
