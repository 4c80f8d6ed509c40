package tray

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/window"
)

func statusMenu(status string, prompt uint64) []Item {
	items := []Item{{Title: status}, {Separator: true}}
	if prompt != 0 {
		items = append(items, Item{Title: "Done", Action: Action{Command: reminders.Done{Prompt: prompt}}})
	}
	return append(items,
		Item{Title: "Pause", Children: []Item{{Title: "For 30m", Action: Action{Command: reminders.PauseFor{For: 30 * time.Minute}}}, {Separator: true}}},
		Item{Title: "Settings…", Action: Action{Window: window.Settings}},
		Item{Title: "Quit microrest", Action: Action{Quit: true}},
	)
}

func TestAMenuThatChangesOnlyInTextKeepsItsShape(t *testing.T) {
	a, b := statusMenu("Next: Posture in 12 min", 0), statusMenu("Next: Posture in 11 min", 0)
	if shape(a) != shape(b) {
		t.Fatalf("text-only change altered the shape: %q vs %q", shape(a), shape(b))
	}
	if shape(a) == shape(statusMenu("Now: Posture", 7)) {
		t.Fatal("a new entry must change the shape")
	}
	moved := statusMenu("x", 0)
	moved[2].Children[0].Action.Command = reminders.PauseFor{For: time.Hour}
	if shape(a) == shape(moved) {
		t.Fatal("a changed command must change the shape")
	}
	other := statusMenu("x", 0)
	other[3].Action.Window = window.Progress
	if shape(a) == shape(other) {
		t.Fatal("another window must change the shape")
	}
}

// A patch keeps the items' forwarders; one kept for an answer to an old
// prompt would answer it after a new prompt took its place.
func TestAnAnswerForAnotherPromptChangesTheShape(t *testing.T) {
	if shape(statusMenu("Now: Posture", 7)) == shape(statusMenu("Now: Posture", 8)) {
		t.Fatal("answers to prompts 7 and 8 share a shape")
	}
}

func TestTitlesFollowTheOrderEntriesAreCreatedIn(t *testing.T) {
	got := titles(statusMenu("Status", 0), nil)
	want := []string{"Status", "Pause", "For 30m", "Settings…", "Quit microrest"}
	if !slices.Equal(got, want) {
		t.Fatalf("titles %v, want %v", got, want)
	}
}

// A rebuild closes the old items' channels while their forwarders still
// run; reading a closed channel as a click once quit the daemon.
func TestAClosedItemChannelEndsItsForwarderWithoutAnAction(t *testing.T) {
	for _, a := range []Action{{Quit: true}, {Command: reminders.Done{Prompt: 1}}} {
		tr := &Tray{actions: make(chan Action, 8)}
		clicks, stop := make(chan struct{}), make(chan struct{})
		ended := make(chan struct{})
		go func() { tr.forward(clicks, a, stop); close(ended) }()
		close(clicks)
		select {
		case <-ended:
		case got := <-tr.actions:
			t.Fatalf("a closed channel produced %v", got)
		case <-time.After(5 * time.Second):
			t.Fatal("the forwarder did not end when its item's channel closed")
		}
		if len(tr.actions) != 0 {
			t.Fatalf("%d phantom actions after the item closed", len(tr.actions))
		}
		close(stop)
	}
}

func TestAClickHandsOnTheItemsCommandWithItsPromptID(t *testing.T) {
	tr := &Tray{actions: make(chan Action, 8)}
	clicks, stop := make(chan struct{}), make(chan struct{})
	defer close(stop)
	want := Action{Command: reminders.Done{Prompt: 7}}
	go tr.forward(clicks, want, stop)
	clicks <- struct{}{}
	select {
	case got := <-tr.actions:
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("forwarded %v, want %v", got, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a click was not forwarded")
	}
	select {
	case got := <-tr.actions:
		t.Fatalf("one click forwarded twice: %v", got)
	default:
	}
}

func TestActionsSayWhatTheyAskFor(t *testing.T) {
	tests := []struct {
		a    Action
		want string
	}{
		{Action{Command: reminders.Snooze{Prompt: 3}}, "reminders.Snooze{Prompt:3 Anchors:[] For:0s}"},
		{Action{Window: window.Progress}, "open progress"},
		{Action{Quit: true}, "quit"},
		{Action{}, "none"},
	}
	for _, tc := range tests {
		if got := tc.a.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.a, got, tc.want)
		}
	}
}
