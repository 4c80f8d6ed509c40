//go:build !windows && !darwin

package notify

import (
	"reflect"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/microrest/microrest/internal/testdesk"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/window"
)

// today is the day a test's check-in is asked for.
var today = time.Date(2026, 12, 1, 4, 0, 0, 0, time.Local)

// The presets as the engine receives them.
var (
	good  = Action{Command: reminders.AnswerCheckin{Checkin: reminders.Checkin{Stiffness: 2, Mood: 4, Energy: 4, SleepQuality: 4}}}
	soSo  = Action{Command: reminders.AnswerCheckin{Checkin: reminders.Checkin{Stiffness: 3, Mood: 3, Energy: 3, SleepQuality: 3}}}
	rough = Action{Command: reminders.AnswerCheckin{Checkin: reminders.Checkin{Stiffness: 4, Mood: 2, Energy: 2, SleepQuality: 2}}}
)

func showCheckin(t *testing.T, srv *testdesk.NotifyServer, n *Notifier) testdesk.NotifyCall {
	t.Helper()
	if err := n.ShowCheckin(today); err != nil {
		t.Fatalf("ShowCheckin: %v", err)
	}
	return recv(t, srv.Notified(), "the check-in's Notify call")
}

func TestTheCheckinReachesTheServerWithItsButtons(t *testing.T) {
	buttons := []string{"default", "Open", "checkin-good", "Good", "checkin-soso", "So-so", "checkin-rough", "Rough", "checkin-details", "Details…"}
	cases := []struct {
		name    string
		caps    []string
		body    string
		actions []string
	}{
		{"actions and markup", []string{"actions", "body", "body-markup"},
			"Stiffness, mood, energy and sleep: one tap answers all four, Details… each on its own.", buttons},
		{"no actions", []string{"body"},
			"Stiffness, mood, energy and sleep, in a few seconds.\nAnswer from the microrest tray menu or with `microrest checkin`.", []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, n := serve(t, c.caps...)
			got := showCheckin(t, srv, n)
			want := testdesk.NotifyCall{
				AppName: "microrest", ReplacesID: 0, AppIcon: "microrest",
				Summary: "How is your body today?", Body: c.body, Actions: c.actions,
				Hints: map[string]dbus.Variant{
					"urgency":        dbus.MakeVariant(byte(1)),
					"category":       dbus.MakeVariant("x-microrest.checkin"),
					"desktop-entry":  dbus.MakeVariant("microrest"),
					"suppress-sound": dbus.MakeVariant(true),
				},
				ExpireTimeout: 0, ID: 1,
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Notify call\n got %#v\nwant %#v", got, want)
			}
		})
	}
}

func TestEachCheckinButtonReachesTheDaemonAsItsAnswer(t *testing.T) {
	srv, n := serve(t, "actions")
	id := showCheckin(t, srv, n).ID
	for _, c := range []struct {
		key  string
		want Action
	}{
		{"checkin-good", good},
		{"checkin-soso", soSo},
		{"checkin-rough", rough},
		{"checkin-details", Action{Window: window.Checkin}},
		{"default", Action{Window: window.Checkin}},
	} {
		srv.Invoke(id, c.key)
		if got := recv(t, n.Actions(), "the answer for "+c.key); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ActionInvoked(%d, %q) gave %v, want %v", id, c.key, got, c.want)
		}
	}
}

func TestTheAnsweredCheckinIsTakenOffScreen(t *testing.T) {
	srv, n := serve(t, "actions")
	first := showCheckin(t, srv, n)
	if again := showCheckin(t, srv, n); again.ReplacesID != first.ID || again.ID != first.ID {
		t.Errorf("asked again, the check-in replaced %d and got %d, want both %d", again.ReplacesID, again.ID, first.ID)
	}
	if err := n.CloseCheckin(); err != nil {
		t.Fatalf("CloseCheckin: %v", err)
	}
	if got := recv(t, srv.Closed(), "CloseNotification"); got != first.ID {
		t.Errorf("CloseNotification(%d), want %d", got, first.ID)
	}
	if err := n.CloseCheckin(); err != nil {
		t.Errorf("closing a closed check-in: %v", err)
	}
	if next := showCheckin(t, srv, n); next.ReplacesID != 0 {
		t.Errorf("the next day's check-in replaced %d, want a new notification", next.ReplacesID)
	}
}

// A prompt and the check-in are on screen together: each button reaches
// the daemon as its own notification's answer, a key sent on the other's
// id is nobody's, and closing one leaves the other.
func TestAPromptAndTheCheckinAreToldApart(t *testing.T) {
	srv, n := serve(t, "actions")
	promptID := show(t, srv, n, walk).ID
	checkinID := showCheckin(t, srv, n).ID
	if checkinID == promptID {
		t.Fatalf("the check-in replaced the prompt's notification %d", promptID)
	}
	srv.Invoke(checkinID, "done")
	srv.Invoke(promptID, "checkin-rough")
	srv.Invoke(promptID, "default")
	if got, want := recv(t, n.Actions(), "the prompt's click"), (Action{Prompt: walk.ID, Window: window.Prompt}); !reflect.DeepEqual(got, want) {
		t.Fatalf("first action = %v, want %v: a key crossed notifications", got, want)
	}
	srv.Invoke(checkinID, "checkin-rough")
	if got := recv(t, n.Actions(), "the check-in's Rough"); !reflect.DeepEqual(got, rough) {
		t.Errorf("Rough gave %v, want %v", got, rough)
	}

	if again := show(t, srv, n, walk); again.ReplacesID != promptID {
		t.Errorf("the prompt shown again replaced %d, want its own %d", again.ReplacesID, promptID)
	}
	if err := n.Close(walk.ID); err != nil {
		t.Fatal(err)
	}
	if got := recv(t, srv.Closed(), "the prompt's CloseNotification"); got != promptID {
		t.Errorf("Close closed %d, want the prompt's %d", got, promptID)
	}
	srv.Invoke(checkinID, "checkin-good")
	if got := recv(t, n.Actions(), "Good after the prompt went"); !reflect.DeepEqual(got, good) {
		t.Errorf("Good gave %v, want %v", got, good)
	}
	if err := n.CloseCheckin(); err != nil {
		t.Fatal(err)
	}
	if got := recv(t, srv.Closed(), "the check-in's CloseNotification"); got != checkinID {
		t.Errorf("CloseCheckin closed %d, want %d", got, checkinID)
	}
}

func TestADismissedCheckinIsNotAnAnswer(t *testing.T) {
	srv, n := serve(t, "actions")
	id := showCheckin(t, srv, n).ID
	srv.CloseWith(id, 2)
	p := show(t, srv, n, walk)
	srv.Invoke(p.ID, "skip")
	if got := recv(t, n.Actions(), "the prompt's Skip"); !reflect.DeepEqual(got.Command, reminders.Skip{Prompt: walk.ID}) {
		t.Fatalf("first action = %v, want the prompt's skip: the dismissal was taken as an answer", got)
	}
	if err := n.CloseCheckin(); err != nil {
		t.Fatal(err)
	}
	if closes := srv.Closes(); len(closes) != 0 {
		t.Errorf("CloseNotification(%v) for a check-in already dismissed", closes)
	}
}

func TestTheOpenCheckinIsShownAgainToANewServer(t *testing.T) {
	addr := testBus(t)
	n := start(t, addr)
	if err := n.ShowCheckin(today); err != nil {
		t.Errorf("ShowCheckin without a server: %v; the tray asks too, so it is no error", err)
	}
	srv := testdesk.StartNotifyServer(t, addr, "actions")
	first := recv(t, srv.Notified(), "the check-in on the new server")
	if first.Summary != "How is your body today?" {
		t.Fatalf("shown %q", first.Summary)
	}
	srv.Stop()
	waitStatus(t, n, "the server to be gone", func(s Status) bool { return s.Backend == BackendNone })
	srv.Restart()
	again := recv(t, srv.Notified(), "the check-in after a restart")
	if again.Summary != first.Summary || again.ReplacesID != 0 {
		t.Errorf("after a restart got %q replacing %d, want the check-in as a new notification", again.Summary, again.ReplacesID)
	}
	srv.Invoke(again.ID, "checkin-soso")
	if got := recv(t, n.Actions(), "So-so after the restart"); !reflect.DeepEqual(got, soSo) {
		t.Errorf("So-so gave %v, want %v", got, soSo)
	}

	if err := n.CloseCheckin(); err != nil {
		t.Fatal(err)
	}
	recv(t, srv.Closed(), "the check-in's CloseNotification")
	srv.Stop()
	waitStatus(t, n, "the server to be gone", func(s Status) bool { return s.Backend == BackendNone })
	srv.Restart()
	waitStatus(t, n, "the server back", func(s Status) bool { return s.Backend == BackendFreedesktop })
	if err := n.Show(walk); err != nil {
		t.Fatal(err)
	}
	if got := recv(t, srv.Notified(), "the next notification"); got.Summary != walk.Title() {
		t.Errorf("after a restart the server was shown %q first, want the prompt: the answered check-in came back", got.Summary)
	}
}
