package settings

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/microrest/microrest/i18n"
)

// Checkin says when the daily check-in is asked. Its answers (stiffness,
// mood, energy, sleep quality, training load) set the day's type and are
// read against the person's own recent days (docs/ARCHITECTURE.md §3).
type Checkin struct {
	// At is when the check-in is asked.
	At CheckinAt `toml:"at"`
}

// CheckinMode is how the check-in time is chosen.
type CheckinMode int

// The ways a check-in can be timed. The zero value asks at the first
// active minute, so a Settings built by hand asks as the defaults do.
const (
	// CheckinFirstActive asks at the first active minute of the day.
	CheckinFirstActive CheckinMode = iota
	// CheckinAtClock asks at the first active minute at or after Clock.
	CheckinAtClock
	// CheckinOff never asks; a check-in can still be given from the tray.
	CheckinOff
)

// CheckinAt is written "first-active", "off", or a time of day like "09:00".
type CheckinAt struct {
	Mode CheckinMode
	// Clock is the time of day, read only with CheckinAtClock.
	Clock ClockTime
}

// CheckinClock asks at the first active minute at or after c.
func CheckinClock(c ClockTime) CheckinAt { return CheckinAt{Mode: CheckinAtClock, Clock: c} }

// String writes the value as the file holds it.
func (c CheckinAt) String() string {
	switch c.Mode {
	case CheckinFirstActive:
		return "first-active"
	case CheckinOff:
		return "off"
	case CheckinAtClock:
		return c.Clock.String()
	}
	return fmt.Sprintf("checkin(%d)", int(c.Mode))
}

// MarshalText writes String.
func (c CheckinAt) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads "first-active", "off" or "HH:MM".
func (c *CheckinAt) UnmarshalText(b []byte) error {
	s := strings.ToLower(strings.TrimSpace(string(b)))
	switch s {
	case "first-active", "first_active":
		*c = CheckinAt{}
		return nil
	case "off":
		*c = CheckinAt{Mode: CheckinOff}
		return nil
	}
	clock, err := parseClock(s, false)
	if err != nil {
		return errors.New(i18n.T("settings_file.parse.checkin_at", map[string]any{"Value": strconv.Quote(string(b))}))
	}
	*c = CheckinClock(clock)
	return nil
}
