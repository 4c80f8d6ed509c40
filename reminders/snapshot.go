package reminders

import (
	"time"

	"github.com/microrest/microrest/settings"
)

// Snapshot is the engine's state at one moment, for the tray, CLI and UI.
// It shares nothing with the engine, so it can cross goroutines.
type Snapshot struct {
	// Now is the moment the snapshot describes.
	Now time.Time
	// Anchors holds one status per anchor, in settings.Kinds order.
	Anchors []AnchorStatus
	// Prompt is the prompt on screen, nil when none.
	Prompt *Prompt
	// Away is set while the person is away from the desk.
	Away bool
	// Paused is set while a pause holds prompts, until PausedUntil.
	Paused      bool
	PausedUntil time.Time
	// Quiet is set outside active hours.
	Quiet bool
	// DND is set while the desktop's do-not-disturb is on.
	DND bool
	// TodayActive is the active time since the day started.
	TodayActive time.Duration
	// JournalError says why the journal refuses outcomes, "" while it
	// takes them; Unjournaled counts those waiting to be written.
	JournalError string
	Unjournaled  int
	// WaitingCheckins are check-ins the journal has not taken yet, so a
	// readiness reading can count them.
	WaitingCheckins []Checkin
	// DayType is today's training load, which picks the day type whose
	// overrides are in force; DayTypeFrom says where it came from, and
	// Weekday is today's weekday, the one [days] planned it for.
	DayType     settings.TrainingLoad
	DayTypeFrom DayTypeSource
	Weekday     time.Weekday
	// LowReadiness is set when today's readiness reads lower than usual,
	// and the low readiness overrides apply too.
	LowReadiness bool
	// Breathing is the pattern today's guided breath session follows.
	Breathing settings.BreathMode
	// CheckinOpen is set once today's check-in was asked and until it is
	// answered, so the tray can keep offering it; CheckedIn once answered.
	CheckinOpen bool
	CheckedIn   bool
	// Timeline is today's practice in time order: the clock times (walks
	// after meals too) where today's plan puts them, the wins that
	// answered no clock time, and each interval anchor's next prompt as
	// projected at today's pace.
	Timeline []TimelineItem
}

// AnchorStatus is one anchor's progress.
type AnchorStatus struct {
	Kind    settings.Kind
	Enabled bool
	// Accrued is the active time since the anchor's previous outcome.
	Accrued time.Duration
	// TimeToNext is the active time until the interval or a snooze brings
	// the anchor due; 0 when due or when it has no interval.
	TimeToNext time.Duration
	// NextClock is the anchor's next clock time, zero when none.
	NextClock time.Time
	// Due is set while the anchor waits for a prompt or is on screen.
	Due bool
	// Snoozed is set while a snooze puts the anchor off.
	Snoozed bool
	// TodayWins counts done, natural and auto-done outcomes today.
	TodayWins int
	// Goal is the daily goal, 0 for none.
	Goal int
}

// Snapshot describes the engine at now.
func (e *Engine) Snapshot(now time.Time) Snapshot {
	e.begin(now)
	s := Snapshot{
		Now:          now,
		Away:         e.away,
		Paused:       e.paused(now),
		Quiet:        e.quietAt(now),
		DND:          e.dnd,
		TodayActive:  max(0, e.active-e.dayActive),
		LowReadiness: e.low,
		Breathing:    e.breathing,
		CheckinOpen:  e.checkinOpen(),
		CheckedIn:    e.checkinAnswered,
	}
	s.DayType, s.DayTypeFrom = e.dayType()
	s.Weekday = e.weekday()
	if s.Paused {
		s.PausedUntil = e.pausedUntil
	}
	if e.cur != nil {
		p := e.cur.clone()
		s.Prompt = &p
	}
	for _, k := range settings.Kinds {
		s.Anchors = append(s.Anchors, e.status(k))
	}
	s.Timeline = e.timeline(now)
	return s
}

func (e *Engine) status(k settings.Kind) AnchorStatus {
	cfg := e.cfg.Anchors.Of(k)
	a := &e.anchors[k]
	st := AnchorStatus{
		Kind:      k,
		Enabled:   cfg.Enabled,
		Accrued:   e.accrued(k),
		NextClock: a.nextClock,
		Due:       e.due(k) || e.inPrompt(k),
		Snoozed:   a.snoozed,
		TodayWins: a.wins,
		Goal:      cfg.DailyGoal,
	}
	if left, ok := e.untilDue(k); ok && cfg.Enabled {
		st.TimeToNext = max(0, left)
	}
	return st
}
