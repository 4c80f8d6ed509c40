package reminders

import (
	"fmt"
	"time"
)

// Event is something the engine did that the outside world acts on: show
// or close a notification, append to the journal.
type Event interface {
	fmt.Stringer
	event()
}

// PromptShown puts a prompt on screen, or replaces the one with the same
// ID after part of a combined prompt was answered.
type PromptShown struct{ Prompt Prompt }

// PromptReissued shows an ignored prompt again, with Repeat counting up.
type PromptReissued struct{ Prompt Prompt }

// PromptClosed takes a prompt off screen; Outcome is the last answer.
type PromptClosed struct {
	ID      uint64
	Outcome Outcome
}

// Journaled carries an outcome for the journal; Prompt is the prompt it
// answered, 0 for natural breaks, clock times missed while away and
// practices done unprompted.
type Journaled struct {
	Record Record
	Prompt uint64
}

// CheckinDue asks today's check-in; Day is the start of the day it is
// for. It comes once a day: the tray keeps offering it (Snapshot.CheckinOpen)
// until it is answered.
type CheckinDue struct{ Day time.Time }

// CheckinClosed takes an asked check-in off screen: it was answered.
type CheckinClosed struct{ Day time.Time }

// CheckinJournaled carries a check-in for the journal.
type CheckinJournaled struct{ Checkin Checkin }

func (CheckinDue) event()       {}
func (CheckinClosed) event()    {}
func (CheckinJournaled) event() {}

// String describes the event for logs.
func (ev CheckinDue) String() string {
	return "check-in asked for " + ev.Day.Format(time.DateOnly)
}

// String describes the event for logs.
func (ev CheckinClosed) String() string {
	return "check-in closed for " + ev.Day.Format(time.DateOnly)
}

// String describes the event for logs.
func (ev CheckinJournaled) String() string {
	c := ev.Checkin
	return fmt.Sprintf("%s check-in: stiffness %d, mood %d, energy %d, sleep quality %d, load %q",
		c.Time.Format(time.DateTime), c.Stiffness, c.Mood, c.Energy, c.SleepQuality, c.Load)
}

func (PromptShown) event()    {}
func (PromptReissued) event() {}
func (PromptClosed) event()   {}
func (Journaled) event()      {}

// String describes the event for logs.
func (ev PromptShown) String() string {
	return fmt.Sprintf("prompt %d shown: %s", ev.Prompt.ID, ev.Prompt.Title())
}

// String describes the event for logs.
func (ev PromptReissued) String() string {
	return fmt.Sprintf("prompt %d reissued (repeat %d): %s", ev.Prompt.ID, ev.Prompt.Repeat, ev.Prompt.Title())
}

// String describes the event for logs.
func (ev PromptClosed) String() string {
	return fmt.Sprintf("prompt %d closed: %s", ev.ID, ev.Outcome)
}

// String describes the event for logs.
func (ev Journaled) String() string {
	en := ev.Record
	return fmt.Sprintf("%s %s %s after %s active", en.Time.Format(time.DateTime), en.Anchor, en.Outcome, en.Active.Round(time.Second))
}

func (e *Engine) emit(ev Event) { e.evs = append(e.evs, ev) }
