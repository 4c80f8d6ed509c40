package daemon

import (
	"strings"
	"time"

	"github.com/microrest/microrest/assets"
	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/notify"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/tray"
	"github.com/microrest/microrest/window"
)

// menuFor builds the whole tray menu from one snapshot; the tray renders
// it as given. Minutes are rounded so the menu changes at most once a
// minute, not on every sample.
func menuFor(snap reminders.Snapshot, s settings.Settings, settingsErr string, reading reminders.Reading) tray.Menu {
	status := statusLine(snap)
	switch {
	case snap.JournalError != "":
		status = i18n.T("tray.journal_error", map[string]any{"Error": snap.JournalError})
	case settingsErr != "":
		status = i18n.T("tray.settings_error", map[string]any{"Error": settingsErr})
	}
	items := []tray.Item{{Title: status}, {Title: todayLine(snap)}, {Title: dayLine(snap, reading)}, {Separator: true}}
	items = append(items, promptItems(snap.Prompt)...)
	items = append(items, takeNowItem(snap), pauseItem(snap, s), tray.Item{Separator: true},
		tray.Item{Title: checkinTitle(snap), Action: tray.Action{Window: window.Checkin}},
		tray.Item{Title: i18n.T("tray.progress"), Action: tray.Action{Window: window.Progress}},
		tray.Item{Title: i18n.T("tray.settings"), Action: tray.Action{Window: window.Settings}},
		tray.Item{Separator: true},
		tray.Item{Title: i18n.T("tray.quit"), Action: tray.Action{Quit: true}},
	)
	return tray.Menu{Icon: iconFor(snap), Tooltip: i18n.T("tray.tooltip", map[string]any{"Status": status}), Items: items}
}

func iconFor(snap reminders.Snapshot) assets.TrayState {
	switch {
	case snap.Prompt != nil:
		return assets.TrayDue
	case snap.Paused:
		return assets.TrayPaused
	}
	return assets.TrayNormal
}

// dayLine is today's plan in the words of `microrest status`.
func dayLine(snap reminders.Snapshot, reading reminders.Reading) string {
	st := statusFor("", snap, "")
	st.Day = dayStatus(snap, reading)
	return clip(st.DayLine(), menuTextMax)
}

// checkinTitle offers the check-in, and says when it waits for an answer.
func checkinTitle(snap reminders.Snapshot) string {
	switch {
	case snap.CheckinOpen:
		return i18n.T("tray.checkin_waiting")
	case snap.CheckedIn:
		return i18n.T("tray.checkin_again")
	}
	return i18n.T("tray.checkin")
}

// statusLine says what holds prompts back, or what comes next and when,
// in the words of `microrest status`.
func statusLine(snap reminders.Snapshot) string { return statusFor("", snap, "").Headline() }

func minutesUp(d time.Duration) int { return int((d + time.Minute - 1) / time.Minute) }

// todayLine counts today's wins, with goals where they are set, in the
// words of `microrest status`.
func todayLine(snap reminders.Snapshot) string { return statusFor("", snap, "").WinsLine() }

// promptItems offers the prompt's answers in the menu, so a prompt can be
// answered where notifications cannot carry buttons. Each carries the
// engine's command for this prompt's id.
func promptItems(p *reminders.Prompt) []tray.Item {
	if p == nil {
		return nil
	}
	line := i18n.T("tray.prompt_line", map[string]any{"Title": notify.Title(*p), "Practice": settings.PracticeText(p.Items[0].Practice)})
	items := []tray.Item{{Title: clip(line, menuTextMax)}}
	items = append(items,
		tray.Item{Title: i18n.T("answer.done"), Action: tray.Action{Command: reminders.Done{Prompt: p.ID}}},
		tray.Item{Title: snoozeTitle(p), Action: tray.Action{Command: reminders.Snooze{Prompt: p.ID}}},
	)
	if p.CanSkip {
		items = append(items, tray.Item{Title: i18n.T("answer.skip"), Action: tray.Action{Command: reminders.Skip{Prompt: p.ID}}})
	}
	return append(items, tray.Item{Separator: true})
}

// snoozeTitle names the snooze the engine gave the prompt, when its
// anchors share one.
func snoozeTitle(p *reminders.Prompt) string {
	if d := p.Snooze(); d >= time.Minute {
		return i18n.N("answer.snooze_minutes", minutesUp(d), nil)
	}
	return i18n.T("answer.snooze")
}

// menuTextMax keeps a practice line from widening the whole tray menu;
// the notification and the prompt window carry the full text.
const menuTextMax = 60

// clip shortens s to at most n characters, ending in an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimRight(string(r[:n-1]), " ,.:;") + "…"
}

func takeNowItem(snap reminders.Snapshot) tray.Item {
	item := tray.Item{Title: i18n.T("tray.take_break")}
	for _, a := range snap.Anchors {
		if a.Enabled {
			item.Children = append(item.Children, tray.Item{Title: control.AnchorTitle(a.Kind.String()), Action: tray.Action{Command: reminders.TakeNow{Anchor: a.Kind}}})
		}
	}
	return item
}

func pauseItem(snap reminders.Snapshot, s settings.Settings) tray.Item {
	if snap.Paused {
		return tray.Item{Title: i18n.T("tray.resume"), Action: tray.Action{Command: reminders.Resume{}}}
	}
	item := tray.Item{Title: i18n.T("tray.pause")}
	for _, d := range s.PauseChoices {
		title := i18n.T("tray.pause_for", map[string]any{"Duration": d.String()})
		item.Children = append(item.Children, tray.Item{Title: title, Action: tray.Action{Command: reminders.PauseFor{For: d.D()}}})
	}
	item.Children = append(item.Children, tray.Item{Title: i18n.T("tray.pause_until_tomorrow"), Action: tray.Action{Command: reminders.PauseUntilTomorrow{}}})
	return item
}
