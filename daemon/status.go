package daemon

import (
	"time"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/reminders"
)

// statusFor turns a snapshot into the socket's plain status.
func statusFor(version string, snap reminders.Snapshot, settingsErr string) *control.Status {
	st := &control.Status{
		Version:       version,
		Now:           snap.Now,
		Paused:        snap.Paused,
		Quiet:         snap.Quiet,
		DND:           snap.DND,
		SettingsError: settingsErr,
		JournalError:  snap.JournalError,
		Unjournaled:   snap.Unjournaled,

		TodayActiveMin: minutes(snap.TodayActive),
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

func promptStatus(p *reminders.Prompt) *control.PromptStatus {
	ps := &control.PromptStatus{ID: p.ID, Title: p.Title(), Repeat: p.Repeat, CanSkip: p.CanSkip, Shown: p.Shown}
	for _, it := range p.Items {
		ps.Anchors = append(ps.Anchors, it.Anchor.String())
		ps.Texts = append(ps.Texts, it.Practice)
	}
	return ps
}

func anchorStatus(a reminders.AnchorStatus) control.AnchorStatus {
	as := control.AnchorStatus{
		Anchor:    a.Kind.String(),
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

// minutes rounds to a tenth of a minute, as the journal does.
func minutes(d time.Duration) float64 { return float64(d.Round(6*time.Second)) / float64(time.Minute) }
