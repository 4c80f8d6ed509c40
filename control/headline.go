package control

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Headline is the status in one line: the prompt on screen, what holds
// prompts back, or what comes next. The tray's first item and the CLI
// both say it, so the two never word the same state differently.
func (s *Status) Headline() string {
	switch {
	case s.Prompt != nil:
		return "Now: " + s.Prompt.Title
	case s.Paused && s.PausedUntil != nil:
		return "Paused until " + s.Clock(*s.PausedUntil)
	case s.Paused:
		return "Paused"
	case s.DND:
		return "Do not disturb: prompts wait until it ends"
	case s.Quiet:
		return "Outside active hours: only appointments come"
	}
	return s.next()
}

// next names the interval anchor closest to due, in active minutes, and
// the next clock time today.
func (s *Status) next() string {
	var parts []string
	if a, ok := s.soonestInterval(); ok {
		parts = append(parts, fmt.Sprintf("%s in %d min of active time", a.Title, int(math.Ceil(*a.NextInMin))))
	}
	if a, ok := s.soonestClock(); ok {
		parts = append(parts, fmt.Sprintf("%s at %s", a.Title, a.NextAt.Format("15:04")))
	}
	if len(parts) == 0 {
		return "Nothing scheduled"
	}
	return "Next: " + strings.Join(parts, " · ")
}

func (s *Status) soonestInterval() (AnchorStatus, bool) {
	var best AnchorStatus
	found := false
	for _, a := range s.Anchors {
		if a.Enabled && a.NextInMin != nil && (!found || *a.NextInMin < *best.NextInMin) {
			best, found = a, true
		}
	}
	return best, found
}

func (s *Status) soonestClock() (AnchorStatus, bool) {
	var best AnchorStatus
	found := false
	for _, a := range s.Anchors {
		if a.Enabled && a.NextAt != nil && sameDay(*a.NextAt, s.Now) && (!found || a.NextAt.Before(*best.NextAt)) {
			best, found = a, true
		}
	}
	return best, found
}

// WinsLine counts today's wins, with the goals where they are set.
func (s *Status) WinsLine() string {
	wins := 0
	var goals []string
	for _, a := range s.Anchors {
		wins += a.TodayWins
		if a.Enabled && a.Goal > 0 {
			goals = append(goals, fmt.Sprintf("%s %d/%d", strings.ToLower(a.Title), a.TodayWins, a.Goal))
		}
	}
	line := fmt.Sprintf("Today: %d small wins", wins)
	if len(goals) > 0 {
		line += " · " + strings.Join(goals, " · ")
	}
	return line
}

// DayLine says today's plan: the day type and why, the breathing
// pattern, and the check-in or the readiness it gave; "" from a daemon
// that does not say.
func (s *Status) DayLine() string {
	d := s.Day
	if d == nil {
		return ""
	}
	parts := []string{"Day: " + d.Why, "breathing " + d.Breathing}
	switch {
	case d.CheckedIn:
		parts = append(parts, "readiness "+d.ReadinessWords)
	case d.CheckinOpen:
		parts = append(parts, "check-in waiting (microrest checkin)")
	}
	return strings.Join(parts, " · ")
}

// Clock says t as a time of day, with the weekday when it is not today.
func (s *Status) Clock(t time.Time) string {
	if sameDay(t, s.Now) {
		return t.Format("15:04")
	}
	return t.Format("Mon 15:04")
}

func sameDay(t, u time.Time) bool { return t.YearDay() == u.YearDay() && t.Year() == u.Year() }
