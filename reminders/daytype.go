package reminders

import (
	"time"

	"github.com/microrest/microrest/settings"
)

// dayType returns today's training load and why: the check-in's load when
// it gave one today, else the one [days] plans for the weekday.
func (e *Engine) dayType() (settings.TrainingLoad, string) {
	if e.checkinLoad.Valid() {
		return e.checkinLoad, "check-in"
	}
	day := e.dayStart.In(e.loc).Weekday()
	return *e.base.Days.On(day), day.String()
}

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
