package reminders

import (
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

func TestAwayTheNaturalBreakOfAnAnchorThatIsOffWakesNobody(t *testing.T) {
	clock := newFakeClock(tuesday(9, 0))
	start := clock.Now()
	// Posture has no natural break; movement's (3 min) and rest's (10 min)
	// are off with their anchors.
	e := New(only(settings.Posture), State{}, Options{Location: berlin})
	e.Step(Sample{Now: clock.Now()})
	clock.Advance(DefaultSampleEvery)
	e.Step(Sample{Now: clock.Now(), Locked: true})
	next := e.NextWake(clock.Now())
	if !next.IsZero() && next.Sub(start) <= 10*time.Minute {
		t.Fatalf("away with only posture on, the engine wakes at %s, a natural break of an anchor that is off", next.Format(time.TimeOnly))
	}
	on := only(settings.Posture, settings.Movement)
	e = New(on, State{}, Options{Location: berlin})
	e.Step(Sample{Now: start})
	e.Step(Sample{Now: clock.Now(), Locked: true})
	if next, want := e.NextWake(clock.Now()), clock.Now().Add(on.Anchors.Movement.NaturalBreak.D()); !next.Equal(want) {
		t.Fatalf("away with movement on, the engine wakes at %s, want %s when its natural break completes", next.Format(time.TimeOnly), want.Format(time.TimeOnly))
	}
}
