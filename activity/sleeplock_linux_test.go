package activity

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/internal/testdesk"
)

// openWithLogind starts a logind double and a monitor that follows it;
// delay is how long a sleep waits for SleepReady.
func openWithLogind(t *testing.T, delay time.Duration, log *testdesk.Buffer) (*testdesk.Logind, *Monitor) {
	t.Helper()
	addr := testdesk.Bus(t)
	logind := testdesk.StartLogind(t, addr)
	o := Options{SystemBus: addr, SleepDelay: delay}
	if log != nil {
		o.Log = slog.New(slog.NewTextHandler(log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return logind, open(t, o)
}

// goToSleep announces sleep and waits until the engine would see it.
func goToSleep(t *testing.T, logind *testdesk.Logind, m *Monitor) {
	t.Helper()
	drain(m)
	logind.PrepareForSleep(true)
	waitWake(t, m, "going to sleep")
	if !sample(t, m).Asleep {
		t.Fatal("not asleep after PrepareForSleep(true)")
	}
}

func TestADelayLockOnSleepIsTakenAtStart(t *testing.T) {
	logind, _ := openWithLogind(t, 0, nil)
	if n := logind.Held(); n != 1 {
		t.Fatalf("%d locks held after Open, want 1", n)
	}
	lock := logind.Latest(t)
	if lock.What != "sleep" || lock.Mode != "delay" || lock.Who != "microrest" || lock.Why == "" {
		t.Fatalf("took %+v, want a delay lock on sleep by microrest, with a reason", *lock)
	}
}

func TestSleepWaitsForSleepReadyThenGoesAhead(t *testing.T) {
	logind, m := openWithLogind(t, time.Hour, nil)
	m.SleepReady() // awake: nothing is pending, so the lock stays
	if logind.Held() != 1 {
		t.Fatal("SleepReady while awake let go of the lock for the next sleep")
	}
	goToSleep(t, logind, m)
	if logind.Latest(t).Released() {
		t.Fatal("the lock was let go before SleepReady")
	}
	m.SleepReady()
	logind.Latest(t).WaitReleased(t, within)
	m.SleepReady() // as after every asleep step: harmless
	if n := len(logind.Inhibitions()); n != 1 {
		t.Fatalf("%d locks taken before resume, want 1", n)
	}
}

func TestAStuckDaemonDoesNotHoldSleepUp(t *testing.T) {
	var log testdesk.Buffer
	logind, m := openWithLogind(t, 50*time.Millisecond, &log)
	for i := range 2 {
		goToSleep(t, logind, m)
		logind.Latest(t).WaitReleased(t, within)
		logind.PrepareForSleep(false)
		testdesk.WaitFor(t, within, "a new lock after resume", func() bool {
			return len(logind.Inhibitions()) == i+2 && logind.Held() == 1
		})
	}
	const said = "sleep went ahead"
	if n := strings.Count(log.String(), "level=WARN msg=\"activity: "+said); n != 1 {
		t.Fatalf("warned %d times that %s, want once:\n%s", n, said, log.String())
	}
}

func TestAfterResumeANewLockIsHeld(t *testing.T) {
	logind, m := openWithLogind(t, time.Hour, nil)
	goToSleep(t, logind, m)
	first := logind.Latest(t)
	m.SleepReady()
	first.WaitReleased(t, within)
	drain(m)
	logind.PrepareForSleep(false)
	waitWake(t, m, "resume")
	testdesk.WaitFor(t, within, "a second lock held", func() bool {
		return len(logind.Inhibitions()) == 2 && logind.Held() == 1
	})
	if sample(t, m).Asleep {
		t.Fatal("asleep after resume")
	}
}

func TestASleepCancelledBeforeSleepReadyLeavesOneLock(t *testing.T) {
	logind, m := openWithLogind(t, time.Hour, nil)
	goToSleep(t, logind, m)
	logind.PrepareForSleep(false)
	logind.Inhibitions()[0].WaitReleased(t, within)
	testdesk.WaitFor(t, within, "one new lock", func() bool {
		return len(logind.Inhibitions()) == 2 && logind.Held() == 1
	})
}

func TestARefusedLockIsSaidOnceAndSleepStillReachesTheEngine(t *testing.T) {
	addr := testdesk.Bus(t)
	logind := testdesk.StartLogind(t, addr)
	logind.RefuseInhibit()
	var log testdesk.Buffer
	m := open(t, Options{SystemBus: addr, Log: slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	goToSleep(t, logind, m)
	m.SleepReady()
	logind.PrepareForSleep(false)
	const said = "sleep will not wait"
	testdesk.WaitFor(t, within, "the second refusal after resume", func() bool {
		return strings.Count(log.String(), said) == 2
	})
	if n := strings.Count(log.String(), "level=INFO msg=\"activity: "+said); n != 1 {
		t.Fatalf("said %d times at info that %s, want once:\n%s", n, said, log.String())
	}
	if st := m.Status(); st.Sleep != "logind" {
		t.Fatalf("status %s: logind still reports sleep without a lock", st)
	}
}

func TestClosingTheMonitorLetsGoOfTheLock(t *testing.T) {
	logind, m := openWithLogind(t, 0, nil)
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	logind.Latest(t).WaitReleased(t, within)
}
