package notify

import (
	"reflect"
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/window"
)

func TestTheCheckinOffersThreePresetsThenDetails(t *testing.T) {
	want := []button{
		{keyCheckinGood, "Good"}, {keyCheckinSoSo, "So-so"}, {keyCheckinRough, "Rough"}, {keyCheckinDetails, "Details…"},
	}
	if got := checkinButtons(); !reflect.DeepEqual(got, want) {
		t.Errorf("checkinButtons = %v, want %v", got, want)
	}
}

func TestEachPresetIsAWholeAnswerThatLeavesTheLoadToThePlan(t *testing.T) {
	want := map[string]reminders.Checkin{
		keyCheckinGood:  {Stiffness: 2, Mood: 4, Energy: 4, SleepQuality: 4},
		keyCheckinSoSo:  {Stiffness: 3, Mood: 3, Energy: 3, SleepQuality: 3},
		keyCheckinRough: {Stiffness: 4, Mood: 2, Energy: 2, SleepQuality: 2},
	}
	for key, c := range want {
		a, ok := checkinAction(key)
		if !ok || !reflect.DeepEqual(a, Action{Command: reminders.AnswerCheckin{Checkin: c}}) {
			t.Errorf("checkinAction(%q) = %v, %v; want the preset %+v", key, a, ok, c)
		}
		for _, i := range reminders.CheckinItems {
			if c.Answer(i) == 0 {
				t.Errorf("%s leaves %s unanswered", key, i)
			}
		}
		if err := c.Check(); err != nil || c.Load != settings.LoadUnset {
			t.Errorf("%s: Check %v, load %q; want a sound answer without a load", key, err, c.Load)
		}
	}
}

// Better days read better on every item, so a tap never says something
// mixed: stiffness down, the rest up.
func TestThePresetsGoFromBetterToWorseOnEveryItem(t *testing.T) {
	for i := 1; i < len(presets); i++ {
		better, worse := presets[i-1].checkin, presets[i].checkin
		if better.Stiffness >= worse.Stiffness || better.Mood <= worse.Mood ||
			better.Energy <= worse.Energy || better.SleepQuality <= worse.SleepQuality {
			t.Errorf("%s %+v does not read better than %s %+v", presets[i-1].key, better, presets[i].key, worse)
		}
	}
}

func TestDetailsOpensTheCheckinWindow(t *testing.T) {
	if a, ok := checkinAction(keyCheckinDetails); !ok || !reflect.DeepEqual(a, Action{Window: window.Checkin}) {
		t.Errorf("checkinAction(details) = %v, %v", a, ok)
	}
}

// A prompt's keys and the check-in's are apart, so no backend can read
// one notification's answer as the other's.
func TestPromptKeysAndCheckinKeysNeverOverlap(t *testing.T) {
	p := reminders.Prompt{ID: 9, CanSkip: true, Items: []reminders.Item{{Anchor: settings.Breath}}}
	for _, b := range append(buttons(p), button{Key: keyOpen}, button{Key: "default"}) {
		if a, ok := checkinAction(b.Key); ok {
			t.Errorf("the prompt's key %q reads as the check-in's %v", b.Key, a)
		}
	}
	for _, b := range checkinButtons() {
		if a, ok := actionFor(b.Key, 9); ok {
			t.Errorf("the check-in's key %q reads as a prompt's %v", b.Key, a)
		}
	}
}

func TestTheCheckinBodySaysWhereToAnswerWithoutButtons(t *testing.T) {
	cases := []struct {
		name            string
		markup, buttons bool
		want            string
	}{
		{"buttons", false, true, "Stiffness, mood, energy and sleep: one tap answers all four, Details… each on its own."},
		{"no buttons", false, false, "Stiffness, mood, energy and sleep, in a few seconds.\nAnswer from the microrest tray menu or with `microrest checkin`."},
		{"no buttons, markup", true, false, "Stiffness, mood, energy and sleep, in a few seconds.\nAnswer from the microrest tray menu or with `microrest checkin`."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := checkinBody(c.markup, c.buttons); got != c.want {
				t.Errorf("checkinBody = %q, want %q", got, c.want)
			}
		})
	}
}

func TestTheCheckinDateIsTheCalendarDayItWasAskedFor(t *testing.T) {
	day := time.Date(2026, 1, 9, 4, 0, 0, 0, time.FixedZone("UTC+13", 13*3600))
	if got := checkinDate(day); got != 20260109 {
		t.Errorf("checkinDate(%v) = %d, want 20260109", day, got)
	}
}

func TestACheckinActionNamesNoPromptInTheLog(t *testing.T) {
	if got := (Action{Window: window.Checkin}).String(); got != "open checkin" {
		t.Errorf("String = %q", got)
	}
}
