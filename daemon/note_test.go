package daemon

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/internal/i18ntest"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

func TestARefusingJournalIsLoggedInGerman(t *testing.T) {
	i18ntest.Speak(t, "de")
	full := errors.New("journal /tmp/j: no space left on device")
	got := noteWords(reminders.Note{Kind: reminders.NoteJournalRefused, Err: full, Count: 3})
	if want := full.Error() + "; 3 Ergebnisse warten darauf, geschrieben zu werden"; got != want {
		t.Errorf("a refused journal line reads %q, want %q", got, want)
	}
	dropped := reminders.Note{Kind: reminders.NoteJournalDropped, Count: reminders.MaxPending, Event: reminders.Journaled{
		Record: reminders.Record{Time: time.Date(2026, 12, 3, 14, 30, 0, 0, time.Local), Anchor: settings.Posture, Outcome: reminders.OutcomeDone},
	}}
	got = noteWords(dropped)
	for _, want := range []string{"das Journal hat 1000 Zeilen abgelehnt", "erledigt", "14:30", "verworfen"} {
		if !strings.Contains(got, want) {
			t.Errorf("a dropped journal line reads %q, which lacks %q", got, want)
		}
	}
}

// Every note has words of its own, never the engine's English.
func TestEveryNoteHasWords(t *testing.T) {
	i18ntest.Speak(t, "de")
	err := errors.New("boom")
	at := time.Date(2026, 12, 3, 9, 0, 0, 0, time.Local)
	notes := []reminders.Note{
		{Kind: reminders.NoteActivityFailed, Err: err},
		{Kind: reminders.NoteActivityBack},
		{Kind: reminders.NoteUndelivered, Err: err, Event: reminders.PromptShown{Prompt: reminders.Prompt{ID: 7}}},
		{Kind: reminders.NoteUndelivered, Err: err, Event: reminders.PromptReissued{Prompt: reminders.Prompt{ID: 7}}},
		{Kind: reminders.NoteUndelivered, Err: err, Event: reminders.PromptClosed{ID: 7}},
		{Kind: reminders.NoteUndelivered, Err: err, Event: reminders.CheckinDue{Day: at}},
		{Kind: reminders.NoteUndelivered, Err: err, Event: reminders.CheckinClosed{Day: at}},
		{Kind: reminders.NoteUndelivered, Err: err, Event: reminders.ReviewDue{Week: at}},
		{Kind: reminders.NoteJournalDropped, Count: 1000, Event: reminders.CheckinJournaled{Checkin: reminders.Checkin{Time: at}}},
		{Kind: reminders.NoteJournalDropped, Count: 1000, Event: reminders.Woke{At: at}},
		{Kind: reminders.NoteJournalRefused, Err: err, Count: 1},
		{Kind: reminders.NoteJournalBack},
		{Kind: reminders.NoteStateUnsaved, Err: &reminders.StateError{Op: reminders.StateSave, Path: "/s", Err: err}},
		{Kind: reminders.NotePromptOpen, Prompt: 7, Err: err},
		{Kind: reminders.NoteCheckinOpen, Err: err},
	}
	for _, n := range notes {
		got := noteWords(n)
		if got == "" || got == n.String() || strings.Contains(got, "daemon.engine") || strings.Contains(got, "<no value>") {
			t.Errorf("%v reads %q", n, got)
		}
		if n.Err != nil && !strings.Contains(got, "boom") {
			t.Errorf("%v reads %q, without its error", n, got)
		}
	}
}
