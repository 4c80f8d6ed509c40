package reminders

import (
	"fmt"
	"time"

	"github.com/microrest/microrest/settings"
)

// CheckinItem is one question of the daily check-in.
type CheckinItem int

// The check-in's questions, each answered 1 to 5. Higher is better except
// for stiffness, where higher is stiffer.
const (
	Stiffness CheckinItem = iota
	Mood
	Energy
	SleepQuality
)

// CheckinItems lists the questions in the order they are asked.
var CheckinItems = []CheckinItem{Stiffness, Mood, Energy, SleepQuality}

// String names the question in English, for logs and test failures;
// people read it from the catalog.
func (i CheckinItem) String() string {
	switch i {
	case Stiffness:
		return "stiffness"
	case Mood:
		return "mood"
	case Energy:
		return "energy"
	case SleepQuality:
		return "sleep quality"
	}
	return fmt.Sprintf("item(%d)", int(i))
}

// MaxAnswer is the top of every check-in scale; 0 is "not answered".
const MaxAnswer = 5

// Checkin is one day's check-in: how the person feels, and the training
// load they plan or had. The engine hands it to the journal; readiness is
// read from the journal's check-ins.
type Checkin struct {
	// Time is when the answers were given.
	Time time.Time `json:"time"`
	// Stiffness, Mood, Energy and SleepQuality are 1 to 5, 0 when not
	// answered.
	Stiffness    int `json:"stiffness,omitempty"`
	Mood         int `json:"mood,omitempty"`
	Energy       int `json:"energy,omitempty"`
	SleepQuality int `json:"sleep_quality,omitempty"`
	// Load is the day's training load, settings.LoadUnset when not said;
	// a said load decides the day's type over [days].
	Load settings.TrainingLoad `json:"load,omitzero"`
}

// Answer returns the answer to one question, 0 when not answered.
func (c Checkin) Answer(i CheckinItem) int {
	switch i {
	case Stiffness:
		return c.Stiffness
	case Mood:
		return c.Mood
	case Energy:
		return c.Energy
	case SleepQuality:
		return c.SleepQuality
	}
	return 0
}

// Empty reports whether nothing was answered: a check-in declined.
func (c Checkin) Empty() bool {
	return c.Stiffness == 0 && c.Mood == 0 && c.Energy == 0 && c.SleepQuality == 0 && c.Load == settings.LoadUnset
}

// Check refuses answers outside the scales, so the journal and readers
// can take a Checkin as sound.
func (c Checkin) Check() error {
	for _, i := range CheckinItems {
		if a := c.Answer(i); a < 0 || a > MaxAnswer {
			return &Refusal{Reason: RefusedAnswerRange, Item: i, Value: a}
		}
	}
	if c.Load != settings.LoadUnset && !c.Load.Valid() {
		return &Refusal{Reason: RefusedLoad}
	}
	return nil
}

// AnswerCheckin gives today's check-in. Answering again the same day
// replaces the earlier answer (its load, and for readiness its items);
// answering with nothing declines it for the day. Answers are taken at
// any time of the day, asked or not. Checkin.Time is set by the engine.
type AnswerCheckin struct{ Checkin Checkin }

// SetReadiness tells the engine whether today's readiness reads lower
// than usual, which the daemon works out from the journal's check-ins
// (see Readiness); the engine does no I/O. It holds until the day ends.
type SetReadiness struct{ Low bool }

var errCheckinTime error = &Refusal{Reason: RefusedCheckinTime}

func (c AnswerCheckin) apply(e *Engine, now time.Time) error {
	if err := c.Checkin.Check(); err != nil {
		return err
	}
	if !c.Checkin.Time.IsZero() {
		return errCheckinTime
	}
	wasOpen := e.checkinOpen()
	e.checkinAnswered = true
	e.checkinLoad = c.Checkin.Load
	if wasOpen {
		e.emit(CheckinClosed{Day: e.dayStart})
	}
	if rec := c.Checkin; !rec.Empty() {
		rec.Time = now
		e.emit(CheckinJournaled{Checkin: rec})
	}
	e.replan(now)
	return nil
}

func (c SetReadiness) apply(e *Engine, now time.Time) error {
	if e.low != c.Low {
		e.low = c.Low
		e.replan(now)
	}
	return nil
}

// checkinOpen reports whether today's check-in was asked and waits for
// an answer.
func (e *Engine) checkinOpen() bool { return e.checkinAsked && !e.checkinAnswered }

// askCheckin asks today's check-in once, at the first minute the person is
// at the desk from its time on. A pause, do-not-disturb, quiet hours or
// being away defer it; nothing drops it.
func (e *Engine) askCheckin(now time.Time) {
	at := e.cfg.Checkin.At
	if e.checkinAsked || e.checkinAnswered || at.Mode == settings.CheckinOff {
		return
	}
	if e.away || e.dndHolds() || e.paused(now) || e.quietAt(now) {
		return
	}
	if at.Mode == settings.CheckinAtClock && now.Before(e.todayAt(at.Clock)) {
		return
	}
	e.checkinAsked = true
	e.emit(CheckinDue{Day: e.dayStart})
}
