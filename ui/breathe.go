package ui

import (
	"context"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/window"
)

// breatheView is the guided breathing session: the pattern's name and
// words, a circle that grows on the inhale and shrinks on the exhale, the
// cue, and the time left.
type breatheView struct {
	*guided
	session breathSession
	shape   *pacerShape
	cue     *widget.Label
	left    *widget.Label
	view    fyne.CanvasObject
}

// breathSession is what a breathing session is: the anchor it records,
// the pattern it follows and how long it lasts.
type breathSession struct {
	anchor    settings.Kind
	breathing Breathing
	length    time.Duration
}

func showBreathe(w fyne.Window, opts Options, e env) {
	s := e.loaded.Settings
	k, mode := breathPlan(opts.Mode, e.prompt, daemonStatus(e))
	v := newBreatheView(e, breathSession{anchor: k, breathing: BreathingFor(s.Breathing, mode), length: s.Anchors.Of(k).Practice.D()}, w.Close)
	v.show(w, v.view, breatheSize)
}

// breatheSize fits the circle above the pattern's words.
var breatheSize = fyne.NewSize(420, 600)

// statusWait bounds the look at the daemon's status before a breathing
// session shows: a daemon that does not answer at once only costs the
// session today's pattern.
const statusWait = time.Second

// daemonStatus is the daemon's status, nil when it does not answer.
func daemonStatus(e env) *control.Status {
	ctx, cancel := context.WithTimeout(context.Background(), statusWait)
	defer cancel()
	st, err := e.daemon.Status(ctx)
	if err != nil {
		return nil
	}
	return st
}

// breathPlan decides which anchor a breathing session records and which
// pattern it follows. A session started from the wind-down prompt (one
// that does not offer the breath anchor) records the wind-down and
// breathes for sleep; a pattern asked for on the command line wins over
// that, and the rest follow the daemon's pattern for today, or calm, the
// everyday one, when it does not say.
func breathPlan(asked *settings.BreathMode, prompt uint64, st *control.Status) (settings.Kind, settings.BreathMode) {
	k := settings.Breath
	if st != nil && st.Prompt != nil && prompt != 0 && st.Prompt.ID == prompt &&
		offers(st.Prompt, settings.WindDown) && !offers(st.Prompt, settings.Breath) {
		k = settings.WindDown
	}
	switch {
	case asked != nil:
		return k, *asked
	case window.ModeFor(k) != nil:
		return k, *window.ModeFor(k)
	}
	var today settings.BreathMode
	if st != nil && st.Day != nil && today.UnmarshalText([]byte(st.Day.Breathing)) == nil {
		return k, today
	}
	return k, settings.BreathCalm
}

func offers(p *control.PromptStatus, k settings.Kind) bool {
	return slices.Contains(p.Anchors, k.String())
}

func newBreatheView(e env, s breathSession, closeWindow func()) *breatheView {
	v := &breatheView{session: s, shape: newPacerShape()}
	v.guided = newTimed(e, s.anchor, s.length, v.draw, func() { setText(v.cue, i18n.T("ui.guided.finished")) }, closeWindow)
	title := widget.NewLabelWithStyle(s.breathing.Title(), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	v.cue = widget.NewLabel(Inhale.Cue())
	v.cue.SizeName = theme.SizeNameHeadingText
	v.cue.Alignment = fyne.TextAlignCenter
	v.left = widget.NewLabel("")
	v.left.Alignment = fyne.TextAlignCenter
	words, rate := wrapped(s.breathing.Words()), wrapped(s.breathing.Rate())
	words.Alignment, rate.Alignment = fyne.TextAlignCenter, fyne.TextAlignCenter
	top := newVBox(title, v.cue, v.left)
	bottom := newVBox(append([]fyne.CanvasObject{words, rate}, v.controls()...)...)
	v.view = container.NewPadded(container.NewBorder(top, bottom, nil, nil, v.shape))
	v.draw(0)
	return v
}

func (v *breatheView) draw(elapsed time.Duration) {
	b := v.session.breathing.Pacer.At(elapsed)
	v.shape.setScale(b.Scale)
	setText(v.cue, b.Phase.Cue())
	setText(v.left, i18n.T("ui.guided.left", map[string]any{"Time": mmss(v.session.length - elapsed)}))
}

// seconds writes a phase's length to a tenth of a second: "5.5 s".
func seconds(d time.Duration) string {
	n := strings.Replace(strconv.FormatFloat(math.Round(d.Seconds()*10)/10, 'g', -1, 64), ".", i18n.T("ui.decimal_mark"), 1)
	return i18n.T("ui.breathe.seconds", map[string]any{"Seconds": n})
}

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
