package ui

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/window"
)

func walkAndWater(canSkip bool) *control.Status {
	return &control.Status{Prompt: &control.PromptStatus{
		ID: 3, Title: "Movement + Hydration", Anchors: []string{"movement", "hydration"},
		Texts: []string{"Walk to the window and back.", "Drink a glass of water."}, CanSkip: canSkip,
	}}
}

// launch is one guided session the prompt window started.
type launch struct {
	window window.Verb
	prompt uint64
}

// openPrompt builds the prompt window on a fake daemon and waits for its
// first status.
func openPrompt(t *testing.T, d *fakeDaemon, launched *[]launch) (*promptView, *bool) {
	t.Helper()
	test.NewTempApp(t)
	e := testEnv(d, &fakeClock{now: start})
	e.launch = func(w window.Verb, prompt uint64) error {
		*launched = append(*launched, launch{w, prompt})
		return nil
	}
	closed := false
	v := newPromptView(e, func() { closed = true })
	w := test.NewWindow(v.view)
	t.Cleanup(w.Close)
	v.load()
	wait(t, v.settled, "the prompt window to load")
	return v, &closed
}

func labels(v *promptView) []string {
	var out []string
	for _, o := range v.buttons.Objects {
		if b, ok := o.(*widget.Button); ok {
			out = append(out, b.Text)
		}
	}
	return out
}

func tapButton(t *testing.T, v *promptView, label string) {
	t.Helper()
	for _, o := range v.buttons.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button among %v", label, labels(v))
}

func TestThePromptWindowOffersTheNotificationsAnswers(t *testing.T) {
	tests := []struct {
		name    string
		canSkip bool
		want    []string
	}{
		{"a skippable prompt with a guided anchor", true, []string{"Done", "Snooze", "Skip", "Start"}},
		{"an appointment offers no Skip", false, []string{"Done", "Snooze", "Start"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newFakeDaemon()
			d.status = walkAndWater(tc.canSkip)
			var launched []launch
			v, _ := openPrompt(t, d, &launched)
			if got := labels(v); !slices.Equal(got, tc.want) {
				t.Fatalf("buttons %v, want %v", got, tc.want)
			}
			if v.title.Text != "Movement + Hydration" || v.body.Text != "• Walk to the window and back.\n• Drink a glass of water." {
				t.Fatalf("title %q, body %q", v.title.Text, v.body.Text)
			}
		})
	}
}

func TestEachAnswerGoesToTheDaemonAsTheCommandForThePromptAndClosesTheWindow(t *testing.T) {
	tests := []struct {
		label string
		want  reminders.Command
	}{
		{"Done", reminders.Done{Prompt: 3}},
		{"Snooze", reminders.Snooze{Prompt: 3}},
		{"Skip", reminders.Skip{Prompt: 3}},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			d := newFakeDaemon()
			d.status = walkAndWater(true)
			var launched []launch
			v, closed := openPrompt(t, d, &launched)
			tapButton(t, v, tc.label)
			wait(t, v.settled, "the answer")
			if got := d.answered(); !reflect.DeepEqual(got, []reminders.Command{tc.want}) || !*closed {
				t.Fatalf("answers %#v, closed %v", got, *closed)
			}
		})
	}
}

func TestAnAnswerNamesThePromptOnTheWindowEvenAfterANewerOneCameUp(t *testing.T) {
	d := newFakeDaemon()
	d.status = walkAndWater(true)
	var launched []launch
	v, _ := openPrompt(t, d, &launched)
	newer := walkAndWater(true)
	newer.Prompt.ID = 4
	d.setStatus(newer)
	tapButton(t, v, "Done")
	wait(t, v.settled, "the answer")
	if got := d.answered(); !reflect.DeepEqual(got, []reminders.Command{reminders.Done{Prompt: 3}}) {
		t.Fatalf("answered %#v, want done for the prompt on the window, 3", got)
	}
}

func TestAnAnswerGoesOnTheWireWithItsVerbAndPromptID(t *testing.T) {
	tests := []struct {
		cmd  reminders.Command
		want control.Request
	}{
		{reminders.Done{Prompt: 3}, control.Request{Verb: control.VerbDone, Prompt: 3}},
		{reminders.Snooze{Prompt: 3}, control.Request{Verb: control.VerbSnooze, Prompt: 3}},
		{reminders.Skip{Prompt: 3}, control.Request{Verb: control.VerbSkip, Prompt: 3}},
	}
	for _, tc := range tests {
		if got, err := answerRequest(tc.cmd); err != nil || got != tc.want {
			t.Errorf("answerRequest(%#v) = %+v, %v; want %+v", tc.cmd, got, err, tc.want)
		}
	}
	if _, err := answerRequest(reminders.Resume{}); err == nil {
		t.Error("Resume went on the wire as an answer")
	}
}

func TestAnAnswerThatNamesNoPromptIsNotSent(t *testing.T) {
	// No daemon listens in dir: an answer that reached the socket would
	// fail as not running.
	err := SocketDaemon(t.TempDir()).Answer(context.Background(), reminders.Done{})
	if !errors.Is(err, errNoPromptID) {
		t.Fatalf("err %v, want %v", err, errNoPromptID)
	}
}

func TestStartOpensTheGuidedSessionOfTheFirstGuidedAnchorForThePrompt(t *testing.T) {
	d := newFakeDaemon()
	d.status = walkAndWater(true)
	var launched []launch
	v, closed := openPrompt(t, d, &launched)
	tapButton(t, v, "Start")
	if !slices.Equal(launched, []launch{{window.Move, 3}}) || !*closed {
		t.Fatalf("launched %v, closed %v", launched, *closed)
	}
}

func TestAFailedAnswerStaysOnScreenWithItsReason(t *testing.T) {
	d := newFakeDaemon()
	d.status = walkAndWater(true)
	var launched []launch
	v, closed := openPrompt(t, d, &launched)
	d.fail(errors.New("an appointment cannot be skipped"))
	tapButton(t, v, "Skip")
	wait(t, v.settled, "the failed answer")
	if *closed || v.message.Text != "Not sent: an appointment cannot be skipped" {
		t.Fatalf("closed %v, message %q", *closed, v.message.Text)
	}
}

func TestThePromptWindowSaysWhenNothingIsDueOrTheDaemonIsAway(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		title string
	}{
		{"nothing due", nil, "Nothing is due"},
		{"daemon not running", fmt.Errorf("call: %w", control.ErrNotRunning), "microrest is not running"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newFakeDaemon()
			d.status = &control.Status{}
			d.fail(tc.err)
			var launched []launch
			v, _ := openPrompt(t, d, &launched)
			if v.title.Text != tc.title || !slices.Equal(labels(v), []string{"Close"}) {
				t.Fatalf("title %q, buttons %v", v.title.Text, labels(v))
			}
		})
	}
}
