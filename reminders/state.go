package reminders

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"time"

	"github.com/microrest/microrest/internal/atomicfile"
	"github.com/microrest/microrest/settings"
)

// stateVersion is written into every state file, so a later format can
// tell an old file from a corrupt one.
const stateVersion = 1

// State is what the engine keeps across restarts, so a restart or reboot
// loses no progress: accrued active time, snoozes, clock times, pause.
type State struct {
	Version int `json:"version"`
	// Saved is the last sample before saving; the gap to the next sample
	// after a restart is away time.
	Saved       time.Time     `json:"saved,omitzero"`
	NextID      uint64        `json:"next_prompt_id"`
	DayStart    time.Time     `json:"day_start,omitzero"`
	TodayActive time.Duration `json:"today_active"`
	PausedUntil time.Time     `json:"paused_until,omitzero"`
	Anchors     []AnchorState `json:"anchors,omitempty"`
	// Pending holds outcomes the journal did not take (a full disk, a
	// read-only file), in order, until it does: an answer is never lost.
	Pending []Record `json:"pending,omitempty"`
	// PendingCheckins are check-ins the journal did not take, in order.
	PendingCheckins []Checkin `json:"pending_checkins,omitempty"`
	// PendingWakes are first active minutes the journal did not take.
	PendingWakes []time.Time `json:"pending_wakes,omitempty"`
	// Today's check-in, for the day that began at DayStart: whether it
	// was asked (it is asked once a day), answered, the load the answer
	// gave, and whether readiness read low. A new day clears them.
	CheckinAsked    bool                  `json:"checkin_asked,omitempty"`
	CheckinAnswered bool                  `json:"checkin_answered,omitempty"`
	CheckinLoad     settings.TrainingLoad `json:"checkin_load,omitzero"`
	ReadinessLow    bool                  `json:"readiness_low,omitempty"`
	// Plan holds today's skipped and moved clock times, Ticks today's
	// outcomes for the timeline, and WokeAt the day's first active minute
	// (it is marked once a day). A new day clears them.
	Plan   []PlanChange `json:"plan,omitempty"`
	Ticks  []Tick       `json:"ticks,omitempty"`
	WokeAt time.Time    `json:"woke_at,omitzero"`
	// ReviewedWeek is the start of the last week whose review was
	// offered, so it comes once a week.
	ReviewedWeek time.Time `json:"reviewed_week,omitzero"`
}

// PlanChange is one change to today's plan as the state file keeps it:
// a slot skipped, or moved to To.
type PlanChange struct {
	// Anchor, At and Meal name the slot, as Slot does.
	Anchor settings.Kind      `json:"anchor"`
	At     settings.ClockTime `json:"at"`
	Meal   bool               `json:"meal,omitempty"`
	// Skip drops the slot today; To, when set, moves it (for a meal, the
	// meal's new time).
	Skip bool                `json:"skip,omitempty"`
	To   *settings.ClockTime `json:"to,omitempty"`
}

// AnchorState is one anchor's saved progress.
type AnchorState struct {
	Kind       settings.Kind `json:"kind"`
	Accrued    time.Duration `json:"accrued"`
	Snoozed    bool          `json:"snoozed,omitempty"`
	SnoozeLeft time.Duration `json:"snooze_left,omitempty"`
	ClockDue   time.Time     `json:"clock_due,omitzero"`
	Deadline   time.Time     `json:"deadline,omitzero"`
	LastClock  time.Time     `json:"last_clock,omitzero"`
	Practice   int           `json:"practice"`
	Wins       int           `json:"wins"`
	// Round holds the clock times the anchor's open round answers, and
	// Meal whether one is a walk after a meal.
	Round []time.Time `json:"round,omitempty"`
	Meal  bool        `json:"meal,omitempty"`
}

// State returns what to save. A prompt on screen is not saved: its
// anchors stay due and are offered again after a restart.
func (e *Engine) State() State {
	st := State{
		Version: stateVersion, Saved: e.last, NextID: e.nextID, DayStart: e.dayStart,
		TodayActive: max(0, e.active-e.dayActive), PausedUntil: e.pausedUntil,
		CheckinAsked: e.checkinAsked, CheckinAnswered: e.checkinAnswered,
		CheckinLoad: e.checkinLoad, ReadinessLow: e.low,
		Plan: e.planState(), Ticks: slices.Clone(e.ticks), WokeAt: e.wokeAt, ReviewedWeek: e.reviewed,
	}
	for _, k := range settings.Kinds {
		a := &e.anchors[k]
		st.Anchors = append(st.Anchors, AnchorState{
			Kind: k, Accrued: e.accrued(k), Snoozed: a.snoozed, SnoozeLeft: max(0, a.snoozeAt-e.active),
			ClockDue: a.clockDue, Deadline: a.deadline, LastClock: a.lastClock,
			Practice: a.practice, Wins: a.wins, Round: slices.Clone(a.round), Meal: a.meal,
		})
	}
	return st
}

// planState lists today's plan changes in a steady order, so a state
// that did not change saves the same.
func (e *Engine) planState() []PlanChange {
	var out []PlanChange
	for s, ch := range e.changes {
		pc := PlanChange{Anchor: s.Anchor, At: s.At, Meal: s.Meal, Skip: ch.skip}
		if ch.moved {
			pc.To = &ch.to
		}
		out = append(out, pc)
	}
	slices.SortFunc(out, func(a, b PlanChange) int {
		return cmp.Or(cmp.Compare(a.Anchor, b.Anchor), cmp.Compare(a.At, b.At), boolCompare(a.Meal, b.Meal))
	})
	return out
}

func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// restorePlan reads today's plan changes back.
func (e *Engine) restorePlan(plan []PlanChange) {
	for _, pc := range plan {
		ch := change{skip: pc.Skip}
		if pc.To != nil {
			ch.moved, ch.to = true, *pc.To
		}
		if e.changes == nil {
			e.changes = map[Slot]change{}
		}
		e.changes[Slot{Anchor: pc.Anchor, At: pc.At, Meal: pc.Meal}] = ch
	}
}

// restore loads a saved state into a new engine.
func (e *Engine) restore(st State) {
	e.last, e.nextID, e.pausedUntil = st.Saved, st.NextID, st.PausedUntil
	if !st.DayStart.IsZero() {
		e.dayStart = st.DayStart
		e.nextRoll = nextAfter(e.cfg.DayStartsAt, st.DayStart, e.loc)
		e.dayActive = -st.TodayActive
		e.checkinAsked, e.checkinAnswered = st.CheckinAsked, st.CheckinAnswered
		e.checkinLoad, e.low = st.CheckinLoad, st.ReadinessLow
		e.restorePlan(st.Plan)
		e.ticks, e.wokeAt = slices.Clone(st.Ticks), st.WokeAt
	}
	e.reviewed = st.ReviewedWeek
	for _, as := range st.Anchors {
		if checkKind(as.Kind) != nil {
			continue
		}
		e.anchors[as.Kind] = anchor{
			start: -as.Accrued, snoozed: as.Snoozed, snoozeAt: as.SnoozeLeft,
			clockDue: as.ClockDue, deadline: as.Deadline, lastClock: as.LastClock,
			practice: as.Practice, wins: as.Wins, round: slices.Clone(as.Round), meal: as.Meal,
		}
	}
}

// SaveState writes st to path atomically: a crash leaves the old file or
// the new one, never half of either. A state.json that is a link stays
// one; a dangling link is an error, since this save is automatic and the
// person's link expects its file to come from elsewhere.
func SaveState(path string, st State) error {
	st.Version = stateVersion
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return &StateError{Op: StateSave, Path: path, Err: err}
	}
	if err := atomicfile.Write(path, append(data, '\n'), atomicfile.Options{}); err != nil {
		return &StateError{Op: StateSave, Path: path, Err: err}
	}
	return nil
}

// LoadState reads the state saved at path. A missing file is a first
// start. A corrupt file is moved aside and reported, with a zero State,
// so the caller logs the error and goes on.
func LoadState(path string) (State, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return State{}, nil
	}
	if err != nil {
		return State{}, &StateError{Op: StateRead, Path: path, Err: err}
	}
	st, err := parseState(data)
	if err == nil {
		return st, nil
	}
	aside := path + ".corrupt-" + time.Now().UTC().Format("20060102T150405Z")
	if rerr := os.Rename(path, aside); rerr != nil {
		return State{}, &StateError{Op: StateDamaged, Path: path, Err: err, MoveErr: rerr}
	}
	return State{}, &StateError{Op: StateDamaged, Path: path, Err: err, MovedTo: aside}
}

// StateOp says what was done with the state file when it failed.
type StateOp int

// The operations on the state file.
const (
	// StateRead: the file could not be read.
	StateRead StateOp = iota
	// StateSave: the file could not be written.
	StateSave
	// StateDamaged: the file was read but is damaged; it was moved to
	// MovedTo, or could not be moved (MoveErr), and the engine starts
	// from zero progress.
	StateDamaged
)

// StateError says the state file could not be read or saved, as typed
// fields, so the daemon can word it for people. Error says it in English,
// for logs and tests; Err says what is wrong, for developers.
type StateError struct {
	Op      StateOp
	Path    string
	Err     error
	MovedTo string
	MoveErr error
}

func (e *StateError) Error() string {
	switch {
	case e.Op == StateSave:
		return fmt.Sprintf("save engine state: %v", e.Err)
	case e.Op == StateRead:
		return fmt.Sprintf("read engine state: %v", e.Err)
	case e.MoveErr != nil:
		return fmt.Sprintf("the engine state in %s is unreadable (%v) and could not be moved aside (%v); microrest starts from zero progress", e.Path, e.Err, e.MoveErr)
	}
	return fmt.Sprintf("the engine state in %s was unreadable (%v); it was moved to %s and microrest starts from zero progress", e.Path, e.Err, e.MovedTo)
}

// Unwrap lets errors.Is see the cause.
func (e *StateError) Unwrap() error { return e.Err }

// parseState decodes and checks a state file.
func parseState(data []byte) (State, error) {
	var st State
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&st); err != nil {
		return State{}, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return State{}, errors.New("unexpected data after the state")
	}
	if st.Version != stateVersion {
		return State{}, fmt.Errorf("version %d is not %d", st.Version, stateVersion)
	}
	return st, st.check()
}

// Bounds of what the engine can have written. A value outside them is a
// corrupt or hand-edited file, set aside like one that does not parse,
// rather than a crash at the next prompt.
const (
	maxStateActive   = 48 * time.Hour // a day's active time, with room for DST and a late night
	maxStateSnooze   = 24 * time.Hour
	maxStatePractice = 1 << 16 // an index into a practice list
	maxStateWins     = 1 << 16
	maxStateID       = 1 << 53 // exact in every JSON reader
	// maxStatePlan bounds today's plan changes and an open round: twice
	// every clock time and meal a day can have, so a round that spans a
	// catch-up of yesterday's fits too.
	maxStatePlan = 2 * (6*settings.MaxClockTimes + settings.MaxMeals)
)

// Times outside these years are not readings of a working clock.
var (
	earliestState = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	latestState   = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
)

// check refuses values the engine could not have written.
func (st State) check() error {
	if err := inRange("today_active", st.TodayActive, maxStateActive); err != nil {
		return err
	}
	if st.NextID > maxStateID {
		return fmt.Errorf("next_prompt_id %d is out of range", st.NextID)
	}
	if err := checkTimes(map[string]time.Time{"saved": st.Saved, "day_start": st.DayStart, "paused_until": st.PausedUntil,
		"woke_at": st.WokeAt, "reviewed_week": st.ReviewedWeek}); err != nil {
		return err
	}
	if !st.PausedUntil.IsZero() && !st.Saved.IsZero() && st.PausedUntil.Sub(st.Saved) > MaxPause+time.Hour {
		return fmt.Errorf("paused_until %s is more than %s after the save", st.PausedUntil.Format(time.RFC3339), settings.Duration(MaxPause))
	}
	if err := st.checkCheckin(); err != nil {
		return err
	}
	if err := st.checkToday(); err != nil {
		return err
	}
	if n := len(st.Pending) + len(st.PendingCheckins) + len(st.PendingWakes); n > MaxPending {
		return fmt.Errorf("%d pending lines; at most %d are kept", n, MaxPending)
	}
	for _, t := range st.PendingWakes {
		if err := checkTimes(map[string]time.Time{"pending wake": t}); err != nil || t.IsZero() {
			return fmt.Errorf("pending wake %q is not a time a clock could read", t.Format(time.RFC3339))
		}
	}
	for _, c := range st.PendingCheckins {
		if err := c.Check(); err != nil {
			return fmt.Errorf("pending check-in: %w", err)
		}
		if err := checkTimes(map[string]time.Time{"pending check-in time": c.Time}); err != nil || c.Time.IsZero() {
			return fmt.Errorf("pending check-in at %q has no time a clock could read", c.Time.Format(time.RFC3339))
		}
	}
	seen := map[settings.Kind]bool{}
	for _, a := range st.Anchors {
		if err := checkKind(a.Kind); err != nil {
			return err
		}
		if seen[a.Kind] {
			return fmt.Errorf("%s appears twice", a.Kind)
		}
		seen[a.Kind] = true
		if err := a.check(); err != nil {
			return fmt.Errorf("%s: %w", a.Kind, err)
		}
	}
	return nil
}

// checkCheckin refuses check-in fields the engine could not have written
// together: a load or readiness with no answer, or answers with no day.
func (st State) checkCheckin() error {
	switch {
	case st.CheckinLoad != settings.LoadUnset && !st.CheckinLoad.Valid():
		return fmt.Errorf("checkin_load %d is not a training load", int(st.CheckinLoad))
	case st.CheckinLoad != settings.LoadUnset && !st.CheckinAnswered:
		return errors.New("checkin_load is set, but the check-in was not answered")
	case (st.CheckinAsked || st.CheckinAnswered || st.ReadinessLow) && st.DayStart.IsZero():
		return errors.New("check-in fields are set, but there is no day_start")
	}
	return nil
}

// checkToday refuses a plan, ticks or a wake the engine could not have
// written: with no day, out of range, or a slot twice.
func (st State) checkToday() error {
	if (len(st.Plan) > 0 || len(st.Ticks) > 0 || !st.WokeAt.IsZero()) && st.DayStart.IsZero() {
		return errors.New("today's plan, ticks or wake are set, but there is no day_start")
	}
	if len(st.Plan) > maxStatePlan {
		return fmt.Errorf("%d plan changes; a day has at most %d clock times", len(st.Plan), maxStatePlan)
	}
	seen := map[Slot]bool{}
	for _, pc := range st.Plan {
		s := Slot{Anchor: pc.Anchor, At: pc.At, Meal: pc.Meal}
		if err := pc.check(); err != nil {
			return fmt.Errorf("plan change for %s: %w", s, err)
		}
		if seen[s] {
			return fmt.Errorf("plan changes %s twice", s)
		}
		seen[s] = true
	}
	if len(st.Ticks) > maxTicks {
		return fmt.Errorf("%d ticks; at most %d are kept", len(st.Ticks), maxTicks)
	}
	for _, t := range st.Ticks {
		if err := t.check(); err != nil {
			return fmt.Errorf("tick: %w", err)
		}
	}
	return nil
}

func (pc PlanChange) check() error {
	switch {
	case checkKind(pc.Anchor) != nil:
		return checkKind(pc.Anchor)
	case !validClock(pc.At) || (pc.To != nil && !validClock(*pc.To)):
		return errors.New("a time is not a time of day")
	case pc.Meal && pc.Anchor != settings.Movement:
		return errMealAnchor
	case !pc.Skip && pc.To == nil:
		return errors.New("neither skipped nor moved")
	}
	return nil
}

func validClock(c settings.ClockTime) bool { return c >= 0 && c < settings.Clock(24, 0) }

func (t Tick) check() error {
	if err := checkKind(t.Anchor); err != nil {
		return err
	}
	if !t.Outcome.Valid() {
		return fmt.Errorf("unknown outcome %d", int(t.Outcome))
	}
	if err := checkTimes(map[string]time.Time{"clock": t.Clock, "time": t.Time}); err != nil || t.Time.IsZero() {
		return fmt.Errorf("time %q is not a time a clock could read", t.Time.Format(time.RFC3339))
	}
	return nil
}

func (a AnchorState) check() error {
	if err := inRange("accrued", a.Accrued, maxStateActive); err != nil {
		return err
	}
	if err := inRange("snooze_left", a.SnoozeLeft, maxStateSnooze); err != nil {
		return err
	}
	if a.Practice < 0 || a.Practice > maxStatePractice {
		return fmt.Errorf("practice %d is out of range", a.Practice)
	}
	if a.Wins < 0 || a.Wins > maxStateWins {
		return fmt.Errorf("wins %d is out of range", a.Wins)
	}
	if len(a.Round) > maxStatePlan {
		return fmt.Errorf("round of %d clock times is out of range", len(a.Round))
	}
	for _, t := range a.Round {
		if err := checkTimes(map[string]time.Time{"round": t}); err != nil || t.IsZero() {
			return fmt.Errorf("round time %q is not a time a clock could read", t.Format(time.RFC3339))
		}
	}
	return checkTimes(map[string]time.Time{"clock_due": a.ClockDue, "deadline": a.Deadline, "last_clock": a.LastClock})
}

func inRange(name string, d, most time.Duration) error {
	if d < 0 || d > most {
		return fmt.Errorf("%s %s is outside 0 to %s", name, d, most)
	}
	return nil
}

// checkTimes refuses a set time outside the years a working clock reads.
func checkTimes(ts map[string]time.Time) error {
	for name, t := range ts {
		if !t.IsZero() && (t.Before(earliestState) || t.After(latestState)) {
			return fmt.Errorf("%s %s is out of range", name, t.Format(time.RFC3339))
		}
	}
	return nil
}
