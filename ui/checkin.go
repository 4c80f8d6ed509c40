package ui

import (
	"context"
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// checkinScale is one question of the check-in; its words at the ends of
// its 1 to 5 scale make a number mean the same thing every day.
type checkinScale struct {
	item reminders.CheckinItem
}

// checkinScales are the check-in's questions in the order they are asked.
// Higher is better except for stiffness, as reminders reads them.
var checkinScales = []checkinScale{{reminders.Stiffness}, {reminders.Mood}, {reminders.Energy}, {reminders.SleepQuality}}

// low is what 1 means: "loose".
func (s checkinScale) low() string {
	switch s.item {
	case reminders.Stiffness:
		return i18n.T("ui.checkin.stiffness_low")
	case reminders.Mood:
		return i18n.T("ui.checkin.mood_low")
	case reminders.Energy:
		return i18n.T("ui.checkin.energy_low")
	}
	return i18n.T("ui.checkin.sleep_low")
}

// high is what 5 means: "very stiff".
func (s checkinScale) high() string {
	switch s.item {
	case reminders.Stiffness:
		return i18n.T("ui.checkin.stiffness_high")
	case reminders.Mood:
		return i18n.T("ui.checkin.mood_high")
	case reminders.Energy:
		return i18n.T("ui.checkin.energy_high")
	}
	return i18n.T("ui.checkin.sleep_high")
}

// checkinView is the daily check-in: four 1 to 5 scales and today's
// training load, each of which may be left unanswered, and Send. It
// closes once the daemon has the answers and says why not otherwise.
type checkinView struct {
	e       env
	close   func()
	scales  []*widget.RadioGroup
	load    *widget.RadioGroup
	message *widget.Label
	send    *widget.Button
	view    fyne.CanvasObject
	// settled receives after each reply is shown; tests wait on it.
	settled chan struct{}
}

// checkinSize fits the four scales and the training load.
var checkinSize = fyne.NewSize(640, 440)

func showCheckin(w fyne.Window, e env) {
	v := newCheckinView(e, w.Close)
	w.SetContent(v.view)
	w.Resize(checkinSize)
}

func newCheckinView(e env, closeWindow func()) *checkinView {
	v := &checkinView{e: e, close: closeWindow, message: wrapped(""), settled: make(chan struct{}, 4)}
	heading := widget.NewLabel(i18n.T("notify.checkin.summary"))
	heading.SizeName = theme.SizeNameHeadingText
	form := container.New(columnsLayout{columns: 4})
	for _, s := range checkinScales {
		scale := newRadioRow([]string{"1", "2", "3", "4", "5"})
		v.scales = append(v.scales, scale)
		form.Add(boldLabel(itemName(s.item)))
		form.Add(widget.NewLabelWithStyle(s.low(), fyne.TextAlignTrailing, fyne.TextStyle{}))
		form.Add(scale)
		form.Add(widget.NewLabel(s.high()))
	}
	v.load = newRadioRow(loadChoices())
	form.Add(boldLabel(i18n.T("ui.checkin.training")))
	form.Add(layout.NewSpacer())
	form.Add(v.load)
	form.Add(layout.NewSpacer())
	hint := wrapped(i18n.T("ui.checkin.hint"))
	v.send = widget.NewButton(i18n.T("ui.checkin.send"), v.sendCheckin)
	v.send.Importance = widget.HighImportance
	buttons := container.NewHBox(layout.NewSpacer(), widget.NewButton(i18n.T("ui.close"), closeWindow), v.send)
	v.view = container.NewPadded(container.NewBorder(heading, newVBox(v.message, buttons), nil, nil, newVBox(form, hint)))
	return v
}

func boldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// columnsLayout places objects in rows of columns, each column as wide as
// its widest cell, so the scales line up whatever the words at their ends.
type columnsLayout struct{ columns int }

func (t columnsLayout) sizes(objects []fyne.CanvasObject) (widths, heights []float32) {
	widths = make([]float32, t.columns)
	heights = make([]float32, (len(objects)+t.columns-1)/t.columns)
	for i, o := range objects {
		m := o.MinSize()
		widths[i%t.columns] = max(widths[i%t.columns], m.Width)
		heights[i/t.columns] = max(heights[i/t.columns], m.Height)
	}
	return widths, heights
}

// Layout places each cell at its column's and row's start.
func (t columnsLayout) Layout(objects []fyne.CanvasObject, _ fyne.Size) {
	widths, heights := t.sizes(objects)
	pad := theme.Padding()
	var y float32
	for row, h := range heights {
		var x float32
		for col, w := range widths {
			if i := row*t.columns + col; i < len(objects) {
				objects[i].Move(fyne.NewPos(x, y))
				objects[i].Resize(fyne.NewSize(w, h))
			}
			x += w + pad
		}
		y += h + pad
	}
}

// MinSize is the columns and rows with padding between.
func (t columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	widths, heights := t.sizes(objects)
	pad := theme.Padding()
	var size fyne.Size
	for _, w := range widths {
		size.Width += w + pad
	}
	for _, h := range heights {
		size.Height += h + pad
	}
	return fyne.NewSize(max(size.Width-pad, 0), max(size.Height-pad, 0))
}

// newRadioRow is a row of answers of which at most one is chosen; tapping
// the chosen one again clears it.
func newRadioRow(options []string) *widget.RadioGroup {
	r := widget.NewRadioGroup(options, nil)
	r.Horizontal = true
	return r
}

// loadChoices are the training loads as the window offers them.
func loadChoices() []string {
	out := make([]string, len(settings.Loads))
	for i, l := range settings.Loads {
		out[i] = loadName(l)
	}
	return out
}

// checkin reads the answers: an item left unanswered is 0, an unchosen
// load LoadUnset.
func (v *checkinView) checkin() reminders.Checkin {
	var c reminders.Checkin
	answer := map[reminders.CheckinItem]*int{
		reminders.Stiffness: &c.Stiffness, reminders.Mood: &c.Mood,
		reminders.Energy: &c.Energy, reminders.SleepQuality: &c.SleepQuality,
	}
	for i, scale := range v.scales {
		*answer[checkinScales[i].item], _ = strconv.Atoi(scale.Selected)
	}
	for i, choice := range loadChoices() {
		if v.load.Selected == choice {
			c.Load = settings.Loads[i]
		}
	}
	return c
}

func (v *checkinView) sendCheckin() {
	c := v.checkin()
	v.message.SetText(i18n.T("ui.sending"))
	v.send.Disable()
	go func() {
		err := v.e.daemon.Checkin(context.Background(), c)
		fyne.Do(func() { v.sent(err) })
	}()
}

func (v *checkinView) sent(err error) {
	defer v.settle()
	v.send.Enable()
	switch {
	case err == nil:
		v.close()
	case errors.Is(err, control.ErrNotRunning):
		v.message.SetText(i18n.T("ui.checkin.not_running"))
	default:
		v.message.SetText(i18n.T("ui.not_sent", map[string]any{"Error": err.Error()}))
	}
}

func (v *checkinView) settle() {
	select {
	case v.settled <- struct{}{}:
	default:
	}
}
