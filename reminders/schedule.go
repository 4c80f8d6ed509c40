package reminders

import (
	"time"

	"github.com/microrest/microrest/settings"
)

// dayAt returns the instant clock time c falls on, days after t's calendar
// day in loc. Building it with time.Date from the date, rather than adding
// 24h, keeps a 12:45 walk at 12:45 across a 23 or 25 hour DST day.
func dayAt(t time.Time, c settings.ClockTime, days int, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d+days, c.Hour(), c.Minute(), 0, 0, loc)
}

// nextAfter returns the first instant strictly after t at clock time c.
func nextAfter(c settings.ClockTime, t time.Time, loc *time.Location) time.Time {
	for i := 0; ; i++ {
		if x := dayAt(t, c, i, loc); x.After(t) {
			return x
		}
	}
}

// lastAtOrBefore returns the latest instant at or before t at clock time c.
func lastAtOrBefore(c settings.ClockTime, t time.Time, loc *time.Location) time.Time {
	for i := 0; ; i-- {
		if x := dayAt(t, c, i, loc); !x.After(t) {
			return x
		}
	}
}

// clockOf returns the local time of day of t, to the minute.
func clockOf(t time.Time, loc *time.Location) (time.Weekday, settings.ClockTime) {
	lt := t.In(loc)
	return lt.Weekday(), settings.Clock(lt.Hour(), lt.Minute())
}

// inHours reports whether t falls inside the active hours of its weekday.
func (e *Engine) inHours(t time.Time) bool {
	day, c := clockOf(t, e.loc)
	return e.cfg.ActiveHours.On(day).Contains(c)
}

// quietAt reports whether now is outside active hours. It is asked every
// sample, so the answer is kept for the rest of the minute.
func (e *Engine) quietAt(now time.Time) bool {
	if now.Before(e.quietFrom) || !now.Before(e.quietUntil) {
		e.quietFrom = now.Truncate(time.Minute)
		e.quietUntil = e.quietFrom.Add(time.Minute)
		e.quiet = !e.inHours(now)
	}
	return e.quiet
}

// nextHoursChange returns when active hours next start or end after now,
// or the zero time when no weekday has active hours.
func (e *Engine) nextHoursChange(now time.Time) time.Time {
	for i := 0; i <= 7; i++ {
		day := dayAt(now, 0, i, e.loc)
		span := *e.cfg.ActiveHours.On(day.Weekday())
		if span.Off() {
			continue
		}
		for _, c := range []settings.ClockTime{span.Start, span.End} {
			if x := dayAt(day, c, 0, e.loc); x.After(now) {
				return x
			}
		}
	}
	return time.Time{}
}
