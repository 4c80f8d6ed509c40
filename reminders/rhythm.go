package reminders

import (
	"fmt"
	"time"
)

// Woke marks the first active minute of a day, the wake-time proxy the
// journal keeps (one wake line a day) so steady wake times can be seen.
type Woke struct{ At time.Time }

// ReviewDue offers last week's review at the first active minute of a new
// ISO week. Week is that Monday's day start. It comes once a week, even
// across restarts.
type ReviewDue struct{ Week time.Time }

func (Woke) event()      {}
func (ReviewDue) event() {}

// String describes the event for logs.
func (ev Woke) String() string { return "first active minute at " + ev.At.Format(time.DateTime) }

// String describes the event for logs.
func (ev ReviewDue) String() string {
	y, w := ev.Week.ISOWeek()
	return fmt.Sprintf("weekly review due in %d-W%02d, of the week before", y, w)
}

// noteWake marks the day's first sample at the desk. The day is the
// journal's day: activity at 02:00 with the day starting at 04:00 is late
// in the day before, which woke long ago.
func (e *Engine) noteWake(now time.Time) {
	if !e.wokeAt.IsZero() || e.away {
		return
	}
	e.wokeAt = now
	e.emit(Woke{At: now})
}

// offerReview offers the weekly review once a week, at the first minute
// the person is at the desk from that Monday's day start on. Like the
// check-in, a pause, do-not-disturb, quiet hours or being away defer it.
func (e *Engine) offerReview(now time.Time) {
	if !e.cfg.WeeklyReview || e.away || e.dndHolds() || e.paused(now) || e.quietAt(now) {
		return
	}
	week := e.weekStart()
	if !e.reviewed.Before(week) {
		return
	}
	e.reviewed = week
	e.emit(ReviewDue{Week: week})
}

// weekStart returns the start of the Monday that begins the current day's
// ISO week, at the time of day the current day started.
func (e *Engine) weekStart() time.Time {
	d := e.dayStart.In(e.loc)
	back := (int(d.Weekday()) + 6) % 7
	_, c := clockOf(e.dayStart, e.loc)
	return dayAt(e.dayStart, c, -back, e.loc)
}
