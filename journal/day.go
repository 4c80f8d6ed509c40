package journal

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
)

// Date is a calendar day with no time or zone. Journal days are counted in
// Dates rather than in time.Time at midnight because a civil date has no
// DST: a day is always one step, whether it lasted 23, 24 or 25 hours.
type Date struct {
	Year  int
	Month time.Month
	Day   int // of the month, 1-31
}

// DayOf returns the journal day t belongs to. The day rolls over at
// rollover (settings.DayStartsAt, 04:00 by default) rather than at
// midnight, so a late evening still counts for the day it began in. It
// works on the wall clock of t's own zone instead of subtracting hours from
// the instant, which would be an hour off on the days the clocks change.
func DayOf(t time.Time, rollover settings.ClockTime) Date {
	return dateOf(dayNumber(t, rollover))
}

const secondsPerDay = 24 * 60 * 60

// dayNumber counts journal days since 1970-01-01. The statistics work in
// these integers because one zone lookup per entry is all they cost.
func dayNumber(t time.Time, rollover settings.ClockTime) int64 {
	_, offset := t.Zone()
	wall := t.Unix() + int64(offset) - int64(rollover)*60
	return floorDiv(wall, secondsPerDay)
}

// floorDiv rounds towards minus infinity, so days before 1970 count right.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

func dateOf(day int64) Date {
	y, m, d := time.Unix(day*secondsPerDay, 0).UTC().Date()
	return Date{y, m, d}
}

func (d Date) number() int64 {
	return floorDiv(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Unix(), secondsPerDay)
}

// AddDays steps n days forward (or back, for negative n) on the calendar.
func (d Date) AddDays(n int) Date { return dateOf(d.number() + int64(n)) }

// Sub returns the number of days from o to d, so callers can tell how long
// ago a day was.
func (d Date) Sub(o Date) int { return int(d.number() - o.number()) }

// Start returns the instant the journal day d begins in loc, so a caller can
// turn "the last 7 days" into a since time for ReadFile. If the rollover
// falls into a DST gap, the time package picks the instant.
func (d Date) Start(rollover settings.ClockTime, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, rollover.Hour(), rollover.Minute(), 0, 0, loc)
}

// IsZero reports whether d is unset, as Stats.First is for an empty journal.
func (d Date) IsZero() bool { return d == Date{} }

// String writes the date as 2006-01-02.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// MarshalText writes String, so statistics can cross the control socket
// with dates people can read.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads 2006-01-02.
func (d *Date) UnmarshalText(b []byte) error {
	t, err := time.Parse(time.DateOnly, string(b))
	if err != nil {
		return errors.New(i18n.T("journal.problem.not_date", map[string]any{"Value": strconv.Quote(string(b))}))
	}
	*d = Date{t.Year(), t.Month(), t.Day()}
	return nil
}
