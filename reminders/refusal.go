package reminders

import (
	"fmt"
	"strings"
	"time"

	"github.com/microrest/microrest/settings"
)

// Refusal is a command the engine does not carry out, and why, as typed
// fields: the daemon says it in the person's language, so the engine
// speaks none. Error says it in English, for logs and tests.
type Refusal struct {
	Reason Refused
	// The fields below are what the reason is about, as each Refused
	// constant says; the others are zero.
	Anchor settings.Kind
	Slot   Slot
	// At is a time of day asked for: a new time, or a meal's.
	At settings.ClockTime
	// When is when a clock time came today, or when a meal's walk would.
	When time.Time
	// Times are today's clock times of the anchor, or today's meals.
	Times  []settings.ClockTime
	Length time.Duration
	Prompt uint64
	Item   CheckinItem
	Value  int
}

// Refused names why a command is refused.
type Refused int

// The reasons, with the fields of Refusal each one sets.
const (
	// RefusedAnswered: the prompt was answered elsewhere, or ended.
	RefusedAnswered Refused = iota + 1
	// RefusedNeverShown: no prompt with the id Prompt was ever shown.
	RefusedNeverShown
	// RefusedNoPrompt: no prompt is on screen to answer.
	RefusedNoPrompt
	// RefusedNotOffered: the prompt on screen does not offer Anchor.
	RefusedNotOffered
	// RefusedAppointment: an appointment cannot be skipped.
	RefusedAppointment
	// RefusedBusy: another prompt is on screen.
	RefusedBusy
	// RefusedPastPause: a pause would end now or before.
	RefusedPastPause
	// RefusedNoLength: a pause has no length.
	RefusedNoLength
	// RefusedLongPause: a pause would last longer than MaxPause.
	RefusedLongPause
	// RefusedSnoozeRange: a snooze of Length is outside
	// settings.SnoozeLimits.
	RefusedSnoozeRange
	// RefusedNotAnchor: Anchor is no anchor.
	RefusedNotAnchor
	// RefusedMealAnchor: a walk after a meal named for another anchor
	// than movement.
	RefusedMealAnchor
	// RefusedAnchorOff: Anchor is off today.
	RefusedAnchorOff
	// RefusedNoSlot: Slot is not one of today's clock times; Times are
	// the anchor's.
	RefusedNoSlot
	// RefusedMealWalksOff: walks after meals are off.
	RefusedMealWalksOff
	// RefusedNoMeal: today has no meal at Slot.At; Times are the meals.
	RefusedNoMeal
	// RefusedOwnTime: the walk after the meal at Slot.At falls on
	// movement's own clock time At, which is the one to change.
	RefusedOwnTime
	// RefusedSkipped: Slot is already skipped today.
	RefusedSkipped
	// RefusedNotClock: At is not a time of day.
	RefusedNotClock
	// RefusedDueNow: Slot is due now.
	RefusedDueNow
	// RefusedCame: Slot came today at When.
	RefusedCame
	// RefusedPassed: At has already passed today.
	RefusedPassed
	// RefusedMealPassed: a meal at At brings its walk at When, which has
	// passed.
	RefusedMealPassed
	// RefusedAnswerRange: the check-in answers Item with Value, outside
	// 0 to MaxAnswer.
	RefusedAnswerRange
	// RefusedLoad: the check-in's load is none of settings.Loads.
	RefusedLoad
	// RefusedCheckinTime: a check-in came with a time of its own.
	RefusedCheckinTime
)

// Is matches a refusal of the same reason, so errors.Is(err, ErrAnswered)
// holds whatever the other fields say.
func (r *Refusal) Is(target error) bool {
	t, ok := target.(*Refusal)
	return ok && t.Reason == r.Reason
}

// Error says the refusal in English, for logs and tests.
func (r *Refusal) Error() string {
	switch r.Reason {
	case RefusedAnswered:
		return "that prompt was already answered"
	case RefusedNeverShown:
		return fmt.Sprintf("no prompt with that id was ever shown: %d", r.Prompt)
	case RefusedNoPrompt:
		return "no prompt is on screen; name an anchor to record a practice done on your own"
	case RefusedNotOffered:
		return fmt.Sprintf("the prompt on screen does not offer %s", r.Anchor)
	case RefusedAppointment:
		return "an appointment cannot be skipped; snooze it or mark it done"
	case RefusedBusy:
		return "another prompt is on screen; answer it first"
	case RefusedPastPause:
		return "a pause must end in the future; give a later time"
	case RefusedNoLength:
		return `a pause needs a length like "30m"`
	case RefusedLongPause:
		return fmt.Sprintf("a pause can last at most %s; pause until tomorrow for longer", settings.Duration(MaxPause))
	case RefusedSnoozeRange:
		return fmt.Sprintf("a snooze lasts from %s to %s: %s is not", settings.Duration(settings.SnoozeLimits.Min), settings.Duration(settings.SnoozeLimits.Max), settings.Duration(r.Length))
	case RefusedNotAnchor:
		return fmt.Sprintf("%s is not an anchor", r.Anchor)
	}
	return r.planError()
}

// planError says the refusals of today's plan and of a check-in.
func (r *Refusal) planError() string {
	switch r.Reason {
	case RefusedMealAnchor:
		return "only movement has walks after meals"
	case RefusedAnchorOff:
		return fmt.Sprintf("%s is off today, so it has no clock times to change", r.Anchor)
	case RefusedNoSlot:
		return fmt.Sprintf("%s has no clock time %s today%s", r.Slot.Anchor, r.Slot.At, listed(r.Times, "; its times are "))
	case RefusedMealWalksOff:
		return `walks after meals are off (after_meal = "off", or no meals); there is no walk to change`
	case RefusedNoMeal:
		return fmt.Sprintf("there is no %s meal today%s", r.Slot.At, listed(r.Times, "; the meals are "))
	case RefusedOwnTime:
		return fmt.Sprintf("the walk after the %s meal is movement's own %s today; skip or move %s instead", r.Slot.At, r.At, Slot{Anchor: r.Slot.Anchor, At: r.At})
	case RefusedSkipped:
		return fmt.Sprintf("%s is already skipped today", r.Slot)
	case RefusedNotClock:
		return fmt.Sprintf("%s is not a time of day; use 00:00 to 23:59", r.At)
	case RefusedDueNow:
		return fmt.Sprintf("%s is due now; answer its prompt instead", r.Slot)
	case RefusedCame:
		return fmt.Sprintf("%s has already passed today (it came at %s); only a time still ahead can be skipped or moved", r.Slot, r.When.Format("15:04"))
	case RefusedPassed:
		return fmt.Sprintf("%s has already passed today; give a later time", r.At)
	case RefusedMealPassed:
		return fmt.Sprintf("a meal at %s brings its walk at %s, which has already passed today; give a later time", r.At, r.When.Format("15:04"))
	case RefusedAnswerRange:
		return fmt.Sprintf("%s %d is outside 1 to %d (0: not answered)", r.Item, r.Value, MaxAnswer)
	case RefusedLoad:
		return "the check-in's load is not a training load; use rest, easy or hard"
	case RefusedCheckinTime:
		return "a check-in carries no time of its own; the engine stamps it"
	}
	return fmt.Sprintf("refused(%d)", int(r.Reason))
}

// Unjournaled is the reply to a command that was carried out but whose
// outcomes the journal refused: they are kept, and written as soon as the
// journal takes them again. Err is the journal's error.
type Unjournaled struct{ Err error }

// Error says it in English, for logs and tests; the daemon words it for
// people.
func (e *Unjournaled) Error() string {
	return fmt.Sprintf("%v; the answer is kept and written to the journal as soon as it can be", e.Err)
}

// Unwrap lets errors.Is see the journal's error.
func (e *Unjournaled) Unwrap() error { return e.Err }

// listed writes clock times after a lead, or "" for none.
func listed(times []settings.ClockTime, lead string) string {
	if len(times) == 0 {
		return ""
	}
	parts := make([]string, len(times))
	for i, t := range times {
		parts[i] = t.String()
	}
	return lead + strings.Join(parts, ", ")
}
