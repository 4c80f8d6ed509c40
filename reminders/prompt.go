package reminders

import (
	"slices"
	"strings"
	"time"

	"github.com/microrest/microrest/settings"
)

// Prompt is what the notifier puts on screen: one or more anchors offered
// together, each with one concrete practice.
type Prompt struct {
	// ID names the prompt across re-issues, answers and restarts.
	ID uint64
	// Items are the anchors offered, in display order.
	Items []Item
	// Repeat counts how often an ignored prompt has been re-issued.
	Repeat int
	// CanSkip is false for appointments, which offer no Skip.
	CanSkip bool
	// Shown is when the prompt first appeared.
	Shown time.Time
}

// Item is one anchor within a prompt.
type Item struct {
	// Anchor is the recovery anchor offered.
	Anchor settings.Kind
	// Practice is the suggestion for this time.
	Practice string
	// Appointment marks a clock time that cannot be skipped.
	Appointment bool
	// Meal marks a walk after a meal, so the notifier can title it so
	// ("Walk after your meal") rather than as plain movement.
	Meal bool
	// Snooze is how long a Snooze without a length puts the anchor off:
	// the engine's own choice, shown on the buttons that ask for it.
	Snooze time.Duration
}

// Title names the prompt for a notification heading, e.g. "Movement + Hydration".
func (p Prompt) Title() string {
	names := make([]string, len(p.Items))
	for i, it := range p.Items {
		names[i] = it.Anchor.Title()
	}
	return strings.Join(names, " + ")
}

// Snooze is the snooze every anchor on the prompt shares, so one button
// can name it; 0 when their lengths differ, as each keeps its own.
func (p Prompt) Snooze() time.Duration {
	if len(p.Items) == 0 {
		return 0
	}
	d := p.Items[0].Snooze
	for _, it := range p.Items[1:] {
		if it.Snooze != d {
			return 0
		}
	}
	return d
}

// Has reports whether the prompt offers anchor k.
func (p Prompt) Has(k settings.Kind) bool {
	return slices.ContainsFunc(p.Items, func(it Item) bool { return it.Anchor == k })
}

// clone copies the prompt so events and snapshots stay immutable.
func (p Prompt) clone() Prompt {
	p.Items = slices.Clone(p.Items)
	return p
}

// open is the prompt on screen and what the engine needs to escalate or
// auto-complete it.
type open struct {
	Prompt
	escalateAt time.Duration // active clock at which an unanswered prompt is re-issued
	need       time.Duration // away time after the prompt that counts as done
}

func (o *open) appointment() bool {
	return slices.ContainsFunc(o.Items, func(it Item) bool { return it.Appointment })
}

// inPrompt reports whether anchor k is on screen.
func (e *Engine) inPrompt(k settings.Kind) bool { return e.cur != nil && e.cur.Has(k) }

// offer shows a prompt when something is due and nothing holds it back.
// Anchors due within CombineWithin join it, so one break serves several.
func (e *Engine) offer(now time.Time) {
	if e.cur != nil || e.away || e.dndHolds() || now.Before(e.calmUntil) {
		return
	}
	restricted := e.paused(now) || e.quietAt(now)
	var kinds []settings.Kind
	for _, k := range settings.Kinds {
		if e.due(k) && (!restricted || e.appointmentDue(k)) {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) == 0 {
		return
	}
	for _, k := range settings.Kinds {
		if !restricted && !slices.Contains(kinds, k) && e.soon(k, now) {
			kinds = append(kinds, k)
		}
	}
	slices.Sort(kinds)
	e.show(kinds, now)
}

// show puts a new prompt for kinds on screen.
func (e *Engine) show(kinds []settings.Kind, now time.Time) {
	e.nextID++
	o := &open{Prompt: Prompt{ID: e.nextID, Shown: now}}
	for _, k := range kinds {
		o.Items = append(o.Items, Item{Anchor: k, Practice: e.nextPractice(k), Appointment: e.appointmentDue(k), Meal: e.anchors[k].meal})
	}
	e.cur = o
	e.refit()
	e.cur.escalateAt = e.active + e.cfg.Escalation.After.D()
	e.emit(PromptShown{Prompt: o.clone()})
}

// refit derives what depends on the prompt's items and the settings:
// each item's snooze, and the away time that completes the prompt (the
// practice, or the natural break if shorter).
func (e *Engine) refit() {
	e.cur.CanSkip = !e.cur.appointment()
	e.cur.need = 0
	for i, it := range e.cur.Items {
		e.cur.Items[i].Snooze = e.snoozeFor(it.Anchor, 0)
		cfg := e.cfg.Anchors.Of(it.Anchor)
		need := cfg.Practice.D()
		if nb := cfg.NaturalBreak.D(); nb > 0 && nb < need {
			need = nb
		}
		e.cur.need = max(e.cur.need, need)
	}
}

// escalate re-issues an unanswered prompt after Escalation.After of active
// time, and gives up as missed after Escalation.Repeats re-issues.
func (e *Engine) escalate(now time.Time) {
	after := e.cfg.Escalation.After.D()
	if e.cur == nil || e.away || after <= 0 || e.active < e.cur.escalateAt {
		return
	}
	if e.cur.Repeat >= e.cfg.Escalation.Repeats {
		e.finish(e.cur.Items, OutcomeMissed, now, 0)
		return
	}
	if e.held(now, e.cur.appointment()) {
		return
	}
	e.cur.Repeat++
	e.cur.escalateAt = e.active + after
	e.emit(PromptReissued{Prompt: e.cur.clone()})
}

// autoDone completes a shown prompt when the person has been away for its
// practice length since it appeared.
func (e *Engine) autoDone(now time.Time) {
	if e.cur == nil {
		return
	}
	at := later(e.awayStart, e.cur.Shown).Add(e.cur.need)
	if !at.After(now) {
		e.finish(e.cur.Items, OutcomeAutoDone, at, 0)
	}
}

// finish closes the given items of the prompt on screen with one outcome
// (a snooze lasts snooze, or each anchor's own when 0) and closes the
// prompt once nothing is left on it.
func (e *Engine) finish(items []Item, o Outcome, at time.Time, snooze time.Duration) {
	p := e.cur
	for _, it := range slices.Clone(items) {
		e.close(it.Anchor, ending{outcome: o, at: at, practice: it.Practice, snooze: e.snoozeFor(it.Anchor, snooze), prompt: p.ID})
		p.Items = slices.DeleteFunc(p.Items, func(x Item) bool { return x.Anchor == it.Anchor })
	}
	if len(p.Items) == 0 {
		e.cur = nil
		e.emit(PromptClosed{ID: p.ID, Outcome: o})
		return
	}
	e.refit()
	e.emit(PromptShown{Prompt: p.clone()})
}

// snoozeFor returns the snooze for anchor k: the one asked for, else the
// anchor's own.
func (e *Engine) snoozeFor(k settings.Kind, asked time.Duration) time.Duration {
	if asked > 0 {
		return asked
	}
	if d := e.cfg.Anchors.Of(k).Snooze.D(); d > 0 {
		return d
	}
	return fallbackSnooze
}
