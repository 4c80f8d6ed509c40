package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dotChart draws one value a day (or a week) as dots joined by lines,
// oldest on the left, against a fixed scale: the check-in items on 1 to
// 5, bedtimes and wake times on the clock. A missing value (NaN) leaves a
// gap, so a day without a check-in never reads as a low one.
type dotChart struct {
	widget.BaseWidget
	values []float64
	lo, hi float64
	// label writes a value of the scale for the top and bottom marks.
	label func(v float64) string
	// band, when its ends differ, shades the range counted as steady.
	band  [2]float64
	color color.Color
	// first and last name the oldest and the newest point under the axis.
	first, last string
	minSize     fyne.Size
}

func newDotChart(lo, hi float64, label func(float64) string, c color.Color) *dotChart {
	ch := &dotChart{lo: lo, hi: hi, label: label, color: c, minSize: fyne.NewSize(240, 72)}
	ch.ExtendBaseWidget(ch)
	return ch
}

// set shows other values, their scale and the names of their ends.
func (ch *dotChart) set(values []float64, first, last string) {
	ch.values, ch.first, ch.last = values, first, last
	ch.Refresh()
}

// CreateRenderer builds the dots and lines.
func (ch *dotChart) CreateRenderer() fyne.WidgetRenderer {
	r := &dotRenderer{chart: ch}
	r.rebuild()
	return r
}

type dotRenderer struct {
	chart               *dotChart
	band                *canvas.Rectangle
	axis                *canvas.Line
	top, bottom         *canvas.Text
	first, last         *canvas.Text
	dots                []*canvas.Circle
	lines               []*canvas.Line
	objects             []fyne.CanvasObject
	lineIndex, dotIndex []int // the value index each line starts at, each dot shows
}

func caption(text string, c color.Color) *canvas.Text {
	t := canvas.NewText(text, c)
	t.TextSize = theme.CaptionTextSize()
	return t
}

func (r *dotRenderer) rebuild() {
	ch := r.chart
	fg, faint := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNameDisabled)
	r.band = canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
	r.band.Hidden = ch.band[0] == ch.band[1]
	r.axis = canvas.NewLine(faint)
	r.top, r.bottom = caption(ch.label(ch.hi), fg), caption(ch.label(ch.lo), fg)
	r.first, r.last = caption(ch.first, fg), caption(ch.last, fg)
	r.objects = []fyne.CanvasObject{r.band, r.axis, r.top, r.bottom, r.first, r.last}
	r.dots, r.lines, r.lineIndex, r.dotIndex = nil, nil, nil, nil
	for i, v := range ch.values {
		if math.IsNaN(v) {
			continue
		}
		if i > 0 && !math.IsNaN(ch.values[i-1]) {
			l := canvas.NewLine(ch.color)
			l.StrokeWidth = 2
			r.lines = append(r.lines, l)
			r.lineIndex = append(r.lineIndex, i-1)
			r.objects = append(r.objects, l)
		}
	}
	for i, v := range ch.values {
		if math.IsNaN(v) {
			continue
		}
		d := canvas.NewCircle(ch.color)
		r.dots = append(r.dots, d)
		r.dotIndex = append(r.dotIndex, i)
		r.objects = append(r.objects, d)
	}
}

func (r *dotRenderer) Layout(size fyne.Size) {
	ch := r.chart
	gutter := max(r.top.MinSize().Width, r.bottom.MinSize().Width) + theme.Padding()
	labelH := theme.CaptionTextSize() + theme.Padding()
	textH := r.top.MinSize().Height
	plotTop, plotBottom := textH/2, size.Height-labelH-textH/2
	r.top.Move(fyne.NewPos(0, 0))
	r.bottom.Move(fyne.NewPos(0, plotBottom-textH/2))
	r.axis.Position1 = fyne.NewPos(gutter, plotBottom+textH/2)
	r.axis.Position2 = fyne.NewPos(size.Width, plotBottom+textH/2)
	r.first.Move(fyne.NewPos(gutter, plotBottom+textH/2+theme.Padding()/2))
	r.last.Move(fyne.NewPos(size.Width-r.last.MinSize().Width, plotBottom+textH/2+theme.Padding()/2))
	n := len(ch.values)
	if n == 0 {
		return
	}
	slot := (size.Width - gutter) / float32(n)
	x := func(i int) float32 { return gutter + slot*(float32(i)+0.5) }
	y := func(v float64) float32 {
		f := (min(max(v, ch.lo), ch.hi) - ch.lo) / (ch.hi - ch.lo)
		return plotBottom - float32(f)*(plotBottom-plotTop)
	}
	if !r.band.Hidden {
		y0, y1 := y(ch.band[1]), y(ch.band[0])
		r.band.Move(fyne.NewPos(gutter, y0))
		r.band.Resize(fyne.NewSize(size.Width-gutter, y1-y0))
	}
	for j, l := range r.lines {
		i := r.lineIndex[j]
		l.Position1 = fyne.NewPos(x(i), y(ch.values[i]))
		l.Position2 = fyne.NewPos(x(i+1), y(ch.values[i+1]))
	}
	radius := min(float32(4), slot/3)
	for j, d := range r.dots {
		i := r.dotIndex[j]
		d.Move(fyne.NewPos(x(i)-radius, y(ch.values[i])-radius))
		d.Resize(fyne.NewSquareSize(2 * radius))
	}
}

func (r *dotRenderer) MinSize() fyne.Size { return r.chart.minSize }

func (r *dotRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *dotRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

func (r *dotRenderer) Destroy() {}
