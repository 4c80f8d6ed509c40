package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/window"
)

// promptView is the small, non-modal prompt window: what a notification's
// click opens, and what an ignored prompt escalates to when the settings
// ask for it. It offers the notification's answers and closes once one
// is given; it never blocks the screen.
type promptView struct {
	e       env
	close   func()
	title   *widget.Label
	body    *widget.Label
	message *widget.Label
	buttons *fyne.Container
	view    fyne.CanvasObject
	// shown is the id of the prompt on the window, which a guided session
	// started from it answers.
	shown uint64
	// settled receives after each reply is shown; tests wait on it.
	settled chan struct{}
}

// promptSize is small: the window sits beside the work, not over it.
var promptSize = fyne.NewSize(420, 240)

func showPrompt(w fyne.Window, e env) {
	v := newPromptView(e, w.Close)
	w.SetContent(v.view)
	w.Resize(promptSize)
	v.load()
}

func newPromptView(e env, closeWindow func()) *promptView {
	v := &promptView{e: e, close: closeWindow, settled: make(chan struct{}, 4)}
	v.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.body, v.message = wrapped(""), wrapped("")
	v.buttons = container.NewHBox()
	v.view = container.NewPadded(container.NewBorder(v.title, v.buttons, nil, nil, newVBox(v.body, v.message)))
	return v
}

// load asks the daemon what is on screen.
func (v *promptView) load() {
	go func() {
		st, err := v.e.daemon.Status(context.Background())
		fyne.Do(func() { v.showStatus(st, err) })
	}()
}

func (v *promptView) showStatus(st *control.Status, err error) {
	defer v.settle()
	switch {
	case errors.Is(err, control.ErrNotRunning):
		v.only(i18n.T("ui.prompt.not_running"), i18n.T("ui.prompt.not_running_body"))
		return
	case err != nil:
		v.only(i18n.T("ui.prompt.no_answer"), err.Error())
		return
	case st.Prompt == nil:
		v.only(i18n.T("ui.prompt.nothing_due"), i18n.T("ui.prompt.nothing_due_body"))
		return
	}
	p := st.Prompt
	v.shown = p.ID
	v.title.SetText(p.Title)
	v.body.SetText("• " + strings.Join(p.Texts, "\n• "))
	v.setButtons(promptButtons(p, v))
}

// only shows a message and a Close button.
func (v *promptView) only(title, body string) {
	v.title.SetText(title)
	v.body.SetText(body)
	v.setButtons([]*widget.Button{widget.NewButton(i18n.T("ui.close"), v.close)})
}

func (v *promptView) setButtons(bs []*widget.Button) {
	v.buttons.RemoveAll()
	v.buttons.Add(layout.NewSpacer())
	for _, b := range bs {
		v.buttons.Add(b)
	}
}

// promptButtons offers Done, Snooze, Skip (not for appointments) and
// Start where an anchor on the prompt has a guided session. Each answer is
// the engine's command for the prompt the window shows, so a window left
// open cannot answer a newer prompt it never showed.
func promptButtons(p *control.PromptStatus, v *promptView) []*widget.Button {
	done := widget.NewButton(i18n.T("answer.done"), func() { v.answer(reminders.Done{Prompt: p.ID}) })
	done.Importance = widget.HighImportance
	bs := []*widget.Button{done, widget.NewButton(i18n.T("answer.snooze"), func() { v.answer(reminders.Snooze{Prompt: p.ID}) })}
	if p.CanSkip {
		bs = append(bs, widget.NewButton(i18n.T("answer.skip"), func() { v.answer(reminders.Skip{Prompt: p.ID}) }))
	}
	if w, ok := guidedFor(p.Anchors); ok {
		bs = append(bs, widget.NewButton(i18n.T("notify.start"), func() { v.start(w) }))
	}
	return bs
}

// guidedFor is the window of the first guided session among the anchors
// the status names.
func guidedFor(anchors []string) (window.Verb, bool) {
	for _, a := range anchors {
		if k, err := settings.ParseKind(a); err == nil {
			if w, ok := window.For(k); ok {
				return w, true
			}
		}
	}
	return 0, false
}

func (v *promptView) answer(cmd reminders.Command) {
	v.message.SetText(i18n.T("ui.sending"))
	go func() {
		err := v.e.daemon.Answer(context.Background(), cmd)
		fyne.Do(func() { v.answered(err) })
	}()
}

func (v *promptView) answered(err error) {
	defer v.settle()
	if err != nil {
		v.message.SetText(i18n.T("ui.not_sent", map[string]any{"Error": err.Error()}))
		return
	}
	v.close()
}

// start opens the guided session and hands it this prompt's id, so the
// session answers this prompt's anchor when it ends.
func (v *promptView) start(w window.Verb) {
	if err := v.e.launch(w, v.shown); err != nil {
		v.message.SetText(i18n.T("ui.prompt.start_failed", map[string]any{"Window": w.String(), "Error": err.Error()}))
		v.settle()
		return
	}
	v.close()
}

func (v *promptView) settle() {
	select {
	case v.settled <- struct{}{}:
	default:
	}
}

// launchWindow starts another UI process of this binary; a guided
// session gets the prompt's id, so finishing it answers that prompt.
func launchWindow(w window.Verb, prompt uint64) error { return window.Launch(w, prompt) }
