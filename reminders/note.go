package reminders

import (
	"fmt"
	"time"
)

// NoteKind says what a Note tells.
type NoteKind int

// The notes the loop gives. Each failure is said once, not at every
// sample or once per outcome; the loop goes on after all of them.
const (
	// NoteActivityFailed: the activity source failed to read (Err).
	// Until it reads again all time counts as active, and a lock or sleep
	// still as away. Said once per distinct error.
	NoteActivityFailed NoteKind = iota + 1
	// NoteActivityBack: the activity source reads again.
	NoteActivityBack
	// NoteUndelivered: Event could not be shown or closed (Err).
	NoteUndelivered
	// NoteJournalDropped: the journal has refused Count lines, as many as
	// the loop keeps, so the oldest is dropped: the line Event carries
	// (Journaled, CheckinJournaled or Woke).
	NoteJournalDropped
	// NoteJournalRefused: the journal refused a line (Err); Count lines
	// wait to be written. Said once per distinct error.
	NoteJournalRefused
	// NoteJournalBack: the journal takes lines again and every waiting
	// one is written.
	NoteJournalBack
	// NoteStateUnsaved: the state could not be saved (Err, a *StateError).
	NoteStateUnsaved
	// NotePromptOpen: at stop, prompt Prompt could not be taken off
	// screen (Err).
	NotePromptOpen
	// NoteCheckinOpen: at stop, the check-in could not be taken off
	// screen (Err).
	NoteCheckinOpen
)

// Note is something the loop tells the person's log, in typed fields and
// no words; the daemon puts it in words.
type Note struct {
	Kind   NoteKind
	Err    error  // what failed, for the kinds that name one
	Count  int    // lines refused or waiting (journal notes)
	Event  Event  // the undelivered event, or the dropped line's
	Prompt uint64 // the prompt left open (NotePromptOpen)
}

// Recovery reports whether the note tells of something working again,
// not of a failure.
func (n Note) Recovery() bool { return n.Kind == NoteActivityBack || n.Kind == NoteJournalBack }

// String is the note in English, for tests and debugging.
func (n Note) String() string {
	switch n.Kind {
	case NoteActivityFailed:
		return fmt.Sprintf("reminders: read activity: %v; until it reads again all time counts as active, and a lock or sleep still as away", n.Err)
	case NoteActivityBack:
		return "reminders: activity reads again"
	case NoteUndelivered:
		return fmt.Sprintf("reminders: %s: %v", n.Event, n.Err)
	case NoteJournalDropped:
		return fmt.Sprintf("reminders: the journal has refused %d lines; the oldest, %s, is dropped", n.Count, lineString(n.Event))
	case NoteJournalRefused:
		return fmt.Sprintf("reminders: %v; %d outcomes wait to be written", n.Err, n.Count)
	case NoteJournalBack:
		return "reminders: the journal takes outcomes again; every waiting one is written"
	case NoteStateUnsaved:
		return fmt.Sprintf("reminders: %v", n.Err)
	case NotePromptOpen:
		return fmt.Sprintf("reminders: close prompt %d: %v", n.Prompt, n.Err)
	case NoteCheckinOpen:
		return fmt.Sprintf("reminders: close the check-in: %v", n.Err)
	}
	return fmt.Sprintf("reminders: note(%d): %v", int(n.Kind), n.Err)
}

// lineString names a journal line by the event that carried it.
func lineString(ev Event) string {
	switch ev := ev.(type) {
	case CheckinJournaled:
		return "the check-in at " + ev.Checkin.Time.Format(time.DateTime)
	case Woke:
		return "the first active minute at " + ev.At.Format(time.DateTime)
	case Journaled:
		return fmt.Sprintf("%s %s at %s", ev.Record.Anchor, ev.Record.Outcome, ev.Record.Time.Format(time.DateTime))
	}
	return fmt.Sprint(ev)
}
