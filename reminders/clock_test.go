package reminders

import (
	"errors"
	"sync"
	"testing"
	"time"
)

// fakeClock is a clock that moves only when told. Its wall reading (Now)
// and its running time (what timers count) are separate, so a test can
// suspend the machine: the wall moves an hour while timers see seconds.
type fakeClock struct {
	mu      sync.Mutex
	wall    time.Time
	mono    time.Duration
	timers  []*fakeTimer
	changed chan struct{} // closed and replaced whenever a timer is armed
}

func newFakeClock(now time.Time) *fakeClock {
	return &fakeClock{wall: now, changed: make(chan struct{})}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.wall
}

func (c *fakeClock) NewTimer(d time.Duration) Timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{clock: c, at: c.mono + d, ch: make(chan time.Time, 1)}
	if d <= 0 {
		t.ch <- c.wall
		return t
	}
	c.timers = append(c.timers, t)
	close(c.changed)
	c.changed = make(chan struct{})
	return t
}

// Advance moves both readings forward by d, as a machine that is awake.
func (c *fakeClock) Advance(d time.Duration) { c.Suspend(d, d) }

// Suspend moves the wall by wall and the running time by mono, as a real
// suspend does (the monotonic clock stops while Linux sleeps), and fires
// the timers now due.
func (c *fakeClock) Suspend(wall, mono time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.wall = c.wall.Add(wall)
	c.mono += mono
	kept := c.timers[:0]
	for _, t := range c.timers {
		if t.at > c.mono {
			kept = append(kept, t)
			continue
		}
		t.ch <- c.wall
	}
	c.timers = kept
}

var errNoTimer = errors.New("no timer was armed in time")

// AwaitTimers waits, up to within of real time, until at least n timers
// are armed: the sign that the goroutine under test is waiting for time.
func (c *fakeClock) AwaitTimers(n int, within time.Duration) error {
	deadline := time.After(within)
	for {
		c.mu.Lock()
		armed, changed := len(c.timers), c.changed
		c.mu.Unlock()
		if armed >= n {
			return nil
		}
		select {
		case <-changed:
		case <-deadline:
			return errNoTimer
		}
	}
}

type fakeTimer struct {
	clock *fakeClock
	at    time.Duration
	ch    chan time.Time
}

func (t *fakeTimer) C() <-chan time.Time { return t.ch }

func (t *fakeTimer) Stop() bool {
	c := t.clock
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, x := range c.timers {
		if x == t {
			c.timers = append(c.timers[:i], c.timers[i+1:]...)
			return true
		}
	}
	return false
}

// A reading with a monotonic part would make Sub ignore a suspend.
func TestTheRealClockReadsWallTimeWithoutAMonotonicReading(t *testing.T) {
	now := RealClock{}.Now()
	if now != now.Round(0) {
		t.Fatalf("RealClock.Now() = %v carries a monotonic reading, which stops during suspend", now)
	}
}

func TestTheFakeClockSuspendsTimersButNotTheWall(t *testing.T) {
	start := tuesday(9, 0)
	c := newFakeClock(start)
	timer := c.NewTimer(45 * time.Second)
	c.Suspend(time.Hour, 5*time.Second)
	if got := c.Now().Sub(start); got != time.Hour {
		t.Fatalf("wall moved %v, want 1h", got)
	}
	select {
	case <-timer.C():
		t.Fatal("a 45 s timer fired after 5 s of running time")
	default:
	}
	c.Advance(40 * time.Second)
	select {
	case <-timer.C():
	default:
		t.Fatal("the timer did not fire after 45 s of running time")
	}
}
