package reminders

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

// desk is a fake activity monitor, notifier and journal in one.
type desk struct {
	mu      sync.Mutex
	shown   []uint64
	closed  []uint64
	entries []Record
	// checkins and checkinsClosed count the check-in notifications.
	checkins, checkinsClosed int
	// reviews are the weeks whose review was offered.
	reviews []time.Time
}

func (d *desk) Sample(now time.Time) (Sample, error) { return Sample{Now: now}, nil }

func (d *desk) Show(p Prompt) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.shown = append(d.shown, p.ID)
	return nil
}

func (d *desk) Close(id uint64) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closed = append(d.closed, id)
	return nil
}

func (d *desk) Append(en Record) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.entries = append(d.entries, en)
	return nil
}

func (d *desk) AppendCheckin(Checkin) error { return nil }

func (d *desk) AppendWake(time.Time) error { return nil }

func (d *desk) ShowReview(week time.Time) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.reviews = append(d.reviews, week)
	return nil
}

func (d *desk) ShowCheckin(time.Time) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.checkins++
	return nil
}

func (d *desk) CloseCheckin() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.checkinsClosed++
	return nil
}

func (d *desk) counts() (shown, closed, entries int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.shown), len(d.closed), len(d.entries)
}

func TestRunLoopPromptsJournalsAndSaves(t *testing.T) {
	clock := newFakeClock(tuesday(9, 0))
	d := &desk{}
	path := t.TempDir() + "/state.json"
	e := New(only(settings.Posture), State{}, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, Activity: d, Journal: d, Notifier: d, StatePath: path})
	snaps := r.Subscribe()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error)
	go func() { done <- r.Run(ctx) }()

	wakes := 0
	for shown, _, _ := d.counts(); shown == 0; shown, _, _ = d.counts() {
		if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
			t.Fatalf("after %d wakes: %v", wakes, err)
		}
		clock.Advance(DefaultSampleEvery)
		wakes++
		if wakes > 200 {
			t.Fatal("no prompt after 200 wakes")
		}
	}
	if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if snap, err := r.Snapshot(ctx); err != nil || snap.Prompt == nil || !snap.Prompt.Has(settings.Posture) {
		t.Fatalf("snapshot with the prompt on screen: %+v, %v", snap.Prompt, err)
	}
	if err := r.Do(ctx, Done{}); err != nil {
		t.Fatal(err)
	}
	if snap, err := r.Snapshot(ctx); err != nil || snap.Prompt != nil || snap.Anchors[settings.Posture].TodayWins != 1 {
		t.Fatalf("snapshot right after Done: prompt %+v, wins %d, %v", snap.Prompt, snap.Anchors[settings.Posture].TodayWins, err)
	}
	if shown, closed, entries := d.counts(); shown != 1 || closed != 1 || entries != 1 {
		t.Fatalf("shown %d, closed %d, journaled %d", shown, closed, entries)
	}
	if wakes > 30*4+1 {
		t.Errorf("%d wakes for 30 minutes: more than one per %s", wakes, DefaultSampleEvery)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return")
	}
	st, err := LoadState(path)
	if err != nil || st.NextID != 1 || len(st.Anchors) != len(settings.Kinds) {
		t.Fatalf("saved state %+v, %v", st, err)
	}
	if snap := <-snaps; snap.Prompt != nil || !snap.Anchors[settings.Posture].Enabled {
		t.Errorf("last snapshot: %+v", snap)
	}
}

func TestNextWake(t *testing.T) {
	tests := []struct {
		name string
		cfg  settings.Settings
		act  func(s *sim)
		want time.Time
	}{
		{"the next interval, if the person stays", only(settings.Posture), func(s *sim) { s.work(10 * minute) }, tuesday(9, 30)},
		{"a clock time before it", withClock(only(settings.Posture), settings.Clock(9, 20)), func(s *sim) { s.work(10 * minute) }, tuesday(9, 20)},
		{"the end of a pause holding a due prompt", only(settings.Posture), func(s *sim) {
			s.do(Pause{Until: tuesday(9, 40)})
			s.work(31 * minute)
		}, tuesday(9, 40)},
		{"auto-done while away", only(settings.Posture), func(s *sim) {
			s.work(30 * minute)
			s.lock(10 * time.Second)
		}, tuesday(9, 30).Add(30 * time.Second)},
		{"the rollover when nothing else is on", only(), func(s *sim) { s.work(minute) }, day(2026, time.March, 11, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, tt.cfg, tuesday(9, 0))
			tt.act(s)
			if got := s.e.NextWake(s.now); !got.Equal(tt.want) {
				t.Errorf("next wake %s, want %s", got.In(berlin), tt.want)
			}
		})
	}
}

func withClock(cfg settings.Settings, c settings.ClockTime) settings.Settings {
	cfg.Anchors.Movement.Enabled = true
	cfg.Anchors.Movement.Every = 0
	cfg.Anchors.Movement.At = []settings.ClockTime{c}
	return cfg
}

// BenchmarkSimulate30Days simulates a month of one-second samples with all
// anchors on, answering every prompt.
func BenchmarkSimulate30Days(b *testing.B) {
	cfg := settings.Defaults()
	start := tuesday(0, 0)
	for b.Loop() {
		e := New(cfg, State{}, Options{Location: berlin})
		now, idle := start, time.Duration(0)
		for i := range 30 * 24 * 3600 {
			now = now.Add(time.Second)
			idle = simulatedIdle(i, idle)
			for _, ev := range e.Step(Sample{Now: now, Idle: idle}) {
				if _, ok := ev.(PromptShown); ok {
					if _, err := e.Do(now, Done{}); err != nil {
						b.Fatal(err)
					}
				}
			}
		}
	}
}

// simulatedIdle models a day: input every few seconds from 08:00 to 18:00
// with a lunch hour, nobody at night.
func simulatedIdle(second int, idle time.Duration) time.Duration {
	h := second % (24 * 3600) / 3600
	if h < 8 || h >= 18 || h == 12 || second%7 == 0 {
		return idle + time.Second
	}
	return 0
}

// lockedButBroken is an activity monitor whose idle reading fails while
// its lock source says the screen is locked.
type lockedButBroken struct {
	mu      sync.Mutex
	samples int
}

func (l *lockedButBroken) Sample(now time.Time) (Sample, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.samples++
	return Sample{Now: now, Locked: true}, errors.New("idle source went away")
}

func (l *lockedButBroken) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.samples
}

func TestAWakeSamplesAtOnceAndAFailedIdleReadingKeepsTheLock(t *testing.T) {
	clock := newFakeClock(tuesday(9, 0))
	act := &lockedButBroken{}
	wake := make(chan struct{}, 1)
	e := New(only(settings.Posture), State{}, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, Activity: act, Wake: wake, Note: func(Note) {}})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- r.Run(ctx) }()
	defer func() { cancel(); <-done }()

	if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	before := act.count()
	wake <- struct{}{}
	if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for act.count() == before && time.Now().Before(deadline) {
		runtime.Gosched()
	}
	if act.count() != before+1 {
		t.Fatalf("a wake made %d samples, want 1", act.count()-before)
	}
	snap, err := r.Snapshot(ctx)
	if err != nil || !snap.Away {
		t.Fatalf("a locked screen with a failing idle source must read as away: away=%v err=%v", snap.Away, err)
	}
}

// scripted answers samples with a list of errors, nil for a good reading.
type scripted struct{ errs []error }

func (s *scripted) Sample(now time.Time) (Sample, error) {
	err := s.errs[0]
	s.errs = s.errs[1:]
	return Sample{Now: now}, err
}

func TestAFailingActivitySourceIsLoggedOncePerFailureAndOnRecovery(t *testing.T) {
	gone, other := errors.New("the compositor's connection ended"), errors.New("timeout")
	act := &scripted{errs: []error{gone, gone, gone, other, nil, nil, gone}}
	var notes []Note
	r := NewRunner(New(only(settings.Posture), State{}, Options{Location: berlin}), Config{
		Clock: newFakeClock(tuesday(9, 0)), Activity: act,
		Note: func(n Note) { notes = append(notes, n) },
	})
	for range 7 {
		r.sample(tuesday(9, 0))
	}
	want := []Note{{Kind: NoteActivityFailed, Err: gone}, {Kind: NoteActivityFailed, Err: other}, {Kind: NoteActivityBack}, {Kind: NoteActivityFailed, Err: gone}}
	if len(notes) != len(want) {
		t.Fatalf("gave %d notes, want %d: %v", len(notes), len(want), notes)
	}
	for i, w := range want {
		if notes[i] != w {
			t.Errorf("note %d is %v, want %v", i+1, notes[i], w)
		}
	}
	if notes[2].Recovery() != true || notes[0].Recovery() {
		t.Errorf("a failure and a recovery are told apart wrongly: %v, %v", notes[0], notes[2])
	}
}

func TestTheLoopSleepsLongerAtTheDeskThanAway(t *testing.T) {
	now := tuesday(9, 0)
	e := New(only(settings.Posture), State{}, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: newFakeClock(now)})
	e.Step(Sample{Now: now})
	e.Step(Sample{Now: now.Add(10 * time.Second)})
	if got := r.sleep(now.Add(10 * time.Second)); got != DefaultActiveSampleEvery {
		t.Fatalf("at the desk the loop sleeps %v, want %v", got, DefaultActiveSampleEvery)
	}
	e.Step(Sample{Now: now.Add(20 * time.Second), Locked: true})
	if got := r.sleep(now.Add(20 * time.Second)); got != DefaultSampleEvery {
		t.Fatalf("away the loop sleeps %v, want %v to notice a return soon", got, DefaultSampleEvery)
	}
}

func TestDoNotDisturbIsReadBeforeEachStepSoNoPromptSlipsThrough(t *testing.T) {
	clock := newFakeClock(tuesday(9, 0))
	d := &desk{}
	var mu sync.Mutex
	quiet := true
	isQuiet := func() bool { mu.Lock(); defer mu.Unlock(); return quiet }
	e := New(only(settings.Posture), State{}, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, Activity: d, Notifier: d, Quiet: isQuiet})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- r.Run(ctx) }()
	defer func() { cancel(); <-done }()
	for range 45 * 60 / 15 {
		if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
			t.Fatal(err)
		}
		clock.Advance(DefaultSampleEvery)
	}
	if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if shown, _, _ := d.counts(); shown != 0 {
		t.Fatalf("%d prompts shown during do-not-disturb", shown)
	}
	if snap, err := r.Snapshot(ctx); err != nil || !snap.DND || !snap.Anchors[settings.Posture].Due {
		t.Fatalf("snapshot during DND: dnd %v, posture due %v, %v", snap.DND, snap.Anchors[settings.Posture].Due, err)
	}
	mu.Lock()
	quiet = false
	mu.Unlock()
	for shown, _, _ := d.counts(); shown == 0; shown, _, _ = d.counts() {
		if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
			t.Fatal(err)
		}
		clock.Advance(DefaultSampleEvery)
	}
}

func TestAwayTheLoopSkipsSavesThatWouldOnlyMoveTheLastSample(t *testing.T) {
	clock := newFakeClock(tuesday(9, 0))
	path := t.TempDir() + "/state.json"
	e := New(only(settings.Posture), State{}, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, StatePath: path})
	sampleFor := func(d time.Duration, s Sample) {
		for end := clock.Now().Add(d); clock.Now().Before(end); {
			clock.Advance(DefaultSampleEvery)
			s.Now = clock.Now()
			e.Step(s)
			r.persist(s.Now, false)
		}
	}
	saved := func() time.Time {
		st, err := LoadState(path)
		if err != nil {
			t.Fatal(err)
		}
		return st.Saved
	}
	sampleFor(5*time.Minute, Sample{})
	sampleFor(2*time.Minute, Sample{Locked: true})
	left := saved()
	sampleFor(30*time.Minute, Sample{Locked: true})
	if got := saved(); !got.Equal(left) {
		t.Fatalf("30 minutes away moved the saved state from %v to %v, though only the last sample changed", left, got)
	}
	r.persist(clock.Now(), true)
	if got := saved(); !got.Equal(clock.Now()) {
		t.Fatalf("a forced save while away wrote %v, want %v", got, clock.Now())
	}
	sampleFor(2*time.Minute, Sample{})
	if got := saved(); clock.Now().Sub(got) > saveEvery {
		t.Fatalf("back at the desk the state was last saved at %v, more than %v before %v", got, saveEvery, clock.Now())
	}
}

// alarmed is an activity source that wakes the loop itself when the
// person leaves or comes back, as Mutter's watches and X11's SYNC alarms
// do; it counts the samples taken.
type alarmed struct {
	mu      sync.Mutex
	locked  bool
	samples int
}

func (a *alarmed) Sample(now time.Time) (Sample, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.samples++
	return Sample{Now: now, Locked: a.locked}, nil
}

func (a *alarmed) EventDriven() bool { return true }

func (a *alarmed) set(locked bool) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.locked = locked
	return a.samples
}

func TestAwayTheLoopSleepsLongWhenTheSourceWakesItAtTheReturn(t *testing.T) {
	clock := newFakeClock(tuesday(9, 0))
	act := &alarmed{locked: true}
	wake := make(chan struct{}, 1)
	e := New(only(settings.Posture), State{}, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, Activity: act, Wake: wake})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- r.Run(ctx) }()
	defer func() { cancel(); <-done }()

	for range 30 * time.Minute / DefaultSampleEvery {
		if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
			t.Fatal(err)
		}
		clock.Advance(DefaultSampleEvery)
	}
	if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	before := act.set(false)
	// Polled, it would be 120; the engine's own decisions (natural breaks
	// completing) add a few to one every DefaultAwaySampleEvery.
	if before > 10 {
		t.Fatalf("%d samples in 30 minutes away, want at most 10", before)
	}
	wake <- struct{}{}
	deadline := time.Now().Add(5 * time.Second)
	for act.set(false) == before && time.Now().Before(deadline) {
		runtime.Gosched()
	}
	if snap, err := r.Snapshot(ctx); err != nil || snap.Away {
		t.Fatalf("the wake at the return was not sampled at once: away=%v err=%v", snap.Away, err)
	}
}

func TestAwayTheLoopStillPollsASourceThatCannotWakeIt(t *testing.T) {
	now := tuesday(9, 0)
	e := New(only(settings.Movement), State{}, Options{Location: berlin})
	polled := NewRunner(e, Config{Clock: newFakeClock(now), Activity: &desk{}, Wake: make(chan struct{})})
	alarms := NewRunner(e, Config{Clock: newFakeClock(now), Activity: &alarmed{}, Wake: make(chan struct{})})
	e.Step(Sample{Now: now})
	e.Step(Sample{Now: now.Add(10 * time.Second), Locked: true})
	at := now.Add(20 * time.Second)
	if got := polled.sleep(at); got != DefaultSampleEvery {
		t.Fatalf("a polled source away: the loop sleeps %v, want %v to notice a return", got, DefaultSampleEvery)
	}
	// Movement's natural break (3 minutes from the last input) is the
	// engine's next decision, well inside DefaultAwaySampleEvery.
	if got, want := alarms.sleep(at), 3*time.Minute-10*time.Second; got != want {
		t.Fatalf("an alarmed source away: the loop sleeps %v, want %v, until the natural break completes", got, want)
	}
}
