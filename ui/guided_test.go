package ui

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/settings"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestThePacerBreathesInForFourAndOutForSevenSeconds(t *testing.T) {
	p := Pacer{Inhale: 4 * time.Second, Exhale: 7 * time.Second}
	if rate := p.PerMinute(); math.Abs(rate-5.4545) > 0.001 {
		t.Fatalf("rate %.4f breaths a minute, want about 5.45", rate)
	}
	for _, tc := range []struct {
		name     string
		elapsed  time.Duration
		phase    BreathPhase
		progress float64
		scale    float64
		left     time.Duration
	}{
		{"start, empty lungs", 0, Inhale, 0, minScale, 4 * time.Second},
		{"half an inhale", 2 * time.Second, Inhale, 0.5, (1 + minScale) / 2, 2 * time.Second},
		{"full lungs, the exhale begins", 4 * time.Second, Exhale, 0, 1, 7 * time.Second},
		{"half the exhale", 7500 * time.Millisecond, Exhale, 0.5, (1 + minScale) / 2, 3500 * time.Millisecond},
		{"the next breath", 11 * time.Second, Inhale, 0, minScale, 4 * time.Second},
		{"the sixth breath's exhale", 5*11*time.Second + 5*time.Second, Exhale, 1.0 / 7, 0, 6 * time.Second},
		{"a clock set back reads as the start", -time.Second, Inhale, 0, minScale, 4 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := p.At(tc.elapsed)
			if b.Phase != tc.phase || !near(b.Progress, tc.progress) || b.Left != tc.left {
				t.Fatalf("At(%v) = %+v; want %v at %.3f with %v left", tc.elapsed, b, tc.phase, tc.progress, tc.left)
			}
			if tc.scale != 0 && !near(b.Scale, tc.scale) {
				t.Fatalf("scale %.4f, want %.4f", b.Scale, tc.scale)
			}
		})
	}
}

func TestThePacerShapeGrowsOnTheInhaleAndShrinksOnTheExhale(t *testing.T) {
	p := Pacer{Inhale: 3 * time.Second, Exhale: 5 * time.Second}
	prev := p.At(0).Scale
	for ms := 100; ms < 8000; ms += 100 {
		b := p.At(time.Duration(ms) * time.Millisecond)
		grew := b.Scale > prev
		if b.Progress > 0 && (b.Phase == Inhale) != grew {
			t.Fatalf("at %dms (%v) the scale went from %.3f to %.3f", ms, b.Phase, prev, b.Scale)
		}
		if b.Scale < minScale || b.Scale > 1 {
			t.Fatalf("scale %.3f out of range at %dms", b.Scale, ms)
		}
		prev = b.Scale
	}
}

func TestTheBreatheWindowFollowsTheClockAndRecordsDoneAtTheEnd(t *testing.T) {
	test.NewTempApp(t)
	clock := &fakeClock{now: start}
	d := newFakeDaemon()
	v := newBreatheView(testEnv(d, clock), breathFor(settings.BreathCalm, time.Minute), func() {})
	w := test.NewWindow(v.view)
	defer w.Close()
	for _, tc := range []struct {
		at   time.Duration
		cue  string
		left string
	}{
		{2 * time.Second, "Breathe in", "0:58 left"},
		{5 * time.Second, "Breathe out", "0:55 left"},
		{13 * time.Second, "Breathe in", "0:47 left"},
	} {
		clock.now = start.Add(tc.at)
		v.timer.step()
		if v.cue.Text != tc.cue || v.left.Text != tc.left || math.Abs(v.shape.scale-v.session.breathing.Pacer.At(tc.at).Scale) > 0.002 {
			t.Fatalf("at %v: %q, %q, scale %.3f", tc.at, v.cue.Text, v.left.Text, v.shape.scale)
		}
	}
	if len(d.recorded()) != 0 {
		t.Fatal("recorded before the end")
	}
	clock.now = start.Add(time.Minute)
	v.timer.step()
	wait(t, v.rec.settled, "the Done reply")
	if got := d.recorded(); !slices.Equal(got, []doneCall{{kind: settings.Breath}}) {
		t.Fatalf("recorded %v, want one breath", got)
	}
	if !strings.HasPrefix(v.rec.status.Text, "Well done") || v.cue.Text != "Finished" {
		t.Fatalf("after the end: %q, %q", v.cue.Text, v.rec.status.Text)
	}
	v.timer.step()
	if len(d.recorded()) != 1 {
		t.Fatal("a finished session recorded twice")
	}
}

func TestAWinIsNeverLostSilentlyWhenTheDaemonIsNotRunning(t *testing.T) {
	test.NewTempApp(t)
	clock := &fakeClock{now: start}
	d := newFakeDaemon()
	d.fail(control.ErrNotRunning)
	closed := false
	v := newBreatheView(testEnv(d, clock), breathFor(settings.BreathCalm, time.Minute), func() { closed = true })
	w := test.NewWindow(v.view)
	defer w.Close()
	clock.advance(20 * time.Second)
	test.Tap(v.finish)
	wait(t, v.rec.settled, "the failed Done")
	if !strings.Contains(v.rec.status.Text, "Not recorded: microrest is not running") || !v.rec.retry.Visible() {
		t.Fatalf("status %q, retry visible %v", v.rec.status.Text, v.rec.retry.Visible())
	}
	d.fail(nil)
	test.Tap(v.rec.retry)
	wait(t, v.rec.settled, "the retried Done")
	if len(d.recorded()) != 1 || v.rec.retry.Visible() {
		t.Fatalf("retry recorded %v", d.recorded())
	}
	test.Tap(v.rec.close)
	if !closed {
		t.Fatal("Close did not close the window")
	}
}

func TestTheRoutineSplitsThePracticeOverTheMovesAndEndsOnTime(t *testing.T) {
	r := Routine(Mobility(), 2*time.Minute)
	var names []string
	var at time.Duration
	for _, m := range r {
		if m.Start != at || m.Length <= 0 {
			t.Fatalf("%s starts at %v for %v; want a positive length from %v", m.Name, m.Start, m.Length, at)
		}
		at += m.Length
		names = append(names, m.Name)
	}
	if at != 2*time.Minute {
		t.Fatalf("routine lasts %v", at)
	}
	if got := strings.Join(names, ", "); got != "Ankle circles, Leg swings, Hip openers, Neck mobility, A short walk" {
		t.Fatalf("moves %s", got)
	}
	for _, tc := range []struct {
		elapsed time.Duration
		move    int
		left    time.Duration
	}{
		{0, 0, r[0].Length},
		{r[1].Start + time.Second, 1, r[1].Length - time.Second},
		{2 * time.Minute, 4, 0},
	} {
		if i, left := MoveAt(r, tc.elapsed); i != tc.move || left != tc.left {
			t.Errorf("MoveAt(%v) = %d, %v; want %d, %v", tc.elapsed, i, left, tc.move, tc.left)
		}
	}
}

func TestTheMoveWindowCountsDownEachMoveAndRecordsMovement(t *testing.T) {
	test.NewTempApp(t)
	clock := &fakeClock{now: start}
	d := newFakeDaemon()
	v := newMoveView(testEnv(d, clock), 2*time.Minute, func() {})
	w := test.NewWindow(v.view)
	defer w.Close()
	if v.name.Text != "Ankle circles" || v.count.Text != "0:20" || v.next.Text != "Next: Leg swings" {
		t.Fatalf("at the start: %q %q %q", v.name.Text, v.count.Text, v.next.Text)
	}
	clock.advance(25 * time.Second)
	v.timer.step()
	if v.step.Text != "Move 2 of 5" || v.name.Text != "Leg swings" || v.count.Text != "0:15" {
		t.Fatalf("at 25s: %q %q %q", v.step.Text, v.name.Text, v.count.Text)
	}
	clock.advance(2 * time.Minute)
	v.timer.step()
	wait(t, v.rec.settled, "the Done reply")
	if got := d.recorded(); !slices.Equal(got, []doneCall{{kind: settings.Movement}}) {
		t.Fatalf("recorded %v", got)
	}
}

func TestPostureDoneWaitsForEveryCheckThenRecordsPosture(t *testing.T) {
	test.NewTempApp(t)
	d := newFakeDaemon()
	v := newPostureView(testEnv(d, &fakeClock{now: start}), func() {})
	w := test.NewWindow(v.view)
	defer w.Close()
	w.Resize(postureSize)
	for i, c := range v.checks {
		if !v.finish.Disabled() {
			t.Fatalf("Done enabled with %d of %d checks", i, len(v.checks))
		}
		test.Tap(c)
	}
	if v.finish.Disabled() {
		t.Fatal("Done disabled with every check ticked")
	}
	test.Tap(v.finish)
	wait(t, v.rec.settled, "the Done reply")
	if got := d.recorded(); !slices.Equal(got, []doneCall{{kind: settings.Posture}}) {
		t.Fatalf("recorded %v", got)
	}
}

// finishPostureFromPrompt runs a posture session started from prompt
// 3 to its end: every check ticked, then Done.
func finishPostureFromPrompt(t *testing.T, d *fakeDaemon) *postureView {
	t.Helper()
	test.NewTempApp(t)
	e := testEnv(d, &fakeClock{now: start})
	e.prompt = 3
	v := newPostureView(e, func() {})
	w := test.NewWindow(v.view)
	t.Cleanup(w.Close)
	for _, c := range v.checks {
		test.Tap(c)
	}
	test.Tap(v.finish)
	return v
}

func TestASessionStartedFromAPromptAnswersThatPromptsAnchor(t *testing.T) {
	d := newFakeDaemon()
	v := finishPostureFromPrompt(t, d)
	wait(t, v.rec.settled, "the Done reply")
	if got := d.recorded(); !slices.Equal(got, []doneCall{{kind: settings.Posture, prompt: 3}}) {
		t.Fatalf("recorded %v, want posture for prompt 3", got)
	}
}

func TestAWinRefusedForItsPromptIsRecordedOnItsOwnOnTryAgain(t *testing.T) {
	d := newFakeDaemon()
	d.fail(errors.New("that prompt was already answered"))
	v := finishPostureFromPrompt(t, d)
	wait(t, v.rec.settled, "the refused Done")
	if !strings.HasPrefix(v.rec.status.Text, "Not recorded for its prompt: that prompt was already answered.") || !v.rec.retry.Visible() {
		t.Fatalf("status %q, retry visible %v", v.rec.status.Text, v.rec.retry.Visible())
	}
	d.fail(nil)
	test.Tap(v.rec.retry)
	wait(t, v.rec.settled, "the retried Done")
	if got := d.recorded(); !slices.Equal(got, []doneCall{{kind: settings.Posture}}) {
		t.Fatalf("retry recorded %v, want posture on its own", got)
	}
}

func TestTheGuidedWindowsRenderAsRecorded(t *testing.T) {
	test.NewTempApp(t)
	clock := &fakeClock{now: start}
	e := testEnv(newFakeDaemon(), clock)
	calm := newBreatheView(e, breathFor(settings.BreathCalm, time.Minute), func() {})
	sleep := newBreatheView(e, breathFor(settings.BreathSleep, time.Minute), func() {})
	controlled := newBreatheView(e, breathFor(settings.BreathControlled, time.Minute), func() {})
	move := newMoveView(e, 2*time.Minute, func() {})
	posture := newPostureView(e, func() {})
	clock.advance(2 * time.Second)
	for _, v := range []*guided{calm.guided, sleep.guided, controlled.guided, move.guided} {
		v.timer.step()
	}
	for _, tc := range []struct {
		golden string
		view   fyne.CanvasObject
		size   fyne.Size
	}{
		{"breathe.xml", calm.view, breatheSize},
		{"breathe_sleep.xml", sleep.view, breatheSize},
		{"breathe_controlled.xml", controlled.view, breatheSize},
		{"move.xml", move.view, moveSize},
		{"posture.xml", posture.view, postureSize},
	} {
		w := test.NewWindow(tc.view)
		w.Resize(tc.size)
		test.AssertRendersToMarkup(t, tc.golden, w.Canvas())
		w.Close()
	}
}

// breathFor is a breathing session of the breath anchor in mode m at the
// default pace.
func breathFor(m settings.BreathMode, length time.Duration) breathSession {
	return breathSession{anchor: settings.Breath, breathing: BreathingFor(settings.Defaults().Breathing, m), length: length}
}

func TestEachBreathingPatternKeepsItsRateAndRatioOnTheClock(t *testing.T) {
	paces := settings.Breathing{
		Calm:       settings.Pace{Rate: 5, ExhaleRatio: 1.5},
		Sleep:      settings.Pace{Rate: 4, ExhaleRatio: 2},
		Controlled: settings.Pace{Rate: 8, ExhaleRatio: 1},
	}
	for _, tc := range []struct {
		mode           settings.BreathMode
		inhale, exhale time.Duration
		title, words   string
	}{
		{settings.BreathCalm, 4800 * time.Millisecond, 7200 * time.Millisecond, "Calm breathing", "long exhale through the mouth"},
		{settings.BreathSleep, 5 * time.Second, 10 * time.Second, "Breathing for sleep", "winding down"},
		{settings.BreathControlled, 3750 * time.Millisecond, 3750 * time.Millisecond, "Controlled breathing", "without overbreathing"},
	} {
		t.Run(tc.mode.String(), func(t *testing.T) {
			b := BreathingFor(paces, tc.mode)
			if b.Pacer.Inhale != tc.inhale || b.Pacer.Exhale != tc.exhale {
				t.Fatalf("pacer %+v, want in %v, out %v", b.Pacer, tc.inhale, tc.exhale)
			}
			if rate := b.Pacer.PerMinute(); !near(rate, paces.Of(tc.mode).Rate) {
				t.Fatalf("%.3f breaths a minute, want %g", rate, paces.Of(tc.mode).Rate)
			}
			if b.Title() != tc.title || !strings.Contains(b.Words(), tc.words) {
				t.Fatalf("shows %q: %q", b.Title(), b.Words())
			}
			clock := &fakeClock{now: start}
			test.NewTempApp(t)
			v := newBreatheView(testEnv(newFakeDaemon(), clock), breathSession{anchor: settings.Breath, breathing: b, length: time.Minute}, func() {})
			w := test.NewWindow(v.view)
			defer w.Close()
			period := tc.inhale + tc.exhale
			for _, step := range []struct {
				at  time.Duration
				cue string
			}{
				{tc.inhale - 100*time.Millisecond, "Breathe in"},
				{tc.inhale + 100*time.Millisecond, "Breathe out"},
				{period - 100*time.Millisecond, "Breathe out"},
				{period + 100*time.Millisecond, "Breathe in"},
			} {
				clock.now = start.Add(step.at)
				v.timer.step()
				if v.cue.Text != step.cue {
					t.Fatalf("at %v the cue is %q, want %q", step.at, v.cue.Text, step.cue)
				}
			}
		})
	}
}

func TestABreathingSessionFitsThePromptItWasStartedFromAndTheDay(t *testing.T) {
	controlled := settings.BreathControlled
	windDown := &control.Status{Prompt: &control.PromptStatus{ID: 4, Anchors: []string{"wind-down"}}}
	both := &control.Status{Prompt: &control.PromptStatus{ID: 4, Anchors: []string{"wind-down", "breath"}}}
	hardDay := &control.Status{Day: &control.DayStatus{Type: "hard", Breathing: "controlled"}}
	hardEvening := &control.Status{Prompt: windDown.Prompt, Day: hardDay.Day}
	oldDaemon := &control.Status{Day: &control.DayStatus{Type: "hard"}}
	for _, tc := range []struct {
		name   string
		asked  *settings.BreathMode
		prompt uint64
		st     *control.Status
		anchor settings.Kind
		mode   settings.BreathMode
	}{
		{"no daemon: calm", nil, 0, nil, settings.Breath, settings.BreathCalm},
		{"the day's pattern", nil, 0, hardDay, settings.Breath, settings.BreathControlled},
		{"a daemon that names no pattern: calm", nil, 0, oldDaemon, settings.Breath, settings.BreathCalm},
		{"the pattern asked for wins over the day's", &controlled, 0, &control.Status{Day: &control.DayStatus{Breathing: "sleep"}}, settings.Breath, settings.BreathControlled},
		{"from the wind-down prompt it breathes for sleep", nil, 4, windDown, settings.WindDown, settings.BreathSleep},
		{"even on a hard day", nil, 4, hardEvening, settings.WindDown, settings.BreathSleep},
		{"a pattern asked for wins on the wind-down too", &controlled, 4, windDown, settings.WindDown, settings.BreathControlled},
		{"a prompt that offers breath records breath", nil, 4, both, settings.Breath, settings.BreathCalm},
		{"a prompt no longer on screen is not read", nil, 5, windDown, settings.Breath, settings.BreathCalm},
		{"a session on its own does not answer the prompt on screen", nil, 0, windDown, settings.Breath, settings.BreathCalm},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if k, m := breathPlan(tc.asked, tc.prompt, tc.st); k != tc.anchor || m != tc.mode {
				t.Fatalf("breathPlan = %v, %v; want %v, %v", k, m, tc.anchor, tc.mode)
			}
		})
	}
}

func TestTheWindDownSessionRecordsTheWindDownForItsPrompt(t *testing.T) {
	test.NewTempApp(t)
	d := newFakeDaemon()
	d.setStatus(&control.Status{Prompt: &control.PromptStatus{ID: 6, Anchors: []string{"wind-down"}}})
	clock := &fakeClock{now: start}
	e := testEnv(d, clock)
	e.prompt = 6
	k, mode := breathPlan(nil, e.prompt, daemonStatus(e))
	v := newBreatheView(e, breathSession{anchor: k, breathing: BreathingFor(settings.Defaults().Breathing, mode), length: time.Minute}, func() {})
	w := test.NewWindow(v.view)
	defer w.Close()
	test.Tap(v.finish)
	wait(t, v.rec.settled, "the Done reply")
	if got := d.recorded(); !slices.Equal(got, []doneCall{{kind: settings.WindDown, prompt: 6}}) || mode != settings.BreathSleep {
		t.Fatalf("recorded %v in %v, want the wind-down for prompt 6, breathing for sleep", got, mode)
	}
}
