package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
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

// promptDaemon is the fake daemon that also answers prompts by id, as
// the socket daemon does, and records the ids.
type promptDaemon struct {
	*fakeDaemon
	idsMu sync.Mutex
	ids   []uint64
}

func newPromptDaemon() *promptDaemon { return &promptDaemon{fakeDaemon: newFakeDaemon()} }

func (d *promptDaemon) AnswerPrompt(ctx context.Context, verb control.Verb, id uint64) error {
	if err := d.Answer(ctx, verb); err != nil {
		return err
	}
	d.idsMu.Lock()
	defer d.idsMu.Unlock()
	d.ids = append(d.ids, id)
	return nil
}

func (d *promptDaemon) answeredIDs() []uint64 {
	d.idsMu.Lock()
	defer d.idsMu.Unlock()
	return slices.Clone(d.ids)
}

// openPrompt builds the prompt window on a fake daemon and waits for its
// first status.
func openPrompt(t *testing.T, d *promptDaemon, launched *[]string) (*promptView, *bool) {
	t.Helper()
	test.NewTempApp(t)
	e := testEnv(d.fakeDaemon, &fakeClock{now: start})
	e.daemon = d
	e.launch = func(verb string) error { *launched = append(*launched, verb); return nil }
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
			d := newPromptDaemon()
			d.status = walkAndWater(tc.canSkip)
			var launched []string
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
			d := newPromptDaemon()
			d.status = walkAndWater(true)
			var launched []string
			v, closed := openPrompt(t, d, &launched)
			label := map[control.Verb]string{control.VerbDone: "Done", control.VerbSnooze: "Snooze", control.VerbSkip: "Skip"}[verb]
			tapButton(t, v, label)
			wait(t, v.settled, "the answer")
			if got, ids := d.answered(), d.answeredIDs(); !slices.Equal(got, []control.Verb{verb}) || !slices.Equal(ids, []uint64{3}) || !*closed {
				t.Fatalf("answers %v for prompts %v, closed %v", got, ids, *closed)
			}
		})
	}
}

func TestAnAnswerNamesThePromptOnTheWindowEvenAfterANewerOneCameUp(t *testing.T) {
	d := newPromptDaemon()
	d.status = walkAndWater(true)
	var launched []string
	v, _ := openPrompt(t, d, &launched)
	newer := walkAndWater(true)
	newer.Prompt.ID = 4
	d.fakeDaemon.mu.Lock()
	d.status = newer
	d.fakeDaemon.mu.Unlock()
	tapButton(t, v, "Done")
	wait(t, v.settled, "the answer")
	if ids := d.answeredIDs(); !slices.Equal(ids, []uint64{3}) {
		t.Fatalf("answered prompts %v, want the one on the window, 3", ids)
	}
}

func TestAnAnswerThatCannotNameItsPromptIsNotSent(t *testing.T) {
	d := newFakeDaemon()
	err := answerPrompt(context.Background(), d, control.VerbDone, 3)
	if err == nil || len(d.answered()) != 0 {
		t.Fatalf("err %v, answers %v", err, d.answered())
	}
}

func TestStartOpensTheGuidedSessionOfTheFirstGuidedAnchor(t *testing.T) {
	d := newPromptDaemon()
	d.status = walkAndWater(true)
	var launched []string
	v, closed := openPrompt(t, d, &launched)
	tapButton(t, v, "Start")
	if !slices.Equal(launched, []string{"move"}) || !*closed {
		t.Fatalf("launched %v, closed %v", launched, *closed)
	}
}

func TestAFailedAnswerStaysOnScreenWithItsReason(t *testing.T) {
	d := newPromptDaemon()
	d.status = walkAndWater(true)
	var launched []string
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
			d := newPromptDaemon()
			d.status = &control.Status{}
			d.fail(tc.err)
			var launched []string
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
