package reminders

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

// flakyJournal refuses appends while full is set, as a full disk does.
type flakyJournal struct {
	mu       sync.Mutex
	full     bool
	entries  []Record
	checkins []Checkin
	wakes    []time.Time
	order    []string
}

func (j *flakyJournal) AppendCheckin(c Checkin) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.full {
		return errDiskFull
	}
	j.checkins = append(j.checkins, c)
	j.order = append(j.order, "checkin")
	return nil
}

func (j *flakyJournal) AppendWake(t time.Time) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.full {
		return errDiskFull
	}
	j.wakes = append(j.wakes, t)
	j.order = append(j.order, "wake")
	return nil
}

var errDiskFull = errors.New("journal /tmp/j is not writable: no space left on device")

func (j *flakyJournal) Append(en Record) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.full {
		return errDiskFull
	}
	j.entries = append(j.entries, en)
	j.order = append(j.order, en.Anchor.String()+" "+en.Outcome.String())
	return nil
}

func (j *flakyJournal) set(full bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.full = full
}

func (j *flakyJournal) anchors() []string {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []string
	for _, en := range j.entries {
		out = append(out, en.Anchor.String()+" "+en.Outcome.String())
	}
	return out
}

// startRunner runs r on clock until the test ends.
func startRunner(t *testing.T, r *Runner, clock *fakeClock) context.Context {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- r.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// runSamples lets r take n samples on clock and waits until it has
// handled them.
func runSamples(t *testing.T, ctx context.Context, r *Runner, clock *fakeClock, n int) {
	t.Helper()
	for range n {
		clock.Advance(DefaultSampleEvery)
		if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.Snapshot(ctx); err != nil {
		t.Fatal(err)
	}
}

func takeAndAnswer(ctx context.Context, r *Runner, k settings.Kind) error {
	if err := r.Do(ctx, TakeNow{Anchor: k}); err != nil {
		return err
	}
	return r.Do(ctx, Done{})
}

func TestAnAnswerTheJournalRefusesIsAnErrorAndIsWrittenInOrderLater(t *testing.T) {
	clock := newFakeClock(tuesday(9, 0))
	j := &flakyJournal{}
	path := t.TempDir() + "/state.json"
	e := New(only(settings.Posture, settings.Hydration), State{}, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, Journal: j, StatePath: path, Note: func(Note) {}})
	ctx := startRunner(t, r, clock)

	if err := takeAndAnswer(ctx, r, settings.Posture); err != nil {
		t.Fatal(err)
	}
	j.set(true)
	err := takeAndAnswer(ctx, r, settings.Hydration)
	if !errors.Is(err, errDiskFull) || !strings.Contains(err.Error(), "kept") {
		t.Fatalf("an answer the journal refused replied %v, want the journal's error and that it is kept", err)
	}
	if err := r.Do(ctx, Done{Anchors: []settings.Kind{settings.Posture}}); !errors.Is(err, errDiskFull) {
		t.Fatalf("a second refused answer replied %v", err)
	}
	snap, err := r.Snapshot(ctx)
	if err != nil || !strings.Contains(snap.JournalError, "no space left") || snap.Unjournaled != 2 {
		t.Fatalf("snapshot says journal error %q with %d waiting, %v", snap.JournalError, snap.Unjournaled, err)
	}
	st, err := LoadState(path)
	if err != nil || len(st.Pending) != 2 {
		t.Fatalf("the state file keeps %d waiting outcomes (%v), want 2", len(st.Pending), err)
	}
	if snap.Anchors[settings.Hydration].TodayWins != 1 {
		t.Errorf("a kept answer still counts today: hydration wins %d", snap.Anchors[settings.Hydration].TodayWins)
	}

	j.set(false)
	if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	clock.Advance(DefaultActiveSampleEvery)
	if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	snap, _ = r.Snapshot(ctx)
	equal(t, "journal after the disk accepts again", j.anchors(), []string{"posture done", "hydration done", "posture done"})
	if snap.JournalError != "" || snap.Unjournaled != 0 {
		t.Errorf("after recovery the snapshot still says %q, %d waiting", snap.JournalError, snap.Unjournaled)
	}
}

func TestOutcomesLeftWaitingByALastRunAreWrittenFirst(t *testing.T) {
	clock := newFakeClock(tuesday(9, 0))
	j := &flakyJournal{}
	left := []Record{{Time: tuesday(8, 30), Anchor: settings.Rest, Outcome: OutcomeDone}}
	e := New(only(settings.Posture), State{}, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, Journal: j, Pending: left})
	ctx := startRunner(t, r, clock)
	if err := takeAndAnswer(ctx, r, settings.Posture); err != nil {
		t.Fatal(err)
	}
	equal(t, "journal", j.anchors(), []string{"rest done", "posture done"})
}

func TestEveryCommandIsSavedAtOnce(t *testing.T) {
	clock := newFakeClock(tuesday(9, 0))
	path := t.TempDir() + "/state.json"
	e := New(only(settings.Posture), State{}, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, Journal: &flakyJournal{}, StatePath: path})
	ctx := startRunner(t, r, clock)
	for i := 1; i <= 3; i++ {
		if err := r.Do(ctx, Done{Anchors: []settings.Kind{settings.Posture}}); err != nil {
			t.Fatal(err)
		}
		st, err := LoadState(path)
		if err != nil || st.Anchors[settings.Posture].Wins != i {
			t.Fatalf("after %d answers within the same second the state file holds %d wins (%v)", i, st.Anchors[settings.Posture].Wins, err)
		}
	}
}

// sleeper is an activity monitor that reports a sleep once told to.
type sleeper struct {
	mu     sync.Mutex
	asleep bool
}

func (s *sleeper) Sample(now time.Time) (Sample, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Sample{Now: now, Asleep: s.asleep}, nil
}

func TestTheLoopSavesBeforeItLetsTheMachineSleep(t *testing.T) {
	clock := newFakeClock(tuesday(9, 0))
	path := t.TempDir() + "/state.json"
	act := &sleeper{}
	wake := make(chan struct{}, 1)
	ready := make(chan State, 4)
	e := New(only(settings.Posture), State{}, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, Activity: act, Wake: wake, StatePath: path, SleepReady: func() {
		st, _ := LoadState(path)
		ready <- st
	}})
	ctx := startRunner(t, r, clock)
	clock.Advance(10 * time.Minute) // one late sample; the state was saved before it
	if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	act.mu.Lock()
	act.asleep = true
	act.mu.Unlock()
	wake <- struct{}{}
	select {
	case st := <-ready:
		if !st.Saved.Equal(clock.Now()) {
			t.Fatalf("sleep allowed with a state saved at %v, want the sleep's sample at %v", st.Saved, clock.Now())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the loop never let the machine sleep")
	}
	wake <- struct{}{}
	if _, err := r.Snapshot(ctx); err != nil {
		t.Fatal(err)
	}
	if len(ready) != 0 {
		t.Fatal("one sleep was let go twice")
	}
}

// desktop is an activity monitor that reads idle time from the wall
// clock, as X11 and Mutter do: time asleep shows as idle.
type desktop struct {
	mu        sync.Mutex
	lastInput time.Time
}

func (d *desktop) touch(now time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.lastInput = now
}

func (d *desktop) Sample(now time.Time) (Sample, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return Sample{Now: now, Idle: max(0, now.Sub(d.lastInput))}, nil
}

func TestALaptopSuspendedOverLunchIsOneNaturalBreakAndNoPromptOnReturn(t *testing.T) {
	clock := newFakeClock(tuesday(11, 0))
	act := &desktop{}
	act.touch(clock.Now())
	wake := make(chan struct{}, 1)
	j := &flakyJournal{}
	n := &desk{}
	e := New(only(settings.Movement), State{}, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, Activity: act, Journal: j, Notifier: n, Wake: wake})
	ctx := startRunner(t, r, clock)
	work := func(d time.Duration) {
		for end := clock.Now().Add(d); clock.Now().Before(end); {
			clock.Advance(DefaultSampleEvery)
			act.touch(clock.Now())
			if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
				t.Fatal(err)
			}
		}
	}
	work(50 * time.Minute)
	// The lid closes: the wall moves an hour, the monotonic clock 5 s.
	clock.Suspend(time.Hour, 5*time.Second)
	act.touch(clock.Now())
	wake <- struct{}{} // logind's PrepareForSleep(false)
	if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	work(15 * time.Minute)
	if _, err := r.Snapshot(ctx); err != nil {
		t.Fatal(err)
	}
	equal(t, "journal", j.anchors(), []string{"movement natural"})
	if shown, _, _ := n.counts(); shown != 0 {
		t.Fatalf("%d prompts in the first quarter hour after an hour asleep", shown)
	}
}

func TestTodaysWinsComeFromTheRecordNotAStaleStateFile(t *testing.T) {
	now := tuesday(9, 0)
	var asked time.Time
	record := func(dayStart time.Time) (map[settings.Kind]int, bool) {
		asked = dayStart
		return map[settings.Kind]int{settings.Movement: 3}, true
	}
	stale := State{Version: stateVersion, Saved: now.Add(-time.Minute), DayStart: tuesday(4, 0),
		Anchors: []AnchorState{{Kind: settings.Movement, Wins: 1}, {Kind: settings.Posture, Wins: 2}}}
	e := New(only(settings.Movement, settings.Posture), stale, Options{Location: berlin, TodayWins: record})
	snap := e.Snapshot(now)
	if !asked.Equal(tuesday(4, 0)) {
		t.Errorf("the record was asked from %v, want the day's start", asked)
	}
	if got := []int{snap.Anchors[settings.Movement].TodayWins, snap.Anchors[settings.Posture].TodayWins}; got[0] != 3 || got[1] != 0 {
		t.Fatalf("today's wins %v, want the record's [3 0]", got)
	}
	unreadable := func(time.Time) (map[settings.Kind]int, bool) { return nil, false }
	e = New(only(settings.Movement), stale, Options{Location: berlin, TodayWins: unreadable})
	if w := e.Snapshot(now).Anchors[settings.Movement].TodayWins; w != 1 {
		t.Fatalf("with no readable record the saved wins stay: %d, want 1", w)
	}
}

func TestACheckinTheJournalRefusesIsKeptWithTheOutcomesAndWrittenInOrder(t *testing.T) {
	clock := newFakeClock(tuesday(9, 0))
	j := &flakyJournal{full: true}
	path := t.TempDir() + "/state.json"
	e := New(only(settings.Posture), State{}, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, Journal: j, StatePath: path, Note: func(Note) {}})
	ctx := startRunner(t, r, clock)
	if err := takeAndAnswer(ctx, r, settings.Posture); !errors.Is(err, errDiskFull) {
		t.Fatalf("a refused outcome replied %v", err)
	}
	err := r.Do(ctx, AnswerCheckin{Checkin: Checkin{Mood: 2, Energy: 2}})
	if !errors.Is(err, errDiskFull) || !strings.Contains(err.Error(), "kept") {
		t.Fatalf("a refused check-in replied %v, want the journal's error and that it is kept", err)
	}
	st, err := LoadState(path)
	if err != nil || len(st.Pending) != 1 || len(st.PendingCheckins) != 1 || st.PendingCheckins[0].Mood != 2 ||
		len(st.PendingWakes) != 1 || !st.PendingWakes[0].Equal(tuesday(9, 0)) {
		t.Fatalf("state keeps %d outcomes, %+v and wakes %v (%v), want one of each", len(st.Pending), st.PendingCheckins, st.PendingWakes, err)
	}
	if snap, _ := r.Snapshot(ctx); snap.Unjournaled != 3 {
		t.Fatalf("snapshot counts %d waiting lines, want 3", snap.Unjournaled)
	}
	j.set(false)
	if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	clock.Advance(DefaultActiveSampleEvery)
	if err := clock.AwaitTimers(1, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Snapshot(ctx); err != nil {
		t.Fatal(err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	equal(t, "journal order", j.order, []string{"wake", "posture done", "checkin"})
}

func TestCheckinsLeftWaitingByALastRunAreWritten(t *testing.T) {
	clock := newFakeClock(tuesday(9, 0))
	j := &flakyJournal{}
	left := []Checkin{{Time: tuesday(8, 55), Stiffness: 3}}
	e := New(only(settings.Posture), State{}, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, Journal: j, PendingCheckins: left})
	ctx := startRunner(t, r, clock)
	if _, err := r.Snapshot(ctx); err != nil {
		t.Fatal(err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.checkins) != 1 || j.checkins[0].Stiffness != 3 {
		t.Fatalf("journal got %+v, want the waiting check-in", j.checkins)
	}
}

func TestTheCheckinIsAskedOnScreenOnceAndTakenOffWhenAnswered(t *testing.T) {
	clock := newFakeClock(tuesday(9, 0))
	d := &desk{}
	j := &flakyJournal{}
	e := New(only(settings.Posture), State{}, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, Activity: d, Journal: j, Notifier: d})
	ctx := startRunner(t, r, clock)
	runSamples(t, ctx, r, clock, 4)
	d.mu.Lock()
	asked := d.checkins
	d.mu.Unlock()
	if asked != 1 {
		t.Fatalf("the check-in was put on screen %d times in the first minute, want once", asked)
	}
	if err := r.Do(ctx, AnswerCheckin{Checkin: Checkin{Mood: 4, Load: settings.LoadHard}}); err != nil {
		t.Fatal(err)
	}
	d.mu.Lock()
	closed := d.checkinsClosed
	d.mu.Unlock()
	j.mu.Lock()
	written := len(j.checkins)
	j.mu.Unlock()
	if closed != 1 || written != 1 {
		t.Fatalf("after the answer: %d check-in notifications closed, %d check-ins journaled; want 1 and 1", closed, written)
	}
}

func TestWakesLeftWaitingByALastRunAreWrittenFirst(t *testing.T) {
	clock := newFakeClock(tuesday(9, 0))
	j := &flakyJournal{}
	left := []time.Time{tuesday(7, 58)}
	st := State{Version: stateVersion, Saved: tuesday(8, 30), DayStart: tuesday(4, 0), WokeAt: tuesday(7, 58)}
	e := New(only(settings.Posture), st, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, Journal: j, PendingWakes: left})
	ctx := startRunner(t, r, clock)
	if err := takeAndAnswer(ctx, r, settings.Posture); err != nil {
		t.Fatal(err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	equal(t, "journal order", j.order, []string{"wake", "posture done"})
	if len(j.wakes) != 1 || !j.wakes[0].Equal(tuesday(7, 58)) {
		t.Fatalf("wakes written %v, want the waiting one only: the day had woken", j.wakes)
	}
}

func TestTheWeeklyReviewIsOfferedOnScreenOnce(t *testing.T) {
	monday := day(2026, time.March, 9, 9, 0)
	clock := newFakeClock(monday)
	d := &desk{}
	st := State{Version: stateVersion, Saved: monday.Add(-time.Hour), DayStart: day(2026, time.March, 9, 4, 0)}
	e := New(only(settings.Posture), st, Options{Location: berlin})
	r := NewRunner(e, Config{Clock: clock, Activity: d, Journal: d, Notifier: d})
	ctx := startRunner(t, r, clock)
	runSamples(t, ctx, r, clock, 4)
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.reviews) != 1 || !d.reviews[0].Equal(day(2026, time.March, 9, 4, 0)) {
		t.Fatalf("reviews offered %v, want this Monday's once", d.reviews)
	}
}

func TestARefusingJournalIsNotedOnceAndItsOldestLineDroppedWhenTheQueueIsFull(t *testing.T) {
	j := &flakyJournal{full: true}
	var notes []Note
	r := NewRunner(New(only(settings.Posture), State{}, Options{Location: berlin}), Config{
		Clock: newFakeClock(tuesday(9, 0)), Journal: j,
		Note: func(n Note) { notes = append(notes, n) },
	})
	first := Record{Time: tuesday(9, 0), Anchor: settings.Posture, Outcome: OutcomeDone}
	for i := range MaxPending + 1 {
		rec := first
		rec.Time = rec.Time.Add(time.Duration(i) * time.Second)
		r.queue(journalLine{record: rec})
		_ = r.flush()
	}
	want := []Note{
		{Kind: NoteJournalRefused, Err: errDiskFull, Count: 1},
		{Kind: NoteJournalDropped, Count: MaxPending, Event: Journaled{Record: first}},
	}
	if len(notes) != len(want) {
		t.Fatalf("gave %d notes, want %d (once for the refusal, once for the drop): %v", len(notes), len(want), notes)
	}
	for i, w := range want {
		if notes[i] != w {
			t.Errorf("note %d is %v, want %v", i+1, notes[i], w)
		}
	}
	j.set(false)
	notes = nil
	if err := r.flush(); err != nil || len(j.entries) != MaxPending {
		t.Fatalf("flush after the disk accepts: %v, %d lines written, want %d", err, len(j.entries), MaxPending)
	}
	if len(notes) != 1 || notes[0].Kind != NoteJournalBack || !notes[0].Recovery() {
		t.Errorf("the recovery gave %v, want one NoteJournalBack", notes)
	}
}
