package daemon

import (
	"strings"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
)

// note logs what the engine's loop tells, in the daemon's language: a
// failure it goes on after as a warning, a recovery as information.
func (d *daemon) note(n reminders.Note) {
	if n.Recovery() {
		d.opts.Log.Info(noteWords(n))
		return
	}
	d.opts.Log.Warn(noteWords(n))
}

// noteWords is a note of the engine's loop as a person reads it; the
// error it carries stays as it is, the engine's own typed ones in words.
func noteWords(n reminders.Note) string {
	data := map[string]any{"Count": n.Count, "Prompt": n.Prompt}
	if n.Err != nil {
		data["Error"] = inWords(n.Err).Error()
	}
	switch n.Kind {
	case reminders.NoteActivityFailed:
		return i18n.T("daemon.engine.activity_failed", data)
	case reminders.NoteActivityBack:
		return i18n.T("daemon.engine.activity_back")
	case reminders.NoteUndelivered:
		return undeliveredWords(n.Event, data)
	case reminders.NoteJournalDropped:
		data["Line"] = lineWords(n.Event)
		return i18n.N("daemon.engine.journal_dropped", n.Count, data)
	case reminders.NoteJournalRefused:
		return i18n.N("daemon.engine.journal_refused", n.Count, data)
	case reminders.NoteJournalBack:
		return i18n.T("daemon.engine.journal_back")
	case reminders.NoteStateUnsaved:
		return inWords(n.Err).Error()
	case reminders.NotePromptOpen:
		return i18n.T("daemon.engine.prompt_unclosed", data)
	case reminders.NoteCheckinOpen:
		return i18n.T("daemon.engine.checkin_unclosed", data)
	}
	return n.String()
}

// undeliveredWords says which event could not reach the screen.
func undeliveredWords(ev reminders.Event, data map[string]any) string {
	switch ev := ev.(type) {
	case reminders.PromptShown:
		data["Prompt"] = ev.Prompt.ID
		return i18n.T("daemon.engine.prompt_unshown", data)
	case reminders.PromptReissued:
		data["Prompt"] = ev.Prompt.ID
		return i18n.T("daemon.engine.prompt_unshown", data)
	case reminders.PromptClosed:
		data["Prompt"] = ev.ID
		return i18n.T("daemon.engine.prompt_unclosed", data)
	case reminders.CheckinDue:
		return i18n.T("daemon.engine.checkin_unshown", data)
	case reminders.CheckinClosed:
		return i18n.T("daemon.engine.checkin_unclosed", data)
	case reminders.ReviewDue:
		return i18n.T("daemon.engine.review_unshown", data)
	}
	if e, ok := data["Error"].(string); ok {
		return e
	}
	return ""
}

// lineWords names a journal line by the event that carried it: "posture
// done at 05.12.26 14:30", "the check-in at …".
func lineWords(ev reminders.Event) string {
	switch ev := ev.(type) {
	case reminders.CheckinJournaled:
		return i18n.T("daemon.engine.line_checkin", map[string]any{"Time": dateTime(ev.Checkin.Time)})
	case reminders.Woke:
		return i18n.T("daemon.engine.line_wake", map[string]any{"Time": dateTime(ev.At)})
	case reminders.Journaled:
		return i18n.T("daemon.engine.line_outcome", map[string]any{
			"Anchor": ev.Record.Anchor.InText(), "Outcome": outcomeWord(ev.Record.Outcome), "Time": dateTime(ev.Record.Time),
		})
	}
	return ""
}

// outcomeWord is how a prompt ended, as the progress window says it.
func outcomeWord(o reminders.Outcome) string {
	if !o.Valid() {
		return o.String()
	}
	return i18n.T("ui.outcome." + strings.ReplaceAll(o.String(), "-", "_"))
}

// dateTime is a moment as the locale writes its date and clock.
func dateTime(t time.Time) string { return i18n.Date(t) + " " + i18n.Clock(t) }
