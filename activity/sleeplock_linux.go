package activity

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/microrest/microrest/i18n"
)

// sleepLock holds logind's delay lock on sleep, so the engine can see
// "asleep" and save today's record before the machine stops.
type sleepLock struct {
	mu      sync.Mutex
	held    io.Closer // the lock; nil when none is held
	pending bool      // a sleep is announced and held waits for SleepReady
	sleeps  int       // counts announced sleeps, so a late deadline spares a later lock
	timer   *time.Timer
	closed  bool // Close ran: a lock that arrives later is let go at once
	refused bool // the system refused a lock before, which was logged
	lapsed  bool // the deadline let a sleep go before, which was logged
}

// ready lets go of the lock only while a sleep is announced, so the lock
// for the next sleep survives a SleepReady while awake.
func (s *sleepLock) ready() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pending {
		s.releaseLocked()
	}
}

// holdSleep keeps a newly taken lock until the next sleep.
func (m *Monitor) holdSleep(lock io.Closer) {
	s := &m.sleep
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		_ = lock.Close()
		return
	}
	if s.held != nil {
		_ = s.held.Close()
	}
	s.held = lock
}

// sleepAnnounced keeps the lock until SleepReady or the deadline. It runs
// before the engine is woken, or a quick SleepReady would find no sleep
// pending and the machine would wait out the whole deadline.
func (m *Monitor) sleepAnnounced() {
	s := &m.sleep
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sleeps++
	if s.held == nil || s.pending {
		return
	}
	s.pending = true
	n := s.sleeps
	s.timer = time.AfterFunc(m.sleepDelay, func() { m.sleepLapsed(n) })
}

// sleepLapsed lets sleep go ahead without SleepReady, so a stuck engine
// never holds a laptop awake in a bag; it says so once.
func (m *Monitor) sleepLapsed(sleep int) {
	s := &m.sleep
	s.mu.Lock()
	lapsed := s.pending && s.sleeps == sleep
	level := slog.LevelDebug
	if lapsed {
		s.releaseLocked()
		level = onceLevel(&s.lapsed, slog.LevelWarn)
	}
	s.mu.Unlock()
	if lapsed {
		m.log.Log(context.Background(), level,
			i18n.T("activity.log.sleep_early"), "waited", m.sleepDelay)
	}
}

// sleepEnded lets go of a lock still pending (the sleep was cancelled or
// the deadline has not fired yet) and reports whether a new one is needed.
func (m *Monitor) sleepEnded() (needLock bool) {
	s := &m.sleep
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pending {
		s.releaseLocked()
	}
	return s.held == nil && !s.closed
}

// sleepRefused logs the first refused lock at info, later ones at debug:
// sleep still works, only without the wait.
func (m *Monitor) sleepRefused(err error) {
	s := &m.sleep
	s.mu.Lock()
	level := onceLevel(&s.refused, slog.LevelInfo)
	s.mu.Unlock()
	m.log.Log(context.Background(), level, i18n.T("activity.log.sleep_no_wait"), "err", err)
}

// closeSleep lets go of the lock for good.
func (m *Monitor) closeSleep() error {
	s := &m.sleep
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.releaseLocked()
	return nil
}

func (s *sleepLock) releaseLocked() {
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	s.pending = false
	if s.held != nil {
		_ = s.held.Close()
		s.held = nil
	}
}

// onceLevel is level the first time, then debug, so a repeated condition
// is said once at the level it deserves.
func onceLevel(said *bool, level slog.Level) slog.Level {
	if *said {
		return slog.LevelDebug
	}
	*said = true
	return level
}
