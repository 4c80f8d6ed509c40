package ui

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// anchorTitle is an anchor's name in the window's language, as the tray
// and the notifications name it.
func anchorTitle(k settings.Kind) string { return k.Title() }

// remindMeOf is the text of an anchor's Enabled check box.
func remindMeOf(k settings.Kind) string {
	switch k {
	case settings.Movement:
		return i18n.T("ui.settings.remind.movement")
	case settings.Breath:
		return i18n.T("ui.settings.remind.breath")
	case settings.Posture:
		return i18n.T("ui.settings.remind.posture")
	case settings.Hydration:
		return i18n.T("ui.settings.remind.hydration")
	case settings.Rest:
		return i18n.T("ui.settings.remind.rest")
	}
	return i18n.T("ui.settings.remind.wind_down")
}

// weekdayName is a weekday's full name as a label starts it: "Monday",
// "Lundi".
func weekdayName(d time.Weekday) string {
	var name string
	switch d {
	case time.Monday:
		name = i18n.T("status.weekday.monday")
	case time.Tuesday:
		name = i18n.T("status.weekday.tuesday")
	case time.Wednesday:
		name = i18n.T("status.weekday.wednesday")
	case time.Thursday:
		name = i18n.T("status.weekday.thursday")
	case time.Friday:
		name = i18n.T("status.weekday.friday")
	case time.Saturday:
		name = i18n.T("status.weekday.saturday")
	default:
		name = i18n.T("status.weekday.sunday")
	}
	return capitalize(name)
}

// loadName is a training load as an answer names it: "Rest", "Easy",
// "Hard".
func loadName(l settings.TrainingLoad) string {
	switch l {
	case settings.LoadRest:
		return i18n.T("ui.load.rest")
	case settings.LoadEasy:
		return i18n.T("ui.load.easy")
	}
	return i18n.T("ui.load.hard")
}

// itemName is a check-in item's name as a label starts it: "Sleep
// quality".
func itemName(it reminders.CheckinItem) string {
	switch it {
	case reminders.Stiffness:
		return i18n.T("ui.item.stiffness")
	case reminders.Mood:
		return i18n.T("ui.item.mood")
	case reminders.Energy:
		return i18n.T("ui.item.energy")
	}
	return i18n.T("ui.item.sleep_quality")
}

// outcomeName is how a prompt ended, as the History tab counts it.
func outcomeName(o reminders.Outcome) string {
	switch o {
	case reminders.OutcomeDone:
		return i18n.T("ui.outcome.done")
	case reminders.OutcomeNatural:
		return i18n.T("ui.outcome.natural")
	case reminders.OutcomeAutoDone:
		return i18n.T("ui.outcome.auto_done")
	case reminders.OutcomeSnoozed:
		return i18n.T("ui.outcome.snoozed")
	case reminders.OutcomeSkipped:
		return i18n.T("ui.outcome.skipped")
	case reminders.OutcomeMissed:
		return i18n.T("ui.outcome.missed")
	}
	return o.String()
}

// decimal writes v to one decimal place with the language's decimal
// mark: "2.7", "2,7".
func decimal(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", i18n.T("ui.decimal_mark"), 1)
}

// clockText writes a time of day on the locale's clock, as the tray and
// microrest status do (control.Status.Clock): "14:30", "2:30 PM".
func clockText(t time.Time) string { return i18n.Clock(t) }

// clockTimeText writes a planned clock time as clockText does. What a
// person types stays "HH:MM"; this is for text that is read.
func clockTimeText(c settings.ClockTime) string { return i18n.TimeOfDay(c.Hour(), c.Minute()) }

// clockStringText writes a planned "HH:MM" as clockText does; a string
// that does not read is shown as it is.
func clockStringText(at string) string {
	c, err := settings.ParseClock(at)
	if err != nil {
		return at
	}
	return clockTimeText(c)
}

// capitalize starts s with a capital letter, in any alphabet.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// capital starts a message with a capital letter, as the messages of
// settings.Validate name a value first and parse errors quote it.
func capital(s string) string { return capitalize(s) }
