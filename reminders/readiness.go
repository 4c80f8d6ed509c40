package reminders

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/microrest/microrest/settings"
)

// Readiness is read the way sport-science wellness questionnaires are
// (the Hooper index; McLean et al. 2010): each item against the person's
// own mean and spread, never against a norm, and in plain words. It lives
// beside the engine, without I/O, so the daemon can read it from the
// journal's check-ins and hand the engine only SetReadiness.
const (
	// BaselineDays is how many days before today the baseline spans.
	BaselineDays = 28
	// MinBaseline is how many check-in days the baseline needs, and how
	// many answers an item needs to be read at all.
	MinBaseline = 7
	// readinessBand is how far, in standard deviations, the mean of the
	// items must move from usual to read lower or higher than usual.
	readinessBand = 0.5
	// movedBand is how far one item must move to be named.
	movedBand = 1.0
	// maxZ bounds one item's score, so one surprising answer against a
	// very steady baseline cannot outweigh the other three.
	maxZ = 3.0
)

// ReadinessLevel is the overall reading.
type ReadinessLevel int

// The readings. ReadinessUnknown is no reading: no check-in today, or not
// enough before it.
const (
	ReadinessUnknown ReadinessLevel = iota
	ReadinessLower
	ReadinessUsual
	ReadinessHigher
)

// String is the reading's key, which `status --json` gives scripts in
// every language: "no reading", "lower than usual", "as usual" or
// "higher than usual". People read it in their language from the daemon.
func (l ReadinessLevel) String() string {
	switch l {
	case ReadinessUnknown:
		return "no reading"
	case ReadinessLower:
		return "lower than usual"
	case ReadinessUsual:
		return "as usual"
	case ReadinessHigher:
		return "higher than usual"
	}
	return fmt.Sprintf("readiness(%d)", int(l))
}

// ReadingReason says whether there is a reading, and why not when there
// is none, so the daemon can say it in the person's language.
type ReadingReason int

// The reasons. ReadingRead is a reading: Level says it.
const (
	ReadingRead ReadingReason = iota
	// ReadingNoCheckin: today has no check-in, or one that answers no
	// question.
	ReadingNoCheckin
	// ReadingFewCheckins: fewer than MinBaseline of the BaselineDays
	// before today have a check-in; Reading.Baseline says how many do.
	ReadingFewCheckins
	// ReadingFewAnswers: no item today answers was answered on
	// MinBaseline of those days.
	ReadingFewAnswers
)

// String names the reason for logs and test failures.
func (r ReadingReason) String() string {
	switch r {
	case ReadingRead:
		return "read"
	case ReadingNoCheckin:
		return "no-checkin"
	case ReadingFewCheckins:
		return "few-checkins"
	case ReadingFewAnswers:
		return "few-answers"
	}
	return fmt.Sprintf("reason(%d)", int(r))
}

// ItemReading is one item's distance from the person's usual, in their
// own standard deviations; positive is better (less stiff, more energy).
type ItemReading struct {
	Item CheckinItem
	Z    float64
}

// Moved reports whether the item moved far enough to be named.
func (r ItemReading) Moved() bool { return math.Abs(r.Z) >= movedBand }

// Better reports whether the item moved the better way: less stiff, or
// more mood, energy or sleep quality.
func (r ItemReading) Better() bool { return r.Z > 0 }

// Reading is today's readiness against the person's own recent days.
type Reading struct {
	Level ReadinessLevel
	// Reason is ReadingRead when there is a reading, else why not.
	Reason ReadingReason
	// Baseline counts the days with a check-in among the BaselineDays
	// before today.
	Baseline int
	// Score is the mean of the items' Z.
	Score float64
	// Items holds each item that could be read, in CheckinItems order.
	Items []ItemReading
}

// Low reports whether readiness reads lower than usual.
func (r Reading) Low() bool { return r.Level == ReadinessLower }

// String sums the reading up for logs and test failures: "lower than
// usual: stiffness worse, energy worse", or "no reading: few-checkins".
// People read it from the daemon, in their language.
func (r Reading) String() string {
	if r.Level == ReadinessUnknown {
		return r.Level.String() + ": " + r.Reason.String()
	}
	var moved []string
	for _, it := range r.Items {
		switch {
		case it.Moved() && it.Better():
			moved = append(moved, it.Item.String()+" better")
		case it.Moved():
			moved = append(moved, it.Item.String()+" worse")
		}
	}
	if len(moved) == 0 {
		return r.Level.String()
	}
	return r.Level.String() + ": " + strings.Join(moved, ", ")
}

// Readiness reads today's check-in against the check-ins of the
// BaselineDays before it. Days are counted as the engine counts them,
// from dayStartsAt in loc; now picks today. A later check-in on the same
// day replaces an earlier one, whole. checkins may come in any order.
func Readiness(checkins []Checkin, now time.Time, dayStartsAt settings.ClockTime, loc *time.Location) Reading {
	dayOf := func(t time.Time) int { return dayNumber(lastAtOrBefore(dayStartsAt, t, loc), loc) }
	days := latestByDay(checkins, dayOf)
	today, ok := days[dayOf(now)]
	if !ok || !answered(today) {
		return Reading{Reason: ReadingNoCheckin}
	}
	var window []Checkin
	for d := dayOf(now) - BaselineDays; d < dayOf(now); d++ {
		if c, ok := days[d]; ok && answered(c) {
			window = append(window, c)
		}
	}
	r := Reading{Baseline: len(window)}
	if len(window) < MinBaseline {
		r.Reason = ReadingFewCheckins
		return r
	}
	for _, item := range CheckinItems {
		if z, ok := itemZ(item, today, window); ok {
			r.Items = append(r.Items, ItemReading{Item: item, Z: z})
			r.Score += z
		}
	}
	if len(r.Items) == 0 {
		r.Reason = ReadingFewAnswers
		return r
	}
	r.Score /= float64(len(r.Items))
	r.Level = levelOf(r.Score)
	return r
}

func levelOf(score float64) ReadinessLevel {
	switch {
	case score <= -readinessBand:
		return ReadinessLower
	case score >= readinessBand:
		return ReadinessHigher
	}
	return ReadinessUsual
}

// dayNumber numbers the calendar date of a day's start, so days can be
// counted across DST changes.
func dayNumber(start time.Time, loc *time.Location) int {
	y, m, d := start.In(loc).Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// latestByDay keeps each day's latest check-in.
func latestByDay(checkins []Checkin, dayOf func(time.Time) int) map[int]Checkin {
	days := map[int]Checkin{}
	for _, c := range checkins {
		d := dayOf(c.Time)
		if prev, ok := days[d]; !ok || !c.Time.Before(prev.Time) {
			days[d] = c
		}
	}
	return days
}

// answered reports whether a check-in answers at least one question.
func answered(c Checkin) bool {
	for _, i := range CheckinItems {
		if c.Answer(i) > 0 {
			return true
		}
	}
	return false
}

// itemZ returns how far today's answer to item is from the baseline's, in
// its standard deviations, with better positive; false when today leaves
// it out or the baseline has fewer than MinBaseline answers to it.
func itemZ(item CheckinItem, today Checkin, window []Checkin) (float64, bool) {
	now := today.Answer(item)
	var vals []float64
	for _, c := range window {
		if a := c.Answer(item); a > 0 {
			vals = append(vals, float64(a))
		}
	}
	if now == 0 || len(vals) < MinBaseline {
		return 0, false
	}
	mean, sd := meanSD(vals)
	diff := float64(now) - mean
	var z float64
	switch {
	case sd > 0:
		z = diff / sd
	case math.Abs(diff) >= 1:
		// Always the same answer until today: a point's change is a move.
		z = math.Copysign(movedBand, diff)
	}
	if item == Stiffness {
		z = -z
	}
	return math.Max(-maxZ, math.Min(maxZ, z)), true
}

// meanSD returns the mean and the sample standard deviation.
func meanSD(vals []float64) (float64, float64) {
	var sum float64
	for _, v := range vals {
		sum += v
	}
	mean := sum / float64(len(vals))
	var sq float64
	for _, v := range vals {
		sq += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(sq / float64(len(vals)-1))
}
