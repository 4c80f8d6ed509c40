package journal

import (
	"slices"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
)

// RhythmDays is how many days the bedtime and wake-time view reads: two
// weeks show a habit without being swayed by one late night.
const RhythmDays = 14

// SteadyWithin is how far from the typical time a day may be and still
// count as steady: a quarter of an hour either way is noise, an hour is a
// shifted night.
const SteadyWithin = 25 * time.Minute

// Steadiness says how steady a daily clock time was: its typical value
// and on how many days it stayed near it. A spread is easier to act on
// than a mean, and a median ignores the one night out.
type Steadiness struct {
	// Typical is the median clock time, as wall-clock time since the
	// midnight that begins the journal day, so a bedtime after midnight
	// is more than 24h (00:20 is 24h20m) and sits 30 minutes from 23:50.
	Typical time.Duration
	// Within counts the days within ±SteadyWithin of Typical.
	Within int
	// Of counts the days that had a time at all.
	Of int
}

// String reads "within ±25 min on 11 of 14 days", or says there was
// nothing to read, in the process's language.
func (s Steadiness) String() string {
	if s.Of == 0 {
		return i18n.T("journal.steadiness.none")
	}
	return i18n.N("journal.steadiness.within", s.Of, map[string]any{"Minutes": int(SteadyWithin / time.Minute), "Within": s.Within})
}

// Clock is Typical as a time of day, to the nearest minute, for a label
// such as "typically 22:40".
func (s Steadiness) Clock() settings.ClockTime {
	minutes := int(s.Typical.Round(time.Minute) / time.Minute)
	return settings.ClockTime(((minutes % minutesPerDay) + minutesPerDay) % minutesPerDay)
}

const minutesPerDay = 24 * 60

// steadinessOf reads the steadiness of clock times, each as Date.Clock
// gives it. Times more than 12 hours from the rest are taken on the other
// side of midnight, so with the day starting at 00:00 a 23:50 and a 00:20
// still read 30 minutes apart.
func steadinessOf(clocks []time.Duration) Steadiness {
	if len(clocks) == 0 {
		return Steadiness{}
	}
	vals := slices.Clone(clocks)
	first := median(vals)
	for i, v := range vals {
		vals[i] = nearest(v, first)
	}
	typical := median(vals)
	if typical < 0 {
		typical += 24 * time.Hour
	}
	s := Steadiness{Typical: typical, Of: len(vals)}
	for _, v := range vals {
		if d := v - typical; nearest(d, 0).Abs() <= SteadyWithin {
			s.Within++
		}
	}
	return s
}

// median sorts vals and returns their middle, the mean of the two middles
// for an even count.
func median(vals []time.Duration) time.Duration {
	slices.Sort(vals)
	n := len(vals)
	if n%2 == 1 {
		return vals[n/2]
	}
	return (vals[n/2-1] + vals[n/2]) / 2
}

// nearest moves v by whole days to within 12 hours of ref: a clock time
// read on a circle.
func nearest(v, ref time.Duration) time.Duration {
	const day = 24 * time.Hour
	d := (v - ref) % day
	switch {
	case d > day/2:
		d -= day
	case d <= -day/2:
		d += day
	}
	return ref + d
}

// Clock returns t's wall-clock time counted from the midnight that
// begins d, in t's own zone: 22:30 is 22h30m on the day the clocks
// change too, and 00:20 the night after d is 24h20m. It is how bedtimes
// and wake times are charted and compared across days.
func (d Date) Clock(t time.Time) time.Duration {
	_, offset := t.Zone()
	wall := t.Unix() + int64(offset) - d.number()*secondsPerDay
	return time.Duration(wall)*time.Second + time.Duration(t.Nanosecond())
}

// Rhythm is the bedtime and wake-time view: the last RhythmDays days and
// how steady each time was over them.
type Rhythm struct {
	// Days are the days read, oldest first.
	Days []Day
	// Bedtime reads each day's last wind-down win; Wake its wake time.
	Bedtime, Wake Steadiness
}

// RhythmOf reads the last RhythmDays of days (oldest first, as
// Stats.Days), leaving out days without a time.
func RhythmOf(days []Day) Rhythm {
	days = days[max(len(days)-RhythmDays, 0):]
	return Rhythm{
		Days:    days,
		Bedtime: steadinessOf(clocks(days, func(d Day) time.Time { return d.Bedtime })),
		Wake:    steadinessOf(clocks(days, func(d Day) time.Time { return d.Wake })),
	}
}

// clocks lists the clock times of the days that have the time at all.
func clocks(days []Day, of func(Day) time.Time) []time.Duration {
	var out []time.Duration
	for _, d := range days {
		if t := of(d); !t.IsZero() {
			out = append(out, d.Date.Clock(t))
		}
	}
	return out
}
