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
	ten := func(settings.Kind) time.Duration { return 10 * time.Minute }
	perKind := func(k settings.Kind) time.Duration { return time.Duration(k+1) * time.Minute }
	item := func(k settings.Kind) reminders.Item { return reminders.Item{Anchor: k, Practice: "p"} }
	cases := []struct {
		name   string
		p      reminders.Prompt
		snooze func(settings.Kind) time.Duration
		want   []button
	}{
		{"a skippable plain anchor", reminders.Prompt{CanSkip: true, Items: []reminders.Item{item(settings.Posture)}}, nil,
			[]button{{Done, "Done"}, {Snooze, "Snooze"}, {Skip, "Skip"}}},
		{"an appointment has no skip", reminders.Prompt{Items: []reminders.Item{item(settings.WindDown)}}, ten,
			[]button{{Done, "Done"}, {Snooze, "Snooze 10 min"}}},
		{"breath is guided", reminders.Prompt{CanSkip: true, Items: []reminders.Item{item(settings.Breath)}}, ten,
			[]button{{Done, "Done"}, {Snooze, "Snooze 10 min"}, {Skip, "Skip"}, {Start, "Start"}}},
		{"a guided anchor among others", reminders.Prompt{Items: []reminders.Item{item(settings.Posture), item(settings.Movement)}}, ten,
			[]button{{Done, "Done"}, {Snooze, "Snooze 10 min"}, {Start, "Start"}}},
		{"different snooze lengths name none", reminders.Prompt{Items: []reminders.Item{item(settings.Posture), item(settings.Hydration)}}, perKind,
			[]button{{Done, "Done"}, {Snooze, "Snooze"}}},
		{"a snooze under a minute names none", reminders.Prompt{Items: []reminders.Item{item(settings.Posture)}},
			func(settings.Kind) time.Duration { return 30 * time.Second },
			[]button{{Done, "Done"}, {Snooze, "Snooze"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := buttons(c.p, c.snooze); !reflect.DeepEqual(got, c.want) {
				t.Errorf("buttons = %v, want %v", got, c.want)
			}
		})
	}
}

func TestTheBodyEscapesExactlyWhenMarkupIsUsed(t *testing.T) {
	one := compose(reminders.Prompt{Items: []reminders.Item{{Anchor: settings.Breath, Practice: "In <4> & out"}}}, nil)
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
	if got, want := compose(p, nil).Summary, "Rest (reminder 3)"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

func TestEveryTextHasAnEntry(t *testing.T) {
	for k := textDone; k <= textStatusAppleScript; k++ {
		if _, ok := english[k]; !ok {
			t.Errorf("text %d has no entry", k)
		}
	}
}

func TestActionKindsReadBackWhatTheyWrite(t *testing.T) {
	for _, k := range []ActionKind{Done, Snooze, Skip, Start, Open} {
		if got, ok := parseActionKind(k.String()); !ok || got != k {
			t.Errorf("parseActionKind(%q) = %v, %v", k.String(), got, ok)
		}
	}
	if _, ok := parseActionKind("action(0)"); ok {
		t.Error("parsed the zero kind")
	}
	if got := ActionKind(0).String(); got != "action(0)" {
		t.Errorf("zero kind prints %q", got)
	}
}

func TestStatusSaysWhereToAnswer(t *testing.T) {
	cases := []struct {
		s    Status
		want string
	}{
		{Status{Backend: BackendFreedesktop, Actions: true, Server: "dunst 1.9.0"}, "notifications by dunst 1.9.0, with buttons"},
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
