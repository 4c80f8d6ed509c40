package daemon

import (
	"errors"
	"strings"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// The engine says why it refused a command, that an answer waits for the
// journal, or that its state file failed, with typed fields and no words
// (reminders.Refusal, Unjournaled, StateError); here the person reads them
// in the daemon's language, as the command line and the windows show a
// reply's error and the log shows the state file's.

// inWords is err as a person reads it: the engine's typed errors in the
// process's language, any other error as it is. errors.Is and errors.As
// still see the engine's error.
func inWords(err error) error {
	var (
		r *reminders.Refusal
		u *reminders.Unjournaled
		s *reminders.StateError
	)
	switch {
	case errors.As(err, &r):
		return &worded{msg: refusalWords(r), err: err}
	case errors.As(err, &u):
		return &worded{msg: i18n.T("reply.unjournaled", map[string]any{"Error": u.Err.Error()}), err: err}
	case errors.As(err, &s):
		return &worded{msg: stateWords(s), err: err}
	}
	return err
}

// stateWords says why the state file could not be read or saved.
func stateWords(e *reminders.StateError) string {
	data := map[string]any{"Path": e.Path, "Error": e.Err.Error(), "MovedTo": e.MovedTo}
	switch {
	case e.Op == reminders.StateSave:
		return i18n.Joined(i18n.T("engine_state.err_save"), e.Err.Error())
	case e.Op == reminders.StateRead:
		return i18n.Joined(i18n.T("engine_state.err_read"), e.Err.Error())
	case e.MoveErr != nil:
		data["MoveError"] = e.MoveErr.Error()
		return i18n.T("engine_state.stuck", data)
	}
	return i18n.T("engine_state.damaged", data)
}

// worded says an error in words of its own, and unwraps to it.
type worded struct {
	msg string
	err error
}

func (e *worded) Error() string { return e.msg }
func (e *worded) Unwrap() error { return e.err }

// refusalWords says why the engine refused a command.
func refusalWords(r *reminders.Refusal) string {
	switch r.Reason {
	case reminders.RefusedAnswered:
		return i18n.T("refusal.answered")
	case reminders.RefusedNeverShown:
		return i18n.T("refusal.never_shown", map[string]any{"Prompt": r.Prompt})
	case reminders.RefusedNoPrompt:
		return i18n.T("refusal.no_prompt")
	case reminders.RefusedNotOffered:
		return i18n.T("refusal.not_offered", map[string]any{"Anchor": r.Anchor.InText()})
	case reminders.RefusedAppointment:
		return i18n.T("refusal.appointment")
	case reminders.RefusedBusy:
		return i18n.T("refusal.busy")
	case reminders.RefusedPastPause:
		return i18n.T("refusal.past_pause")
	case reminders.RefusedNoLength:
		return i18n.T("refusal.no_length")
	case reminders.RefusedLongPause:
		return i18n.T("refusal.long_pause", map[string]any{"Max": settings.Duration(reminders.MaxPause).String()})
	case reminders.RefusedSnoozeRange:
		lim := settings.SnoozeLimits
		return i18n.T("refusal.snooze_range", map[string]any{
			"Min": settings.Duration(lim.Min).String(), "Max": settings.Duration(lim.Max).String(), "Length": settings.Duration(r.Length).String(),
		})
	case reminders.RefusedNotAnchor:
		return i18n.T("refusal.not_anchor", map[string]any{"Anchor": r.Anchor.String()})
	}
	return planRefusalWords(r)
}

// planRefusalWords says why today's plan or a check-in was not changed.
func planRefusalWords(r *reminders.Refusal) string {
	// A planned time names a slot as the commands take it ("14:30"), so
	// it stays on the 24-hour clock; when a slot came is the locale's.
	data := map[string]any{
		"Anchor": r.Anchor.InText(), "Slot": slotWords(r.Slot), "Time": r.At.String(), "Came": i18n.Clock(r.When),
		"Meal": r.Slot.At.String(), "Times": timesList(r.Times),
	}
	switch r.Reason {
	case reminders.RefusedMealAnchor:
		return i18n.T("refusal.meal_anchor")
	case reminders.RefusedAnchorOff:
		return i18n.T("refusal.anchor_off", data)
	case reminders.RefusedNoSlot:
		data["Anchor"], data["Time"] = r.Slot.Anchor.InText(), r.Slot.At.String()
		return withTimes(r, i18n.T("refusal.no_slot", data), i18n.T("refusal.no_slot_times", data))
	case reminders.RefusedMealWalksOff:
		return i18n.T("refusal.meal_walks_off")
	case reminders.RefusedNoMeal:
		return withTimes(r, i18n.T("refusal.no_meal", data), i18n.T("refusal.no_meal_times", data))
	case reminders.RefusedOwnTime:
		data["Slot"] = slotWords(reminders.Slot{Anchor: r.Slot.Anchor, At: r.At})
		return i18n.T("refusal.own_time", data)
	case reminders.RefusedSkipped:
		return i18n.T("refusal.skipped", data)
	case reminders.RefusedNotClock:
		return i18n.T("refusal.not_clock", data)
	case reminders.RefusedDueNow:
		return i18n.T("refusal.due_now", data)
	case reminders.RefusedCame:
		return i18n.T("refusal.came", data)
	case reminders.RefusedPassed:
		return i18n.T("refusal.passed", data)
	case reminders.RefusedMealPassed:
		data["Meal"] = r.At.String()
		return i18n.T("refusal.meal_passed", data)
	}
	return checkinRefusalWords(r)
}

// checkinRefusalWords says why a check-in was refused.
func checkinRefusalWords(r *reminders.Refusal) string {
	switch r.Reason {
	case reminders.RefusedAnswerRange:
		return i18n.T("refusal.answer_range", map[string]any{"Item": checkinItemWord(r.Item), "Value": r.Value, "Max": reminders.MaxAnswer})
	case reminders.RefusedLoad:
		return i18n.T("refusal.load")
	case reminders.RefusedCheckinTime:
		return i18n.T("refusal.checkin_time")
	}
	return r.Error()
}

// withTimes picks the sentence that lists times when there are some.
func withTimes(r *reminders.Refusal, without, with string) string {
	if len(r.Times) == 0 {
		return without
	}
	return with
}

// slotWords names a clock time of today's plan: "movement 12:45", "the
// walk after the 12:30 meal".
func slotWords(s reminders.Slot) string {
	if s.Meal {
		return i18n.T("refusal.meal_slot", map[string]any{"Time": s.At.String()})
	}
	return i18n.T("refusal.slot", map[string]any{"Anchor": s.Anchor.InText(), "Time": s.At.String()})
}

// checkinItemWord is a check-in item's name inside a sentence.
func checkinItemWord(it reminders.CheckinItem) string {
	switch it {
	case reminders.Stiffness:
		return i18n.T("journal.item.stiffness")
	case reminders.Mood:
		return i18n.T("journal.item.mood")
	case reminders.Energy:
		return i18n.T("journal.item.energy")
	}
	return i18n.T("journal.item.sleep_quality")
}

// timesList lists clock times: "12:45, 17:00".
func timesList(times []settings.ClockTime) string {
	parts := make([]string, len(times))
	for i, t := range times {
		parts[i] = t.String()
	}
	return strings.Join(parts, ", ")
}
