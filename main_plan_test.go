package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/internal/testdesk"
	"github.com/microrest/microrest/settings"
)

// request sends one raw request to the session's daemon.
func (s *session) request(t *testing.T, req control.Request) control.Reply {
	t.Helper()
	req.V = control.Version
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	rep, err := control.Call(ctx, filepath.Join(s.runtime(), "microrest"), req)
	if err != nil {
		t.Fatalf("%s: %v", req.Verb, err)
	}
	return rep
}

// timelineAt finds the timeline entry of anchor k planned at clock at.
func timelineAt(st control.Status, k settings.Kind, at string) (control.TimelineEntry, bool) {
	if st.Today == nil {
		return control.TimelineEntry{}, false
	}
	for _, e := range st.Today.Timeline {
		if e.Anchor == k.String() && e.At == at {
			return e, true
		}
	}
	return control.TimelineEntry{}, false
}

func TestTodaysPlanIsSkippedAndMovedThroughTheDaemonAndTheDayIsJournaled(t *testing.T) {
	now := time.Now()
	hhmm := func(t time.Time) string { return t.Format("15:04") }
	// The day starts an hour ago, so every time used here is today's,
	// whenever the test runs.
	at, to := now.Add(30*time.Minute), now.Add(90*time.Minute)
	top := fmt.Sprintf("day_starts_at = %q\n", hhmm(now.Add(-time.Hour)))
	s := startSession(t, testdesk.OneAnchor(settings.Rest, top, fmt.Sprintf("every = \"off\"\nat = [%q]\n", hhmm(at))))

	e, ok := timelineAt(s.status(t), settings.Rest, hhmm(at))
	if !ok || e.State != "upcoming" || e.Moved || e.Time.Format("15:04") != hhmm(at) {
		t.Fatalf("the rest at %s is %+v (found %v) in today's timeline; want upcoming at its time", hhmm(at), e, ok)
	}
	rep := s.request(t, control.Request{Verb: control.VerbMoveToday, Anchor: "rest", At: hhmm(at), To: hhmm(to)})
	if !rep.OK {
		t.Fatalf("move-today: %s", rep.Error)
	}
	if e, _ := timelineAt(*rep.Status, settings.Rest, hhmm(at)); !e.Moved || e.Time.Format("15:04") != hhmm(to) {
		t.Fatalf("after the move the rest is %+v; want moved to %s", e, hhmm(to))
	}
	if stdout, stderr, code := run(t, s.env, "today"); code != 0 || !strings.Contains(stdout, hhmm(to)) || !strings.Contains(stdout, "moved from "+hhmm(at)) {
		t.Fatalf("microrest today: exit %d, stderr %q, stdout:\n%s\nwant the rest at %s, moved from %s", code, stderr, stdout, hhmm(to), hhmm(at))
	}
	rep = s.request(t, control.Request{Verb: control.VerbSkipToday, Anchor: "rest", At: hhmm(at)})
	if e, _ := timelineAt(*rep.Status, settings.Rest, hhmm(at)); !rep.OK || e.State != "skipped" {
		t.Fatalf("after the skip (%q) the rest is %+v; want skipped", rep.Error, e)
	}
	rep = s.request(t, control.Request{Verb: control.VerbSkipToday, Anchor: "rest", At: "03:07"})
	if rep.OK || !strings.Contains(rep.Error, "03:07") {
		t.Fatalf("skip-today of a clock time the rest does not have: ok=%v %q; want an error naming 03:07", rep.OK, rep.Error)
	}
	// The plan is today's, not the settings': the file is as written.
	if data, err := os.ReadFile(filepath.Join(s.home, ".config", "microrest", "settings.toml")); err != nil || !strings.Contains(string(data), hhmm(at)) || strings.Contains(string(data), hhmm(to)) {
		t.Fatalf("settings.toml changed by a change to today's plan (%v):\n%s", err, data)
	}
	// The first active minute of the day is a journal line.
	journalPath := filepath.Join(s.home, ".local", "share", "microrest", "journal.jsonl")
	testdesk.WaitFor(t, 5*time.Second, "the day's wake line in the journal", func() bool {
		data, _ := os.ReadFile(journalPath)
		return strings.Contains(string(data), `"kind":"wake"`)
	})
	s.stop(t)
}
