package reminders

import (
	"time"

	"github.com/microrest/microrest/settings"
)

// NextWake returns the earliest moment after now at which the engine could
// act if the person stays as they are, so the Run loop can sleep until
// then. The zero time means nothing is scheduled.
func (e *Engine) NextWake(now time.Time) time.Time {
	w := wake{now: now}
	if !e.started {
		return now
	}
	w.at(e.nextRoll)
	w.at(e.pausedUntil)
	w.at(e.calmUntil)
	w.at(e.nextHoursChange(now))
	for _, k := range settings.Kinds {
		e.anchorWake(&w, k)
	}
	e.promptWake(&w)
	return w.next
}

// anchorWake adds when anchor k could next change.
func (e *Engine) anchorWake(w *wake, k settings.Kind) {
	a := &e.anchors[k]
	w.at(a.nextClock)
	if !a.clockDue.IsZero() {
		w.at(a.deadline)
	}
	if e.away {
		// As natural() decides: an anchor that is off, or has met its
		// goal, completes no natural break, so its break wakes nobody.
		if nb := e.cfg.Anchors.Of(k).NaturalBreak.D(); nb > 0 && e.live(k) {
			w.at(e.awayStart.Add(nb))
		}
		return
	}
	if left, ok := e.untilDue(k); ok && left > 0 && e.live(k) {
		w.at(w.now.Add(left))
	}
}

// promptWake adds when the prompt on screen could be auto-done or re-issued.
func (e *Engine) promptWake(w *wake) {
	if e.cur == nil {
		return
	}
	if e.away {
		w.at(later(e.awayStart, e.cur.Shown).Add(e.cur.need))
		return
	}
	if left := e.cur.escalateAt - e.active; left > 0 && e.cfg.Escalation.After > 0 {
		w.at(w.now.Add(left))
	}
}

// wake keeps the earliest time after now.
type wake struct{ now, next time.Time }

func (w *wake) at(t time.Time) {
	if t.After(w.now) && (w.next.IsZero() || t.Before(w.next)) {
		w.next = t
	}
}
