package journal

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/microrest/microrest/i18n"
)

// ISOWeek names a week as ISO 8601 does, Monday to Sunday, numbered within
// its ISO year: the weekly review's unit, written 2026-W48. The ISO year
// of the last days of December or the first of January may differ from
// the calendar year.
type ISOWeek struct {
	Year, Week int
}

// ParseISOWeek reads a week written YYYY-Www, such as 2026-W48; the week
// must exist in that year (2026 has a week 53, 2025 does not).
func ParseISOWeek(s string) (ISOWeek, error) {
	w, ok := splitWeek(s)
	if !ok {
		return ISOWeek{}, errors.New(i18n.T("journal.week.not_week", map[string]any{"Value": strconv.Quote(s)}))
	}
	if n := WeeksIn(w.Year); w.Week < 1 || w.Week > n {
		return ISOWeek{}, errors.New(i18n.T("journal.week.no_such_week", map[string]any{"Value": strconv.Quote(s), "Year": w.Year, "Weeks": n}))
	}
	return w, nil
}

// splitWeek reads the digits of YYYY-Www, whatever their values.
func splitWeek(s string) (ISOWeek, bool) {
	if len(s) != len("2026-W48") || s[4] != '-' || s[5] != 'W' {
		return ISOWeek{}, false
	}
	year, yok := decimal([]byte(s[:4]))
	week, wok := decimal([]byte(s[6:]))
	return ISOWeek{int(year), int(week)}, yok && wok
}

// WeeksIn returns how many ISO weeks year has, 52 or 53: 28 December is
// always in the year's last week.
func WeeksIn(year int) int {
	_, n := time.Date(year, time.December, 28, 12, 0, 0, 0, time.UTC).ISOWeek()
	return n
}

// WeekOf returns the ISO week the journal day d falls in.
func WeekOf(d Date) ISOWeek {
	y, w := d.midday().ISOWeek()
	return ISOWeek{y, w}
}

// midday is d as a time, for the time package's calendar functions.
func (d Date) midday() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }

// String writes the week as 2026-W48.
func (w ISOWeek) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Week) }

// Monday returns the week's first day. 4 January is always in week 1.
func (w ISOWeek) Monday() Date {
	jan4 := Date{w.Year, time.January, 4}
	back := (int(jan4.midday().Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDays(7*(w.Week-1) - back)
}

// Sunday returns the week's last day.
func (w ISOWeek) Sunday() Date { return w.Monday().AddDays(6) }

// Prev returns the week before, across a year's end as well.
func (w ISOWeek) Prev() ISOWeek { return WeekOf(w.Monday().AddDays(-7)) }

// Next returns the week after.
func (w ISOWeek) Next() ISOWeek { return WeekOf(w.Monday().AddDays(7)) }
