package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
)

// PostureChecks are the posture reset in the process's language, top to
// bottom of the desk and the body; the last one is for the next time
// something is lifted.
func PostureChecks() []string {
	return []string{
		i18n.T("ui.posture.monitor"),
		i18n.T("ui.posture.spine"),
		i18n.T("ui.posture.chin"),
		i18n.T("ui.posture.shoulders"),
		i18n.T("ui.posture.jaw"),
		i18n.T("ui.posture.lift"),
	}
}

// postureView is the posture checklist: each check ticked off in turn,
// then Done records the win. It has no timer; a reset takes as long as
// it takes.
type postureView struct {
	*guided
	checks []*widget.Check
	view   fyne.CanvasObject
}

// postureSize fits the checklist.
var postureSize = fyne.NewSize(560, 420)

func showPosture(w fyne.Window, _ Options, e env) {
	v := newPostureView(e, w.Close)
	v.show(w, v.view, postureSize)
}

func newPostureView(e env, closeWindow func()) *postureView {
	v := &postureView{}
	v.guided = newUntimed(e, settings.Posture, v.lock, closeWindow)
	list := newVBox(wrapped(i18n.T("ui.posture.intro")))
	for _, text := range PostureChecks() {
		c := widget.NewCheck(text, func(bool) { v.update() })
		v.checks = append(v.checks, c)
		list.Add(c)
	}
	v.view = container.NewPadded(container.NewBorder(nil, newVBox(v.controls()...), nil, nil, container.NewVScroll(list)))
	return v
}

// update enables Done once every check is ticked.
func (v *postureView) update() {
	for _, c := range v.checks {
		if !c.Checked {
			v.finish.Disable()
			return
		}
	}
	v.finish.Enable()
}

// lock keeps a recorded reset as it was.
func (v *postureView) lock() {
	for _, c := range v.checks {
		c.Disable()
	}
}
