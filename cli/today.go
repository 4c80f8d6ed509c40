package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// mealFlag says that a clock time named to today skip or move is a
// meal's, whose walk follows it.
const mealFlag = "--meal"

// The words after today that change one clock time of today's plan.
const (
	todaySkip = "skip"
	todayMove = "move"
)

// runToday prints today's timeline from the running daemon, or skips or
// moves one clock time of it for today only and prints the timeline that
// leaves.
func runToday(e *env, args []string) int {
	meal := false
	var words []string
	for _, a := range args {
		switch {
		case a == mealFlag:
			meal = true
		case len(a) > 1 && a[0] == '-':
			return usageErr(e, todayUsage())
		default:
			words = append(words, a)
		}
	}
	if len(words) == 0 {
		if meal {
			return usageErr(e, todayUsage())
		}
		return e.showToday(control.Request{Verb: control.VerbStatus})
	}
	req, problem := todayRequest(words, meal)
	if problem != "" {
		return usageErr(e, problem)
	}
	return e.showToday(req)
}

// todayRequest reads skip ANCHOR HH:MM or move ANCHOR HH:MM TO into the
// request that changes today's plan; problem is the usage error when the
// words do not read.
func todayRequest(words []string, meal bool) (req control.Request, problem string) {
	var verb control.Verb
	switch words[0] {
	case todaySkip:
		verb = control.VerbSkipToday
		if len(words) != 3 {
			return req, i18n.T("cli.today.skip_usage", placeholders())
		}
	case todayMove:
		verb = control.VerbMoveToday
		if len(words) != 4 {
			return req, i18n.T("cli.today.move_usage", placeholders())
		}
	default:
		return req, todayUsage()
	}
	name := strings.Join([]string{"today", words[0]}, " ") // the command as typed
	k, err := settings.ParseKind(words[1])
	if err != nil {
		return req, i18n.T("cli.usage.not_anchor", map[string]any{"Verb": name, "Arg": strconv.Quote(words[1]), "Anchors": anchorList()})
	}
	req = control.Request{Verb: verb, Anchor: k.String(), Meal: meal}
	times := []*string{&req.At, &req.To}
	for i, w := range words[2:] {
		c, err := settings.ParseClock(w)
		if err != nil {
			return control.Request{}, verbError(name, err)
		}
		*times[i] = c.String()
	}
	return req, ""
}

// todayUsage says what today takes.
func todayUsage() string { return i18n.T("cli.today.usage", placeholders()) }

// placeholders fills the syntax's placeholders in the person's language.
func placeholders() map[string]any {
	return map[string]any{"Anchor": i18n.T("cli.help.anchor"), "To": i18n.T("cli.today.to")}
}

// showToday sends req and prints the timeline of the status it answers
// with.
func (e *env) showToday(req control.Request) int {
	rep, code := e.call(req)
	if code != ExitOK {
		return code
	}
	if rep.Status == nil || rep.Status.Today == nil {
		e.fail(i18n.T("cli.today.old_daemon"))
		return ExitError
	}
	writeToday(e.stdout, rep.Status)
	return ExitOK
}

// writeToday prints the timeline one entry a line: its time, what it is
// and how it stands. Wins at other than a clock time are one line an
// anchor, as in the progress window.
func writeToday(w io.Writer, s *control.Status) {
	entries := s.Today.Folded()
	if len(entries) == 0 {
		fmt.Fprintln(w, i18n.T("ui.today.nothing"))
		return
	}
	whens := make([]string, len(entries))
	width := 0
	changeable := false
	for i, e := range entries {
		whens[i] = todayWhen(e.TimelineEntry, s)
		width = max(width, len([]rune(whens[i])))
		changeable = changeable || (e.At != "" && e.State == reminders.TimelineUpcoming.String())
	}
	for i, e := range entries {
		fmt.Fprintf(w, "  %-*s  %s\n", width, whens[i], todayWhat(e))
	}
	if changeable {
		fmt.Fprintln(w, i18n.T("cli.today.hint", placeholders()))
	}
}

// todayWhen is an entry's time of day; an interval anchor's next time is
// a projection, said as about when.
func todayWhen(e control.TimelineEntry, s *control.Status) string {
	clock := s.Clock(e.Time)
	if e.At == "" && e.State == reminders.TimelineUpcoming.String() {
		return i18n.T("ui.today.about", map[string]any{"Time": clock})
	}
	return clock
}

// todayWhat names an entry and says how it stands: "Rest ✓", "Posture:
// missed", "Breath: skipped today (moved from 14:30)".
func todayWhat(e control.FoldedEntry) string {
	title := todayTitle(e.TimelineEntry)
	data := map[string]any{"Title": title}
	var text string
	switch e.State {
	case reminders.TimelineDone.String():
		text = i18n.T("ui.today.done", data)
		if e.Count > 1 {
			text = i18n.N("ui.today.done_times", e.Count, data)
		}
	case reminders.TimelineDue.String():
		text = i18n.T("ui.today.due", data)
	case reminders.TimelineMissed.String():
		text = i18n.T("ui.today.missed", data)
	case reminders.TimelineSkipped.String():
		text = i18n.T("ui.today.skipped", data)
	default:
		text = title
	}
	if e.Moved {
		moved := map[string]any{"At": plannedClock(e.At)}
		if e.Meal {
			text += " (" + i18n.T("ui.today.meal.any.moved", moved) + ")"
		} else {
			text += " (" + i18n.T("ui.today.moved", moved) + ")"
		}
	}
	return text
}

// todayTitle is what an entry is: the anchor, or the walk after a meal
// named by the meal's planned time, the time skip and move take.
func todayTitle(e control.TimelineEntry) string {
	if e.Meal {
		return i18n.T("cli.today.meal_walk", map[string]any{"Meal": plannedClock(e.At)})
	}
	if t := control.AnchorTitle(e.Anchor); t != "" {
		return t
	}
	return e.Anchor
}

// plannedClock writes a planned "HH:MM" on the locale's clock; a string
// that does not read is shown as sent.
func plannedClock(at string) string {
	c, err := settings.ParseClock(at)
	if err != nil {
		return at
	}
	return i18n.TimeOfDay(c.Hour(), c.Minute())
}
