package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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

// Mobility is the routine the move window guides: joints from the ground
// up after sitting, then a short walk to get the blood going.
var Mobility = []Move{
	{Name: "Ankle circles", Cue: "Lift one foot; ten slow circles each way. Then the other foot.", share: 2},
	{Name: "Leg swings", Cue: "Hold the desk; ten easy swings front to back on each leg.", share: 2},
	{Name: "Hip openers", Cue: "Three slow lunges each side; hold each for two breaths.", share: 3},
	{Name: "Neck mobility", Cue: "Slow half-circles, ear to shoulder, five each way. No full rolls.", share: 2},
	{Name: "A short walk", Cue: "Down the hall and back, or up a flight of stairs.", share: 3},
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

func showMove(w fyne.Window, opts Options, e env) {
	v := newMoveView(e, readSettings(opts.SettingsPath).Anchors.Movement.Practice.D(), w.Close)
	v.show(w, v.view, fyne.NewSize(440, 420))
}

func newMoveView(e env, length time.Duration, closeWindow func()) *moveView {
	v := &moveView{routine: Routine(Mobility, length), length: length}
	v.guided = newTimed(e, settings.Movement, length, v.draw, func() { setText(v.step, "Finished") }, closeWindow)
	v.step = widget.NewLabel("")
	v.name = widget.NewLabel("")
	v.name.SizeName = theme.SizeNameHeadingText
	v.cue = wrapped("")
	v.count = widget.NewLabel("")
	v.count.SizeName = theme.SizeNameHeadingText
	v.count.Alignment = fyne.TextAlignCenter
	v.next = wrapped("")
	v.bar = widget.NewProgressBar()
	v.bar.TextFormatter = func() string { return mmss(v.length-time.Duration(v.bar.Value*float64(v.length))) + " left in all" }
	v.view = container.NewPadded(newVBox(append([]fyne.CanvasObject{v.step, v.name, v.cue, v.count, v.next, v.bar}, v.controls()...)...))
	v.draw(0)
	return v
}

func (v *moveView) draw(elapsed time.Duration) {
	i, left := MoveAt(v.routine, elapsed)
	m := v.routine[i]
	setText(v.step, fmt.Sprintf("Move %d of %d", i+1, len(v.routine)))
	setText(v.name, m.Name)
	setText(v.cue, m.Cue)
	setText(v.count, mmss(left))
	next := "Last one."
	if i+1 < len(v.routine) {
		next = "Next: " + v.routine[i+1].Name
	}
	setText(v.next, next)
	if v.length > 0 {
		if value := float64(elapsed.Truncate(time.Second)) / float64(v.length); value != v.bar.Value {
			v.bar.SetValue(value)
		}
	}
}
