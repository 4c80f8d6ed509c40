package reminders

import (
	"fmt"
	"time"

	"github.com/microrest/microrest/settings"
)

// DayTypeSource says where today's training load came from, so the
// status can say why the day is hard or easy in the person's language.
type DayTypeSource int

// The sources of a day's training load.
const (
	// DayTypeFromWeekday is the load [days] plans for today's weekday.
	DayTypeFromWeekday DayTypeSource = iota
	// DayTypeFromCheckin is the load today's check-in gave.
	DayTypeFromCheckin
)

// String names the source for logs and scripts: "weekday", "check-in".
func (s DayTypeSource) String() string {
	switch s {
	case DayTypeFromWeekday:
		return "weekday"
	case DayTypeFromCheckin:
		return "check-in"
	}
	return fmt.Sprintf("source(%d)", int(s))
}

// dayType returns today's training load and where it came from: the
// check-in's load when it gave one today, else the one [days] plans for
// the weekday.
func (e *Engine) dayType() (settings.TrainingLoad, DayTypeSource) {
	if e.checkinLoad.Valid() {
		return e.checkinLoad, DayTypeFromCheckin
	}
	return *e.base.Days.On(e.weekday()), DayTypeFromWeekday
}

// weekday is the weekday of today's start.
func (e *Engine) weekday() time.Weekday { return e.dayStart.In(e.loc).Weekday() }

// plan returns the settings in force today: the base settings with the
// day type's overrides, and low readiness's on top when it reads low.
func (e *Engine) plan() (settings.Settings, settings.BreathMode) {
	load, _ := e.dayType()
	return e.base.ForDay(load, e.low)
}

// replan puts today's plan in force when the day, its check-in or its
// readiness changes it, through the same path as new settings, so
// progress is kept. Clock times the new plan has before the last sample
// are not owed: the day did not have them then.
func (e *Engine) replan(now time.Time) {
	if !e.started {
		e.cfg, e.breathing = e.plan()
		return
	}
	e.setPlan(now, true)
}

// setPlan applies today's plan. An anchor the old plan had off owes no
// earlier clock times; after a day change no anchor owes the new plan's
// clock times from before the last sample.
func (e *Engine) setPlan(now time.Time, dayChange bool) {
	old := e.cfg
	e.cfg, e.breathing = e.plan()
	e.quietUntil = time.Time{}
	for _, k := range settings.Kinds {
		a := &e.anchors[k]
		switch {
		case !old.Anchors.Of(k).Enabled:
			a.lastClock = now
		case dayChange:
			a.lastClock = later(a.lastClock, e.last)
		}
		a.nextClock = e.nextOccurrence(k, a.lastClock)
	}
	if e.cur != nil {
		e.refit()
	}
}
