package activity

import (
	"slices"
	"strings"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
)

// Status is what the daemon's status shows about idle detection, so a
// person whose breaks are not noticed can see which source is used and why.
type Status struct {
	// Source is the idle source in use, one of the Source constants.
	Source string
	// Events is set when the source wakes the engine on change, so the
	// loop may sleep long instead of polling.
	Events bool
	// Tried lists the sources passed over, each with the reason.
	Tried []PassedOver
	// LastSample is the latest sample; its Now is zero before the first.
	LastSample reminders.Sample
	// LastErr is the error of the latest sample, if any.
	LastErr error
	// Lock names what reports the session lock; empty when nothing does.
	Lock []string
	// Sleep names what reports sleep and resume; empty when nothing does.
	Sleep string
	// Quiet names what reports do-not-disturb or fullscreen.
	Quiet []string
}

// PassedOver is a source in the chain that was not used, and why, so a
// person can fix what keeps the better source away.
type PassedOver struct {
	Source string
	Reason string
}

// String is the source and the reason, as the log shows it.
func (p PassedOver) String() string { return p.Source + ": " + p.Reason }

// Status returns a snapshot of the monitor for the daemon's status.
func (m *Monitor) Status() Status {
	m.mu.Lock()
	defer m.mu.Unlock()
	st := Status{
		Source: m.source, Events: m.events, Tried: slices.Clone(m.tried),
		LastSample: m.last, LastErr: m.lastErr, Sleep: m.sleepBy,
		Lock: sortedKeys(m.locks), Quiet: sortedKeys(m.flags),
	}
	if len(m.checks) > 0 {
		st.Quiet = append(st.Quiet, quietFullscreen)
	}
	return st
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// String is the status line, in the language the process speaks: source,
// last sample, error, and who reports lock, sleep and quiet. Source names
// stay as they are.
func (s Status) String() string {
	var b strings.Builder
	b.WriteString(i18n.T("activity.status.source", map[string]any{"Source": s.Source}))
	if s.Events {
		b.WriteString(" " + i18n.T("activity.status.events"))
	}
	if s.Source == SourceNone {
		b.WriteString(" " + i18n.T("activity.status.none"))
	}
	part := func(id string, data map[string]any) { b.WriteString("; " + i18n.T(id, data)) }
	if !s.LastSample.Now.IsZero() {
		l := s.LastSample
		part("activity.status.sample", map[string]any{
			"Time": l.Now.Format(time.TimeOnly), "Idle": l.Idle.Round(time.Second).String(),
			"Locked": yesNo(l.Locked), "Asleep": yesNo(l.Asleep),
		})
	}
	if s.LastErr != nil {
		part("activity.status.error", map[string]any{"Error": s.LastErr.Error()})
	}
	part("activity.status.lock", map[string]any{"Names": orNothing(strings.Join(s.Lock, ", "))})
	part("activity.status.sleep", map[string]any{"Names": orNothing(s.Sleep)})
	part("activity.status.quiet", map[string]any{"Names": orNothing(strings.Join(s.Quiet, ", "))})
	if len(s.Tried) > 0 {
		part("activity.status.passed_over", map[string]any{"Sources": s.triedLine()})
	}
	return b.String()
}

// triedLine lists the sources passed over, for the log.
func (s Status) triedLine() string {
	lines := make([]string, len(s.Tried))
	for i, p := range s.Tried {
		lines[i] = p.String()
	}
	return strings.Join(lines, "; ")
}

func orNothing(s string) string {
	if s == "" {
		return i18n.T("activity.status.nothing")
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return i18n.T("activity.status.yes")
	}
	return i18n.T("activity.status.no")
}

// What reports do-not-disturb or fullscreen, as Status.Quiet lists them
// (and status --json's quiet_sources): names that stay the same in every
// language, as the Source constants do. Quiet says them in words.
const (
	quietGNOME      = "do-not-disturb (GNOME)"
	quietInhibited  = "do-not-disturb (notifications inhibited)"
	quietFullscreen = "fullscreen"
)

// quietWords says why prompts wait, for a do-not-disturb reporter.
func quietWords(by string) string {
	switch by {
	case quietGNOME:
		return i18n.T("activity.quiet.gnome")
	case quietInhibited:
		return i18n.T("activity.quiet.inhibited")
	}
	return by
}

// MinInterval is the shortest sleep SuggestedInterval returns, so a loop
// never spins however close the threshold is.
const MinInterval = time.Second

// SuggestedInterval says how long a loop may sleep before the next sample
// without missing the moment the person crosses the idle threshold:
// someone active for now cannot become away before threshold-idle has
// passed, so it sleeps until then; someone away returns at an unknown
// moment, so it sleeps most (an event-driven source wakes it earlier).
// The result lies in [MinInterval, most].
func SuggestedInterval(idle, threshold, most time.Duration) time.Duration {
	d := most
	if idle < threshold {
		d = min(most, threshold-idle)
	}
	return max(d, MinInterval)
}
