//go:build !windows && !darwin

package notify

import (
	"context"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/microrest/microrest/internal/testdesk"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/window"
)

// within bounds every wait for the notifier or the server.
const within = 5 * time.Second

// walk is a prompt of two anchors, one guided, with a practice that needs
// escaping under markup.
var walk = reminders.Prompt{ID: 7, CanSkip: true, Items: []reminders.Item{
	{Anchor: settings.Movement, Practice: "Walk to the window & back", Snooze: 10 * time.Minute},
	{Anchor: settings.Hydration, Practice: "A glass of water", Snooze: 10 * time.Minute},
}}

// testBus starts a private bus. DISPLAY and WAYLAND_DISPLAY are cleared
// first: a call to an unowned notification name makes the bus start an
// installed server such as dunst, which must never open on the
// developer's screen.
func testBus(t *testing.T) string {
	t.Helper()
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	return testdesk.Bus(t)
}

func start(t *testing.T, addr string) *Notifier {
	t.Helper()
	n := New(t.Context(), Options{
		BusAddress: addr, DesktopEntry: "microrest", Icon: "microrest",
		Log: slog.New(slog.NewTextHandler(testLog{t}, nil)),
	})
	t.Cleanup(n.Shutdown)
	return n
}

// serve starts a bus, a server with caps, and a notifier on it.
func serve(t *testing.T, caps ...string) (*testdesk.NotifyServer, *Notifier) {
	t.Helper()
	addr := testBus(t)
	srv := testdesk.StartNotifyServer(t, addr, caps...)
	return srv, start(t, addr)
}

func recv[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	return testdesk.Recv(t, ch, within, what)
}

func show(t *testing.T, srv *testdesk.NotifyServer, n *Notifier, p reminders.Prompt) testdesk.NotifyCall {
	t.Helper()
	if err := n.Show(p); err != nil {
		t.Fatalf("Show: %v", err)
	}
	return recv(t, srv.Notified(), "the Notify call")
}

func waitStatus(t *testing.T, n *Notifier, what string, cond func(Status) bool) {
	t.Helper()
	testdesk.WaitFor(t, within, what, func() bool { return cond(n.Status()) })
}

func TestANotificationCarriesWhatTheServerCanShow(t *testing.T) {
	fullActions := []string{"default", "Open", "done", "Done", "snooze", "Snooze 10 min", "skip", "Skip", "move", "Start"}
	cases := []struct {
		name    string
		caps    []string
		body    string
		actions []string
	}{
		{"actions and markup", []string{"actions", "body", "body-markup"},
			"<b>Movement</b>: Walk to the window &amp; back\n<b>Hydration</b>: A glass of water", fullActions},
		{"actions without markup", []string{"actions", "body"},
			"Movement: Walk to the window & back\nHydration: A glass of water", fullActions},
		{"markup without actions", []string{"body", "body-markup"},
			"<b>Movement</b>: Walk to the window &amp; back\n<b>Hydration</b>: A glass of water\nAnswer from the microrest tray menu.", []string{}},
		{"neither", []string{"body"},
			"Movement: Walk to the window & back\nHydration: A glass of water\nAnswer from the microrest tray menu.", []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, n := serve(t, c.caps...)
			got := show(t, srv, n, walk)
			want := testdesk.NotifyCall{
				AppName: "microrest", ReplacesID: 0, AppIcon: "microrest",
				Summary: "Movement + Hydration", Body: c.body, Actions: c.actions,
				Hints: map[string]dbus.Variant{
					"urgency":        dbus.MakeVariant(byte(1)),
					"category":       dbus.MakeVariant("x-microrest.reminder"),
					"desktop-entry":  dbus.MakeVariant("microrest"),
					"suppress-sound": dbus.MakeVariant(true),
				},
				ExpireTimeout: 0, ID: 1,
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Notify call\n got %#v\nwant %#v", got, want)
			}
			st := n.Status()
			wantActions := len(c.actions) > 0
			if st.Backend != BackendFreedesktop || st.Actions != wantActions || st.Err != nil {
				t.Errorf("Status = %+v, want freedesktop with Actions %v", st, wantActions)
			}
		})
	}
}

func TestTheStatusNamesTheServer(t *testing.T) {
	_, n := serve(t, "actions")
	want := "notifications by notifyd-double 1.0 (microrest tests), with buttons"
	if got := n.Status().String(); got != want {
		t.Errorf("Status().String() = %q, want %q", got, want)
	}
}

func TestEachButtonReachesTheDaemonAsTheCommandForItsPrompt(t *testing.T) {
	srv, n := serve(t, "actions")
	id := show(t, srv, n, walk).ID
	for key, want := range map[string]Action{
		"done":    {Prompt: walk.ID, Command: reminders.Done{Prompt: walk.ID}},
		"snooze":  {Prompt: walk.ID, Command: reminders.Snooze{Prompt: walk.ID}},
		"skip":    {Prompt: walk.ID, Command: reminders.Skip{Prompt: walk.ID}},
		"move":    {Prompt: walk.ID, Window: window.Move},
		"default": {Prompt: walk.ID, Window: window.Prompt},
	} {
		srv.Invoke(id, key)
		if got := recv(t, n.Actions(), "the action for "+key); !reflect.DeepEqual(got, want) {
			t.Errorf("ActionInvoked(%d, %q) gave %v, want %v", id, key, got, want)
		}
	}
}

func TestAnAppointmentOffersNoSkipAndOnlyGuidedAnchorsOfferStart(t *testing.T) {
	srv, n := serve(t, "actions")
	p := reminders.Prompt{ID: 3, Items: []reminders.Item{{Anchor: settings.Hydration, Practice: "Water", Appointment: true, Snooze: 10 * time.Minute}}}
	got := show(t, srv, n, p)
	want := []string{"default", "Open", "done", "Done", "snooze", "Snooze 10 min"}
	if !reflect.DeepEqual(got.Actions, want) {
		t.Errorf("actions = %q, want %q", got.Actions, want)
	}
	if got.Body != "Water" {
		t.Errorf("body = %q, want the practice alone", got.Body)
	}
}

func TestAReissuedPromptReplacesItsNotification(t *testing.T) {
	srv, n := serve(t, "actions")
	first := show(t, srv, n, walk)
	again := walk
	again.Repeat = 1
	second := show(t, srv, n, again)
	if second.ReplacesID != first.ID || second.ID != first.ID {
		t.Errorf("re-issue sent replaces_id %d and got id %d, want both %d", second.ReplacesID, second.ID, first.ID)
	}
	if want := "Movement + Hydration (reminder 2)"; second.Summary != want {
		t.Errorf("summary = %q, want %q", second.Summary, want)
	}
}

func TestAResolvedPromptIsTakenOffScreen(t *testing.T) {
	srv, n := serve(t, "actions")
	id := show(t, srv, n, walk).ID
	if err := n.Close(walk.ID); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if got := recv(t, srv.Closed(), "CloseNotification"); got != id {
		t.Errorf("CloseNotification(%d), want %d", got, id)
	}
	if err := n.Close(walk.ID); err != nil {
		t.Errorf("closing a closed prompt: %v", err)
	}
	if again := show(t, srv, n, walk); again.ReplacesID != 0 {
		t.Errorf("a prompt shown after its close replaced id %d, want a new notification", again.ReplacesID)
	}
}

func TestSignalsForOtherNotificationsAreIgnored(t *testing.T) {
	srv, n := serve(t, "actions")
	id := show(t, srv, n, walk).ID
	srv.Invoke(id+100, "done")
	srv.CloseWith(id+100, 2)
	srv.Emit("ActionInvoked", id)
	srv.Emit("ActionInvoked", "done", id)
	srv.Emit("NotificationClosed")
	srv.Emit("ActivationToken", id, "token")
	srv.Invoke(id, "bogus")
	srv.Invoke(id, "skip")
	if got, want := recv(t, n.Actions(), "the action"), (Action{Prompt: walk.ID, Command: reminders.Skip{Prompt: walk.ID}}); !reflect.DeepEqual(got, want) {
		t.Errorf("first action = %v, want %v: a foreign or malformed signal got through", got, want)
	}
}

func TestSignalsFromAnotherSenderAreIgnored(t *testing.T) {
	addr := testBus(t)
	srv := testdesk.StartNotifyServer(t, addr, "actions")
	n := start(t, addr)
	id := show(t, srv, n, walk).ID
	impostor := testdesk.Connect(t, addr)
	if err := impostor.Emit("/org/freedesktop/Notifications", "org.freedesktop.Notifications.ActionInvoked", id, "done"); err != nil {
		t.Fatal(err)
	}
	srv.Invoke(id, "snooze")
	if got := recv(t, n.Actions(), "the action"); !reflect.DeepEqual(got.Command, reminders.Snooze{Prompt: walk.ID}) {
		t.Errorf("first action = %v, want the server's snooze, not the impostor's done", got)
	}
}

func TestADismissedNotificationIsNotAnAnswer(t *testing.T) {
	srv, n := serve(t, "actions")
	id := show(t, srv, n, walk).ID
	other := reminders.Prompt{ID: 8, Items: []reminders.Item{{Anchor: settings.Posture, Practice: "Shoulders down"}}}
	otherID := show(t, srv, n, other).ID
	srv.CloseWith(id, 2)
	srv.Invoke(otherID, "done")
	if got := recv(t, n.Actions(), "the action"); got.Prompt != other.ID {
		t.Fatalf("first action = %v, want done for prompt %d: the dismissal was taken as an answer", got, other.ID)
	}
	srv.Stop()
	srv.Restart()
	shown := map[string]bool{}
	for range 2 {
		shown[recv(t, srv.Notified(), "a prompt shown again").Summary] = true
	}
	if !shown["Movement + Hydration"] {
		t.Errorf("the dismissed prompt was not pending any more: shown again %v", shown)
	}
}

func TestTheNotifierSurvivesAServerRestart(t *testing.T) {
	srv, n := serve(t, "actions", "body-markup")
	first := show(t, srv, n, walk)
	srv.Stop()
	waitStatus(t, n, "the server to be gone", func(s Status) bool { return s.Backend == BackendNone && !s.Actions })
	srv.Restart()
	again := recv(t, srv.Notified(), "the prompt shown again")
	if again.ReplacesID != 0 || again.Summary != first.Summary {
		t.Errorf("after a restart got %q replacing %d, want %q as a new notification", again.Summary, again.ReplacesID, first.Summary)
	}
	srv.Invoke(again.ID, "done")
	if got, want := recv(t, n.Actions(), "the action"), (Action{Prompt: walk.ID, Command: reminders.Done{Prompt: walk.ID}}); !reflect.DeepEqual(got, want) {
		t.Errorf("action after restart = %v, want %v", got, want)
	}
	waitStatus(t, n, "buttons again", func(s Status) bool { return s.Backend == BackendFreedesktop && s.Actions })
}

func TestWithoutAServerPromptsWaitForOne(t *testing.T) {
	addr := testBus(t)
	n := start(t, addr)
	st := n.Status()
	if st.Backend != BackendNone || st.Actions || st.Err == nil {
		t.Errorf("Status without a server = %+v, want none, no actions, a reason", st)
	}
	if err := n.Show(walk); err != nil {
		t.Errorf("Show without a server: %v; the tray answers, so it is no error", err)
	}
	srv := testdesk.StartNotifyServer(t, addr, "actions")
	if got := recv(t, srv.Notified(), "the pending prompt on the new server"); got.Summary != "Movement + Hydration" {
		t.Errorf("shown %q", got.Summary)
	}
	waitStatus(t, n, "the freedesktop status", func(s Status) bool { return s.Backend == BackendFreedesktop && s.Actions })
}

func TestAServerThatLosesActionsIsNoticedOnRestart(t *testing.T) {
	srv, n := serve(t, "actions")
	srv.Stop()
	waitStatus(t, n, "the server to be gone", func(s Status) bool { return s.Backend == BackendNone })
	srv.SetCaps("body")
	srv.Restart()
	waitStatus(t, n, "a server without buttons", func(s Status) bool { return s.Backend == BackendFreedesktop && !s.Actions })
}

func TestTheSoundHintFollowsTheSoundSetting(t *testing.T) {
	srv, n := serve(t, "actions")
	n.SetSound(true)
	on := show(t, srv, n, walk)
	n.SetSound(false)
	off := show(t, srv, n, walk)
	if on.Hint("sound-name") != "message-new-instant" || on.Hint("suppress-sound") != nil {
		t.Errorf("sound on: hints %v", on.Hints)
	}
	if off.Hint("sound-name") != nil || off.Hint("suppress-sound") != true {
		t.Errorf("sound off: hints %v", off.Hints)
	}
}

func TestShutdownClosesTheActions(t *testing.T) {
	_, n := serve(t, "actions")
	n.Shutdown()
	select {
	case a, ok := <-n.Actions():
		if ok {
			t.Errorf("Actions delivered %v after Shutdown", a)
		}
	case <-time.After(within):
		t.Error("Actions still open after Shutdown")
	}
}

// testLog sends the notifier's log to the test's.
type testLog struct{ t *testing.T }

func (w testLog) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

func TestTheNotifierReconnectsWhenTheBusReturns(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	bus := testdesk.StartDroppingBus(t)
	srv := testdesk.StartNotifyServer(t, bus.Addr(), "actions")
	n := start(t, bus.Addr())
	show(t, srv, n, walk)
	bus.Stop()
	waitStatus(t, n, "the bus to be gone", func(s Status) bool { return s.Backend == BackendNone && s.Err != nil })
	bus.Restart()
	srv = testdesk.StartNotifyServer(t, bus.Addr(), "actions")
	again := recv(t, srv.Notified(), "the pending prompt shown after the reconnect")
	srv.Invoke(again.ID, "done")
	if got, want := recv(t, n.Actions(), "the answer"), (Action{Prompt: walk.ID, Command: reminders.Done{Prompt: walk.ID}}); !reflect.DeepEqual(got, want) {
		t.Errorf("answer after the reconnect = %v, want %v", got, want)
	}
}

func TestTheEngineCanCloseItsPromptWhileEverythingStops(t *testing.T) {
	addr := testBus(t)
	srv := testdesk.StartNotifyServer(t, addr, "actions")
	ctx, cancel := context.WithCancel(t.Context())
	n := New(ctx, Options{BusAddress: addr, Log: slog.New(slog.NewTextHandler(testLog{t}, nil))})
	t.Cleanup(n.Shutdown)
	id := show(t, srv, n, walk).ID
	cancel()
	if err := n.Close(walk.ID); err != nil {
		t.Fatalf("Close after the context ended: %v", err)
	}
	if got := recv(t, srv.Closed(), "CloseNotification"); got != id {
		t.Errorf("closed %d, want %d", got, id)
	}
}

func TestANoticeHasNoButtonsAndReplacesTheLastNotice(t *testing.T) {
	srv, n := serve(t, "actions", "body", "body-markup")
	if err := n.Notice("Settings file has a mistake", "line 3: every <0s>"); err != nil {
		t.Fatal(err)
	}
	first := recv(t, srv.Notified(), "the first notice")
	if first.Summary != "Settings file has a mistake" || first.Body != "line 3: every &lt;0s&gt;" || len(first.Actions) != 0 || first.ReplacesID != 0 {
		t.Fatalf("first notice: %+v", first)
	}
	if err := n.Notice("Settings file has a mistake", "line 4"); err != nil {
		t.Fatal(err)
	}
	if second := recv(t, srv.Notified(), "the second notice"); second.ReplacesID != first.ID {
		t.Fatalf("the second notice replaces %d, want %d", second.ReplacesID, first.ID)
	}
	if p := show(t, srv, n, walk); p.ReplacesID != 0 {
		t.Fatalf("a prompt must not replace a notice: replaces %d", p.ReplacesID)
	}
}

func TestANoticeWithoutAServerSaysSo(t *testing.T) {
	n := start(t, testBus(t))
	if err := n.Notice("x", "y"); err == nil {
		t.Fatal("a notice without a server must report it")
	}
}
