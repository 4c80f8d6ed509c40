package activity

import (
	"fmt"
	"slices"
	"strings"
	"time"

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
	Tried []string
	// LastSample is the latest sample; its Now is zero before the first.
	LastSample reminders.Sample
	// LastErr is the error of the latest sample, if any.
	LastErr error
	// Lock names what reports the session lock; empty when nothing does.
	Lock string
	// Sleep names what reports sleep and resume; empty when nothing does.
	Sleep string
	// Quiet names what reports do-not-disturb or fullscreen.
	Quiet string
}

// Status returns a snapshot of the monitor for the daemon's status.
func (m *Monitor) Status() Status {
	m.mu.Lock()
	defer m.mu.Unlock()
	st := Status{
		Source: m.source, Events: m.events, Tried: slices.Clone(m.tried),
		LastSample: m.last, LastErr: m.lastErr, Sleep: m.sleepBy,
		Lock: joinKeys(m.locks), Quiet: joinKeys(m.flags),
	}
	if len(m.checks) > 0 {
		st.Quiet = strings.Trim(st.Quiet+", fullscreen", ", ")
	}
	return st
}

func joinKeys(m map[string]bool) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return strings.Join(keys, ", ")
}

// String is the status line: source, last sample, error, and who reports
// lock, sleep and quiet.
func (s Status) String() string {
	var b strings.Builder
	b.WriteString("idle source: " + s.Source)
	if s.Events {
		b.WriteString(" (event-driven)")
	}
	if s.Source == SourceNone {
		b.WriteString(" (all time counts as active)")
	}
	if !s.LastSample.Now.IsZero() {
		l := s.LastSample
		fmt.Fprintf(&b, "; last sample %s: idle %s, locked %t, asleep %t",
			l.Now.Format(time.TimeOnly), l.Idle.Round(time.Second), l.Locked, l.Asleep)
	}
	if s.LastErr != nil {
		b.WriteString("; error: " + s.LastErr.Error())
	}
	b.WriteString("; lock: " + orNothing(s.Lock))
	b.WriteString("; sleep: " + orNothing(s.Sleep))
	b.WriteString("; quiet: " + orNothing(s.Quiet))
	if len(s.Tried) > 0 {
		b.WriteString("; passed over: " + strings.Join(s.Tried, "; "))
	}
	return b.String()
}

func orNothing(s string) string {
	if s == "" {
		return "nothing"
	}
	return s
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
