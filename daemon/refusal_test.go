package daemon

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/microrest/microrest/internal/i18ntest"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// refusals holds one refusal of every reason, with the fields it sets.
func refusals() []*reminders.Refusal {
	walk := reminders.Slot{Anchor: settings.Movement, At: settings.Clock(12, 30), Meal: true}
	rest := reminders.Slot{Anchor: settings.Rest, At: settings.Clock(14, 30)}
	came := time.Date(2026, 12, 3, 14, 30, 0, 0, time.Local)
	return []*reminders.Refusal{
		{Reason: reminders.RefusedAnswered},
		{Reason: reminders.RefusedNeverShown, Prompt: 42},
		{Reason: reminders.RefusedNoPrompt},
		{Reason: reminders.RefusedNotOffered, Anchor: settings.WindDown},
		{Reason: reminders.RefusedAppointment},
		{Reason: reminders.RefusedBusy},
		{Reason: reminders.RefusedPastPause},
		{Reason: reminders.RefusedNoLength},
		{Reason: reminders.RefusedLongPause},
		{Reason: reminders.RefusedSnoozeRange, Length: 30 * time.Second},
		{Reason: reminders.RefusedNotAnchor, Anchor: settings.Kind(9)},
		{Reason: reminders.RefusedMealAnchor},
		{Reason: reminders.RefusedAnchorOff, Anchor: settings.Breath},
		{Reason: reminders.RefusedNoSlot, Slot: rest},
		{Reason: reminders.RefusedNoSlot, Slot: rest, Times: []settings.ClockTime{settings.Clock(11, 30), settings.Clock(15, 0)}},
		{Reason: reminders.RefusedMealWalksOff, Slot: walk},
		{Reason: reminders.RefusedNoMeal, Slot: walk},
		{Reason: reminders.RefusedNoMeal, Slot: walk, Times: []settings.ClockTime{settings.Clock(8, 0), settings.Clock(19, 0)}},
		{Reason: reminders.RefusedOwnTime, Slot: walk, At: settings.Clock(12, 45)},
		{Reason: reminders.RefusedSkipped, Slot: walk},
		{Reason: reminders.RefusedNotClock, At: settings.Clock(25, 0)},
		{Reason: reminders.RefusedDueNow, Slot: rest},
		{Reason: reminders.RefusedCame, Slot: rest, When: came},
		{Reason: reminders.RefusedPassed, At: settings.Clock(9, 0)},
		{Reason: reminders.RefusedMealPassed, At: settings.Clock(8, 0), When: came},
		{Reason: reminders.RefusedAnswerRange, Item: reminders.SleepQuality, Value: 7},
		{Reason: reminders.RefusedLoad},
		{Reason: reminders.RefusedCheckinTime},
	}
}

// In English the daemon says a refusal as the engine's own Error does,
// so the two never drift apart; every reason has words.
func TestARefusalInEnglishReadsAsTheEnginesError(t *testing.T) {
	seen := map[reminders.Refused]bool{}
	for _, r := range refusals() {
		seen[r.Reason] = true
		if got, want := refusalWords(r), r.Error(); got != want {
			t.Errorf("reason %d: %q, the engine says %q", r.Reason, got, want)
		}
	}
	for reason := reminders.RefusedAnswered; reason <= reminders.RefusedCheckinTime; reason++ {
		if !seen[reason] {
			t.Errorf("reason %d has no case here", reason)
		}
	}
}

func TestARefusalReachesTheReplyInTheDaemonsLanguage(t *testing.T) {
	i18ntest.Speak(t, "de")
	err := inWords(fmt.Errorf("do: %w", &reminders.Refusal{Reason: reminders.RefusedSkipped, Slot: reminders.Slot{Anchor: settings.Rest, At: settings.Clock(14, 30)}}))
	if got, want := err.Error(), "Ruhepause um 14:30 ist heute schon übersprungen"; got != want {
		t.Errorf("in German %q, want %q", got, want)
	}
	if !errors.Is(err, &reminders.Refusal{Reason: reminders.RefusedSkipped}) {
		t.Error("the worded error no longer is the refusal")
	}
	if other := errors.New("disk full"); inWords(other) != other {
		t.Error("an error that is no refusal changed")
	}
}

// The journal's refusal and the state file's errors read, in English, as
// the engine's own.
func TestTheEnginesOtherErrorsInEnglishReadAsItsOwn(t *testing.T) {
	disk := errors.New("no space left on device")
	for _, err := range []error{
		&reminders.Unjournaled{Err: disk},
		&reminders.StateError{Op: reminders.StateRead, Path: "/s/state.json", Err: disk},
		&reminders.StateError{Op: reminders.StateSave, Path: "/s/state.json", Err: disk},
		&reminders.StateError{Op: reminders.StateDamaged, Path: "/s/state.json", Err: disk, MovedTo: "/s/state.json.corrupt"},
		&reminders.StateError{Op: reminders.StateDamaged, Path: "/s/state.json", Err: disk, MoveErr: errors.New("read-only")},
	} {
		if got, want := inWords(err).Error(), err.Error(); got != want {
			t.Errorf("%q, the engine says %q", got, want)
		}
		if !errors.Is(inWords(err), disk) {
			t.Errorf("%q no longer wraps the cause", err)
		}
	}
	i18ntest.Speak(t, "nl")
	if got, want := inWords(&reminders.Unjournaled{Err: disk}).Error(), "no space left on device; het antwoord wordt bewaard en in het logboek gezet zodra dat kan"; got != want {
		t.Errorf("in Dutch %q, want %q", got, want)
	}
}
