package ui

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/settings"
)

// breatheView is the guided breathing session: a circle that grows on the
// inhale and shrinks on the exhale, the cue, and the time left.
type breatheView struct {
	pacer  Pacer
	length time.Duration
	shape  *pacerShape
	cue    *widget.Label
	left   *widget.Label
	finish *widget.Button
	timer  *timer
	rec    *recorder
	view   fyne.CanvasObject
}

func showBreathe(w fyne.Window, opts Options, e env) {
	v := newBreatheView(e, practiceLength(opts.SettingsPath, settings.Breath), w.Close)
	w.SetContent(v.view)
	w.Resize(fyne.NewSize(420, 520))
	v.timer.run(fyne.CurrentApp())
}

// practiceLength reads the anchor's practice length without ever writing
// the settings file: a guided session is no place to create or repair it.
func practiceLength(path string, k settings.Kind) time.Duration {
	loaded, _ := settings.Reload(path)
	return loaded.Settings.Anchors.Of(k).Practice.D()
}

func newBreatheView(e env, length time.Duration, closeWindow func()) *breatheView {
	v := &breatheView{pacer: DefaultPacer, length: length, shape: newPacerShape()}
	v.cue = widget.NewLabel(Inhale.Cue())
	v.cue.SizeName = theme.SizeNameHeadingText
	v.cue.Alignment = fyne.TextAlignCenter
	v.left = widget.NewLabel("")
	v.left.Alignment = fyne.TextAlignCenter
	rate := widget.NewLabel(fmt.Sprintf("%.1f breaths a minute: in for %s, out for %s, through the nose.",
		v.pacer.PerMinute(), seconds(v.pacer.Inhale), seconds(v.pacer.Exhale)))
	rate.Wrapping = fyne.TextWrapWord
	rate.Alignment = fyne.TextAlignCenter
	v.rec = newRecorder(e, settings.Breath, closeWindow)
	v.timer = newTimer(e.clock, length, v.draw, v.done)
	v.finish = widget.NewButton("I'm done", v.timer.end)
	top := newVBox(v.cue, v.left)
	bottom := newVBox(rate, v.rec.box, container.NewHBox(layout.NewSpacer(), v.finish, layout.NewSpacer()))
	v.view = container.NewPadded(container.NewBorder(top, bottom, nil, nil, v.shape))
	v.draw(0)
	return v
}

func (v *breatheView) draw(elapsed time.Duration) {
	b := v.pacer.At(elapsed)
	v.shape.setScale(b.Scale)
	setText(v.cue, b.Phase.Cue())
	setText(v.left, mmss(v.length-elapsed)+" left")
}

func (v *breatheView) done() {
	setText(v.cue, "Finished")
	v.finish.Hide()
	v.rec.record()
}

// setText changes a label only when its text changes: at 60 frames a
// second, refreshing an unchanged label would cost a relayout each frame.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

func seconds(d time.Duration) string { return fmt.Sprintf("%g s", d.Seconds()) }

// pacerShape is the breathing circle: a faint ring shows full lungs, the
// filled circle inside it follows the breath.
type pacerShape struct {
	widget.BaseWidget
	scale float64
}

func newPacerShape() *pacerShape {
	p := &pacerShape{scale: minScale}
	p.ExtendBaseWidget(p)
	return p
}

// setScale redraws only for a change a person could see, so a frame that
// moves the circle by less than a pixel costs nothing.
func (p *pacerShape) setScale(s float64) {
	if math.Abs(s-p.scale) < 0.002 {
		return
	}
	p.scale = s
	p.Refresh()
}

// CreateRenderer draws the ring and the circle.
func (p *pacerShape) CreateRenderer() fyne.WidgetRenderer {
	r := &pacerRenderer{shape: p, ring: canvas.NewCircle(color.Transparent), fill: canvas.NewCircle(color.Transparent)}
	r.ring.StrokeWidth = 2
	r.applyTheme()
	return r
}

type pacerRenderer struct {
	shape      *pacerShape
	ring, fill *canvas.Circle
}

func (r *pacerRenderer) applyTheme() {
	r.ring.StrokeColor = theme.Color(theme.ColorNameDisabled)
	r.fill.FillColor = theme.Color(theme.ColorNamePrimary)
}

func (r *pacerRenderer) Layout(size fyne.Size) {
	d := min(size.Width, size.Height)
	place(r.ring, size, d)
	place(r.fill, size, d*float32(r.shape.scale))
}

// place centres a circle of diameter d in size.
func place(c *canvas.Circle, size fyne.Size, d float32) {
	c.Resize(fyne.NewSquareSize(d))
	c.Move(fyne.NewPos((size.Width-d)/2, (size.Height-d)/2))
}

func (r *pacerRenderer) MinSize() fyne.Size { return fyne.NewSquareSize(160) }

func (r *pacerRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.ring, r.fill} }

func (r *pacerRenderer) Refresh() {
	r.applyTheme()
	r.Layout(r.shape.Size())
	r.ring.Refresh()
	r.fill.Refresh()
}

func (r *pacerRenderer) Destroy() {}
