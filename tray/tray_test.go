package tray

import (
	"slices"
	"testing"
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
