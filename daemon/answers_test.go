package daemon

import (
	"reflect"
	"testing"
	"time"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/tray"
)

func TestTheEscalationWindowOpensOnceOnTheLastReissue(t *testing.T) {
	on := settings.Escalation{Window: true, Repeats: 2}
	tests := []struct {
		name   string
		x      settings.Escalation
		p      *reminders.Prompt
		opened uint64
		want   bool
	}{
		{"the last re-issue opens it", on, &reminders.Prompt{ID: 4, Repeat: 2}, 0, true},
		{"not before the last re-issue", on, &reminders.Prompt{ID: 4, Repeat: 1}, 0, false},
		{"only once per prompt", on, &reminders.Prompt{ID: 4, Repeat: 2}, 4, false},
		{"a new prompt gets its own", on, &reminders.Prompt{ID: 5, Repeat: 2}, 4, true},
		{"not when the setting is off", settings.Escalation{Repeats: 2}, &reminders.Prompt{ID: 4, Repeat: 2}, 0, false},
		{"not without re-issues at all", settings.Escalation{Window: true}, &reminders.Prompt{ID: 4}, 0, false},
		{"not without a prompt", on, nil, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := wantsWindow(tc.x, tc.p, tc.opened); got != tc.want {
				t.Fatalf("wantsWindow = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestClipKeepsShortTextAndEndsLongTextWithAnEllipsis(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Posture: chin tuck", "Posture: chin tuck"},
		{"Movement: Walk for two minutes: down the hall, up a flight of stairs, and back.", "Movement: Walk for two minutes: down the hall, up a flight…"},
		{"Hydration: ünïcode ünïcode ünïcode ünïcode ünïcode ünïcode ünïcode", "Hydration: ünïcode ünïcode ünïcode ünïcode ünïcode ünïcode…"},
	}
	for _, tc := range tests {
		got := clip(tc.in, menuTextMax)
		if got != tc.want || len([]rune(got)) > menuTextMax {
			t.Errorf("clip(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEveryAnswerInTheMenuCarriesItsPromptsID(t *testing.T) {
	p := &reminders.Prompt{ID: 7, CanSkip: true, Items: []reminders.Item{{Anchor: settings.Posture, Practice: "chin tuck"}}}
	m := menuFor(reminders.Snapshot{Prompt: p}, settings.Defaults(), "")
	answers := 0
	for _, it := range m.Items {
		if it.Action.Kind == tray.Answer {
			answers++
			if it.Action.Prompt != 7 {
				t.Errorf("%q answers prompt %d, want 7", it.Title, it.Action.Prompt)
			}
		}
	}
	if answers != 3 {
		t.Fatalf("%d answers in the menu, want done, snooze and skip", answers)
	}
}

func TestASocketAnswerReachesTheEngineWithItsPromptID(t *testing.T) {
	tests := []struct {
		name string
		req  control.Request
		want reminders.Command
	}{
		{"done for a prompt", control.Request{V: 1, Verb: control.VerbDone, Prompt: 9}, reminders.Done{Prompt: 9}},
		{"done for the prompt on screen", control.Request{V: 1, Verb: control.VerbDone}, reminders.Done{}},
		{"snooze for a prompt", control.Request{V: 1, Verb: control.VerbSnooze, Prompt: 3, For: "15m"}, reminders.Snooze{Prompt: 3, For: 15 * time.Minute}},
		{"skip of one anchor of a prompt", control.Request{V: 1, Verb: control.VerbSkip, Prompt: 4, Anchor: "rest"}, reminders.Skip{Prompt: 4, Anchors: []settings.Kind{settings.Rest}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := requestCommand(tc.req, settings.Defaults(), time.Now())
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("requestCommand = %#v, %v; want %#v", got, err, tc.want)
			}
		})
	}
}
