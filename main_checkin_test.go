package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/internal/testdesk"
	"github.com/microrest/microrest/settings"
)

// checkinFirstActive asks the check-in at the first active minute.
var checkinFirstActive = testdesk.OneAnchor(settings.Posture, "[checkin]\nat = \"first-active\"\n", "")

// writeCheckins fills the journal with a check-in a day for the days
// before today: the baseline a readiness reading needs.
func writeCheckins(t *testing.T, home string, days int) {
	t.Helper()
	path := filepath.Join(home, ".local", "share", "microrest", "journal.jsonl")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for d := days; d >= 1; d-- {
		at := time.Now().AddDate(0, 0, -d).Format(time.RFC3339)
		fmt.Fprintf(&b, `{"time":%q,"kind":"checkin","stiffness":2,"mood":%d,"energy":%d,"sleep":4}`+"\n", at, 4+d%2, 4-d%2)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestRoughPressedOnTheCheckinLandsInTheJournalAndChangesTodaysReading(t *testing.T) {
	home, env, watcher, addr := newDesktop(t)
	writeSettings(t, home, checkinFirstActive)
	writeCheckins(t, home, 10)
	server := testdesk.StartNotifyServer(t, addr, "actions", "body")
	mutter := testdesk.StartMutterIdle(t, addr)
	mutter.SetIdle(time.Second)
	s := &session{home: home, addr: addr, env: env, watcher: watcher, daemon: start(t, env)}
	s.item = waitForTray(t, watcher)

	call := waitForNotification(t, server, "How is your body today?")
	for _, key := range []string{"checkin-good", "checkin-soso", "checkin-rough", "checkin-details"} {
		if !strings.Contains(strings.Join(call.Actions, ","), key+",") {
			t.Errorf("the check-in offers no %s button: %v", key, call.Actions)
		}
	}
	server.Invoke(call.ID, "checkin-rough")
	var day string
	testdesk.WaitFor(t, 5*time.Second, "Rough to count as today's check-in", func() bool {
		st := s.status(t)
		if st.Day != nil {
			day = fmt.Sprintf("%+v", *st.Day)
		}
		return st.Day != nil && st.Day.CheckedIn && st.Day.Readiness == "lower than usual"
	})
	st := s.status(t)
	weekday := time.Now().Weekday().String()
	if !st.Day.LowReadiness || !strings.Contains(st.Day.Why, weekday) || len(st.Day.Moved) == 0 {
		t.Fatalf("status after Rough: %s; want low readiness with the items that moved, on a %s plan", day, weekday)
	}
	plain, _, _ := run(t, env, "status")
	if !strings.Contains(plain, "readiness lower than usual") {
		t.Errorf("plain status does not say today's readiness:\n%s", plain)
	}
	s.stop(t)
	assertJournal(t, home, `"kind":"checkin","stiffness":4,"mood":2,"energy":2,"sleep":2`)
}

func TestTheCheckinFromTheCommandLineRoundTripsAndBadValuesAreUsageErrors(t *testing.T) {
	s := startSession(t, postureOnly)
	if _, stderr, code := run(t, s.env, "checkin", "--mood", "9"); code != 2 || !strings.Contains(stderr, "-mood") || !strings.Contains(stderr, "1 to 5") {
		t.Fatalf("checkin --mood 9: exit %d, %q", code, stderr)
	}
	if _, stderr, code := run(t, s.env, "checkin", "--load", "heavy"); code != 2 || !strings.Contains(stderr, "rest, easy or hard") {
		t.Fatalf("checkin --load heavy: exit %d, %q", code, stderr)
	}
	if _, stderr, code := run(t, s.env, "checkin", "--energy", "3", "--load", "hard"); code != 0 {
		t.Fatalf("checkin: exit %d, %s", code, stderr)
	}
	st := s.status(t)
	if st.Day == nil || !st.Day.CheckedIn || st.Day.Type != "hard" || !strings.Contains(st.Day.Why, "check-in") {
		t.Fatalf("status after a hard check-in: %+v", st.Day)
	}
	s.stop(t)
	assertJournal(t, s.home, `"kind":"checkin","energy":3,"load":"hard"`)
}

// waitForNotification reads the server's notifications until one has the
// summary, so a test is not thrown by another that came first.
func waitForNotification(t *testing.T, server *testdesk.NotifyServer, summary string) testdesk.NotifyCall {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case call := <-server.Notified():
			if call.Summary == summary {
				return call
			}
		case <-deadline:
			t.Fatalf("no notification %q reached the server", summary)
		}
	}
}
