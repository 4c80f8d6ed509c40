package journal

import (
	"bytes"
	"errors"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
)

// MaxActiveMinutes bounds active_min on both write and read: nothing real
// comes near two years at the desk without a break, so a larger value is
// corruption, and the bound keeps every accepted value inside a Duration.
const MaxActiveMinutes = 1_000_000

// tenth is the resolution of active_min: a tenth of a minute.
const tenth = 6 * time.Second

// FieldError names the field that makes a journal line unusable, so a read
// report can point a person at the exact thing to fix.
type FieldError struct {
	// Field is the JSON key, such as "time" or "anchor".
	Field string
	// Err says what is wrong with it.
	Err error
}

// Error names the field first, so a report line reads "field "time": ...",
// in the process's language.
func (e *FieldError) Error() string {
	return i18n.T("journal.problem.field", map[string]any{"Field": strconv.Quote(e.Field), "Error": e.Err.Error()})
}

// Unwrap lets errors.Is see the cause.
func (e *FieldError) Unwrap() error { return e.Err }

var errMissing error = &said{func() string { return i18n.T("journal.problem.missing") }}

// unknownValue refuses a value outside its type's constants, which only
// a program can make.
func unknownValue(v int) error {
	return errors.New(i18n.T("journal.problem.unknown_value", map[string]any{"Value": v}))
}

// MarshalJSON writes the journal line format, so the file, the control
// socket and `microrest journal --format json` all agree on one spelling.
func (e Entry) MarshalJSON() ([]byte, error) { return appendLine(nil, e) }

// UnmarshalJSON reads the journal line format. Unknown fields are ignored so
// that an older microrest can still read a journal a newer one wrote.
func (e *Entry) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return nil
	}
	l, err := parseLine(b, nil)
	if err != nil {
		return err
	}
	if l.Kind != KindOutcome {
		return &FieldError{"kind", errors.New(i18n.T("journal.problem.not_outcome", map[string]any{"Kind": l.Kind.String()}))}
	}
	*e = l.Entry
	return nil
}

// appendLine writes e as one JSON object, without the trailing newline.
// It is hand-written so appending never goes through reflection and the
// field order stays fixed for people reading the file.
func appendLine(dst []byte, e Entry) ([]byte, error) {
	if err := checkEntry(e); err != nil {
		return dst, err
	}
	dst = append(dst, `{"time":"`...)
	dst = appendTime(dst, e.Time)
	dst = append(dst, `","anchor":"`...)
	dst = append(dst, e.Anchor.String()...)
	dst = append(dst, `","outcome":"`...)
	dst = append(dst, e.Outcome.String()...)
	dst = append(dst, '"')
	if e.Practice != "" {
		dst = append(dst, `,"practice":`...)
		dst = appendString(dst, e.Practice)
	}
	dst = append(dst, `,"active_min":`...)
	dst = appendMinutes(dst, e.Active)
	return append(dst, '}'), nil
}

// checkEntry refuses what could not be read back, so the journal never
// holds a line its own reader would skip.
func checkEntry(e Entry) error {
	if err := checkTime(e.Time); err != nil {
		return err
	}
	switch {
	case e.Anchor < 0 || int(e.Anchor) >= len(settings.Kinds):
		return &FieldError{"anchor", unknownValue(int(e.Anchor))}
	case !e.Outcome.Valid():
		return &FieldError{"outcome", unknownValue(int(e.Outcome))}
	case e.Active < 0 || e.Active > MaxActiveMinutes*time.Minute:
		return &FieldError{"active_min", minutesRange(e.Active.Minutes())}
	}
	return nil
}

// checkTime refuses a time RFC 3339 cannot carry or the reader refuses.
func checkTime(t time.Time) error {
	switch {
	case t.IsZero():
		return &FieldError{"time", errMissing}
	case wireTime(t).Year() < 0 || wireTime(t).Year() > 9999:
		return &FieldError{"time", errors.New(i18n.T("journal.problem.year", map[string]any{"Year": wireTime(t).Year()}))}
	}
	return nil
}

// appendTime writes RFC 3339 at second precision in the entry's own zone,
// so a person reads the wall clock they lived.
func appendTime(dst []byte, t time.Time) []byte {
	return wireTime(t).AppendFormat(dst, time.RFC3339)
}

// wireTime is t as it is written. RFC 3339 offsets have no seconds; a zone
// with such an offset (historic local mean time) is written in UTC rather
// than as a different instant.
func wireTime(t time.Time) time.Time {
	if _, offset := t.Zone(); offset%60 != 0 {
		return t.UTC()
	}
	return t
}

// appendMinutes writes d in minutes rounded to a tenth, with exact decimal
// digits rather than float formatting, so a value re-reads unchanged.
func appendMinutes(dst []byte, d time.Duration) []byte {
	tenths := int64((d + tenth/2) / tenth)
	dst = strconv.AppendInt(dst, tenths/10, 10)
	if frac := tenths % 10; frac != 0 {
		dst = append(dst, '.', byte('0'+frac))
	}
	return dst
}

// appendString writes s as a JSON string. Unlike encoding/json it leaves
// <, > and & alone, so practice texts stay readable in the file.
func appendString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			dst = append(dst, '\\', byte(r))
		case r == '\n':
			dst = append(dst, `\n`...)
		case r == '\r':
			dst = append(dst, `\r`...)
		case r == '\t':
			dst = append(dst, `\t`...)
		case r < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hex[r>>4], hex[r&0xf])
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return append(dst, '"')
}
