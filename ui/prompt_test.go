package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/settings"
)

func walkAndWater(canSkip bool) *control.Status {
	return &control.Status{Prompt: &control.PromptStatus{
		ID: 3, Title: "Movement + Hydration", Anchors: []string{"movement", "hydration"},
		Texts: []string{"Walk to the window and back.", "Drink a glass of water."}, CanSkip: canSkip,
	}}
}

// launch is one guided session the prompt window started.
type launch struct {
	verb   string
	prompt uint64
}

// openPrompt builds the prompt window on a fake daemon and waits for its
// first status.
func openPrompt(t *testing.T, d *fakeDaemon, launched *[]launch) (*promptView, *bool) {
	t.Helper()
	test.NewTempApp(t)
	e := testEnv(d, &fakeClock{now: start})
	e.launch = func(verb string, prompt uint64) error {
		*launched = append(*launched, launch{verb, prompt})
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

func TestEachAnswerGoesToTheDaemonWithThePromptIDAndClosesTheWindow(t *testing.T) {
	for _, verb := range []control.Verb{control.VerbDone, control.VerbSnooze, control.VerbSkip} {
		t.Run(string(verb), func(t *testing.T) {
			d := newFakeDaemon()
			d.status = walkAndWater(true)
			var launched []launch
			v, closed := openPrompt(t, d, &launched)
			label := map[control.Verb]string{control.VerbDone: "Done", control.VerbSnooze: "Snooze", control.VerbSkip: "Skip"}[verb]
			tapButton(t, v, label)
			wait(t, v.settled, "the answer")
			if got := d.answered(); !slices.Equal(got, []answer{{verb, 3}}) || !*closed {
				t.Fatalf("answers %v, closed %v", got, *closed)
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
	if got := d.answered(); !slices.Equal(got, []answer{{control.VerbDone, 3}}) {
		t.Fatalf("answered %v, want the prompt on the window, 3", got)
	}
}

func TestAnAnswerThatNamesNoPromptIsNotSent(t *testing.T) {
	// No daemon listens in dir: an answer that reached the socket would
	// fail as not running.
	err := SocketDaemon(t.TempDir()).Answer(context.Background(), control.VerbDone, 0)
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
	if !slices.Equal(launched, []launch{{"move", 3}}) || !*closed {
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

func TestEveryGuidedSessionHasAWindow(t *testing.T) {
	names := map[string]bool{}
	for _, w := range Windows {
		names[w.String()] = true
	}
	for _, k := range settings.Kinds {
		if s := k.Session(); s != "" && !names[s] {
			t.Errorf("%s's session %q has no window", k, s)
		}
	}
}
