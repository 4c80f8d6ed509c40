package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/internal/testdesk"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// A walk is owed after an hour at the desk; half a minute away is the
// natural break that satisfies it, so a short sleep shows the path.
var movementWithShortBreak = testdesk.OneAnchor(settings.Movement, "", "every = \"60m\"\nnatural_break = \"30s\"\nat = []\n")

// asleepFor is how long the machine sleeps in the test: longer than the
// natural break. The engine counts wall time, so real time must pass.
const asleepFor = 35 * time.Second

func TestASleepIsSavedBeforeItHappensAndCountsAsOneNaturalBreak(t *testing.T) {
	if testing.Short() {
		t.Skip("sleeps the machine for half a minute of real time")
	}
	home, env, watcher, addr := newDesktop(t)
	env = append(env, "DBUS_SYSTEM_BUS_ADDRESS="+addr)
	writeSettings(t, home, movementWithShortBreak)
	logind := testdesk.StartLogind(t, addr)
	mutter := testdesk.StartMutterIdle(t, addr)
	mutter.SetIdle(time.Second)
	s := &session{home: home, addr: addr, env: env, watcher: watcher, daemon: start(t, env)}
	s.item = waitForTray(t, watcher)
	testdesk.WaitFor(t, 5*time.Second, "the daemon to hold a sleep delay lock", func() bool { return logind.Held() == 1 })
	lock := logind.Latest(t)
	// A snoozed walk is owed: a long enough time away satisfies it.
	for _, verb := range []string{"now", "snooze"} {
		if _, stderr, code := run(t, env, verb, "movement"); code != 0 {
			t.Fatalf("%s movement: exit %d: %s", verb, code, stderr)
		}
	}

	asleep := time.Now()
	logind.PrepareForSleep(true)
	lock.WaitReleased(t, 5*time.Second)
	if saved := savedAt(t, home); saved.Before(asleep) {
		t.Fatalf("sleep was let go with the state saved at %v, before the sleep at %v", saved, asleep)
	}
	// The machine sleeps: the engine sees the asleep flag, no input.
	<-time.After(asleepFor)
	logind.PrepareForSleep(false)
	testdesk.WaitFor(t, 5*time.Second, "a new delay lock after the resume", func() bool { return logind.Held() == 1 })
	testdesk.WaitFor(t, 10*time.Second, "the sleep to count as a natural break", func() bool {
		return strings.Count(journalText(t, home), `"outcome":"natural"`) == 1
	})
	st := s.status(t)
	if st.Prompt != nil {
		t.Fatalf("a prompt came on return from sleep: %+v", st.Prompt)
	}
	// The day's wake line aside, the snooze and the natural break.
	if got := journalText(t, home); strings.Count(got, "\n")-strings.Count(got, `"kind":"wake"`) != 2 || !strings.Contains(got, `"outcome":"snoozed"`) {
		t.Fatalf("the journal after a snooze and one sleep, want the snooze and one natural break:\n%s", got)
	}
}

func savedAt(t *testing.T, home string) time.Time {
	t.Helper()
	st, err := reminders.LoadState(filepath.Join(home, ".local", "state", "microrest", "state.json"))
	if err != nil {
		t.Fatal(err)
	}
	return st.Saved
}

func journalText(t *testing.T, home string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(home, ".local", "share", "microrest", "journal.jsonl"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return string(data)
}
