// Package reminders is the recovery engine: it turns activity samples and
// commands into prompts and records for the journal on an injected clock,
// so whole working weeks can be simulated in tests and the daemon stays a
// thin loop around it. It imports no toolkit, tray, notification or D-Bus
// package, and no adapter: they import it.
package reminders

import (
	"time"

	"github.com/microrest/microrest/settings"
)

// DefaultMaxGap is the longest pause between samples still read as
// continuous time; the Run loop samples well within it, so a longer gap
// means a suspend or a clock change.
const DefaultMaxGap = time.Minute

// fallbackSnooze is used when an anchor's snooze is off, so that snoozing
// never re-issues the prompt at once.
const fallbackSnooze = 10 * time.Minute

// clockCatchUp bounds how far back clock times missed while the daemon was
// not running are journaled, so a week away leaves a day of misses, not all.
const clockCatchUp = 24 * time.Hour

// Sample is one reading of the activity monitor.
type Sample struct {
	// Now is when the reading was taken.
	Now time.Time
	// Idle is the time since the last keyboard or pointer input.
	Idle time.Duration
	// Locked is set while the session is locked.
	Locked bool
	// Asleep is set while the machine is going to or coming from sleep.
	Asleep bool
}

// Options says where the engine runs; the zero value is fine.
type Options struct {
	// Location is the zone clock times and active hours are read in; nil
	// means time.Local.
	Location *time.Location
	// MaxGap overrides DefaultMaxGap, for a loop that samples less often.
	MaxGap time.Duration
	// TodayWins, when set, counts each anchor's wins recorded since a
	// day's start, and reports whether it could: the journal is the
	// truth, and a state file saved before a crash may be behind it.
	TodayWins func(dayStart time.Time) (map[settings.Kind]int, bool)
}

// Engine is the recovery engine. It is not safe for concurrent use: one
// goroutine (Runner.Run) owns it.
type Engine struct {
	base      settings.Settings // as the file says
	cfg       settings.Settings // in force today: base with the day type's overrides
	breathing settings.BreathMode
	loc       *time.Location
	maxGap    time.Duration
	todayWins func(time.Time) (map[settings.Kind]int, bool)

	started   bool
	last      time.Time     // the previous sample
	active    time.Duration // the active clock: total active time credited
	tentative time.Duration // active time credited since the last input; taken back if the stretch turns out to be away
	away      bool
	awayStart time.Time
	calmUntil time.Time // no prompts before this, after a natural break

	anchors []anchor // indexed by settings.Kind
	cur     *open
	nextID  uint64

	dayStart, nextRoll time.Time
	dayActive          time.Duration // the active clock when the day started
	pausedUntil        time.Time
	dnd                bool

	quietFrom, quietUntil time.Time
	quiet                 bool

	// Today's check-in: asked, answered, the load it gave, and whether
	// readiness reads low. They reset when the day rolls.
	checkinAsked, checkinAnswered bool
	checkinLoad                   settings.TrainingLoad
	low                           bool

	// Today's plan changes, its outcomes for the timeline, and its first
	// active minute; a new day clears them.
	changes map[Slot]change
	ticks   []Tick
	wokeAt  time.Time
	// reviewed is the start of the last week whose review was offered.
	reviewed time.Time

	evs []Event
}

// New builds an engine from settings and a saved state (the zero State
// for a first start).
func New(cfg settings.Settings, st State, o Options) *Engine {
	e := &Engine{base: cfg, cfg: cfg, loc: o.Location, maxGap: o.MaxGap, todayWins: o.TodayWins}
	if e.loc == nil {
		e.loc = time.Local
	}
	if e.maxGap <= 0 {
		e.maxGap = DefaultMaxGap
	}
	e.anchors = make([]anchor, len(settings.Kinds))
	e.restore(st)
	return e
}

// Step advances the engine to s.Now with one activity sample and returns
// what happened, in order.
func (e *Engine) Step(s Sample) []Event {
	e.evs = nil
	now := s.Now
	e.begin(now)
	e.interval(s)
	e.fireClocks(now)
	e.settleAway(now)
	if e.away && !e.absent(s) {
		e.comeBack(now)
	}
	e.roll(now)
	e.noteWake(now)
	e.askCheckin(now)
	e.offerReview(now)
	e.expire(now)
	e.escalate(now)
	e.offer(now)
	e.last = now
	return e.evs
}

// begin sets the baseline on the first sample or command.
func (e *Engine) begin(now time.Time) {
	if e.started {
		return
	}
	e.started = true
	if e.last.IsZero() {
		e.last = now
	}
	if e.dayStart.IsZero() {
		// A first start: there is no last week to review yet.
		e.newDay(now)
		e.reviewed = e.weekStart()
	}
	e.cfg, e.breathing = e.plan()
	e.recount()
	floor := now.Add(-clockCatchUp)
	for k := range e.anchors {
		a := &e.anchors[k]
		if a.lastClock.IsZero() {
			a.lastClock = now
		} else if a.lastClock.Before(floor) {
			a.lastClock = floor
		}
		a.nextClock = e.nextOccurrence(settings.Kind(k), a.lastClock)
	}
}

// recount takes today's wins from the record, where there is one.
func (e *Engine) recount() {
	if e.todayWins == nil {
		return
	}
	wins, ok := e.todayWins(e.dayStart)
	if !ok {
		return
	}
	for k := range e.anchors {
		e.anchors[k].wins = wins[settings.Kind(k)]
	}
}

// absent reports whether a sample shows nobody at the desk.
func (e *Engine) absent(s Sample) bool {
	return s.Locked || s.Asleep || s.Idle >= e.cfg.IdleThreshold.D()
}

// interval accounts for the time since the previous sample: active when
// the person is at the desk, away for a lock, sleep, long idle or a jump.
func (e *Engine) interval(s Sample) {
	dt := s.Now.Sub(e.last)
	switch {
	case dt > e.maxGap:
		e.leave(e.last.Add(-e.tentative), s.Now)
	case e.absent(s):
		e.leave(s.Now.Add(-s.Idle), s.Now)
	case !e.away && dt > 0:
		e.credit(dt, s)
	}
}

// credit adds dt of active time. Escalation only counts time in which the
// prompt could be shown again, so DND and quiet hours defer it.
func (e *Engine) credit(dt time.Duration, s Sample) {
	e.active += dt
	e.tentative = min(e.tentative+dt, s.Idle)
	if e.cur != nil && e.held(s.Now, e.cur.appointment()) {
		e.cur.escalateAt += dt
	}
}

// leave starts an away stretch at the last input. The active time credited
// since that input is taken back: the whole idle stretch is away time.
func (e *Engine) leave(at, now time.Time) {
	if e.away {
		return
	}
	if floor := e.last.Add(-e.tentative); at.Before(floor) {
		at = floor
	}
	if at.After(now) {
		at = now
	}
	e.away = true
	e.awayStart = at
	e.active -= e.tentative
	e.tentative = 0
}

// comeBack ends an away stretch; after a natural break prompts wait a
// little, so nobody is nagged the moment they sit down.
func (e *Engine) comeBack(now time.Time) {
	e.away = false
	if nb := e.shortestBreak(); nb > 0 && now.Sub(e.awayStart) >= nb {
		e.calmUntil = now.Add(e.cfg.ReturnQuiet.D())
	}
}

// shortestBreak returns the shortest natural break of any enabled anchor.
func (e *Engine) shortestBreak() time.Duration {
	var nb time.Duration
	for _, k := range settings.Kinds {
		cfg := e.cfg.Anchors.Of(k)
		if d := cfg.NaturalBreak.D(); cfg.Enabled && d > 0 && (nb == 0 || d < nb) {
			nb = d
		}
	}
	return nb
}

// settleAway credits what an away stretch achieves as time passes: a shown
// prompt done by going away, and natural breaks.
func (e *Engine) settleAway(now time.Time) {
	if !e.away {
		return
	}
	e.autoDone(now)
	for _, k := range settings.Kinds {
		e.natural(k, now)
	}
}

// roll starts a new day at DayStartsAt: a prompt left open since
// yesterday is missed, and counters start fresh.
func (e *Engine) roll(now time.Time) {
	if now.Before(e.nextRoll) {
		return
	}
	if e.cur != nil {
		e.finish(e.cur.Items, OutcomeMissed, e.nextRoll, 0)
	}
	e.newDay(now)
	e.replan(now)
}

// newDay sets the day containing now. Interval counters restart with the
// day, so last night's late session does not prompt first thing.
func (e *Engine) newDay(now time.Time) {
	e.dayStart = lastAtOrBefore(e.cfg.DayStartsAt, now, e.loc)
	e.nextRoll = nextAfter(e.cfg.DayStartsAt, e.dayStart, e.loc)
	e.dayActive = e.active
	for k := range e.anchors {
		a := &e.anchors[k]
		a.wins, a.start, a.snoozed = 0, e.active, false
		a.round, a.meal = nil, false
	}
	e.checkinAsked, e.checkinAnswered, e.checkinLoad, e.low = false, false, settings.LoadUnset, false
	e.changes, e.ticks, e.wokeAt = nil, nil, time.Time{}
}

// paused reports whether a pause is in force.
func (e *Engine) paused(now time.Time) bool { return now.Before(e.pausedUntil) }

// dndHolds reports whether do-not-disturb defers prompts.
func (e *Engine) dndHolds() bool { return e.dnd && e.cfg.RespectDND }

// held reports whether a prompt may not be shown now although the person
// is at the desk; appointments ignore pause and active hours.
func (e *Engine) held(now time.Time, appointment bool) bool {
	if e.dndHolds() || now.Before(e.calmUntil) {
		return true
	}
	return !appointment && (e.paused(now) || e.quietAt(now))
}
