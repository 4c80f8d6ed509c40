package settings

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/microrest/microrest/i18n"
)

// Duration is a time.Duration written the way people write it ("45m",
// "90s", "1h30m"); "off" is the zero Duration. A literal zero such as "0s"
// is refused so that a typo cannot silently switch a trigger off.
type Duration time.Duration

// D returns the value as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// String writes the shortest form: "45m", "1h30m", "90s", "off".
// Sub-second parts are dropped: no setting is that fine.
func (d Duration) String() string {
	if d == 0 {
		return "off"
	}
	total := time.Duration(d).Round(time.Second)
	h, m, s := int(total/time.Hour), int(total%time.Hour/time.Minute), int(total%time.Minute/time.Second)
	var b strings.Builder
	if h > 0 {
		fmt.Fprintf(&b, "%dh", h)
	}
	if m > 0 {
		fmt.Fprintf(&b, "%dm", m)
	}
	if s > 0 || b.Len() == 0 {
		fmt.Fprintf(&b, "%ds", s)
	}
	return b.String()
}

// MarshalText writes String.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads "45m", "90s", "1h30m" or "off".
func (d *Duration) UnmarshalText(b []byte) error {
	parsed, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}

// ParseDuration reads a duration as written in the settings file or typed
// on the command line.
func ParseDuration(s string) (Duration, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "off") {
		return 0, nil
	}
	if s == "" {
		return 0, errors.New(i18n.T("settings_file.parse.duration_empty"))
	}
	value := map[string]any{"Value": strconv.Quote(s), "Number": s}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return 0, errors.New(i18n.T("settings_file.parse.duration_no_unit", value))
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return 0, errors.New(i18n.T("settings_file.parse.duration", value))
	}
	if v < 0 {
		return 0, errors.New(i18n.T("settings_file.parse.duration_negative", value))
	}
	// Settings count whole seconds; rounding here keeps a file's value and
	// its rewritten form the same.
	v = v.Round(time.Second)
	if v == 0 {
		return 0, errors.New(i18n.T("settings_file.parse.duration_zero", value))
	}
	return Duration(v), nil
}

// ClockTime is a local time of day, minute precision, written "12:45".
// Minutes run from 0 (00:00) to 1440 (24:00, only meaningful as the end of
// a Span).
type ClockTime int

// Clock builds a ClockTime from an hour and minute.
func Clock(hour, minute int) ClockTime { return ClockTime(hour*60 + minute) }

// Hour returns the hour, 0-24.
func (c ClockTime) Hour() int { return int(c) / 60 }

// Minute returns the minute within the hour.
func (c ClockTime) Minute() int { return int(c) % 60 }

// String writes "HH:MM".
func (c ClockTime) String() string { return fmt.Sprintf("%02d:%02d", c.Hour(), c.Minute()) }

// MarshalText writes String.
func (c ClockTime) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads "H:MM" or "HH:MM", 00:00 to 23:59.
func (c *ClockTime) UnmarshalText(b []byte) error {
	parsed, err := parseClock(string(b), false)
	if err != nil {
		return err
	}
	*c = parsed
	return nil
}

// ParseClock reads a time of day, "12:45", as typed on the command line.
func ParseClock(s string) (ClockTime, error) { return parseClock(s, false) }

func parseClock(s string, allow24 bool) (ClockTime, error) {
	s = strings.TrimSpace(s)
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) < 1 || len(h) > 2 || len(m) != 2 {
		return 0, notClock(s)
	}
	hour, err1 := strconv.Atoi(h)
	minute, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hour < 0 || minute < 0 || minute > 59 {
		return 0, notClock(s)
	}
	if hour == 24 && minute == 0 && allow24 {
		return Clock(24, 0), nil
	}
	if hour > 23 {
		return 0, notClock(s)
	}
	return Clock(hour, minute), nil
}

func notClock(s string) error {
	return errors.New(i18n.T("settings_file.parse.clock", map[string]any{"Value": strconv.Quote(s)}))
}

// Span is a stretch of one day, "08:00-18:00", or "off" for none.
// It does not cross midnight: a night that does is split over two days.
type Span struct {
	Start, End ClockTime
}

// Off reports whether the span covers no time at all.
func (s Span) Off() bool { return s.Start == 0 && s.End == 0 }

// Contains reports whether the time of day c falls inside the span.
func (s Span) Contains(c ClockTime) bool { return !s.Off() && c >= s.Start && c < s.End }

// String writes "08:00-18:00" or "off".
func (s Span) String() string {
	if s.Off() {
		return "off"
	}
	return s.Start.String() + "-" + s.End.String()
}

// MarshalText writes String.
func (s Span) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads "08:00-18:00" or "off".
func (s *Span) UnmarshalText(b []byte) error {
	text := strings.TrimSpace(string(b))
	if strings.EqualFold(text, "off") {
		*s = Span{}
		return nil
	}
	a, z, ok := strings.Cut(text, "-")
	if !ok {
		return errors.New(i18n.T("settings_file.problem.not_span", map[string]any{"Value": strconv.Quote(text)}))
	}
	start, err := parseClock(a, false)
	if err != nil {
		return err
	}
	end, err := parseClock(z, true)
	if err != nil {
		return err
	}
	if end <= start {
		return errors.New(i18n.T("settings_file.parse.span_backwards", map[string]any{"Value": strconv.Quote(text)}))
	}
	*s = Span{Start: start, End: end}
	return nil
}
