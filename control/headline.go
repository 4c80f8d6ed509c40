package control

import (
	"math"
	"strings"
	"time"

	"github.com/microrest/microrest/i18n"
)

// Headline is the status in one line: the prompt on screen, what holds
// prompts back, or what comes next. The tray's first item and the CLI
// both say it, so the two never word the same state differently. It
// speaks the process's language; the titles are the daemon's.
func (s *Status) Headline() string {
	switch {
	case s.Prompt != nil:
		return i18n.T("status.now", map[string]any{"Title": s.Prompt.title()})
	case s.Paused && s.PausedUntil != nil:
		return i18n.T("status.paused_until", map[string]any{"Time": s.Clock(*s.PausedUntil)})
	case s.Paused:
		return i18n.T("status.paused")
	case s.DND:
		return i18n.T("status.dnd")
	case s.Quiet:
		return i18n.T("status.quiet")
	}
	return s.next()
}

// next names the interval anchor closest to due, in active minutes, and
// the next clock time today.
func (s *Status) next() string {
	var parts []string
	if a, ok := s.soonestInterval(); ok {
		minutes := int(math.Ceil(*a.NextInMin))
		parts = append(parts, i18n.N("status.next_in", minutes, map[string]any{"Anchor": a.title()}))
	}
	if a, ok := s.soonestClock(); ok {
		parts = append(parts, i18n.T("status.next_at", map[string]any{"Anchor": a.title(), "Time": clock(*a.NextAt)}))
	}
	if len(parts) == 0 {
		return i18n.T("status.nothing")
	}
	return i18n.T("status.next", map[string]any{"Plan": strings.Join(parts, " · ")})
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
			goals = append(goals, i18n.T("status.goal", map[string]any{"Anchor": a.inText(), "Wins": a.TodayWins, "Goal": a.Goal}))
		}
	}
	line := i18n.N("status.wins_today", wins, nil)
	if len(goals) > 0 {
		line += " · " + strings.Join(goals, " · ")
	}
	return line
}

// DayLine says today's plan: the day type and why, the breathing
// pattern, and the check-in or the readiness it gave; "" from a daemon
// that does not say. Why and the reading are the daemon's words; the
// breathing pattern is read from its key.
func (s *Status) DayLine() string {
	d := s.Day
	if d == nil {
		return ""
	}
	parts := []string{
		i18n.T("status.day", map[string]any{"Why": d.Why}),
		i18n.T("status.breathing", map[string]any{"Pattern": BreathingName(d.Breathing)}),
	}
	switch {
	case d.CheckedIn:
		parts = append(parts, i18n.T("status.readiness", map[string]any{"Reading": d.ReadinessWords}))
	case d.CheckinOpen:
		parts = append(parts, i18n.T("status.checkin_waiting"))
	}
	return strings.Join(parts, " · ")
}

// Clock says t as a time of day, with the weekday when it is not today.
func (s *Status) Clock(t time.Time) string {
	if sameDay(t, s.Now) {
		return clock(t)
	}
	return i18n.T("status.clock_on", map[string]any{"Weekday": i18n.WeekdayShort(t.Weekday()), "Time": clock(t)})
}

// clock writes a time of day on the locale's clock: "14:30", "2:30 PM".
func clock(t time.Time) string { return i18n.Clock(t) }

func sameDay(t, u time.Time) bool { return t.YearDay() == u.YearDay() && t.Year() == u.Year() }
