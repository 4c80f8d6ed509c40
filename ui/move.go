package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
)

// Move is one step of the mobility routine.
type Move struct {
	Name string
	Cue  string
	// share is the move's part of the practice length, in relative units:
	// the walk and the hips get more time than the ankles.
	share int
}

// Mobility is the routine the move window guides, in the process's
// language: joints from the ground up after sitting, then a short walk
// to get the blood going.
func Mobility() []Move {
	return []Move{
		{Name: i18n.T("ui.move.ankles"), Cue: i18n.T("ui.move.ankles_cue"), share: 2},
		{Name: i18n.T("ui.move.legs"), Cue: i18n.T("ui.move.legs_cue"), share: 2},
		{Name: i18n.T("ui.move.hips"), Cue: i18n.T("ui.move.hips_cue"), share: 3},
		{Name: i18n.T("ui.move.neck"), Cue: i18n.T("ui.move.neck_cue"), share: 2},
		{Name: i18n.T("ui.move.walk"), Cue: i18n.T("ui.move.walk_cue"), share: 3},
	}
}

// TimedMove is a move placed in the session.
type TimedMove struct {
	Move
	Start, Length time.Duration
}

// Routine splits total over the moves by their shares, in whole seconds;
// the last move takes the rounding so the routine ends on time.
func Routine(moves []Move, total time.Duration) []TimedMove {
	sum := 0
	for _, m := range moves {
		sum += m.share
	}
	out := make([]TimedMove, len(moves))
	var at time.Duration
	for i, m := range moves {
		length := (total * time.Duration(m.share) / time.Duration(max(sum, 1))).Round(time.Second)
		if i == len(moves)-1 {
			length = total - at
		}
		out[i] = TimedMove{Move: m, Start: at, Length: length}
		at += length
	}
	return out
}

// MoveAt returns which move runs elapsed into the routine and how long it
// has left; past the end it is the last move with nothing left.
func MoveAt(r []TimedMove, elapsed time.Duration) (int, time.Duration) {
	for i, m := range r {
		if elapsed < m.Start+m.Length {
			return i, m.Start + m.Length - elapsed
		}
	}
	return len(r) - 1, 0
}

// moveView is the guided mobility session: the move, its cue, a countdown
// for it, and what comes next.
type moveView struct {
	*guided
	routine []TimedMove
	length  time.Duration
	step    *widget.Label
	name    *widget.Label
	cue     *widget.Label
	count   *widget.Label
	next    *widget.Label
	bar     *widget.ProgressBar
	view    fyne.CanvasObject
}

// moveSize fits a move's cue and the countdown.
var moveSize = fyne.NewSize(440, 420)

func showMove(w fyne.Window, opts Options, e env) {
	v := newMoveView(e, e.loaded.Settings.Anchors.Movement.Practice.D(), w.Close)
	v.show(w, v.view, moveSize)
}

func newMoveView(e env, length time.Duration, closeWindow func()) *moveView {
	v := &moveView{routine: Routine(Mobility(), length), length: length}
	v.guided = newTimed(e, settings.Movement, length, v.draw, func() { setText(v.step, i18n.T("ui.guided.finished")) }, closeWindow)
	v.step = widget.NewLabel("")
	v.name = widget.NewLabel("")
	v.name.SizeName = theme.SizeNameHeadingText
	v.cue = wrapped("")
	v.count = widget.NewLabel("")
	v.count.SizeName = theme.SizeNameHeadingText
	v.count.Alignment = fyne.TextAlignCenter
	v.next = wrapped("")
	v.bar = widget.NewProgressBar()
	v.bar.TextFormatter = func() string {
		return i18n.T("ui.move.left_in_all", map[string]any{"Time": mmss(v.length - time.Duration(v.bar.Value*float64(v.length)))})
	}
	v.view = container.NewPadded(newVBox(append([]fyne.CanvasObject{v.step, v.name, v.cue, v.count, v.next, v.bar}, v.controls()...)...))
	v.draw(0)
	return v
}

func (v *moveView) draw(elapsed time.Duration) {
	i, left := MoveAt(v.routine, elapsed)
	m := v.routine[i]
	setText(v.step, i18n.T("ui.move.step", map[string]any{"Number": i + 1, "Of": len(v.routine)}))
	setText(v.name, m.Name)
	setText(v.cue, m.Cue)
	setText(v.count, mmss(left))
	next := i18n.T("ui.move.last")
	if i+1 < len(v.routine) {
		next = i18n.T("ui.move.next", map[string]any{"Move": v.routine[i+1].Name})
	}
	setText(v.next, next)
	if v.length > 0 {
		if value := float64(elapsed.Truncate(time.Second)) / float64(v.length); value != v.bar.Value {
			v.bar.SetValue(value)
		}
	}
}
