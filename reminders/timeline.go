package reminders

import (
	"fmt"
	"slices"
	"time"

	"github.com/microrest/microrest/settings"
)

// TimelineState is where one item of today's timeline stands.
type TimelineState int

// The states of a timeline item.
const (
	// TimelineUpcoming: still to come today.
	TimelineUpcoming TimelineState = iota
	// TimelineDue: come, and waiting for its prompt's answer.
	TimelineDue
	// TimelineDone: a win, by an answer, going away after the prompt, or a natural break.
	TimelineDone
	// TimelineMissed: passed unanswered.
	TimelineMissed
	// TimelineSkipped: skipped for today, or its prompt was skipped.
	TimelineSkipped
)

var timelineStateNames = [...]string{"upcoming", "due", "done", "missed", "skipped"}

// String returns the state's key: "upcoming", "due", "done", "missed", "skipped".
func (s TimelineState) String() string {
	if s < 0 || int(s) >= len(timelineStateNames) {
		return fmt.Sprintf("timeline(%d)", int(s))
	}
	return timelineStateNames[s]
}

// TimelineItem is one moment of today's practice, for the Today timeline.
type TimelineItem struct {
	// Anchor is the anchor the item belongs to.
	Anchor settings.Kind
	// Time is when it came or comes: a clock time where today's plan puts
	// it, a win when it happened, an interval anchor's next prompt as
	// projected at today's pace.
	Time time.Time
	// Slot names the clock time, nil for an interval anchor's next prompt
	// and for wins that answered no clock time.
	Slot *Slot
	// Moved is set when Time was moved for today.
	Moved bool
	// State is where the item stands.
	State TimelineState
}

// Tick is one of today's outcomes the timeline shows: a clock time's
// outcome, or a win that answered no clock time. The state file keeps
// them, so the timeline survives a restart.
type Tick struct {
	// Anchor is the anchor the outcome belongs to.
	Anchor settings.Kind `json:"anchor"`
	// Clock is the clock time the outcome answered, zero for none.
	Clock time.Time `json:"clock,omitzero"`
	// Time is when the outcome happened.
	Time time.Time `json:"time"`
	// Outcome is how the round ended.
	Outcome Outcome `json:"outcome"`
}

// maxTicks bounds today's ticks: an anchor every minute all day is fewer,
// and the oldest are dropped past it.
const maxTicks = 2000

// tick keeps one of today's outcomes for the timeline.
func (e *Engine) tick(t Tick) {
	if len(e.ticks) >= maxTicks {
		e.ticks = e.ticks[1:]
	}
	e.ticks = append(e.ticks, t)
}

// Pace bounds: at a quarter of wall time or less at the desk, projecting
// by it would push every interval past the evening; above one it cannot be.
const (
	minPace = 0.25
	maxPace = 1.0
)

// timeline lists today's clock times, wins and each interval anchor's
// next prompt, sorted by time.
func (e *Engine) timeline(now time.Time) []TimelineItem {
	items := make([]TimelineItem, 0, 2*len(settings.Kinds)+len(e.ticks))
	for _, k := range settings.Kinds {
		items = e.slotItems(items, k)
		if it, ok := e.projection(k, now); ok {
			items = append(items, it)
		}
	}
	for _, t := range e.ticks {
		if t.Clock.IsZero() && t.Outcome.Win() && e.inToday(t.Time) {
			items = append(items, TimelineItem{Anchor: t.Anchor, Time: t.Time, State: TimelineDone})
		}
	}
	slices.SortStableFunc(items, func(a, b TimelineItem) int { return a.Time.Compare(b.Time) })
	return items
}

// slotItems adds anchor k's clock times of today. A time outside active
// hours is left out, as it does not come; so is one that passed before
// the engine ran, which it knows nothing of.
func (e *Engine) slotItems(items []TimelineItem, k settings.Kind) []TimelineItem {
	appointment := e.cfg.Anchors.Of(k).Appointment
	for _, p := range e.today(k) {
		if !appointment && !e.inHours(p.at) {
			continue
		}
		state, ok := e.slotState(p)
		if !ok {
			continue
		}
		slot := p.Slot
		items = append(items, TimelineItem{Anchor: k, Time: p.at, Slot: &slot, Moved: p.moved, State: state})
	}
	return items
}

// slotState says where today's slot p stands, and false when the engine
// never saw it come.
func (e *Engine) slotState(p planned) (TimelineState, bool) {
	if p.skipped {
		return TimelineSkipped, true
	}
	for _, t := range slices.Backward(e.ticks) {
		if t.Anchor == p.Anchor && t.Clock.Equal(p.at) {
			return tickState(t.Outcome), true
		}
	}
	if e.inRound(p) {
		return TimelineDue, true
	}
	return TimelineUpcoming, p.at.After(e.anchors[p.Anchor].lastClock)
}

func tickState(o Outcome) TimelineState {
	switch {
	case o.Win():
		return TimelineDone
	case o == OutcomeSkipped:
		return TimelineSkipped
	}
	return TimelineMissed
}

// projection returns when interval anchor k comes due at today's pace:
// the active time left, stretched by the share of wall time spent at the
// desk since the first active minute. Nothing is projected past today.
func (e *Engine) projection(k settings.Kind, now time.Time) (TimelineItem, bool) {
	left, ok := e.untilDue(k)
	if !ok || !e.live(k) {
		return TimelineItem{}, false
	}
	if left <= 0 {
		return TimelineItem{Anchor: k, Time: now, State: TimelineDue}, true
	}
	at := now.Add(time.Duration(float64(left) / e.pace(now)))
	if !at.Before(e.nextRoll) {
		return TimelineItem{}, false
	}
	return TimelineItem{Anchor: k, Time: at, State: TimelineUpcoming}, true
}

// pace returns today's active time over the wall time since the first
// active minute, within [minPace, maxPace]; 1 before there is any.
func (e *Engine) pace(now time.Time) float64 {
	wall := now.Sub(e.wokeAt)
	if e.wokeAt.IsZero() || wall < time.Minute {
		return maxPace
	}
	active := float64(max(0, e.active-e.dayActive)) / float64(wall)
	return min(max(active, minPace), maxPace)
}
