package reminders

import (
	"context"
	"log"
	"reflect"
	"sync"
	"time"
)

// DefaultSampleEvery is the longest the Run loop sleeps between samples:
// often enough to notice a return within seconds, seldom enough to cost
// nothing (a few wakeups a minute), and well inside DefaultMaxGap.
const DefaultSampleEvery = 15 * time.Second

// DefaultActiveSampleEvery is the loop's longest sleep while the person is
// at the desk. Leaving needs no quick notice, since the next sample's idle
// time dates the departure back to the last input; only a return does.
// It stays inside DefaultMaxGap, or a sleep would read as a suspend.
const DefaultActiveSampleEvery = 45 * time.Second

// DefaultAwaySampleEvery is the loop's longest sleep while the person is
// away and the activity source wakes it at their return (Config.Wake, an
// EventDriven source). Until then nothing can change that the engine's
// next wake does not already name, so the bound only limits what a lost
// event costs. Away, a gap between samples is away time either way.
const DefaultAwaySampleEvery = 5 * time.Minute

// saveEvery bounds how often the state file is written between commands;
// a command that changed something is saved at once.
const saveEvery = time.Minute

// MaxPending bounds the outcomes kept while the journal refuses them. At a
// few outcomes an hour it is weeks of a disk that stays full; past it the
// oldest is dropped, and said.
const MaxPending = 1000

// Activity reports what the person is doing; the platform monitor of
// package activity implements it.
type Activity interface {
	Sample(now time.Time) (Sample, error)
}

// EventDriven is an Activity that can say whether its source delivers on
// Config.Wake when the person leaves and comes back (a compositor's or the
// X server's idle alarms) rather than only being read at each sample.
type EventDriven interface {
	EventDriven() bool
}

// Journal records outcomes; the daemon hands them to package journal.
type Journal interface {
	Append(Record) error
	AppendCheckin(Checkin) error
	// AppendWake records a day's first active minute (Woke).
	AppendWake(time.Time) error
}

// Notifier puts prompts on screen and takes them off; Show with an ID
// already shown replaces that notification.
type Notifier interface {
	Show(Prompt) error
	Close(id uint64) error
	// ShowCheckin asks the day's check-in; CloseCheckin takes it off
	// screen once answered.
	ShowCheckin(day time.Time) error
	CloseCheckin() error
}

// ReviewNotifier is a Notifier that can also offer the weekly review
// (ReviewDue); week is that week's Monday day start. A notifier without
// it leaves the review to the tray and the progress window.
type ReviewNotifier interface {
	ShowReview(week time.Time) error
}

// Config wires the Run loop to the world.
type Config struct {
	Clock    Clock
	Activity Activity
	Journal  Journal
	Notifier Notifier
	// StatePath is where the state is saved; empty saves nothing.
	StatePath string
	// SampleEvery overrides DefaultSampleEvery.
	SampleEvery time.Duration
	// ActiveSampleEvery overrides DefaultActiveSampleEvery.
	ActiveSampleEvery time.Duration
	// AwaySampleEvery overrides DefaultAwaySampleEvery.
	AwaySampleEvery time.Duration
	// Quiet reports the desktop's do-not-disturb (or a fullscreen window).
	// It is read before every step, so no prompt appears in the first
	// moments of a presentation; nil means never quiet.
	Quiet func() bool
	// Wake, when it delivers, makes the loop sample at once: the activity
	// monitor's lock, sleep and return events, so the loop can sleep long.
	Wake <-chan struct{}
	// SleepReady is called once the loop has stepped a sample that shows
	// the machine going to sleep and saved the state, so the monitor can
	// let the sleep it was delaying go ahead; nil for none.
	SleepReady func()
	// Pending, PendingCheckins and PendingWakes are what a previous run
	// could not journal (from the saved State); they are written first,
	// in order.
	Pending         []Record
	PendingCheckins []Checkin
	PendingWakes    []time.Time
	// Note receives what the loop tells the log: failures it goes on
	// after and recoveries (Note.Recovery); nil logs Note.String with
	// log.Print.
	Note func(Note)
}

// Runner owns an engine in one goroutine and lets others command it and
// watch it.
type Runner struct {
	e        *Engine
	cfg      Config
	cmds     chan request
	mu       sync.Mutex
	subs     []chan Snapshot
	lastSave time.Time
	// saved is what the last save wrote; loop goroutine only.
	saved State
	// activityErr is the last failed reading's error, "" when it reads;
	// only the loop goroutine touches it.
	activityErr string
	// pending are outcomes the journal has not taken yet, oldest first,
	// and journalErr why ("" once it takes them); loop goroutine only.
	pending    []journalLine
	journalErr error
	// asleep is set once a sleep has been stepped and saved, until the
	// machine is seen awake.
	asleep bool
}

// request is a command for the loop, or (cmd nil) a request for a fresh
// snapshot.
type request struct {
	cmd   Command
	reply chan error
	snap  chan Snapshot
}

// NewRunner prepares a loop around e; call Run to start it.
func NewRunner(e *Engine, cfg Config) *Runner {
	if cfg.Clock == nil {
		cfg.Clock = RealClock{}
	}
	if cfg.SampleEvery <= 0 {
		cfg.SampleEvery = DefaultSampleEvery
	}
	if cfg.ActiveSampleEvery <= 0 {
		cfg.ActiveSampleEvery = DefaultActiveSampleEvery
	}
	cfg.ActiveSampleEvery = max(cfg.ActiveSampleEvery, cfg.SampleEvery)
	if cfg.AwaySampleEvery <= 0 {
		cfg.AwaySampleEvery = DefaultAwaySampleEvery
	}
	cfg.AwaySampleEvery = max(cfg.AwaySampleEvery, cfg.SampleEvery)
	if cfg.Note == nil {
		cfg.Note = func(n Note) { log.Print(n) }
	}
	r := &Runner{e: e, cfg: cfg, cmds: make(chan request)}
	for _, rec := range cfg.Pending {
		r.pending = append(r.pending, journalLine{record: rec})
	}
	for _, c := range cfg.PendingCheckins {
		r.pending = append(r.pending, journalLine{checkin: &c})
	}
	for _, t := range cfg.PendingWakes {
		r.pending = append(r.pending, journalLine{wake: t})
	}
	return r
}

// Subscribe returns a channel that always holds the latest snapshot; a
// slow reader misses intermediate ones rather than blocking the engine.
func (r *Runner) Subscribe() <-chan Snapshot {
	ch := make(chan Snapshot, 1)
	r.mu.Lock()
	r.subs = append(r.subs, ch)
	r.mu.Unlock()
	return ch
}

// Do sends a command to the loop and waits for its answer. ctx bounds
// only the wait for the loop to take the command: once taken it is
// applied, and its answer always comes (the loop serves it at once), so
// no caller is told "failed" for a command that was carried out.
func (r *Runner) Do(ctx context.Context, c Command) error {
	req := request{cmd: c, reply: make(chan error, 1)}
	select {
	case r.cmds <- req:
	case <-ctx.Done():
		return ctx.Err()
	}
	return <-req.reply
}

// Snapshot asks the loop for the engine's state now, e.g. right after a
// command, when the last published snapshot may be a moment old.
func (r *Runner) Snapshot(ctx context.Context) (Snapshot, error) {
	req := request{snap: make(chan Snapshot, 1)}
	select {
	case r.cmds <- req:
	case <-ctx.Done():
		return Snapshot{}, ctx.Err()
	}
	select {
	case s := <-req.snap:
		return s, nil
	case <-ctx.Done():
		return Snapshot{}, ctx.Err()
	}
}

// Run samples, steps and sleeps until ctx ends, then saves the state and
// takes the prompt off screen. Errors on the way are logged, never fatal.
func (r *Runner) Run(ctx context.Context) error {
	for {
		now := r.cfg.Clock.Now()
		r.syncQuiet(now)
		s := r.sample(now)
		r.handle(r.e.Step(s))
		r.flush()
		r.persist(now, false)
		r.readyForSleep(now, s.Asleep)
		r.publish(now)
		timer := r.cfg.Clock.NewTimer(r.sleep(now))
		select {
		case <-ctx.Done():
			timer.Stop()
			r.stop()
			return nil
		case req := <-r.cmds:
			timer.Stop()
			r.serve(req)
		case <-r.cfg.Wake:
			timer.Stop()
		case <-timer.C():
		}
	}
}

// serve answers one request from another goroutine.
func (r *Runner) serve(req request) {
	now := r.cfg.Clock.Now()
	if req.cmd == nil {
		req.snap <- r.snapshot(now)
		return
	}
	evs, err := r.e.Do(now, req.cmd)
	r.handle(evs)
	if err == nil {
		err = r.unjournaled(evs)
	}
	r.persist(now, true)
	req.reply <- err
}

// unjournaled says, as the command's reply, that its outcomes are not in
// the journal yet: the person sees it, and the queue keeps them.
func (r *Runner) unjournaled(evs []Event) error {
	if r.journalErr == nil {
		return nil
	}
	for _, ev := range evs {
		if r.waiting(ev) {
			return &Unjournaled{Err: r.journalErr}
		}
	}
	return nil
}

// readyForSleep lets a delayed sleep go ahead once a sample showing it
// has been stepped and saved; the state on disk then holds everything up
// to the moment the machine went down.
func (r *Runner) readyForSleep(now time.Time, asleep bool) {
	if !asleep {
		r.asleep = false
		return
	}
	if r.asleep {
		return
	}
	r.asleep = true
	r.persist(now, true)
	if r.cfg.SleepReady != nil {
		r.cfg.SleepReady()
	}
}

// sample reads the activity monitor. Without one, or when it fails, all
// time counts as active: reminders keep coming even where idle detection
// does not work.
func (r *Runner) sample(now time.Time) Sample {
	if r.cfg.Activity == nil {
		return Sample{Now: now}
	}
	s, err := r.cfg.Activity.Sample(now)
	if err != nil {
		// Said once per distinct failure, not at every sample of a
		// source that is gone (a compositor that crashed).
		if msg := err.Error(); msg != r.activityErr {
			r.activityErr = msg
			r.cfg.Note(Note{Kind: NoteActivityFailed, Err: err})
		}
		// The idle reading failed, but lock and sleep come from other
		// sources and still say the person is away.
		return Sample{Now: now, Locked: s.Locked, Asleep: s.Asleep}
	}
	if r.activityErr != "" {
		r.activityErr = ""
		r.cfg.Note(Note{Kind: NoteActivityBack})
	}
	s.Now = now
	return s
}

// syncQuiet tells the engine when do-not-disturb starts or ends.
func (r *Runner) syncQuiet(now time.Time) {
	if r.cfg.Quiet == nil {
		return
	}
	if on := r.cfg.Quiet(); on != r.e.dnd {
		evs, _ := r.e.Do(now, SetDND{On: on})
		r.handle(evs)
	}
}

// sleep returns how long to wait: until the engine's next wake, at most
// SampleEvery while away (AwaySampleEvery when the source wakes the loop
// at a return; ActiveSampleEvery at the desk), at least a second so
// nothing spins.
func (r *Runner) sleep(now time.Time) time.Duration {
	d := r.cfg.ActiveSampleEvery
	if r.e.away {
		d = r.cfg.SampleEvery
		if r.wokenAtReturn() {
			d = r.cfg.AwaySampleEvery
		}
	}
	if next := r.e.NextWake(now); !next.IsZero() {
		d = min(d, next.Sub(now))
	}
	return max(d, time.Second)
}

// wokenAtReturn reports whether the activity source wakes the loop when
// the person comes back, so an away loop need not poll for it.
func (r *Runner) wokenAtReturn() bool {
	ev, ok := r.cfg.Activity.(EventDriven)
	return ok && r.cfg.Wake != nil && ev.EventDriven()
}

// handle passes events to the journal and the notifier.
func (r *Runner) handle(evs []Event) {
	for _, ev := range evs {
		if err := r.deliver(ev); err != nil {
			r.cfg.Note(Note{Kind: NoteUndelivered, Event: ev, Err: err})
		}
	}
}

func (r *Runner) deliver(ev Event) error {
	switch ev := ev.(type) {
	case Journaled:
		// flush says a refusal once, not once per outcome.
		r.queue(journalLine{record: ev.Record})
		_ = r.flush()
	case CheckinJournaled:
		r.queue(journalLine{checkin: &ev.Checkin})
		_ = r.flush()
	case Woke:
		r.queue(journalLine{wake: ev.At})
		_ = r.flush()
	case ReviewDue:
		if n, ok := r.cfg.Notifier.(ReviewNotifier); ok {
			return n.ShowReview(ev.Week)
		}
	case PromptShown:
		return r.show(ev.Prompt)
	case PromptReissued:
		return r.show(ev.Prompt)
	case PromptClosed:
		if r.cfg.Notifier != nil {
			return r.cfg.Notifier.Close(ev.ID)
		}
	case CheckinDue:
		if r.cfg.Notifier != nil {
			return r.cfg.Notifier.ShowCheckin(ev.Day)
		}
	case CheckinClosed:
		if r.cfg.Notifier != nil {
			return r.cfg.Notifier.CloseCheckin()
		}
	}
	return nil
}

func (r *Runner) show(p Prompt) error {
	if r.cfg.Notifier == nil {
		return nil
	}
	return r.cfg.Notifier.Show(p)
}

// journalLine is one line for the journal: an outcome, a check-in, or a
// day's first active minute.
type journalLine struct {
	record  Record
	checkin *Checkin
	wake    time.Time
}

// event is the event that carried the line.
func (l journalLine) event() Event {
	switch {
	case l.checkin != nil:
		return CheckinJournaled{Checkin: *l.checkin}
	case !l.wake.IsZero():
		return Woke{At: l.wake}
	}
	return Journaled{Record: l.record}
}

func (l journalLine) appendTo(j Journal) error {
	switch {
	case l.checkin != nil:
		return j.AppendCheckin(*l.checkin)
	case !l.wake.IsZero():
		return j.AppendWake(l.wake)
	}
	return j.Append(l.record)
}

// waiting reports whether the line an event carries is still queued.
func (r *Runner) waiting(ev Event) bool {
	for _, l := range r.pending {
		switch ev := ev.(type) {
		case Journaled:
			if l.checkin == nil && l.wake.IsZero() && l.record == ev.Record {
				return true
			}
		case CheckinJournaled:
			if l.checkin != nil && *l.checkin == ev.Checkin {
				return true
			}
		case Woke:
			if !l.wake.IsZero() && l.wake.Equal(ev.At) {
				return true
			}
		}
	}
	return false
}

// queue puts a line behind those the journal has not taken yet.
func (r *Runner) queue(l journalLine) {
	if r.cfg.Journal == nil {
		return
	}
	if len(r.pending) >= MaxPending {
		r.cfg.Note(Note{Kind: NoteJournalDropped, Count: MaxPending, Event: r.pending[0].event()})
		r.pending = r.pending[1:]
	}
	r.pending = append(r.pending, l)
}

// flush writes the queued outcomes in order and stops at the first the
// journal refuses, so none overtakes another. It is retried at every
// wake, so the queue drains as soon as the disk accepts again.
func (r *Runner) flush() error {
	if r.cfg.Journal == nil {
		return nil
	}
	for len(r.pending) > 0 {
		if err := r.pending[0].appendTo(r.cfg.Journal); err != nil {
			if r.journalErr == nil || r.journalErr.Error() != err.Error() {
				r.cfg.Note(Note{Kind: NoteJournalRefused, Err: err, Count: len(r.pending)})
			}
			r.journalErr = err
			return err
		}
		r.pending = r.pending[1:]
	}
	if r.journalErr != nil {
		r.journalErr = nil
		r.cfg.Note(Note{Kind: NoteJournalBack})
	}
	return nil
}

// persist saves the state at most once every saveEvery, or now when forced.
// While the person is away a periodic save that would change only the
// time of the last sample is skipped: after a crash the time since the
// last save reads as away, which it was, so the write and its two fsyncs
// would buy nothing, once a minute all the time nobody is at the desk.
func (r *Runner) persist(now time.Time, force bool) {
	if r.cfg.StatePath == "" || (!force && now.Sub(r.lastSave) < saveEvery && now.After(r.lastSave)) {
		return
	}
	st := r.e.State()
	for _, l := range r.pending {
		switch {
		case l.checkin != nil:
			st.PendingCheckins = append(st.PendingCheckins, *l.checkin)
		case !l.wake.IsZero():
			st.PendingWakes = append(st.PendingWakes, l.wake)
		default:
			st.Pending = append(st.Pending, l.record)
		}
	}
	if !force && r.e.away && onlySavedDiffers(st, r.saved) {
		return
	}
	r.lastSave, r.saved = now, st
	if err := SaveState(r.cfg.StatePath, st); err != nil {
		r.cfg.Note(Note{Kind: NoteStateUnsaved, Err: err})
	}
}

// onlySavedDiffers reports whether two states differ in nothing but the
// time of their last sample.
func onlySavedDiffers(a, b State) bool {
	a.Saved, b.Saved = time.Time{}, time.Time{}
	return reflect.DeepEqual(a, b)
}

// snapshot is the engine's snapshot with what only the loop knows.
func (r *Runner) snapshot(now time.Time) Snapshot {
	snap := r.e.Snapshot(now)
	if r.journalErr != nil {
		snap.JournalError = r.journalErr.Error()
		snap.Unjournaled = len(r.pending)
	}
	for _, l := range r.pending {
		if l.checkin != nil {
			snap.WaitingCheckins = append(snap.WaitingCheckins, *l.checkin)
		}
	}
	return snap
}

// stop saves on exit and takes a prompt off screen, since nobody will
// answer it; it is offered again after the next start.
func (r *Runner) stop() {
	r.persist(r.cfg.Clock.Now(), true)
	if r.cfg.Notifier == nil {
		return
	}
	if p := r.e.cur; p != nil {
		if err := r.cfg.Notifier.Close(p.ID); err != nil {
			r.cfg.Note(Note{Kind: NotePromptOpen, Prompt: p.ID, Err: err})
		}
	}
	if r.e.checkinOpen() {
		if err := r.cfg.Notifier.CloseCheckin(); err != nil {
			r.cfg.Note(Note{Kind: NoteCheckinOpen, Err: err})
		}
	}
}

// publish hands the latest snapshot to every subscriber without blocking.
func (r *Runner) publish(now time.Time) {
	snap := r.snapshot(now)
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, ch := range r.subs {
		select {
		case <-ch:
		default:
		}
		select {
		case ch <- snap:
		default:
		}
	}
}
