// Package journal keeps the record of small wins: one JSON line per prompt
// outcome, appended durably, read tolerantly, and summarised into the
// statistics people see over days and weeks.
package journal

import (
	"fmt"
	"time"

	"github.com/microrest/microrest/settings"
)

// Outcome is how a prompt, or a natural break, ended.
type Outcome int

// The outcomes a prompt can end in. The zero value is not an outcome, so a
// missing field in a journal line is caught rather than read as Done.
const (
	// Done: the person said they did the practice.
	Done Outcome = iota + 1
	// Natural: an away stretch long enough satisfied the anchor by itself.
	Natural
	// AutoDone: the person went away for the practice length after the prompt.
	AutoDone
	// Snoozed: put off for a few minutes of active time.
	Snoozed
	// Skipped: declined this time.
	Skipped
	// Missed: never answered, or a clock time passed while away.
	Missed
)

// Outcomes lists every outcome in display order.
var Outcomes = []Outcome{Done, Natural, AutoDone, Snoozed, Skipped, Missed}

var outcomeNames = [...]string{"", "done", "natural", "auto-done", "snoozed", "skipped", "missed"}

// String returns the outcome's key as written in the journal.
func (o Outcome) String() string {
	if o <= 0 || int(o) >= len(outcomeNames) {
		return fmt.Sprintf("outcome(%d)", int(o))
	}
	return outcomeNames[o]
}

// Win reports whether the outcome counts as a small win.
func (o Outcome) Win() bool { return o == Done || o == Natural || o == AutoDone }

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
	if o <= 0 || int(o) >= len(outcomeNames) {
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

// Entry is one journal line: what happened to which anchor, when, and how
// much active time it closed.
type Entry struct {
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
