package reminders

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

// invariants checks, sample by sample, the rules no activity may break.
type invariants struct {
	t     testing.TB
	s     *sim
	wall  time.Duration // forward wall time between samples
	last  time.Time
	items map[uint64]map[settings.Kind]bool // anchors each prompt offered
	ended map[uint64]map[settings.Kind]int  // outcomes journaled per prompt and anchor
	steps int
}

func watch(t testing.TB, s *sim) *invariants {
	inv := &invariants{t: t, s: s, last: s.now, items: map[uint64]map[settings.Kind]bool{}, ended: map[uint64]map[settings.Kind]int{}}
	s.onStep = inv.step
	return inv
}

func (inv *invariants) step(smp Sample, evs []Event) {
	if dt := smp.Now.Sub(inv.last); dt > 0 {
		inv.wall += dt
	}
	inv.last = smp.Now
	if inv.s.e.active > inv.wall {
		inv.t.Fatalf("%s: active %s exceeds wall time %s", inv.s.clock(), inv.s.e.active, inv.wall)
	}
	// The state and the timeline change with events; between them a
	// sample now and then is enough, and keeps the traces quick.
	if inv.steps++; len(evs) == 0 && inv.steps%60 != 0 {
		return
	}
	if err := inv.s.e.State().check(); err != nil {
		inv.t.Fatalf("%s: the engine would save a state it refuses to read: %v", inv.s.clock(), err)
	}
	snap := inv.s.snap()
	for i := 1; i < len(snap.Timeline); i++ {
		if snap.Timeline[i].Time.Before(snap.Timeline[i-1].Time) {
			inv.t.Fatalf("%s: the timeline is out of order: %+v", inv.s.clock(), snap.Timeline)
		}
	}
	for _, ev := range evs {
		var p Prompt
		switch ev := ev.(type) {
		case PromptShown:
			p = ev.Prompt
		case PromptReissued:
			p = ev.Prompt
		default:
			continue
		}
		appointment := true
		for _, it := range p.Items {
			appointment = appointment && it.Appointment
		}
		switch {
		case inv.s.e.absent(smp):
			inv.t.Fatalf("%s: %s while away or locked", inv.s.clock(), ev)
		case snap.DND && inv.s.e.cfg.RespectDND:
			inv.t.Fatalf("%s: %s under do-not-disturb", inv.s.clock(), ev)
		case (snap.Paused || snap.Quiet) && !appointment:
			inv.t.Fatalf("%s: %s while paused (%v) or quiet (%v)", inv.s.clock(), ev, snap.Paused, snap.Quiet)
		}
	}
}

// record checks every event, including those of commands.
func (inv *invariants) record(evs []Event) {
	for _, ev := range evs {
		switch ev := ev.(type) {
		case PromptShown:
			if inv.items[ev.Prompt.ID] == nil {
				inv.items[ev.Prompt.ID] = map[settings.Kind]bool{}
				inv.ended[ev.Prompt.ID] = map[settings.Kind]int{}
			}
			for _, it := range ev.Prompt.Items {
				inv.items[ev.Prompt.ID][it.Anchor] = true
			}
		case Journaled:
			if ev.Prompt == 0 {
				continue
			}
			if !inv.items[ev.Prompt][ev.Record.Anchor] {
				inv.t.Fatalf("%s: outcome for %s, never offered by prompt %d", inv.s.clock(), ev.Record.Anchor, ev.Prompt)
			}
			inv.ended[ev.Prompt][ev.Record.Anchor]++
		case PromptClosed:
			for k := range inv.items[ev.ID] {
				if n := inv.ended[ev.ID][k]; n != 1 {
					inv.t.Fatalf("%s: prompt %d closed with %d outcomes for %s", inv.s.clock(), ev.ID, n, k)
				}
			}
		}
	}
}

// trace drives s through activity read from data, two bytes a segment.
func trace(s *sim, inv *invariants, data []byte) {
	for i := 0; i+1 < len(data); i += 2 {
		n := time.Duration(data[i+1]) * time.Minute / 2
		switch data[i] % 12 {
		case 0, 1, 2:
			s.work(n)
		case 3:
			s.read(n % (3 * time.Minute))
		case 4:
			s.away(n)
		case 5:
			s.lock(n)
		case 6:
			s.suspend(n * 10)
		case 7:
			s.jump(-n / 4)
		case 8:
			inv.try(s, Pause{Until: s.now.Add(n)})
		case 9:
			inv.try(s, SetDND{On: data[i+1]%2 == 0})
		case 10:
			to := settings.ClockTime(int(data[i+1]) * 1440 / 256)
			inv.try(s, []Command{Done{}, Snooze{}, Skip{}, Resume{}, PauseUntilTomorrow{},
				SkipToday{Slot: lunch}, MoveToday{Slot: lunch, To: to}, SkipToday{Slot: rest1430}, MoveToday{Slot: rest1430, To: to}}[data[i+1]%9])
		case 11:
			inv.try(s, TakeNow{Anchor: settings.Kinds[int(data[i+1])%len(settings.Kinds)]})
		}
	}
}

// try applies a command that may be refused, as a person might.
func (inv *invariants) try(s *sim, c Command) {
	evs, _ := s.e.Do(s.now, c)
	s.record(evs)
	inv.record(evs)
}

func newTraceSim(t testing.TB) (*sim, *invariants) {
	cfg := settings.Defaults()
	cfg.Anchors.Hydration.DailyGoal = 3
	s := newSim(t, cfg, tuesday(7, 0))
	inv := watch(t, s)
	step := s.onStep
	s.onStep = func(smp Sample, evs []Event) {
		inv.record(evs)
		step(smp, evs)
	}
	return s, inv
}

func TestInvariantsHoldOverRandomTraces(t *testing.T) {
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 1))
		data := make([]byte, 400)
		for i := range data {
			data[i] = byte(rng.UintN(256))
		}
		s, inv := newTraceSim(t)
		trace(s, inv, data)
	}
}

func FuzzInvariants(f *testing.F) {
	f.Add([]byte{0, 120, 4, 10, 0, 90, 10, 0})
	f.Add([]byte{8, 60, 0, 200, 9, 0, 0, 100, 9, 1, 0, 30})
	f.Add([]byte{6, 200, 0, 20, 7, 200, 0, 60, 5, 30})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 2000 {
			data = data[:2000]
		}
		s, inv := newTraceSim(t)
		trace(s, inv, data)
	})
}
