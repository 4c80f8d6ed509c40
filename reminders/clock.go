package reminders

import "time"

// Clock is where the Run loop gets time, so tests can drive it by hand.
type Clock interface {
	// Now is the wall time, with no monotonic reading. Go's monotonic
	// reading stops while a Linux machine is suspended, so a difference
	// of two time.Now() values hides an hour asleep as a few seconds;
	// wall differences include it, and a wall-clock jump shows as a gap,
	// which the engine already reads as time away.
	Now() time.Time
	// NewTimer fires after d of running time, as time.Timer does.
	NewTimer(d time.Duration) Timer
}

// Timer is the part of time.Timer the Run loop uses.
type Timer interface {
	C() <-chan time.Time
	Stop() bool
}

// RealClock is the system clock.
type RealClock struct{}

// Now returns the wall time without its monotonic reading.
func (RealClock) Now() time.Time { return time.Now().Round(0) }

// NewTimer starts a real timer.
func (RealClock) NewTimer(d time.Duration) Timer { return realTimer{time.NewTimer(d)} }

type realTimer struct{ t *time.Timer }

func (r realTimer) C() <-chan time.Time { return r.t.C }
func (r realTimer) Stop() bool          { return r.t.Stop() }
