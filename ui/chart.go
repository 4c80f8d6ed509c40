package ui

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/settings"
)

// anchorColors tell the anchors apart in the chart. They are mid-tone so
// they read on the light and the dark theme alike.
var anchorColors = [...]color.NRGBA{
	settings.Movement:  {R: 0x4c, G: 0x9f, B: 0x70, A: 0xff},
	settings.Breath:    {R: 0x3b, G: 0x82, B: 0xf6, A: 0xff},
	settings.Posture:   {R: 0xa8, G: 0x55, B: 0xf7, A: 0xff},
	settings.Hydration: {R: 0x06, G: 0xb6, B: 0xd4, A: 0xff},
	settings.Rest:      {R: 0xf5, G: 0x9e, B: 0x0b, A: 0xff},
	settings.WindDown:  {R: 0xe8, G: 0x79, B: 0xa0, A: 0xff},
}

// winsChart draws wins per day as bars stacked by anchor, oldest day on
// the left: one glance shows both how much and which kinds.
type winsChart struct {
	widget.BaseWidget
	days []journal.Day
}

func newWinsChart(days []journal.Day) *winsChart {
	c := &winsChart{days: days}
	c.ExtendBaseWidget(c)
	return c
}

// setDays shows another span of days.
func (c *winsChart) setDays(days []journal.Day) {
	c.days = days
	c.Refresh()
}

// CreateRenderer builds the bars.
func (c *winsChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{chart: c}
	r.rebuild()
	return r
}

type chartRenderer struct {
	chart   *winsChart
	axis    *canvas.Line
	top     *canvas.Text // the scale: the most wins in a day
	bars    [][]*canvas.Rectangle
	labels  []*canvas.Text
	objects []fyne.CanvasObject
}

// most is the tallest bar, at least 1 so an empty span draws a flat axis.
func most(days []journal.Day) int {
	m := 1
	for _, d := range days {
		sum := 0
		for _, n := range d.Wins {
			sum += n
		}
		m = max(m, sum)
	}
	return m
}

func (r *chartRenderer) rebuild() {
	fg := theme.Color(theme.ColorNameForeground)
	r.axis = canvas.NewLine(theme.Color(theme.ColorNameDisabled))
	r.top = canvas.NewText(strconv.Itoa(most(r.chart.days)), fg)
	r.top.TextSize = theme.CaptionTextSize()
	r.objects = []fyne.CanvasObject{r.axis, r.top}
	r.bars, r.labels = nil, nil
	every := max(1, len(r.chart.days)/7)
	for i, d := range r.chart.days {
		var stack []*canvas.Rectangle
		for _, k := range settings.Kinds {
			if d.Wins[k] > 0 {
				rect := canvas.NewRectangle(anchorColors[k])
				stack = append(stack, rect)
				r.objects = append(r.objects, rect)
			}
		}
		r.bars = append(r.bars, stack)
		label := canvas.NewText("", fg)
		label.TextSize = theme.CaptionTextSize()
		if (len(r.chart.days)-1-i)%every == 0 {
			label.Text = dayLabel(d.Date, len(r.chart.days))
		}
		r.labels = append(r.labels, label)
		r.objects = append(r.objects, label)
	}
}

// dayLabel names a day briefly: the weekday in a week, the date in a month
// or for a week's bar, its first day.
func dayLabel(d journal.Date, span int) string {
	if span <= 7 {
		return i18n.WeekdayShort(d.Start(0, time.UTC).Weekday())
	}
	return i18n.T("ui.chart.date", map[string]any{"Day": d.Day, "Month": int(d.Month)})
}

func (r *chartRenderer) Layout(size fyne.Size) {
	days := r.chart.days
	if len(days) == 0 {
		return
	}
	labelH := theme.CaptionTextSize() + theme.Padding()
	gutter := r.top.MinSize().Width + theme.Padding()
	plotH := size.Height - labelH
	r.axis.Position1 = fyne.NewPos(gutter, plotH)
	r.axis.Position2 = fyne.NewPos(size.Width, plotH)
	r.top.Move(fyne.NewPos(0, 0))
	slot := (size.Width - gutter) / float32(len(days))
	perWin := (plotH - r.top.MinSize().Height/2) / float32(most(days))
	for i, d := range days {
		r.layoutBar(d, r.bars[i], gutter+float32(i)*slot, slot, plotH, perWin)
		// Centred under its bar, but inside the chart at either end.
		w := r.labels[i].MinSize().Width
		x := min(max(gutter+float32(i)*slot+(slot-w)/2, gutter), size.Width-w)
		r.labels[i].Move(fyne.NewPos(x, plotH+theme.Padding()/2))
	}
}

// layoutBar stacks one day's segments from the axis up, in anchor order.
func (r *chartRenderer) layoutBar(d journal.Day, stack []*canvas.Rectangle, x, slot, base, perWin float32) {
	y := base
	j := 0
	for _, k := range settings.Kinds {
		if d.Wins[k] == 0 {
			continue
		}
		h := perWin * float32(d.Wins[k])
		y -= h
		stack[j].Move(fyne.NewPos(x+slot*0.15, y))
		stack[j].Resize(fyne.NewSize(slot*0.7, h))
		j++
	}
}

// MinSize leaves room below the chart for the check-in items in the
// window's height.
func (r *chartRenderer) MinSize() fyne.Size { return fyne.NewSize(280, 150) }

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

func (r *chartRenderer) Destroy() {}

// legend names the colours of the chart.
func legend() fyne.CanvasObject {
	box := container.NewHBox()
	for _, k := range settings.Kinds {
		swatch := canvas.NewRectangle(anchorColors[k])
		swatch.SetMinSize(fyne.NewSquareSize(theme.CaptionTextSize()))
		text := canvas.NewText(anchorTitle(k), theme.Color(theme.ColorNameForeground))
		text.TextSize = theme.CaptionTextSize()
		box.Add(container.NewHBox(container.NewCenter(swatch), text))
	}
	return box
}
