package daemon

import (
	"time"

	"github.com/microrest/microrest/activity"
	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/notify"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// statusFor turns a snapshot into the socket's plain status.
func statusFor(version string, snap reminders.Snapshot, settingsErr string) *control.Status {
	st := &control.Status{
		Schema:        control.StatusSchema,
		Version:       version,
		Now:           snap.Now,
		Paused:        snap.Paused,
		Quiet:         snap.Quiet,
		DND:           snap.DND,
		SettingsError: settingsErr,
		JournalError:  snap.JournalError,
		Unjournaled:   snap.Unjournaled,

		TodayActiveMin: minutes(snap.TodayActive),
		Anchors:        make([]control.AnchorStatus, 0, len(snap.Anchors)),
	}
	if snap.Paused && !snap.PausedUntil.IsZero() {
		until := snap.PausedUntil
		st.PausedUntil = &until
	}
	if p := snap.Prompt; p != nil {
		st.Prompt = promptStatus(p)
	}
	for _, a := range snap.Anchors {
		st.Anchors = append(st.Anchors, anchorStatus(a))
	}
	return st
}

// dayStatus is today's plan, and the readiness reading once the day has
// a check-in (the reading is the daemon's, read from the journal). The
// keys (type, breathing, readiness) stay English for scripts; why, the
// reading's words and the moved items are in the daemon's language.
func dayStatus(snap reminders.Snapshot, reading reminders.Reading) *control.DayStatus {
	if !snap.CheckedIn {
		reading = reminders.Reading{}
	}
	return &control.DayStatus{
		Type: snap.DayType.String(), Why: dayWhy(snap), Breathing: snap.Breathing.String(),
		CheckinOpen: snap.CheckinOpen, CheckedIn: snap.CheckedIn,
		Readiness: reading.Level.String(), ReadinessWords: readingWords(reading, snap.CheckedIn), Moved: movedWords(reading),
		LowReadiness: snap.LowReadiness,
	}
}

// promptStatus is the prompt on screen; its practices, like its title,
// are in the daemon's language, a default one translated.
func promptStatus(p *reminders.Prompt) *control.PromptStatus {
	ps := &control.PromptStatus{ID: p.ID, Title: notify.Title(*p), Repeat: p.Repeat, CanSkip: p.CanSkip, Shown: p.Shown}
	for _, it := range p.Items {
		ps.Anchors = append(ps.Anchors, it.Anchor.String())
		ps.Texts = append(ps.Texts, settings.PracticeText(it.Practice))
	}
	return ps
}

func anchorStatus(a reminders.AnchorStatus) control.AnchorStatus {
	as := control.AnchorStatus{
		Anchor:    a.Kind.String(),
		Title:     control.AnchorTitle(a.Kind.String()),
		Enabled:   a.Enabled,
		Due:       a.Due,
		ActiveMin: minutes(a.Accrued),
		TodayWins: a.TodayWins,
		Goal:      a.Goal,
	}
	if a.TimeToNext > 0 {
		m := minutes(a.TimeToNext)
		as.NextInMin = &m
	}
	if !a.NextClock.IsZero() {
		at := a.NextClock
		as.NextAt = &at
	}
	return as
}

// activityStatus reports the monitor's source and last reading; without
// a monitor all time counts as active, as with the source "none".
func activityStatus(m Monitor) control.ActivityStatus {
	if m == nil {
		return control.ActivityStatus{
			Source: activity.SourceNone, LockSources: listed(), SleepSources: listed(),
			QuietSources: listed(), PassedOver: []control.PassedOver{},
		}
	}
	st := m.Status()
	as := control.ActivityStatus{
		Source: st.Source, EventDriven: st.Events,
		LockSources: listed(st.Lock...), SleepSources: listed(st.Sleep), QuietSources: listed(st.Quiet...),
		PassedOver: make([]control.PassedOver, len(st.Tried)),
	}
	as.Quiet, as.QuietWhy = m.Quiet()
	lastSample(&as, st)
	for i, p := range st.Tried {
		as.PassedOver[i] = control.PassedOver{Source: p.Source, Reason: p.Reason}
	}
	return as
}

// lastSample adds what the monitor read last, or why it could not.
func lastSample(as *control.ActivityStatus, st activity.Status) {
	if l := st.LastSample; !l.Now.IsZero() {
		as.LastSample = &l.Now
		as.IdleS, as.Locked, as.Asleep = l.Idle.Round(100*time.Millisecond).Seconds(), l.Locked, l.Asleep
	}
	if st.LastErr != nil {
		as.Error = st.LastErr.Error()
	}
}

// notifyStatus reports how prompts reach the screen.
func notifyStatus(st notify.Status) control.NotifyStatus {
	ns := control.NotifyStatus{Backend: st.Backend, Server: st.Server, Vendor: st.Vendor, Version: st.Version, Buttons: st.Actions}
	if st.Err != nil {
		ns.Error = st.Err.Error()
	}
	return ns
}

// listed lists the names that are set, never nil: an empty list must stay
// a list in JSON, where nil would be null.
func listed(names ...string) []string {
	list := []string{}
	for _, n := range names {
		if n != "" {
			list = append(list, n)
		}
	}
	return list
}

// minutes rounds to a tenth of a minute, as the journal does.
func minutes(d time.Duration) float64 { return float64(d.Round(6*time.Second)) / float64(time.Minute) }
