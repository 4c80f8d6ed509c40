//go:build !windows && !darwin

package notify

import (
	"reflect"
	"testing"
	"time"

	"github.com/microrest/microrest/internal/i18ntest"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// A prompt reaches the notification server in the language the process
// speaks: its heading, its practices' lines and every button.
func TestAPromptReachesTheServerInGerman(t *testing.T) {
	i18ntest.Speak(t, "de")
	srv, n := serve(t, "actions", "body")
	p := walk
	p.Repeat = 1
	got := show(t, srv, n, p)
	if want := "Bewegung + Trinken (Erinnerung 2)"; got.Summary != want {
		t.Errorf("summary = %q, want %q", got.Summary, want)
	}
	if want := "Bewegung: Walk to the window & back\nTrinken: A glass of water"; got.Body != want {
		t.Errorf("body = %q, want %q", got.Body, want)
	}
	wantActions := []string{"default", "Öffnen", "done", "Erledigt", "snooze", "10 Min. später", "skip", "Überspringen", "move", "Starten"}
	if !reflect.DeepEqual(got.Actions, wantActions) {
		t.Errorf("actions = %q, want %q", got.Actions, wantActions)
	}
}

func TestAPromptWithoutButtonsSaysWhereToAnswerInGerman(t *testing.T) {
	i18ntest.Speak(t, "de")
	srv, n := serve(t, "body")
	p := reminders.Prompt{ID: 4, Items: []reminders.Item{{Anchor: settings.Movement, Meal: true, Practice: "Einmal um den Block", Snooze: 10 * time.Minute}}}
	got := show(t, srv, n, p)
	if got.Summary != "Spaziergang nach dem Essen" || got.Body != "Einmal um den Block\nAntworte über das microrest-Menü im Infobereich." {
		t.Errorf("Notify call: summary %q, body %q", got.Summary, got.Body)
	}
}

func TestTheCheckinReachesTheServerInGerman(t *testing.T) {
	i18ntest.Speak(t, "de")
	srv, n := serve(t, "actions", "body")
	got := showCheckin(t, srv, n)
	if want := "Wie geht es deinem Körper heute?"; got.Summary != want {
		t.Errorf("summary = %q, want %q", got.Summary, want)
	}
	wantActions := []string{"default", "Öffnen", "checkin-good", "Gut", "checkin-soso", "Geht so", "checkin-rough", "Schlecht", "checkin-details", "Details…"}
	if !reflect.DeepEqual(got.Actions, wantActions) {
		t.Errorf("actions = %q, want %q", got.Actions, wantActions)
	}
}
