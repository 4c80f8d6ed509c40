package daemon

import (
	"testing"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
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
