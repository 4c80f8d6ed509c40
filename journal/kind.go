package journal

import (
	"fmt"
	"strconv"
	"time"

	"github.com/microrest/microrest/i18n"
)

// Kind says what a journal line records. Outcome lines carry no "kind"
// key, so journals written before check-ins read unchanged and an older
// microrest still reads the outcomes of a newer journal.
type Kind uint8

// The kinds this version reads. A line of any other kind was written by a
// newer microrest: readers skip it without calling it damage.
const (
	KindOutcome Kind = iota
	KindCheckin
	// KindWake marks the first active minute of a journal day, the
	// wake-time proxy that bedtime and wake-time steadiness are read from.
	KindWake
)

// String is the kind as the CSV export's kind column names it.
func (k Kind) String() string {
	switch k {
	case KindOutcome:
		return "outcome"
	case KindCheckin:
		return kindCheckin
	case KindWake:
		return kindWake
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Line is one journal line of a kind this version knows, so a reader that
// wants the whole record gets outcomes, check-ins and wake times in the
// order they were written.
type Line struct {
	Kind Kind
	// Entry is the outcome when Kind is KindOutcome.
	Entry Entry
	// Checkin is the check-in when Kind is KindCheckin.
	Checkin Checkin
	// Wake is the first active minute of the day when Kind is KindWake.
	Wake time.Time
}

// Time is when the line's event happened, whatever its kind.
func (l Line) Time() time.Time {
	switch l.Kind {
	case KindCheckin:
		return l.Checkin.Time
	case KindWake:
		return l.Wake
	}
	return l.Entry.Time
}

// OutcomeLine wraps e as a Line.
func OutcomeLine(e Entry) Line { return Line{Kind: KindOutcome, Entry: e} }

// CheckinLine wraps c as a Line.
func CheckinLine(c Checkin) Line { return Line{Kind: KindCheckin, Checkin: c} }

// WakeLine wraps the first active minute of a day as a Line.
func WakeLine(t time.Time) Line { return Line{Kind: KindWake, Wake: t} }

// appendAny writes a line of either kind.
func appendAny(dst []byte, l Line) ([]byte, error) {
	switch l.Kind {
	case KindOutcome:
		return appendLine(dst, l.Entry)
	case KindCheckin:
		return appendCheckin(dst, l.Checkin)
	case KindWake:
		return appendWake(dst, l.Wake)
	}
	return dst, &FieldError{"kind", unknownValue(int(l.Kind))}
}

// otherKindError marks a line whose kind this version does not know. It is
// an error so parseLine has one way to decline a line, but a reader counts
// it in ReadReport.Other rather than as damage.
type otherKindError struct{ kind string }

func (e *otherKindError) Error() string {
	return i18n.T("journal.problem.other_kind", map[string]any{"Kind": strconv.Quote(e.kind)})
}

// kindWake is the "kind" of a wake line.
const kindWake = "wake"

// appendWake writes a wake line, {"time":...,"kind":"wake"}, without the
// trailing newline.
func appendWake(dst []byte, t time.Time) ([]byte, error) {
	if err := checkTime(t); err != nil {
		return dst, err
	}
	dst = append(dst, `{"time":"`...)
	dst = appendTime(dst, t)
	return append(dst, `","kind":"`+kindWake+`"}`...), nil
}
