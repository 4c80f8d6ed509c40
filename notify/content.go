package notify

import (
	"slices"
	"strings"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// guided are the anchors whose notifications offer Start: the timed
// sessions (`microrest breathe`, the movement routine). Servers show few
// buttons (GNOME Shell three), so posture's checklist, also a session
// (settings.Kind.Session), is reached through the prompt window instead.
var guided = []settings.Kind{settings.Breath, settings.Movement}

// button is one answer offered on a notification.
type button struct {
	Kind  ActionKind
	Label string
}

// content is a prompt in words, independent of how a platform shows it.
type content struct {
	Summary string
	Items   []reminders.Item
	Buttons []button
}

// compose puts a prompt into words. snoozeFor may be nil.
func compose(p reminders.Prompt, snoozeFor func(settings.Kind) time.Duration) content {
	summary := p.Title()
	if p.Repeat > 0 {
		summary = tr(textRepeat, summary, p.Repeat+1)
	}
	return content{Summary: summary, Items: p.Items, Buttons: buttons(p, snoozeFor)}
}

// buttons lists the answers in the order servers show them. Answers come
// before Start because some servers show only three buttons (GNOME Shell's
// MAX_NOTIFICATION_BUTTONS); a click on the notification opens the prompt,
// where Start is offered too.
func buttons(p reminders.Prompt, snoozeFor func(settings.Kind) time.Duration) []button {
	bs := []button{{Done, tr(textDone)}, {Snooze, snoozeLabel(p, snoozeFor)}}
	if p.CanSkip {
		bs = append(bs, button{Skip, tr(textSkip)})
	}
	if slices.ContainsFunc(p.Items, func(it reminders.Item) bool { return slices.Contains(guided, it.Anchor) }) {
		bs = append(bs, button{Start, tr(textStart)})
	}
	return bs
}

// snoozeLabel names the snooze length when every anchor on the prompt
// shares one; with several lengths each anchor keeps its own, which a
// single label cannot say.
func snoozeLabel(p reminders.Prompt, snoozeFor func(settings.Kind) time.Duration) string {
	if snoozeFor == nil || len(p.Items) == 0 {
		return tr(textSnooze)
	}
	d := snoozeFor(p.Items[0].Anchor)
	for _, it := range p.Items[1:] {
		if snoozeFor(it.Anchor) != d {
			return tr(textSnooze)
		}
	}
	if d < time.Minute {
		return tr(textSnooze)
	}
	return tr(textSnoozeFor, int(d.Round(time.Minute)/time.Minute))
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
		lines = append(lines, escapeIf(markup, tr(textAnswerInTray)))
	}
	return strings.Join(lines, "\n")
}

// line is one practice; a prompt of one anchor already names it in the
// summary, so its line is the practice alone.
func (c content) line(it reminders.Item, markup bool) string {
	if len(c.Items) == 1 {
		return escapeIf(markup, it.Practice)
	}
	title := it.Anchor.Title()
	if markup {
		title = "<b>" + escapeMarkup(title) + "</b>"
	}
	return tr(textItemLine, title, escapeIf(markup, it.Practice))
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
