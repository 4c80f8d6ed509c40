package notify

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

func TestButtonsOfferEveryAnswerThePromptAllows(t *testing.T) {
	item := func(k settings.Kind, snooze time.Duration) reminders.Item {
		return reminders.Item{Anchor: k, Practice: "p", Snooze: snooze}
	}
	ten := 10 * time.Minute
	cases := []struct {
		name string
		p    reminders.Prompt
		want []button
	}{
		{"a skippable plain anchor without a snooze length", reminders.Prompt{CanSkip: true, Items: []reminders.Item{item(settings.Posture, 0)}},
			[]button{{keyDone, "Done"}, {keySnooze, "Snooze"}, {keySkip, "Skip"}}},
		{"an appointment has no skip", reminders.Prompt{Items: []reminders.Item{item(settings.WindDown, ten)}},
			[]button{{keyDone, "Done"}, {keySnooze, "Snooze 10 min"}}},
		{"breath starts its session", reminders.Prompt{CanSkip: true, Items: []reminders.Item{item(settings.Breath, ten)}},
			[]button{{keyDone, "Done"}, {keySnooze, "Snooze 10 min"}, {keySkip, "Skip"}, {"breathe", "Start"}}},
		{"a guided anchor among others", reminders.Prompt{Items: []reminders.Item{item(settings.Posture, ten), item(settings.Movement, ten)}},
			[]button{{keyDone, "Done"}, {keySnooze, "Snooze 10 min"}, {"move", "Start"}}},
		{"different snooze lengths name none", reminders.Prompt{Items: []reminders.Item{item(settings.Posture, ten), item(settings.Hydration, 2*ten)}},
			[]button{{keyDone, "Done"}, {keySnooze, "Snooze"}}},
		{"a snooze under a minute names none", reminders.Prompt{Items: []reminders.Item{item(settings.Posture, 30*time.Second)}},
			[]button{{keyDone, "Done"}, {keySnooze, "Snooze"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := buttons(c.p); !reflect.DeepEqual(got, c.want) {
				t.Errorf("buttons = %v, want %v", got, c.want)
			}
		})
	}
}

// Every button a notification offers comes back as the engine's command
// for the prompt it showed, or as the window it opens.
func TestEveryButtonReadsBackAsAnActionForItsPrompt(t *testing.T) {
	p := reminders.Prompt{ID: 9, CanSkip: true, Items: []reminders.Item{{Anchor: settings.Breath}}}
	for _, b := range buttons(p) {
		a, ok := actionFor(b.Key, p.ID)
		if !ok || a.Prompt != p.ID || (a.Command == nil && a.Window == 0) {
			t.Errorf("button %q reads back as %v, %v", b.Label, a, ok)
		}
	}
}

func TestTheBodyEscapesExactlyWhenMarkupIsUsed(t *testing.T) {
	one := compose(reminders.Prompt{Items: []reminders.Item{{Anchor: settings.Breath, Practice: "In <4> & out"}}})
	cases := []struct {
		name           string
		markup, inTray bool
		want           string
	}{
		{"plain", false, false, "In <4> & out"},
		{"markup", true, false, "In &lt;4&gt; &amp; out"},
		{"plain, answers in the tray", false, true, "In <4> & out\nAnswer from the microrest tray menu."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := one.Body(c.markup, c.inTray); got != c.want {
				t.Errorf("Body = %q, want %q", got, c.want)
			}
		})
	}
}

func TestARepeatedPromptSaysHowOftenItCame(t *testing.T) {
	p := reminders.Prompt{Repeat: 2, Items: []reminders.Item{{Anchor: settings.Rest}}}
	if got, want := compose(p).Summary, "Rest (reminder 3)"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

func TestStatusSaysWhereToAnswer(t *testing.T) {
	cases := []struct {
		s    Status
		want string
	}{
		{Status{Backend: BackendFreedesktop, Actions: true, Server: "dunst", Version: "1.9.0"}, "notifications by dunst 1.9.0, with buttons"},
		{Status{Backend: BackendFreedesktop, Server: "notifyd", Vendor: "KDE", Version: "6.1"}, "notifications by notifyd 6.1 (KDE), without buttons: answer from the tray"},
		{Status{Backend: BackendFreedesktop, Actions: true}, "notifications by an unnamed server, with buttons"},
		{Status{Backend: BackendFreedesktop, Server: "x"}, "notifications by x, without buttons: answer from the tray"},
		{Status{Backend: BackendNone, Err: errors.New("bus gone")}, "no notification server: answer from the tray (bus gone)"},
		{Status{Backend: BackendToast, Actions: true}, "Windows notifications, with buttons"},
		{Status{Backend: BackendAppleScript}, "macOS notifications, without buttons: answer from the tray"},
	}
	for _, c := range cases {
		if got := c.s.String(); got != c.want {
			t.Errorf("%+v.String() = %q, want %q", c.s, got, c.want)
		}
	}
}
