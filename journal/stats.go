package journal

import (
	"maps"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// MaxDays bounds the window of Stats.Days, so a typo such as
// "--since 9999999d" cannot allocate gigabytes. Ten years is plenty.
const MaxDays = 3660

// BaselineDays is how far back Stats.Checkins reaches, whatever the
// window: readiness reads a check-in against the person's own last 28 days
// (docs/ARCHITECTURE.md §3).
const BaselineDays = 28

// Day is one journal day of the window, the unit the progress view draws.
type Day struct {
	// Date is the journal day, which began at the rollover.
	Date Date
	// Wins counts Done, Natural and AutoDone outcomes per anchor.
	Wins map[settings.Kind]int
	// Checkin is the day's check-in; its Time is zero when there was none.
	// Of several on one day the latest counts: a second answer corrects
	// the first, though the file keeps both.
	Checkin Checkin
	// Bedtime is when the day's last wind-down win came (done, natural or
	// auto-done), zero when there was none. A wind-down answered at 00:30
	// belongs to the day before when the day starts at 04:00.
	Bedtime time.Time
	// Wake is the day's first active minute as its wake line recorded it,
	// else its check-in's time, else zero: the wake-time proxy.
	Wake time.Time
}

// Checked reports whether the day has a check-in.
func (d Day) Checked() bool { return !d.Checkin.Time.IsZero() }

func (d *Day) add(e Entry) {
	if !e.Outcome.Win() {
		return
	}
	if d.Wins == nil {
		d.Wins = make(map[settings.Kind]int)
	}
	d.Wins[e.Anchor]++
	if e.Anchor == settings.WindDown && e.Time.After(d.Bedtime) {
		d.Bedtime = e.Time
	}
}

// wake keeps the earliest wake line of the day: the engine writes one a
// day, and of two (a restart that lost its state) the first is the
// truer first active minute.
func (d *Day) wake(t time.Time) {
	if d.Wake.IsZero() || t.Before(d.Wake) {
		d.Wake = t
	}
}

// hasWin is what consistency counts: a day that had at least one win.
func (d *Day) hasWin() bool { return len(d.Wins) > 0 }

func (d Day) clone() Day {
	d.Wins = maps.Clone(d.Wins)
	if d.Wins == nil {
		d.Wins = map[settings.Kind]int{}
	}
	return d
}

// Totals adds up entries over a span, for the lines under a chart.
type Totals struct {
	// Entries counts every outcome, wins or not.
	Entries int
	// Wins counts the outcomes that are small wins.
	Wins int
	// Outcomes counts entries by how they ended.
	Outcomes map[reminders.Outcome]int
}

// counts is Totals while a Tally counts: outcomes in an array, because a
// map write for every line of every span shows on a 100,000-line read.
type counts struct {
	entries, wins int
	outcomes      [8]int // indexed by outcome; reminders.Outcomes all fit
	// other counts an outcome outside the array, which only a caller of
	// Add can hand in; the reader refuses it.
	other map[reminders.Outcome]int
}

func (c *counts) add(e Entry) {
	c.entries++
	if e.Outcome.Win() {
		c.wins++
	}
	if o := e.Outcome; o >= 0 && int(o) < len(c.outcomes) {
		c.outcomes[o]++
		return
	}
	if c.other == nil {
		c.other = map[reminders.Outcome]int{}
	}
	c.other[e.Outcome]++
}

// totals gives the counts as Totals, each outcome seen once in the map.
func (c *counts) totals() Totals {
	t := Totals{Entries: c.entries, Wins: c.wins, Outcomes: maps.Clone(c.other)}
	if t.Outcomes == nil {
		t.Outcomes = map[reminders.Outcome]int{}
	}
	for o, n := range c.outcomes {
		if n > 0 {
			t.Outcomes[reminders.Outcome(o)] = n
		}
	}
	return t
}

// Stats is what the progress window, the tray and `microrest journal` show.
// Consistency counts days with at least one win, deliberately not a streak:
// one missed day should not wipe out a month of effort.
type Stats struct {
	// Today is the current journal day.
	Today Day
	// Days is the window, oldest first, ending today; days without entries
	// are present so charts have no gaps.
	Days []Day
	// Window adds up the entries of Days; All adds up every entry seen.
	Window, All Totals
	// WinDays counts the days of Days with at least one win: consistency,
	// which a missed day dents without resetting, unlike a streak.
	WinDays int
	// First is the journal day of the earliest entry, so consistency can be
	// read against the days actually tracked; zero when there is none.
	First Date
	// Checkins are the check-ins of the last BaselineDays journal days,
	// today included, oldest first, one per day that had one: what
	// readiness compares today's (Today.Checkin) with.
	Checkins []Checkin
}

// Tally accumulates Stats one entry at a time, so years of journal can be
// summarised while streaming the file instead of holding it.
type Tally struct {
	today    int64 // day number, as from dayNumber
	rollover settings.ClockTime
	days     int
	recent   []Day     // indexed by age in days, 0 is today
	checkins []Checkin // indexed by age, at least BaselineDays long
	window   counts
	all      counts
	first    int64
}

// NewTally starts a summary of the days journal days up to and including
// the one now falls in. days is clamped to 0..MaxDays. Entries dated after
// today (a clock set wrong) count only towards Stats.All.
func NewTally(now time.Time, rollover settings.ClockTime, days int) *Tally {
	days = min(max(days, 0), MaxDays)
	today := dayNumber(now, rollover)
	recent := make([]Day, max(days, 1))
	for age := range recent {
		recent[age].Date = dateOf(today - int64(age))
	}
	return &Tally{
		today:    today,
		rollover: rollover,
		days:     days,
		recent:   recent,
		checkins: make([]Checkin, max(len(recent), BaselineDays)),
	}
}

// Add counts one entry; the order of entries does not matter.
func (t *Tally) Add(e Entry) {
	day := dayNumber(e.Time, t.rollover)
	if t.all.entries == 0 || day < t.first {
		t.first = day
	}
	t.all.add(e)
	age := t.today - day
	if age < 0 || age >= int64(len(t.recent)) {
		return
	}
	t.recent[age].add(e)
	if age < int64(t.days) {
		t.window.add(e)
	}
}

// AddCheckin counts one check-in. Of two on the same journal day the
// later one counts (on equal times, the one added last), whatever order
// they come in. Check-ins older than both the window and BaselineDays, or
// dated after today, are not kept.
func (t *Tally) AddCheckin(c Checkin) {
	age := t.today - dayNumber(c.Time, t.rollover)
	if age < 0 || age >= int64(len(t.checkins)) {
		return
	}
	if prev := t.checkins[age]; prev.Time.IsZero() || !c.Time.Before(prev.Time) {
		t.checkins[age] = c
	}
}

// AddWake counts a wake line: the first active minute of its journal day.
// Wake lines outside the window or dated after today are not kept.
func (t *Tally) AddWake(w time.Time) {
	age := t.today - dayNumber(w, t.rollover)
	if age < 0 || age >= int64(len(t.recent)) {
		return
	}
	t.recent[age].wake(w)
}

// AddLine counts a line of any kind, for a Tally fed by ReadLines.
func (t *Tally) AddLine(l Line) {
	switch l.Kind {
	case KindCheckin:
		t.AddCheckin(l.Checkin)
	case KindWake:
		t.AddWake(l.Wake)
	default:
		t.Add(l.Entry)
	}
}

// Stats returns the summary so far; the Tally can go on counting.
func (t *Tally) Stats() Stats {
	s := Stats{
		Today:    t.day(0),
		Days:     make([]Day, t.days),
		Window:   t.window.totals(),
		All:      t.all.totals(),
		WinDays:  t.daysWithWins(t.days),
		Checkins: t.baseline(),
	}
	if t.all.entries > 0 {
		s.First = dateOf(t.first)
	}
	for i := range s.Days {
		s.Days[i] = t.day(t.days - 1 - i)
	}
	return s
}

// day is a copy of the day age days ago with its check-in, whose time
// stands in for a wake line the day lacks.
func (t *Tally) day(age int) Day {
	d := t.recent[age].clone()
	d.Checkin = t.checkins[age]
	if d.Wake.IsZero() {
		d.Wake = d.Checkin.Time
	}
	return d
}

// baseline lists the check-ins of the last BaselineDays days, oldest
// first.
func (t *Tally) baseline() []Checkin {
	var out []Checkin
	for age := BaselineDays - 1; age >= 0; age-- {
		if c := t.checkins[age]; !c.Time.IsZero() {
			out = append(out, c)
		}
	}
	return out
}

func (t *Tally) daysWithWins(n int) int {
	count := 0
	for age := range n {
		if t.recent[age].hasWin() {
			count++
		}
	}
	return count
}

// Weeks folds days (oldest first, ending today) into weeks of seven that
// end today, for a chart over months: each week is dated by its first day
// and sums its days' wins. Days short of a week at the old end are left
// out.
func Weeks(days []Day) []Day {
	weeks := make([]Day, len(days)/7)
	skip := len(days) % 7
	for w := range weeks {
		week := days[skip+7*w : skip+7*(w+1)]
		weeks[w] = Day{Date: week[0].Date, Wins: map[settings.Kind]int{}}
		for _, d := range week {
			for k, n := range d.Wins {
				weeks[w].Wins[k] += n
			}
		}
	}
	return weeks
}

// Series is one item's answers over days, aligned with them (0 where a
// day has no check-in or left the item unanswered), for a chart of the
// item beside the wins.
func Series(days []Day, it reminders.CheckinItem) []int {
	out := make([]int, len(days))
	for i, d := range days {
		out[i] = d.Checkin.answer(it)
	}
	return out
}

// Summarise computes Stats over entries already in memory, such as the
// result of ReadFile.
func Summarise(entries []Entry, now time.Time, rollover settings.ClockTime, days int) Stats {
	t := NewTally(now, rollover, days)
	for _, e := range entries {
		t.Add(e)
	}
	return t.Stats()
}

// SummariseFile streams the journal at path, outcomes and check-ins, into
// Stats without holding its lines; a missing file gives empty Stats. The
// report says which lines were skipped.
func SummariseFile(path string, now time.Time, rollover settings.ClockTime, days int) (Stats, ReadReport, error) {
	t := NewTally(now, rollover, days)
	report, err := readPath(path, func(l Line) error {
		t.AddLine(l)
		return nil
	})
	return t.Stats(), report, err
}

// Progress is one anchor's wins today against its daily goal, what the
// tray menu and the progress window show per anchor.
type Progress struct {
	Anchor settings.Kind
	// Wins counts today's Done, Natural and AutoDone outcomes.
	Wins int
	// Goal is settings.Anchor.DailyGoal; 0 means the anchor has no goal.
	Goal int
}

// Met reports whether the goal is reached, which is when the engine stops
// prompting for the anchor today.
func (p Progress) Met() bool { return p.Goal > 0 && p.Wins >= p.Goal }

// Progress lists every anchor, in display order, with today's wins against
// goals (see Goals).
func (s Stats) Progress(goals map[settings.Kind]int) []Progress {
	out := make([]Progress, 0, len(settings.Kinds))
	for _, k := range settings.Kinds {
		out = append(out, Progress{Anchor: k, Wins: s.Today.Wins[k], Goal: goals[k]})
	}
	return out
}

// Today is the shortcut for callers that only need today's progress.
func Today(entries []Entry, now time.Time, rollover settings.ClockTime, goals map[settings.Kind]int) []Progress {
	return Summarise(entries, now, rollover, 1).Progress(goals)
}

// Goals collects each anchor's daily goal from the settings, whether or not
// the anchor is enabled, so past wins of a disabled anchor still show.
func Goals(a *settings.Anchors) map[settings.Kind]int {
	goals := make(map[settings.Kind]int, len(settings.Kinds))
	for _, k := range settings.Kinds {
		goals[k] = a.Of(k).DailyGoal
	}
	return goals
}
