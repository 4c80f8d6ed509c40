package reminders

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/microrest/microrest/settings"
)

// Outcome is how a prompt, or a natural break, ended. The engine decides
// it, so the type lives here and the journal and the windows read it.
type Outcome int

// The outcomes a prompt can end in. The zero value is not an outcome, so a
// missing field in a record is caught rather than read as done.
const (
	// OutcomeDone: the person said they did the practice.
	OutcomeDone Outcome = iota + 1
	// OutcomeNatural: an away stretch long enough satisfied the anchor by itself.
	OutcomeNatural
	// OutcomeAutoDone: the person went away for the practice length after the prompt.
	OutcomeAutoDone
	// OutcomeSnoozed: put off for a few minutes of active time.
	OutcomeSnoozed
	// OutcomeSkipped: declined this time.
	OutcomeSkipped
	// OutcomeMissed: never answered, or a clock time passed while away.
	OutcomeMissed
)

// Outcomes lists every outcome in display order.
var Outcomes = []Outcome{OutcomeDone, OutcomeNatural, OutcomeAutoDone, OutcomeSnoozed, OutcomeSkipped, OutcomeMissed}

var outcomeNames = [...]string{"", "done", "natural", "auto-done", "snoozed", "skipped", "missed"}

// String returns the outcome's key as written in the journal.
func (o Outcome) String() string {
	if !o.Valid() {
		return fmt.Sprintf("outcome(%d)", int(o))
	}
	return outcomeNames[o]
}

// Valid reports whether o is one of Outcomes, so writers can refuse a
// value their readers would not take back.
func (o Outcome) Valid() bool { return o > 0 && int(o) < len(outcomeNames) }

// Win reports whether the outcome counts as a small win.
func (o Outcome) Win() bool { return o == OutcomeDone || o == OutcomeNatural || o == OutcomeAutoDone }

// ParseOutcome reads an outcome key.
func ParseOutcome(s string) (Outcome, error) {
	for i, name := range outcomeNames {
		if i > 0 && name == s {
			return Outcome(i), nil
		}
	}
	return 0, fmt.Errorf("%q is not an outcome", s)
}

// MarshalText writes the outcome key.
func (o Outcome) MarshalText() ([]byte, error) {
	if !o.Valid() {
		return nil, fmt.Errorf("unknown outcome %d", int(o))
	}
	return []byte(o.String()), nil
}

// UnmarshalText reads the outcome key.
func (o *Outcome) UnmarshalText(b []byte) error {
	parsed, err := ParseOutcome(string(b))
	if err != nil {
		return err
	}
	*o = parsed
	return nil
}

// Record is what the engine hands the journal when an anchor's round
// ends: what happened to which anchor, when, and how much active time it
// closed. Package journal writes it as one line.
type Record struct {
	// Time is when the outcome happened, in the local zone of that moment.
	Time time.Time
	// Anchor is the recovery anchor the outcome belongs to.
	Anchor settings.Kind
	// Outcome is how it ended.
	Outcome Outcome
	// Practice is the suggestion that was offered, if any.
	Practice string
	// Active is the active time accrued for this anchor since its previous
	// outcome.
	Active time.Duration
}

// maxRecordActive is the journal's bound on active time (1,000,000
// minutes, journal.MaxActiveMinutes). A kept record beyond it would be
// refused at every retry and hold up the queue behind it, so the state
// file is set aside instead.
const maxRecordActive = 1_000_000 * time.Minute

// recordJSON is a Record as state.json keeps it, under a journal line's
// keys, so state files written when pending outcomes were journal lines
// still load. Anchor is a pointer because its zero value is a kind: a
// record without one is refused, not read as movement.
type recordJSON struct {
	Time      time.Time      `json:"time"`
	Anchor    *settings.Kind `json:"anchor"`
	Outcome   Outcome        `json:"outcome"`
	Practice  string         `json:"practice,omitempty"`
	ActiveMin float64        `json:"active_min"`
}

// MarshalJSON writes the record for the state file.
func (r Record) MarshalJSON() ([]byte, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	return json.Marshal(recordJSON{r.Time, &r.Anchor, r.Outcome, r.Practice, r.Active.Minutes()})
}

// UnmarshalJSON reads a record from the state file and refuses one the
// journal would not take.
func (r *Record) UnmarshalJSON(b []byte) error {
	var raw recordJSON
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if raw.Anchor == nil {
		return errors.New("a record has no anchor")
	}
	if !(raw.ActiveMin >= 0 && raw.ActiveMin <= maxRecordActive.Minutes()) {
		return fmt.Errorf("active_min %v is outside 0 to %v", raw.ActiveMin, maxRecordActive.Minutes())
	}
	rec := Record{raw.Time, *raw.Anchor, raw.Outcome, raw.Practice, time.Duration(math.Round(raw.ActiveMin * float64(time.Minute)))}
	if err := rec.check(); err != nil {
		return err
	}
	*r = rec
	return nil
}

// check refuses a record the journal could not write.
func (r Record) check() error {
	switch {
	case r.Time.IsZero():
		return errors.New("a record has no time")
	case checkKind(r.Anchor) != nil:
		return checkKind(r.Anchor)
	case !r.Outcome.Valid():
		return fmt.Errorf("unknown outcome %d", int(r.Outcome))
	case r.Active < 0 || r.Active > maxRecordActive:
		return fmt.Errorf("active time %s is outside 0 to %s", r.Active, maxRecordActive)
	}
	return nil
}
