package ui

import (
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/i18n"
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
	v.bedLine = boldWrapped(bedtimeLine(r.Bedtime))
	v.wakeLine = boldWrapped(wakeLine(r.Wake))
	v.bedtime = clockChart(r.Days, r.Bedtime, func(d journal.Day) time.Time { return d.Bedtime }, anchorColors[settings.WindDown])
	v.wake = clockChart(r.Days, r.Wake, func(d journal.Day) time.Time { return d.Wake }, anchorColors[settings.Rest])
	intro := wrapped(i18n.T("ui.rhythm.intro", map[string]any{"Minutes": int(journal.SteadyWithin / time.Minute)}))
	v.view = newVBox(intro, v.bedLine, v.bedtime, v.wakeLine, v.wake)
	return v
}

func boldWrapped(text string) *widget.Label {
	l := wrapped(text)
	l.TextStyle.Bold = true
	return l
}

// bedtimeLine is "Bedtime within ±25 min on 11 of 14 days, typically
// 22:40.", or what the chart waits for when there is no time yet.
func bedtimeLine(s journal.Steadiness) string {
	if s.Of == 0 {
		return i18n.T("ui.rhythm.no_bedtime")
	}
	return i18n.N("ui.rhythm.bedtime", s.Of, steadyData(s))
}

// wakeLine is bedtimeLine for the wake time.
func wakeLine(s journal.Steadiness) string {
	if s.Of == 0 {
		return i18n.T("ui.rhythm.no_wake")
	}
	return i18n.N("ui.rhythm.wake", s.Of, steadyData(s))
}

func steadyData(s journal.Steadiness) map[string]any {
	return map[string]any{"Minutes": int(journal.SteadyWithin / time.Minute), "Within": s.Within, "Time": clockTimeText(s.Clock())}
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
	first, last := "", i18n.T("ui.chart.today")
	if len(days) > 0 {
		first = dayLabel(days[0].Date, len(days))
	}
	ch.set(values, first, last)
	return ch
}

func hours(d time.Duration) float64 { return d.Hours() }

// clockLabel writes hours since midnight as a time of day on the
// locale's clock: 24.5 is 00:30 (12:30 AM in the US).
func clockLabel(h float64) string {
	minutes := int(math.Round(h*60)) % (24 * 60)
	return clockTimeText(settings.ClockTime(minutes))
}
