package reminders

import (
	"fmt"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/microrest/microrest/settings"
)

var berlin = mustZone("Europe/Berlin")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// day returns h:m on a date in Berlin.
func day(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, berlin)
}

// tuesday is an ordinary working day.
func tuesday(h, m int) time.Time { return day(2026, time.March, 10, h, m) }

// sim drives an engine through simulated time with realistic activity.
type sim struct {
	t      testing.TB
	e      *Engine
	now    time.Time
	idle   time.Duration
	step   time.Duration
	events []Event
	lines  []string
	prompt *Prompt
	// answer, when set, answers every prompt as soon as it is shown.
	answer func(Prompt) Command
	// onStep, when set, checks every sample after it was stepped.
	onStep func(s Sample, evs []Event)
}

func newSim(t testing.TB, cfg settings.Settings, start time.Time) *sim {
	s := &sim{t: t, e: New(cfg, State{}, Options{Location: berlin}), now: start, step: 10 * time.Second}
	s.sample(false)
	return s
}

// only returns default settings with just the given anchors enabled and
// active hours all week, so a test sees only what it is about.
func only(kinds ...settings.Kind) settings.Settings {
	cfg := settings.Defaults()
	for _, k := range settings.Kinds {
		cfg.Anchors.Of(k).Enabled = false
	}
	for _, k := range kinds {
		cfg.Anchors.Of(k).Enabled = true
	}
	all := settings.Span{Start: settings.Clock(0, 0), End: settings.Clock(24, 0)}
	for d := time.Sunday; d <= time.Saturday; d++ {
		*cfg.ActiveHours.On(d) = all
	}
	return cfg
}

func (s *sim) sample(locked bool) {
	smp := Sample{Now: s.now, Idle: s.idle, Locked: locked}
	evs := s.e.Step(smp)
	s.record(evs)
	if s.onStep != nil {
		s.onStep(smp, evs)
	}
}

func (s *sim) record(evs []Event) {
	for _, ev := range evs {
		s.events = append(s.events, ev)
		switch ev := ev.(type) {
		case PromptShown:
			if s.prompt != nil && s.prompt.ID != ev.Prompt.ID {
				s.t.Fatalf("%s: prompt %d shown while %d is on screen", s.clock(), ev.Prompt.ID, s.prompt.ID)
			}
			p := ev.Prompt
			s.prompt = &p
		case PromptClosed:
			s.prompt = nil
		case Journaled:
			s.lines = append(s.lines, line(ev.Record))
		}
	}
	if s.prompt != nil && s.answer != nil {
		if c := s.answer(*s.prompt); c != nil {
			s.do(c)
		}
	}
}

func line(en Record) string {
	return fmt.Sprintf("%s %s %s", en.Time.In(berlin).Format("15:04"), en.Anchor, en.Outcome)
}

func (s *sim) clock() string { return s.now.In(berlin).Format("Mon 15:04:05") }

// run samples every step for d, each sample with input or without.
func (s *sim) run(d time.Duration, input, locked bool) {
	for end := s.now.Add(d); s.now.Before(end); {
		s.now = s.now.Add(s.step)
		if input {
			s.idle = 0
		} else {
			s.idle += s.step
		}
		s.sample(locked)
	}
}

// work types and clicks for d.
func (s *sim) work(d time.Duration) { s.run(d, true, false) }

// read sits at the desk without input for d.
func (s *sim) read(d time.Duration) { s.run(d, false, false) }

// away leaves the desk for d, the screen unlocked.
func (s *sim) away(d time.Duration) { s.run(d, false, false) }

// lock locks the screen for d.
func (s *sim) lock(d time.Duration) { s.run(d, false, true) }

// suspend sleeps the machine for d: no samples at all.
func (s *sim) suspend(d time.Duration) {
	s.now = s.now.Add(d)
	s.idle += d
}

// jump sets the wall clock by d without time passing.
func (s *sim) jump(d time.Duration) { s.now = s.now.Add(d) }

// workUntil works until the local clock reads h:m.
func (s *sim) workUntil(h, m int) {
	s.work(s.until(h, m))
}

// awayUntil is away until the local clock reads h:m.
func (s *sim) awayUntil(h, m int) {
	s.away(s.until(h, m))
}

func (s *sim) until(h, m int) time.Duration {
	lt := s.now.In(berlin)
	target := time.Date(lt.Year(), lt.Month(), lt.Day(), h, m, 0, 0, berlin)
	if !target.After(s.now) {
		target = time.Date(lt.Year(), lt.Month(), lt.Day()+1, h, m, 0, 0, berlin)
	}
	return target.Sub(s.now)
}

func (s *sim) do(c Command) {
	s.t.Helper()
	evs, err := s.e.Do(s.now, c)
	if err != nil {
		s.t.Fatalf("%s: %T: %v", s.clock(), c, err)
	}
	s.record(evs)
}

// try applies a command that may fail.
func (s *sim) try(c Command) error {
	evs, err := s.e.Do(s.now, c)
	s.record(evs)
	return err
}

// shows returns when each new prompt was shown and what it offered.
func (s *sim) shows() []string {
	var out []string
	seen := map[uint64]bool{}
	for _, ev := range s.events {
		if ev, ok := ev.(PromptShown); ok && !seen[ev.Prompt.ID] {
			seen[ev.Prompt.ID] = true
			out = append(out, ev.Prompt.Shown.In(berlin).Format("15:04 ")+ev.Prompt.Title())
		}
	}
	return out
}

func (s *sim) snap() Snapshot { return s.e.Snapshot(s.now) }

func (s *sim) status(k settings.Kind) AnchorStatus { return s.snap().Anchors[k] }

func doneAll(Prompt) Command { return Done{} }

func equal(t testing.TB, what string, got, want []string) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}
