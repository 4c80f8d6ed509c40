package journal

import (
	"strconv"
	"strings"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
)

// Every word a person reads from the journal (the weekly review, how
// steady a time was, why a line was skipped, why an export failed) comes
// from the catalog (i18n), in the language the process speaks when the
// text is made. Clock times are written on the 24-hour clock, as the tray,
// the status and the windows write them.

// said is an error whose sentence comes from the catalog when it is read,
// so an error made when the program starts speaks the language chosen
// later; it stays one value, for errors.Is.
type said struct{ say func() string }

func (e *said) Error() string { return e.say() }

// itemName is a check-in item's name inside a sentence: "sleep quality".
func itemName(it reminders.CheckinItem) string {
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

// meanText writes a mean answer to one decimal place with the language's
// decimal mark: "3.5", "3,5".
func meanText(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", i18n.T("journal.decimal_mark"), 1)
}

// monthName is a month's short name as a date writes it: "Nov", "nov.".
func monthName(m time.Month) string {
	switch m {
	case time.January:
		return i18n.T("journal.month.jan")
	case time.February:
		return i18n.T("journal.month.feb")
	case time.March:
		return i18n.T("journal.month.mar")
	case time.April:
		return i18n.T("journal.month.apr")
	case time.May:
		return i18n.T("journal.month.may")
	case time.June:
		return i18n.T("journal.month.jun")
	case time.July:
		return i18n.T("journal.month.jul")
	case time.August:
		return i18n.T("journal.month.aug")
	case time.September:
		return i18n.T("journal.month.sep")
	case time.October:
		return i18n.T("journal.month.oct")
	case time.November:
		return i18n.T("journal.month.nov")
	}
	return i18n.T("journal.month.dec")
}

// dayMonth writes "23 Nov", in German "23. Nov.".
func dayMonth(t time.Time) string {
	return i18n.T("journal.date.day_month", map[string]any{"Day": t.Day(), "Month": monthName(t.Month())})
}

// fullDate writes "23 Nov 2026", in German "23. Nov. 2026".
func fullDate(t time.Time) string {
	return i18n.T("journal.date.full", map[string]any{"Day": t.Day(), "Month": monthName(t.Month()), "Year": t.Year()})
}

// weekSpan writes a week's days as "23–29 Nov 2026", naming a month or
// year only where the week crosses one. Dates name the month, as the
// review reads them, rather than the locale's numeric short date, which
// reads 11/23/26 where the system names no region.
func weekSpan(w ISOWeek) string {
	m, s := w.Monday().midday(), w.Sunday().midday()
	switch {
	case m.Month() == s.Month():
		return i18n.T("journal.date.span_in_month", map[string]any{"From": m.Day(), "To": fullDate(s)})
	case m.Year() == s.Year():
		return i18n.T("journal.date.span", map[string]any{"From": dayMonth(m), "To": fullDate(s)})
	}
	return i18n.T("journal.date.span", map[string]any{"From": fullDate(m), "To": fullDate(s)})
}
