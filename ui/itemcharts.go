package ui

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/reminders"
)

// itemColors tell the check-in items apart; mid-tones, as the anchors'.
var itemColors = [...]color.NRGBA{
	reminders.Stiffness:    {R: 0xc2, G: 0x41, B: 0x0c, A: 0xff},
	reminders.Mood:         {R: 0x3b, G: 0x82, B: 0xf6, A: 0xff},
	reminders.Energy:       {R: 0x4c, G: 0x9f, B: 0x70, A: 0xff},
	reminders.SleepQuality: {R: 0x7c, G: 0x3a, B: 0xed, A: 0xff},
}

// itemCharts show each check-in item over the span the wins chart shows,
// two to a row: a dot a day, or a week's mean in the 12-week view.
type itemCharts struct {
	titles []*widget.Label
	charts []*dotChart
	view   fyne.CanvasObject
}

func newItemCharts() *itemCharts {
	c := &itemCharts{}
	grid := container.NewGridWithColumns(2)
	for _, s := range checkinScales {
		title := wrapped("")
		chart := newDotChart(1, reminders.MaxAnswer, func(v float64) string { return strconv.Itoa(int(v)) }, itemColors[s.item])
		c.titles = append(c.titles, title)
		c.charts = append(c.charts, chart)
		grid.Add(newVBox(title, chart))
	}
	c.view = grid
	return c
}

// setDays shows days (oldest first, ending today), one point a day, or a
// point a week when weekly.
func (c *itemCharts) setDays(days []journal.Day, weekly bool) {
	first, last := "", i18n.T("ui.chart.today")
	if weekly {
		last = i18n.T("ui.chart.this_week")
	}
	for i, s := range checkinScales {
		values := itemValues(days, s.item, weekly)
		if len(values) > 0 {
			first = spanStart(days, weekly)
		}
		c.titles[i].SetText(itemTitle(s, values))
		c.charts[i].set(values, first, last)
	}
}

// spanStart names the oldest point: its weekday in a week, else its date.
func spanStart(days []journal.Day, weekly bool) string {
	if weekly {
		return dayLabel(days[len(days)%7].Date, len(days))
	}
	return dayLabel(days[0].Date, len(days))
}

// itemTitle names the item, its mean over the span and what the top of
// its scale means, as stiffness reads the other way from the rest.
func itemTitle(s checkinScale, values []float64) string {
	sum, n := 0.0, 0
	for _, v := range values {
		if !math.IsNaN(v) {
			sum += v
			n++
		}
	}
	name := itemName(s.item)
	if n == 0 {
		return i18n.T("ui.chart.not_answered", map[string]any{"Item": name})
	}
	return i18n.T("ui.chart.item_mean", map[string]any{"Item": name, "Mean": decimal(sum / float64(n)), "High": s.high()})
}

// itemValues is an item's answer per day, NaN where there is none; weekly
// it is the mean of each week's answers, the weeks grouped as
// journal.Weeks groups the wins.
func itemValues(days []journal.Day, it reminders.CheckinItem, weekly bool) []float64 {
	answers := journal.Series(days, it)
	if !weekly {
		out := make([]float64, len(answers))
		for i, a := range answers {
			out[i] = answerValue(a)
		}
		return out
	}
	skip := len(answers) % 7
	out := make([]float64, len(answers)/7)
	for w := range out {
		sum, n := 0, 0
		for _, a := range answers[skip+7*w : skip+7*(w+1)] {
			if a > 0 {
				sum += a
				n++
			}
		}
		out[w] = math.NaN()
		if n > 0 {
			out[w] = float64(sum) / float64(n)
		}
	}
	return out
}

func answerValue(a int) float64 {
	if a == 0 {
		return math.NaN()
	}
	return float64(a)
}
