package daemon

import (
	"strings"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// The words of today's plan in the status: the engine gives the day type,
// where it came from, the reading and why there is none as typed fields;
// the person reads them in their language.

// dayWhy says the day type and where it came from: "hard (Thursday)",
// "easy (check-in)".
func dayWhy(snap reminders.Snapshot) string {
	reason := weekdayName(snap.Weekday)
	if snap.DayTypeFrom == reminders.DayTypeFromCheckin {
		reason = i18n.T("status.why.checkin")
	}
	return i18n.T("status.why.day_type", map[string]any{"Load": loadName(snap.DayType), "Reason": reason})
}

// loadName is a training load's name.
func loadName(l settings.TrainingLoad) string {
	switch l {
	case settings.LoadRest:
		return i18n.T("status.load.rest")
	case settings.LoadEasy:
		return i18n.T("status.load.easy")
	case settings.LoadHard:
		return i18n.T("status.load.hard")
	}
	return l.String()
}

func weekdayName(d time.Weekday) string {
	switch d {
	case time.Monday:
		return i18n.T("status.weekday.monday")
	case time.Tuesday:
		return i18n.T("status.weekday.tuesday")
	case time.Wednesday:
		return i18n.T("status.weekday.wednesday")
	case time.Thursday:
		return i18n.T("status.weekday.thursday")
	case time.Friday:
		return i18n.T("status.weekday.friday")
	case time.Saturday:
		return i18n.T("status.weekday.saturday")
	}
	return i18n.T("status.weekday.sunday")
}

// readingWords says the reading in a line, "lower than usual: energy
// lower than usual", or why there is none; checkedIn is whether today
// has a check-in at all.
func readingWords(r reminders.Reading, checkedIn bool) string {
	if !checkedIn {
		return i18n.T("status.reading.no_checkin")
	}
	if r.Level == reminders.ReadinessUnknown {
		return gapWords(r)
	}
	level := levelName(r.Level)
	if moved := movedWords(r); len(moved) > 0 {
		return i18n.T("status.reading.with_moved", map[string]any{"Level": level, "Moved": strings.Join(moved, ", ")})
	}
	return level
}

// gapWords says why there is no reading: no answer today, too few days
// to compare with, or no question answered on enough of them.
func gapWords(r reminders.Reading) string {
	switch r.Reason {
	case reminders.ReadingFewAnswers:
		return i18n.T("status.reading.no_answers")
	case reminders.ReadingFewCheckins:
		return i18n.T("status.reading.too_few", map[string]any{"Have": r.Baseline, "Need": reminders.MinBaseline})
	}
	return i18n.T("status.reading.no_checkin")
}

func levelName(l reminders.ReadinessLevel) string {
	switch l {
	case reminders.ReadinessLower:
		return i18n.T("status.reading.lower")
	case reminders.ReadinessHigher:
		return i18n.T("status.reading.higher")
	}
	return i18n.T("status.reading.usual")
}

// movedWords names the check-in items that moved from the person's
// usual, in the reading's order.
func movedWords(r reminders.Reading) []string {
	var out []string
	for _, it := range r.Items {
		if it.Moved() {
			out = append(out, itemMove(it.Item, it.Better()))
		}
	}
	return out
}

// itemMove says how one item moved; better is less stiff, or more mood,
// energy or sleep quality.
func itemMove(item reminders.CheckinItem, better bool) string {
	switch {
	case item == reminders.Stiffness && better:
		return i18n.T("status.moved.less_stiff")
	case item == reminders.Stiffness:
		return i18n.T("status.moved.stiffer")
	case item == reminders.Mood && better:
		return i18n.T("status.moved.mood_higher")
	case item == reminders.Mood:
		return i18n.T("status.moved.mood_lower")
	case item == reminders.Energy && better:
		return i18n.T("status.moved.energy_higher")
	case item == reminders.Energy:
		return i18n.T("status.moved.energy_lower")
	case better:
		return i18n.T("status.moved.sleep_higher")
	}
	return i18n.T("status.moved.sleep_lower")
}
