package tray

import (
	"slices"
	"testing"
	"time"
)

func statusMenu(status string, withPrompt bool) []Item {
	items := []Item{{Title: status}, {Separator: true}}
	if withPrompt {
		items = append(items, Item{Title: "Done", Action: Action{Kind: Answer, Arg: "done"}})
	}
	return append(items,
		Item{Title: "Pause", Children: []Item{{Title: "For 30m", Action: Action{Kind: Pause, Arg: "30m"}}, {Separator: true}}},
		Item{Title: "Quit microrest", Action: Action{Kind: Quit}},
	)
}

func TestAMenuThatChangesOnlyInTextKeepsItsShape(t *testing.T) {
	a, b := statusMenu("Next: Posture in 12 min", false), statusMenu("Next: Posture in 11 min", false)
	if shape(a) != shape(b) {
		t.Fatalf("text-only change altered the shape: %q vs %q", shape(a), shape(b))
	}
	if shape(a) == shape(statusMenu("Now: Posture", true)) {
		t.Fatal("a new entry must change the shape")
	}
	moved := statusMenu("x", false)
	moved[2].Children[0].Action.Arg = "1h"
	if shape(a) == shape(moved) {
		t.Fatal("a changed action must change the shape")
	}
}

func TestTitlesFollowTheOrderEntriesAreCreatedIn(t *testing.T) {
	got := titles(statusMenu("Status", false), nil)
	want := []string{"Status", "Pause", "For 30m", "Quit microrest"}
	if !slices.Equal(got, want) {
		t.Fatalf("titles %v, want %v", got, want)
	}
}

// A rebuild closes the old items' channels while their forwarders still
// run; reading a closed channel as a click once quit the daemon.
func TestAClosedItemChannelEndsItsForwarderWithoutAnAction(t *testing.T) {
	for _, a := range []Action{{Kind: Quit}, {Kind: Answer, Arg: "done"}} {
		tr := &Tray{actions: make(chan Action, 8)}
		clicks, stop := make(chan struct{}), make(chan struct{})
		ended := make(chan struct{})
		go func() { tr.forward(clicks, a, stop); close(ended) }()
		close(clicks)
		select {
		case <-ended:
		case got := <-tr.actions:
			t.Fatalf("a closed channel produced %v", got.Kind)
		case <-time.After(5 * time.Second):
			t.Fatal("the forwarder did not end when its item's channel closed")
		}
		if len(tr.actions) != 0 {
			t.Fatalf("%d phantom actions after the item closed", len(tr.actions))
		}
		close(stop)
	}
}

func TestAClickIsForwardedOnce(t *testing.T) {
	tr := &Tray{actions: make(chan Action, 8)}
	clicks, stop := make(chan struct{}), make(chan struct{})
	defer close(stop)
	go tr.forward(clicks, Action{Kind: Resume}, stop)
	clicks <- struct{}{}
	select {
	case got := <-tr.actions:
		if got.Kind != Resume {
			t.Fatalf("forwarded %v, want resume", got.Kind)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a click was not forwarded")
	}
}
