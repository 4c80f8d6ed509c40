//go:build linux

package notify

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/internal/testdesk"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/window"
)

// TestARealServerShowsThePromptWithItsButtons runs dunst, a real
// notification server, under Xvfb. The prompt is displayed; dunst's
// context menu offers every button and a chosen one comes back as its
// action; a click (dunstctl action) comes back as Open; once closed the
// notification sits in dunst's history with its summary.
func TestARealServerShowsThePromptWithItsButtons(t *testing.T) {
	if !testdesk.HaveDunst() {
		t.Skip("dunst is not installed; apt-get install dunst (scripts/dev installs it)")
	}
	addr := testBus(t)
	dunst := testdesk.StartDunst(t, addr, testdesk.Display(t))
	n := start(t, addr)
	if st := n.Status(); st.Backend != BackendFreedesktop || !st.Actions || !strings.HasPrefix(st.Server, "dunst") {
		t.Fatalf("Status with dunst = %+v, want dunst with buttons", st)
	}
	if err := n.Show(walk); err != nil {
		t.Fatal(err)
	}
	testdesk.WaitFor(t, within, "dunst to display the prompt", func() bool {
		return strings.TrimSpace(dunst.Ctl("count", "displayed")) == "1"
	})

	dunst.Choose("Snooze 10 min")
	if got, want := recv(t, n.Actions(), "the chosen button"), (Action{Prompt: walk.ID, Command: reminders.Snooze{Prompt: walk.ID}}); !reflect.DeepEqual(got, want) {
		t.Errorf("choosing Snooze gave %v, want %v", got, want)
	}
	offered := strings.Join(dunst.Offered(), "\n")
	for _, label := range []string{"Done", "Snooze 10 min", "Skip", "Start"} {
		if !strings.Contains(offered, label) {
			t.Errorf("dunst's menu lacks %q:\n%s", label, offered)
		}
	}

	dunst.Ctl("action", "0")
	if got, want := recv(t, n.Actions(), "the click"), (Action{Prompt: walk.ID, Window: window.Prompt}); !reflect.DeepEqual(got, want) {
		t.Errorf("a click gave %v, want %v", got, want)
	}

	dunst.Ctl("close-all")
	var history []testdesk.Shown
	testdesk.WaitFor(t, within, "the prompt in dunst's history", func() bool {
		history = dunst.History()
		return len(history) > 0
	})
	if history[0].Summary != walk.Title() {
		t.Errorf("history holds %q, want %q", history, walk.Title())
	}
}

// TestARealServerAnswersTheCheckinWithAPreset asks the check-in in dunst
// and picks Rough from its menu, as a person does.
func TestARealServerAnswersTheCheckinWithAPreset(t *testing.T) {
	if !testdesk.HaveDunst() {
		t.Skip("dunst is not installed; apt-get install dunst (scripts/dev installs it)")
	}
	addr := testBus(t)
	dunst := testdesk.StartDunst(t, addr, testdesk.Display(t))
	n := start(t, addr)
	if err := n.ShowCheckin(time.Now()); err != nil {
		t.Fatal(err)
	}
	testdesk.WaitFor(t, within, "dunst to display the check-in", func() bool {
		return strings.TrimSpace(dunst.Ctl("count", "displayed")) == "1"
	})

	dunst.Choose("Rough")
	want := Action{Command: reminders.AnswerCheckin{Checkin: reminders.Checkin{Stiffness: 4, Mood: 2, Energy: 2, SleepQuality: 2}}}
	if got := recv(t, n.Actions(), "Rough"); !reflect.DeepEqual(got, want) {
		t.Errorf("choosing Rough gave %v, want %v", got, want)
	}
	offered := strings.Join(dunst.Offered(), "\n")
	for _, label := range []string{"Good", "So-so", "Rough", "Details…"} {
		if !strings.Contains(offered, label) {
			t.Errorf("dunst's menu lacks %q:\n%s", label, offered)
		}
	}

	if err := n.CloseCheckin(); err != nil {
		t.Fatal(err)
	}
	testdesk.WaitFor(t, within, "dunst to take the check-in down", func() bool {
		return strings.TrimSpace(dunst.Ctl("count", "displayed")) == "0"
	})
}
