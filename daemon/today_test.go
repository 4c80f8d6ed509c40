package daemon

import (
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

func TestTodaysPlanChangesReachTheEngineAsItsCommands(t *testing.T) {
	lunch, walk := settings.Clock(12, 30), settings.Clock(13, 15)
	tests := []struct {
		name string
		req  control.Request
		want reminders.Command
	}{
		{"skip a clock time", control.Request{V: 1, Verb: control.VerbSkipToday, Anchor: "rest", At: "15:00"},
			reminders.SkipToday{Slot: reminders.Slot{Anchor: settings.Rest, At: settings.Clock(15, 0)}}},
		{"move a meal", control.Request{V: 1, Verb: control.VerbMoveToday, Anchor: "movement", At: "12:30", Meal: true, To: "13:15"},
			reminders.MoveToday{Slot: reminders.Slot{Anchor: settings.Movement, At: lunch, Meal: true}, To: walk}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := requestCommand(tc.req, settings.Defaults())
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("requestCommand = %#v, %v; want %#v", got, err, tc.want)
			}
		})
	}
}

func TestAPlanChangeThatDoesNotNameItsClockTimeIsRefusedWithWhatToSend(t *testing.T) {
	tests := []struct {
		name string
		req  control.Request
		want string
	}{
		{"no anchor", control.Request{Verb: control.VerbSkipToday, At: "15:00"}, "name the anchor"},
		{"an unknown anchor", control.Request{Verb: control.VerbSkipToday, Anchor: "nap", At: "15:00"}, "nap"},
		{"no clock time", control.Request{Verb: control.VerbSkipToday, Anchor: "rest"}, "name the clock time"},
		{"a clock time that is none", control.Request{Verb: control.VerbSkipToday, Anchor: "rest", At: "25:00"}, "25:00"},
		{"a move to nowhere", control.Request{Verb: control.VerbMoveToday, Anchor: "rest", At: "15:00"}, "where it moves to"},
		{"a move to no time", control.Request{Verb: control.VerbMoveToday, Anchor: "rest", At: "15:00", To: "later"}, "later"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cmd, err := requestCommand(tc.req, settings.Defaults())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("requestCommand = %#v, %v; want an error naming %q", cmd, err, tc.want)
			}
		})
	}
}

func TestTheTimelineKeepsEachEntrysSlotAndState(t *testing.T) {
	at := time.Date(2026, 12, 1, 13, 15, 0, 0, time.UTC)
	snap := reminders.Snapshot{Timeline: []reminders.TimelineItem{
		{Anchor: settings.Posture, Time: at.Add(-4 * time.Hour), State: reminders.TimelineDone},
		{Anchor: settings.Movement, Time: at, Slot: &reminders.Slot{Anchor: settings.Movement, At: settings.Clock(12, 30), Meal: true}, Moved: true, State: reminders.TimelineUpcoming},
	}}
	want := []control.TimelineEntry{
		{Anchor: "posture", Time: at.Add(-4 * time.Hour), State: "done"},
		{Anchor: "movement", Time: at, At: "12:30", Meal: true, Moved: true, State: "upcoming"},
	}
	if got := todayStatus(snap).Timeline; !reflect.DeepEqual(got, want) {
		t.Fatalf("timeline = %+v, want %+v", got, want)
	}
	if got := todayStatus(reminders.Snapshot{}).Timeline; got == nil {
		t.Fatal("an empty day's timeline is null; scripts expect []")
	}
}

func TestTheWeeklyReviewNotificationReviewsTheWeekBeforeFromTheJournal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, err := journal.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// Week 48 of 2026 runs from Monday 23 November to Sunday 29.
	for _, d := range []int{23, 24, 26} {
		e := journal.Entry{Time: time.Date(2026, 11, d, 10, 0, 0, 0, time.Local), Anchor: settings.Movement, Outcome: reminders.OutcomeDone}
		if err := j.Append(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	n := &noticeRecorder{}
	shown := make(chan journal.Review, 1)
	r := reviewer{Notifier: n, log: slog.New(slog.NewTextHandler(os.Stderr, nil)), journalPath: path,
		rollover: func() settings.ClockTime { return settings.Clock(4, 0) }, shown: shown}
	monday := time.Date(2026, 11, 30, 4, 0, 0, 0, time.Local)
	if err := r.ShowReview(monday); err != nil {
		t.Fatal(err)
	}
	var rev journal.Review
	select {
	case rev = <-shown:
	case <-time.After(5 * time.Second):
		t.Fatal("no review shown within 5s")
	}
	if rev.Week.String() != "2026-W48" || rev.Wins != 3 || rev.WinDays != 3 {
		t.Fatalf("review of %s: %d wins on %d days; want 2026-W48, 3 on 3", rev.Week, rev.Wins, rev.WinDays)
	}
	if len(n.notices) != 1 || !strings.HasPrefix(n.notices[0], rev.Headline()+": ") {
		t.Fatalf("notices %q; want one headed %q", n.notices, rev.Headline())
	}
}
