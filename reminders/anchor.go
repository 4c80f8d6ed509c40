package reminders

import (
	"time"

	"github.com/microrest/microrest/settings"
)

// anchor is the running state of one recovery anchor. Active-time marks
// are read on the engine's active clock, so taking back an idle stretch
// moves every counter back at once.
type anchor struct {
	start     time.Duration // active clock at the anchor's previous outcome
	snoozed   bool
	snoozeAt  time.Duration // active clock at which a snoozed anchor is due again
	clockDue  time.Time     // a clock time waiting to be offered
	deadline  time.Time     // when the waiting clock time is journaled as missed
	lastClock time.Time     // the latest clock time handled, so a clock set back does not fire it twice
	nextClock time.Time     // the next clock time after lastClock, zero when none
	practice  int           // index of the next practice suggestion
	wins      int           // wins since the day started
	// breakFrom is the start of the away stretch that last gave a natural
	// break: one stretch is one break, whatever it satisfies.
	breakFrom time.Time
	// round holds today's clock times the anchor's open round answers (a
	// clock time waiting, a prompt on screen, a snooze), so its outcome is
	// theirs on the timeline; meal is set when one is a walk after a meal.
	round []time.Time
	meal  bool
}

// join makes clock time t part of the anchor's open round. A day and a
// catch-up have fewer clock times than the bound; it only keeps a state
// the engine writes one it reads back.
func (a *anchor) join(t time.Time, meal bool) {
	if len(a.round) >= maxStatePlan {
		a.round = a.round[1:]
	}
	a.round = append(a.round, t)
	a.meal = a.meal || meal
}

// accrued returns the active time since the anchor's previous outcome.
func (e *Engine) accrued(k settings.Kind) time.Duration {
	return max(0, e.active-e.anchors[k].start)
}

// live reports whether anchor k may prompt at all today.
func (e *Engine) live(k settings.Kind) bool {
	cfg := e.cfg.Anchors.Of(k)
	return cfg.Enabled && (cfg.DailyGoal <= 0 || e.anchors[k].wins < cfg.DailyGoal)
}

// untilDue returns the active time left before anchor k's interval or
// snooze brings it due, and false when neither applies.
func (e *Engine) untilDue(k settings.Kind) (time.Duration, bool) {
	a := &e.anchors[k]
	if a.snoozed {
		return a.snoozeAt - e.active, true
	}
	if every := e.cfg.Anchors.Of(k).Every.D(); every > 0 {
		return a.start + every - e.active, true
	}
	return 0, false
}

// due reports whether anchor k wants a prompt now.
func (e *Engine) due(k settings.Kind) bool {
	if !e.live(k) || e.inPrompt(k) {
		return false
	}
	if !e.anchors[k].clockDue.IsZero() {
		return true
	}
	left, ok := e.untilDue(k)
	return ok && left <= 0
}

// soon reports whether anchor k comes due within CombineWithin, so it can
// join a prompt being shown; a clock time that close is taken early.
func (e *Engine) soon(k settings.Kind, now time.Time) bool {
	if !e.live(k) || e.inPrompt(k) {
		return false
	}
	within := e.cfg.CombineWithin.D()
	if next := e.anchors[k].nextClock; !next.IsZero() && next.Sub(now) <= within {
		e.occur(k, next)
	}
	if e.due(k) {
		return true
	}
	left, ok := e.untilDue(k)
	return ok && left <= within
}

// appointmentDue reports whether anchor k is due for an appointment clock
// time, which comes even when paused or outside active hours.
func (e *Engine) appointmentDue(k settings.Kind) bool {
	return e.cfg.Anchors.Of(k).Appointment && !e.anchors[k].clockDue.IsZero()
}

// fireClocks brings clock times that have arrived due.
func (e *Engine) fireClocks(now time.Time) {
	for k := range e.anchors {
		for a := &e.anchors[k]; !a.nextClock.IsZero() && !now.Before(a.nextClock); {
			e.occur(settings.Kind(k), a.nextClock)
		}
	}
}

// occur handles clock time t of anchor k. Outside active hours an ordinary
// clock time is dropped rather than missed: a Saturday is not a failure.
// A clock time that comes while the anchor is on screen or already waits
// is answered with it.
func (e *Engine) occur(k settings.Kind, t time.Time) {
	a := &e.anchors[k]
	a.lastClock = t
	a.nextClock = e.nextOccurrence(k, t)
	cfg := e.cfg.Anchors.Of(k)
	if !e.live(k) || (!cfg.Appointment && !e.inHours(t)) {
		return
	}
	meal := e.mealAt(k, t)
	if e.inPrompt(k) || !a.clockDue.IsZero() {
		a.join(t, meal)
		return
	}
	if e.away && a.breakFrom.Equal(e.awayStart) {
		// Away since before this clock time, and that break is already
		// journaled: a lunch out that met the hourly walk also is the
		// 12:45 walk, one win and not two.
		e.tick(Tick{Anchor: k, Clock: t, Time: t, Outcome: OutcomeNatural})
		return
	}
	a.clockDue = t
	a.deadline = t.Add(e.cfg.ClockGrace.D())
	a.join(t, meal)
}

// natural credits anchor k with a natural break once the away stretch is
// long enough and there is something to satisfy.
func (e *Engine) natural(k settings.Kind, now time.Time) {
	cfg := e.cfg.Anchors.Of(k)
	nb := cfg.NaturalBreak.D()
	if nb <= 0 || !e.live(k) || e.inPrompt(k) {
		return
	}
	a := &e.anchors[k]
	at := e.awayStart.Add(nb)
	if at.After(now) {
		return
	}
	if !a.clockDue.IsZero() {
		at = later(at, a.clockDue)
		if at.After(a.deadline) {
			return // missed before the break was long enough; expire journals it
		}
	} else if !a.snoozed && (cfg.Every <= 0 || e.accrued(k) <= 0) {
		return // nothing to satisfy: no interval running, nothing owed
	}
	e.close(k, ending{outcome: OutcomeNatural, at: at})
	a.breakFrom = e.awayStart
}

// expire journals clock times whose grace window passed unoffered.
// Do-not-disturb defers rather than drops: grace restarts when it ends.
func (e *Engine) expire(now time.Time) {
	for k := range e.anchors {
		a := &e.anchors[k]
		if a.clockDue.IsZero() || e.inPrompt(settings.Kind(k)) {
			continue
		}
		if e.dndHolds() && !e.away {
			a.deadline = later(a.deadline, now.Add(e.cfg.ClockGrace.D()))
		}
		if now.After(a.deadline) {
			e.close(settings.Kind(k), ending{outcome: OutcomeMissed, at: a.deadline})
		}
	}
}

// ending is how an anchor's round ends; the zero values of the optional
// fields fit an outcome reached without a prompt.
type ending struct {
	outcome Outcome
	at      time.Time
	// practice is the suggestion the prompt offered, "" for none.
	practice string
	// snooze is how long OutcomeSnoozed puts the anchor off, in active time.
	snooze time.Duration
	// prompt is the ID of the prompt answered, 0 for none.
	prompt uint64
}

// close ends anchor k's current round and journals how. A snooze puts
// the anchor off; every other outcome starts a new interval.
func (e *Engine) close(k settings.Kind, end ending) {
	a := &e.anchors[k]
	e.emit(Journaled{Prompt: end.prompt, Record: Record{
		Time: end.at, Anchor: k, Outcome: end.outcome, Practice: end.practice, Active: e.accrued(k),
	}})
	a.start, a.clockDue, a.snoozed = e.active, time.Time{}, false
	if end.outcome == OutcomeSnoozed {
		a.snoozed, a.snoozeAt = true, e.active+end.snooze
	} else {
		e.settle(k, end)
	}
	if end.outcome.Win() {
		a.wins++
	}
}

// settle gives a round's outcome to the clock times it answered, or
// keeps a win that answered none, for today's timeline.
func (e *Engine) settle(k settings.Kind, end ending) {
	a := &e.anchors[k]
	if len(a.round) == 0 && end.outcome.Win() {
		e.tick(Tick{Anchor: k, Time: end.at, Outcome: end.outcome})
	}
	for _, t := range a.round {
		e.tick(Tick{Anchor: k, Clock: t, Time: end.at, Outcome: end.outcome})
	}
	a.round, a.meal = nil, false
}

// nextPractice returns anchor k's next suggestion, rotating through the
// list so the same one does not come twice in a row.
func (e *Engine) nextPractice(k settings.Kind) string {
	list := e.cfg.Anchors.Of(k).Practices
	if len(list) == 0 {
		return ""
	}
	a := &e.anchors[k]
	p := list[a.practice%len(list)]
	a.practice = (a.practice + 1) % len(list)
	return p
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
