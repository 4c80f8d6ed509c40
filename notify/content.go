package notify

import (
	"slices"
	"strings"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/window"
)

// guided are the anchors whose notifications offer Start: the timed
// sessions (`microrest breathe`, the movement routine). Servers show few
// buttons (GNOME Shell three), so posture's checklist, also a session
// (window.For), is reached through the prompt window instead.
var guided = []settings.Kind{settings.Breath, settings.Movement}

// The keys a button or a click sends back with the notification. Start
// sends the verb of the window it opens, e.g. "breathe".
const (
	keyDone   = "done"
	keySnooze = "snooze"
	keySkip   = "skip"
	keyOpen   = "open"
)

// button is one answer offered on a notification.
type button struct {
	Key   string
	Label string
}

// actionFor reads a key sent back for prompt id into what it asks for;
// ok is false for a key microrest never sends.
func actionFor(key string, id uint64) (a Action, ok bool) {
	a.Prompt = id
	switch key {
	case keyDone:
		a.Command = reminders.Done{Prompt: id}
	case keySnooze:
		a.Command = reminders.Snooze{Prompt: id}
	case keySkip:
		a.Command = reminders.Skip{Prompt: id}
	case keyOpen:
		a.Window = window.Prompt
	default:
		v, ok := window.Parse(key)
		if !ok || !startable(v) {
			return Action{}, false
		}
		a.Window = v
	}
	return a, true
}

// startable reports whether v is the session of a guided anchor, the only
// windows a Start button opens.
func startable(v window.Verb) bool {
	for _, k := range guided {
		if w, _ := window.For(k); w == v {
			return true
		}
	}
	return false
}

// content is a prompt in words, independent of how a platform shows it.
type content struct {
	Summary string
	Items   []reminders.Item
	Buttons []button
}

// compose puts a prompt into words.
func compose(p reminders.Prompt) content {
	summary := Title(p)
	if p.Repeat > 0 {
		summary = i18n.T("notify.repeat", map[string]any{"Title": summary, "Number": p.Repeat + 1})
	}
	return content{Summary: summary, Items: p.Items, Buttons: buttons(p)}
}

// buttons lists the answers in the order servers show them. Answers come
// before Start because some servers show only three buttons (GNOME Shell's
// MAX_NOTIFICATION_BUTTONS); a click on the notification opens the prompt,
// where Start is offered too. Start opens the session of the prompt's
// first guided anchor.
func buttons(p reminders.Prompt) []button {
	bs := []button{{keyDone, i18n.T("answer.done")}, {keySnooze, snoozeLabel(p)}}
	if p.CanSkip {
		bs = append(bs, button{keySkip, i18n.T("answer.skip")})
	}
	for _, it := range p.Items {
		if v, ok := window.For(it.Anchor); ok && slices.Contains(guided, it.Anchor) {
			return append(bs, button{v.String(), i18n.T("notify.start")})
		}
	}
	return bs
}

// snoozeLabel names the snooze length the engine gave the prompt when
// every anchor on it shares one; with several lengths each anchor keeps
// its own, which a single label cannot say.
func snoozeLabel(p reminders.Prompt) string {
	d := p.Snooze()
	if d < time.Minute {
		return i18n.T("answer.snooze")
	}
	return i18n.N("answer.snooze_minutes", int(d.Round(time.Minute)/time.Minute), nil)
}

// Body renders the practices, one per line. With markup the anchor names
// are bold and all text is escaped, since a server that parses markup
// would otherwise eat a "<" in a practice. Without buttons, a last line
// says where to answer.
func (c content) Body(markup, inTray bool) string {
	lines := make([]string, 0, len(c.Items)+1)
	for _, it := range c.Items {
		lines = append(lines, c.line(it, markup))
	}
	if inTray {
		lines = append(lines, escapeIf(markup, i18n.T("notify.answer_in_tray")))
	}
	return strings.Join(lines, "\n")
}

// line is one practice, a default one in the process's language; a
// prompt of one anchor already names it in the summary, so its line is
// the practice alone.
func (c content) line(it reminders.Item, markup bool) string {
	practice := escapeIf(markup, settings.PracticeText(it.Practice))
	if len(c.Items) == 1 {
		return practice
	}
	title := itemTitle(it)
	if markup {
		title = "<b>" + escapeMarkup(title) + "</b>"
	}
	return i18n.T("notify.item_line", map[string]any{"Anchor": title, "Practice": practice})
}

func escapeIf(markup bool, s string) string {
	if markup {
		return escapeMarkup(s)
	}
	return s
}

// markupEscaper escapes what the notification spec's XML-like body markup
// would otherwise parse.
var markupEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func escapeMarkup(s string) string { return markupEscaper.Replace(s) }
