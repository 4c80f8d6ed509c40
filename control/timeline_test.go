package control

import (
	"reflect"
	"testing"
	"time"
)

func TestTodaysWinsFoldIntoOneEntryAnAnchorAtItsLatest(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 12, 1, h, m, 0, 0, time.UTC) }
	today := TodayStatus{Timeline: []TimelineEntry{
		{Anchor: "hydration", Time: at(9, 0), State: "done"},
		{Anchor: "posture", Time: at(9, 30), State: "done"},
		{Anchor: "movement", Time: at(10, 0), At: "10:00", State: "done"},
		{Anchor: "hydration", Time: at(11, 0), State: "done"},
		{Anchor: "breath", Time: at(11, 30), State: "upcoming"},
	}}
	want := []FoldedEntry{
		{TimelineEntry{Anchor: "posture", Time: at(9, 30), State: "done"}, 1},
		{TimelineEntry{Anchor: "movement", Time: at(10, 0), At: "10:00", State: "done"}, 1},
		{TimelineEntry{Anchor: "hydration", Time: at(11, 0), State: "done"}, 2},
		{TimelineEntry{Anchor: "breath", Time: at(11, 30), State: "upcoming"}, 1},
	}
	if got := today.Folded(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Folded =\n%+v\nwant\n%+v", got, want)
	}
}
