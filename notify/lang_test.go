package notify

import (
	"os"
	"testing"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/i18ntest"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// TestMain pins English, which the tests compare with, whatever language
// the machine running them speaks.
func TestMain(m *testing.M) { os.Exit(i18ntest.Main(m, i18n.English)) }

func TestTheTitleNamesTheAnchorsAndAWalkAfterAMeal(t *testing.T) {
	cases := []struct {
		name  string
		items []reminders.Item
		want  string
	}{
		{"one anchor", []reminders.Item{{Anchor: settings.WindDown}}, "Wind-down"},
		{"two anchors", []reminders.Item{{Anchor: settings.Movement}, {Anchor: settings.Hydration}}, "Movement + Hydration"},
		{"a walk after a meal", []reminders.Item{{Anchor: settings.Movement, Meal: true}, {Anchor: settings.Posture}}, "Walk after your meal + Posture"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Title(reminders.Prompt{Items: c.items}); got != c.want {
				t.Errorf("Title = %q, want %q", got, c.want)
			}
		})
	}
}

func TestAWalkAfterAMealIsNamedOnItsLineToo(t *testing.T) {
	c := compose(reminders.Prompt{Items: []reminders.Item{
		{Anchor: settings.Movement, Meal: true, Practice: "Round the block"},
		{Anchor: settings.Hydration, Practice: "Water"},
	}})
	if got, want := c.Body(false, false), "Walk after your meal: Round the block\nHydration: Water"; got != want {
		t.Errorf("Body = %q, want %q", got, want)
	}
}

// A default practice is stored in English and shown in the person's
// language; one the person wrote is shown as written.
func TestADefaultPracticeIsShownInTheProcesssLanguage(t *testing.T) {
	i18ntest.Speak(t, "de")
	water := settings.Defaults().Anchors.Hydration.Practices[0]
	c := compose(reminders.Prompt{Items: []reminders.Item{
		{Anchor: settings.Hydration, Practice: water},
		{Anchor: settings.Posture, Practice: "Roll the <shoulders>"},
	}})
	if got, want := c.Body(true, false), "<b>Trinken</b>: Trink ein Glas Wasser.\n<b>Haltung</b>: Roll the &lt;shoulders&gt;"; got != want {
		t.Errorf("Body = %q, want %q", got, want)
	}
	one := compose(reminders.Prompt{Items: []reminders.Item{{Anchor: settings.Hydration, Practice: water}}})
	if got, want := one.Body(false, false), "Trink ein Glas Wasser."; got != want {
		t.Errorf("Body of one = %q, want %q", got, want)
	}
}

func TestTheStatusSpeaksTheProcesssLanguage(t *testing.T) {
	i18ntest.Speak(t, "de")
	s := Status{Backend: BackendFreedesktop, Server: "dunst", Version: "1.9.0"}
	if got, want := s.String(), "Benachrichtigungen über dunst 1.9.0, ohne Schaltflächen: antworte über den Infobereich"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
