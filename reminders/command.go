package reminders

import (
	"slices"
	"time"

	"github.com/microrest/microrest/settings"
)

// Command is something a person asks of the engine, from a notification
// button, the tray, the CLI or the settings window.
type Command interface {
	apply(e *Engine, now time.Time) error
}

// Done answers prompt Prompt as done (0: the prompt on screen when the
// engine takes the command). Naming anchors answers only those; a named
// anchor not on screen records a practice done unprompted.
type Done struct {
	Prompt  uint64
	Anchors []settings.Kind
}

// Snooze puts prompt Prompt (0: the one on screen), or its named anchors,
// off by For of active time; 0 means each anchor's own snooze.
type Snooze struct {
	Prompt  uint64
	Anchors []settings.Kind
	For     time.Duration
}

// Skip declines prompt Prompt (0: the one on screen), or its named
// anchors, this time.
type Skip struct {
	Prompt  uint64
	Anchors []settings.Kind
}

// TakeNow starts a break for one anchor at once, whatever is due.
type TakeNow struct{ Anchor settings.Kind }

// Pause holds prompts until a moment; appointments still come.
type Pause struct{ Until time.Time }

// PauseFor holds prompts for a length from the moment the engine takes
// the command, so a menu drawn long before the click pauses for as long
// as it says.
type PauseFor struct{ For time.Duration }

// PauseUntilTomorrow holds prompts until the next day starts.
type PauseUntilTomorrow struct{}

// Resume ends a pause.
type Resume struct{}

// SetDND reports the desktop's do-not-disturb state, which defers prompts.
type SetDND struct{ On bool }

// Reconfigure applies new settings without losing progress.
type Reconfigure struct{ Settings settings.Settings }

// MaxPause is the longest pause for a length; longer is "until tomorrow",
// so a pause can never silence the practice for days by a typo.
const MaxPause = 24 * time.Hour

// ErrAnswered refuses an answer to a prompt that is no longer on screen:
// answered elsewhere (the tray, another client), auto-done or missed. It
// is never applied to the prompt that replaced it.
var ErrAnswered error = &Refusal{Reason: RefusedAnswered}

// The refusals that carry nothing but their reason, for errors.Is.
var (
	errNoPrompt    error = &Refusal{Reason: RefusedNoPrompt}
	errAppointment error = &Refusal{Reason: RefusedAppointment}
	errPastPause   error = &Refusal{Reason: RefusedPastPause}
	errNoLength    error = &Refusal{Reason: RefusedNoLength}
	errBusy        error = &Refusal{Reason: RefusedBusy}
	errLongPause   error = &Refusal{Reason: RefusedLongPause}
	errSnoozeRange error = &Refusal{Reason: RefusedSnoozeRange}
	errNeverShown  error = &Refusal{Reason: RefusedNeverShown}
)

// Do applies a command at now and returns what happened.
func (e *Engine) Do(now time.Time, c Command) ([]Event, error) {
	e.evs = nil
	e.begin(now)
	err := c.apply(e, now)
	return e.evs, err
}

func (c Done) apply(e *Engine, now time.Time) error {
	if err := e.checkPrompt(c.Prompt); err != nil {
		return err
	}
	if len(c.Anchors) == 0 || c.Prompt != 0 {
		return e.answer(c.Anchors, OutcomeDone, now, 0)
	}
	var onScreen []settings.Kind
	for _, k := range c.Anchors {
		if err := checkKind(k); err != nil {
			return err
		}
		if e.inPrompt(k) {
			onScreen = append(onScreen, k)
		} else {
			e.close(k, ending{outcome: OutcomeDone, at: now})
		}
	}
	if len(onScreen) == 0 {
		return nil
	}
	return e.answer(onScreen, OutcomeDone, now, 0)
}

func (c Snooze) apply(e *Engine, now time.Time) error {
	if err := e.checkPrompt(c.Prompt); err != nil {
		return err
	}
	if lim := settings.SnoozeLimits; c.For != 0 && (c.For < lim.Min || c.For > lim.Max) {
		return &Refusal{Reason: RefusedSnoozeRange, Length: c.For}
	}
	return e.answer(c.Anchors, OutcomeSnoozed, now, c.For)
}

func (c Skip) apply(e *Engine, now time.Time) error {
	if err := e.checkPrompt(c.Prompt); err != nil {
		return err
	}
	return e.answer(c.Anchors, OutcomeSkipped, now, 0)
}

// checkPrompt refuses an answer meant for a prompt other than the one on
// screen; 0 asks for whichever is on screen.
func (e *Engine) checkPrompt(id uint64) error {
	switch {
	case id == 0 || (e.cur != nil && e.cur.ID == id):
		return nil
	case id > e.nextID:
		return &Refusal{Reason: RefusedNeverShown, Prompt: id}
	}
	return ErrAnswered
}

func (c TakeNow) apply(e *Engine, now time.Time) error {
	if err := checkKind(c.Anchor); err != nil {
		return err
	}
	if e.cur != nil {
		if e.cur.Has(c.Anchor) {
			return nil
		}
		return errBusy
	}
	e.show([]settings.Kind{c.Anchor}, now)
	return nil
}

func (c Pause) apply(e *Engine, now time.Time) error {
	if !c.Until.After(now) {
		return errPastPause
	}
	if c.Until.Sub(now) > MaxPause {
		return errLongPause
	}
	e.pausedUntil = c.Until
	if e.cur != nil && !e.cur.appointment() {
		e.finish(e.cur.Items, OutcomeSnoozed, now, 0)
	}
	return nil
}

func (c PauseFor) apply(e *Engine, now time.Time) error {
	if c.For <= 0 {
		return errNoLength
	}
	return Pause{Until: now.Add(c.For)}.apply(e, now)
}

func (PauseUntilTomorrow) apply(e *Engine, now time.Time) error {
	return Pause{Until: nextAfter(e.cfg.DayStartsAt, now, e.loc)}.apply(e, now)
}

func (Resume) apply(e *Engine, _ time.Time) error {
	e.pausedUntil = time.Time{}
	return nil
}

func (c SetDND) apply(e *Engine, _ time.Time) error {
	e.dnd = c.On
	return nil
}

// apply puts the new settings in force with today's day type on top.
func (c Reconfigure) apply(e *Engine, now time.Time) error {
	e.base = c.Settings
	e.setPlan(now, false)
	return nil
}

// answer closes the named anchors of the prompt on screen, or all of it.
func (e *Engine) answer(kinds []settings.Kind, o Outcome, now time.Time, snooze time.Duration) error {
	if e.cur == nil {
		return errNoPrompt
	}
	items := e.cur.Items
	if len(kinds) > 0 {
		items = nil
		for _, k := range kinds {
			i := slices.IndexFunc(e.cur.Items, func(it Item) bool { return it.Anchor == k })
			if i < 0 {
				return &Refusal{Reason: RefusedNotOffered, Anchor: k}
			}
			items = append(items, e.cur.Items[i])
		}
	}
	if o == OutcomeSkipped && slices.ContainsFunc(items, func(it Item) bool { return it.Appointment }) {
		return errAppointment
	}
	e.finish(items, o, now, snooze)
	return nil
}

func checkKind(k settings.Kind) error {
	if k < 0 || int(k) >= len(settings.Kinds) {
		return &Refusal{Reason: RefusedNotAnchor, Anchor: k}
	}
	return nil
}
