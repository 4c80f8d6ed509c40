package reminders

import (
	"slices"
	"time"

	"github.com/microrest/microrest/settings"
)

// Slot names one planned clock time of an anchor.
type Slot struct {
	// Anchor is the anchor the clock time belongs to.
	Anchor settings.Kind
	// At is the configured clock time; for a walk after a meal, the
	// meal's time.
	At settings.ClockTime
	// Meal marks a walk after a meal (movement only).
	Meal bool
}

// String names the slot as a person reads it: "movement 12:45", "walk
// after the 12:30 meal".
func (s Slot) String() string {
	if s.Meal {
		return "walk after the " + s.At.String() + " meal"
	}
	return s.Anchor.String() + " " + s.At.String()
}

// SkipToday drops one clock time from today's plan: it does not come
// today, and comes as usual from tomorrow on.
type SkipToday struct{ Slot Slot }

// MoveToday moves one clock time for today only. For a walk after a meal,
// To is the meal's new time and the walk follows it by after_meal.
type MoveToday struct {
	Slot Slot
	To   settings.ClockTime
}

// change is what today's plan does to one slot.
type change struct {
	skip  bool
	moved bool
	to    settings.ClockTime
}

// planned is one of today's slots where today's plan puts it.
type planned struct {
	Slot
	at      time.Time // when it comes today
	moved   bool
	skipped bool
}

// slots returns anchor k's clock times in force: its own, then the walk
// after each meal (movement). A walk that falls on one of the anchor's own
// times is that time, so one walk is neither offered nor listed twice.
func (e *Engine) slots(k settings.Kind) []Slot {
	cfg := e.cfg.Anchors.Of(k)
	if !cfg.Enabled {
		return nil
	}
	out := make([]Slot, 0, len(cfg.At)+len(e.cfg.Meals))
	for _, c := range cfg.At {
		out = append(out, Slot{Anchor: k, At: c})
	}
	if k != settings.Movement || !e.cfg.MealWalksOn() {
		return out
	}
	for _, m := range e.cfg.Meals {
		if !slices.Contains(cfg.At, e.cfg.WalkAfter(m)) {
			out = append(out, Slot{Anchor: k, At: m, Meal: true})
		}
	}
	return out
}

// clockFor returns the time of day slot s comes at when its own time is c:
// c itself, or for a meal the walk after_meal later.
func (e *Engine) clockFor(s Slot, c settings.ClockTime) settings.ClockTime {
	if s.Meal {
		return e.cfg.WalkAfter(c)
	}
	return c
}

// todayAt returns the instant of clock time c within the day that began
// at dayStart. A time before the day's start belongs to the small hours
// that end the day, so it is read on the next calendar date.
func (e *Engine) todayAt(c settings.ClockTime) time.Time {
	t := dayAt(e.dayStart, c, 0, e.loc)
	if t.Before(e.dayStart) {
		t = dayAt(e.dayStart, c, 1, e.loc)
	}
	return t
}

// inToday reports whether t falls within the current day.
func (e *Engine) inToday(t time.Time) bool { return !t.Before(e.dayStart) && t.Before(e.nextRoll) }

// today returns anchor k's slots for today, placed by today's plan.
func (e *Engine) today(k settings.Kind) []planned {
	slots := e.slots(k)
	out := make([]planned, 0, len(slots))
	for _, s := range slots {
		ch := e.changes[s]
		c := s.At
		if ch.moved {
			c = ch.to
		}
		out = append(out, planned{Slot: s, at: e.todayAt(e.clockFor(s, c)), moved: ch.moved, skipped: ch.skip})
	}
	return out
}

// nextOccurrence returns the first clock time of anchor k after t, or the
// zero time when the anchor has none or is off. Within today the plan
// decides (a moved time comes at its new time, a skipped one not at
// all); on other days each time comes as configured.
func (e *Engine) nextOccurrence(k settings.Kind, t time.Time) time.Time {
	var next time.Time
	keep := func(x time.Time) {
		if x.After(t) && (next.IsZero() || x.Before(next)) {
			next = x
		}
	}
	for _, p := range e.today(k) {
		c := e.clockFor(p.Slot, p.Slot.At)
		x := nextAfter(c, t, e.loc)
		if e.inToday(x) {
			x = nextAfter(c, x, e.loc)
		}
		keep(x)
		if !p.skipped {
			keep(p.at)
		}
	}
	return next
}

// mealAt reports whether anchor k's clock time at t today is a walk after
// a meal.
func (e *Engine) mealAt(k settings.Kind, t time.Time) bool {
	return slices.ContainsFunc(e.today(k), func(p planned) bool { return p.Meal && !p.skipped && p.at.Equal(t) })
}

var errMealAnchor error = &Refusal{Reason: RefusedMealAnchor}

func (c SkipToday) apply(e *Engine, now time.Time) error {
	p, err := e.find(c.Slot)
	if err != nil {
		return err
	}
	if p.skipped {
		return &Refusal{Reason: RefusedSkipped, Slot: c.Slot}
	}
	if err := e.ahead(p, now); err != nil {
		return err
	}
	e.setChange(c.Slot, change{skip: true})
	return nil
}

// apply moves the slot. A skipped slot never came, so moving it brings it
// back at the new time even when its own time has passed.
func (c MoveToday) apply(e *Engine, now time.Time) error {
	if !validClock(c.To) {
		return &Refusal{Reason: RefusedNotClock, At: c.To}
	}
	p, err := e.find(c.Slot)
	if err != nil {
		return err
	}
	if !p.skipped {
		if err := e.ahead(p, now); err != nil {
			return err
		}
	}
	at := e.todayAt(e.clockFor(p.Slot, c.To))
	if !at.After(e.handledUntil(p.Anchor, now)) {
		if p.Meal {
			return &Refusal{Reason: RefusedMealPassed, At: c.To, When: at.In(e.loc)}
		}
		return &Refusal{Reason: RefusedPassed, At: c.To}
	}
	if c.To == c.Slot.At {
		e.setChange(c.Slot, change{})
		return nil
	}
	e.setChange(c.Slot, change{moved: true, to: c.To})
	return nil
}

// handledUntil returns the moment up to which anchor k's clock times have
// come: now, or later when a clock time was taken early to join a prompt.
func (e *Engine) handledUntil(k settings.Kind, now time.Time) time.Time {
	return later(now, e.anchors[k].lastClock)
}

// ahead refuses to change slot p once it has come today: it is due, or
// it has passed.
func (e *Engine) ahead(p planned, now time.Time) error {
	if e.inRound(p) {
		return &Refusal{Reason: RefusedDueNow, Slot: p.Slot}
	}
	if !p.at.After(e.handledUntil(p.Anchor, now)) {
		return &Refusal{Reason: RefusedCame, Slot: p.Slot, When: p.at.In(e.loc)}
	}
	return nil
}

// inRound reports whether slot p came and waits for its prompt's answer.
func (e *Engine) inRound(p planned) bool {
	return !p.skipped && slices.ContainsFunc(e.anchors[p.Anchor].round, p.at.Equal)
}

// find returns today's slot s, or an error that says what today has.
func (e *Engine) find(s Slot) (planned, error) {
	if err := checkKind(s.Anchor); err != nil {
		return planned{}, err
	}
	if s.Meal && s.Anchor != settings.Movement {
		return planned{}, errMealAnchor
	}
	if !e.cfg.Anchors.Of(s.Anchor).Enabled {
		return planned{}, &Refusal{Reason: RefusedAnchorOff, Anchor: s.Anchor}
	}
	for _, p := range e.today(s.Anchor) {
		if p.Slot == s {
			return p, nil
		}
	}
	return planned{}, e.unknown(s)
}

// unknown says why slot s is not one of today's.
func (e *Engine) unknown(s Slot) error {
	if !s.Meal {
		return &Refusal{Reason: RefusedNoSlot, Slot: s, Times: e.cfg.Anchors.Of(s.Anchor).At}
	}
	switch {
	case !e.cfg.MealWalksOn():
		return &Refusal{Reason: RefusedMealWalksOff, Slot: s}
	case !slices.Contains(e.cfg.Meals, s.At):
		return &Refusal{Reason: RefusedNoMeal, Slot: s, Times: e.cfg.Meals}
	}
	return &Refusal{Reason: RefusedOwnTime, Slot: s, At: e.cfg.WalkAfter(s.At)}
}

// setChange records today's change to slot s (the zero change undoes
// one) and finds the anchor's next clock time again. Changes to slots
// that new settings took away are dropped with it, so the plan stays as
// small as the day.
func (e *Engine) setChange(s Slot, ch change) {
	for old := range e.changes {
		if !slices.Contains(e.slots(old.Anchor), old) {
			delete(e.changes, old)
		}
	}
	if ch == (change{}) {
		delete(e.changes, s)
	} else {
		if e.changes == nil {
			e.changes = map[Slot]change{}
		}
		e.changes[s] = ch
	}
	a := &e.anchors[s.Anchor]
	a.nextClock = e.nextOccurrence(s.Anchor, a.lastClock)
}
