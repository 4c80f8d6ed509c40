package ui

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/settings"
)

// rhythmView is the Bedtime & wake tab: each day's bedtime and wake time
// over the last two weeks on the clock, the band counted as steady
// shaded, and a sentence each saying how steady they were.
type rhythmView struct {
	bedtime, wake     *dotChart
	bedLine, wakeLine *widget.Label
	rhythm            journal.Rhythm
	view              fyne.CanvasObject
}

func newRhythmView(days []journal.Day) *rhythmView {
	v := &rhythmView{rhythm: journal.RhythmOf(days)}
	r := v.rhythm
	v.bedLine = boldWrapped(steadyLine("Bedtime", r.Bedtime, "No bedtime yet: it is when you answer the wind-down."))
	v.wakeLine = boldWrapped(steadyLine("Wake time", r.Wake, "No wake time yet: it is your first minute at the desk each day, or your check-in's time."))
	v.bedtime = clockChart(r.Days, r.Bedtime, func(d journal.Day) time.Time { return d.Bedtime }, anchorColors[settings.WindDown])
	v.wake = clockChart(r.Days, r.Wake, func(d journal.Day) time.Time { return d.Wake }, anchorColors[settings.Rest])
	intro := wrapped("A steady bedtime and wake time do more for recovery than a long lie-in. " +
		"The shaded band is ±25 minutes around your typical time.")
	v.view = newVBox(intro, v.bedLine, v.bedtime, v.wakeLine, v.wake)
	return v
}

func boldWrapped(text string) *widget.Label {
	l := wrapped(text)
	l.TextStyle.Bold = true
	return l
}

// steadyLine is "Bedtime within ±25 min on 11 of 14 days, typically
// 22:40", or what the chart waits for when there is no time yet.
func steadyLine(what string, s journal.Steadiness, none string) string {
	if s.Of == 0 {
		return none
	}
	return fmt.Sprintf("%s %s, typically %s.", what, s, s.Clock())
}

// clockChart charts a clock time of each day in hours from the midnight
// that begins the day (more than 24 after midnight), on a scale of whole
// hours around the times and the steady band.
func clockChart(days []journal.Day, s journal.Steadiness, of func(journal.Day) time.Time, c color.Color) *dotChart {
	values := make([]float64, len(days))
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, d := range days {
		values[i] = math.NaN()
		if t := of(d); !t.IsZero() {
			values[i] = hours(d.Date.Clock(t))
			lo, hi = math.Min(lo, values[i]), math.Max(hi, values[i])
		}
	}
	band := [2]float64{}
	if s.Of > 0 {
		band = [2]float64{hours(s.Typical - journal.SteadyWithin), hours(s.Typical + journal.SteadyWithin)}
		lo, hi = math.Min(lo, band[0]), math.Max(hi, band[1])
	}
	if math.IsInf(lo, 1) {
		lo, hi = 0, 1
	}
	lo, hi = math.Floor(lo), math.Ceil(hi)
	if hi-lo < 2 {
		hi = lo + 2
	}
	ch := newDotChart(lo, hi, clockLabel, c)
	ch.band = band
	ch.minSize = fyne.NewSize(240, 160)
	first, last := "", "today"
	if len(days) > 0 {
		first = dayLabel(days[0].Date, len(days))
	}
	ch.set(values, first, last)
	return ch
}

func hours(d time.Duration) float64 { return d.Hours() }

// clockLabel writes hours since midnight as a time of day: 24.5 is 00:30.
func clockLabel(h float64) string {
	minutes := int(math.Round(h*60)) % (24 * 60)
	return settings.ClockTime(minutes).String()
}
