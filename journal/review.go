package journal

import (
	"fmt"
	"strings"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// Review is one ISO week looked back on, against the week before: what
// the weekly notification and `microrest review` say, so a person sees
// over weeks whether the practice is gaining ground.
type Review struct {
	// Week is the week reviewed.
	Week ISOWeek
	// Wins counts the week's small wins; WinsByAnchor splits them.
	Wins         int
	WinsByAnchor map[settings.Kind]int
	// PrevWins counts the wins of the week before, to compare with.
	PrevWins int
	// WinDays counts the week's days with at least one win, of 7.
	WinDays int
	// Items are the check-in items answered in either week, in the order
	// the check-in asks them.
	Items []ItemMove
	// Bedtime and Wake say how steady the week's bedtimes and wake times
	// were.
	Bedtime, Wake Steadiness
}

// ItemMove is how one check-in item moved: its mean answer the week
// before (From, over FromN answers) and this week (To, over ToN). A mean
// over no answers is 0.
type ItemMove struct {
	Item       reminders.CheckinItem
	From, To   float64
	FromN, ToN int
}

// weekDays is the length of the span a Review reads: the week and the
// week before.
const weekDays = 14

// ReviewFile streams the journal at path into the review of week w, with
// days starting at rollover (settings.DayStartsAt). A missing file is an
// empty journal; the report says which lines were skipped.
func ReviewFile(path string, w ISOWeek, rollover settings.ClockTime) (Review, ReadReport, error) {
	t := NewTally(w.Sunday().Start(rollover, time.UTC), rollover, weekDays)
	report, err := readPath(path, func(l Line) error {
		t.AddLine(l)
		return nil
	})
	if err != nil {
		return Review{Week: w}, report, err
	}
	return reviewOf(w, t.Stats().Days), report, nil
}

// reviewOf reviews w from the 14 days that end on its Sunday.
func reviewOf(w ISOWeek, days []Day) Review {
	before, week := days[:7], days[7:]
	r := Review{Week: w, WinsByAnchor: map[settings.Kind]int{}}
	for _, d := range week {
		for k, n := range d.Wins {
			r.WinsByAnchor[k] += n
			r.Wins += n
		}
		if d.hasWin() {
			r.WinDays++
		}
	}
	for _, d := range before {
		for _, n := range d.Wins {
			r.PrevWins += n
		}
	}
	for _, it := range reminders.CheckinItems {
		from, fromN := itemMean(before, it)
		to, toN := itemMean(week, it)
		if fromN+toN > 0 {
			r.Items = append(r.Items, ItemMove{Item: it, From: from, To: to, FromN: fromN, ToN: toN})
		}
	}
	rhythm := RhythmOf(week)
	r.Bedtime, r.Wake = rhythm.Bedtime, rhythm.Wake
	return r
}

// itemMean is the mean answer to it over days, and how many answered it.
func itemMean(days []Day, it reminders.CheckinItem) (float64, int) {
	sum, n := 0, 0
	for _, d := range days {
		if a := d.Checkin.answer(it); a > 0 {
			sum += a
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(sum) / float64(n), n
}

// Empty reports whether the week recorded no wins, check-ins or wake
// times, which the review says plainly rather than as a row of zeros.
func (r Review) Empty() bool {
	if r.Wins > 0 || r.Wake.Of > 0 {
		return false
	}
	for _, m := range r.Items {
		if m.ToN > 0 {
			return false
		}
	}
	return true
}

// Headline is the review in one line, a notification's title:
// "Week 48: 41 wins, 6 of 7 days".
func (r Review) Headline() string {
	if r.Empty() {
		return fmt.Sprintf("Week %d: nothing recorded", r.Week.Week)
	}
	return fmt.Sprintf("Week %d: %s, %d of 7 days", r.Week.Week, plural(r.Wins, "win", "wins"), r.WinDays)
}

// Lines is the review as text, a line per point, under the Headline: the
// body of the weekly notification and what `microrest review` prints.
func (r Review) Lines() []string {
	lines := []string{fmt.Sprintf("%s, %s", r.Week, weekSpan(r.Week))}
	if r.Empty() {
		return append(lines, "Nothing was recorded that week: no wins, check-ins or wake times.")
	}
	lines = append(lines, "Wins: "+r.winsWords())
	if r.Wins > 0 {
		lines = append(lines, "  "+r.anchorWords())
	}
	lines = append(lines, fmt.Sprintf("Consistency: a win on %d of 7 days", r.WinDays))
	if len(r.Items) > 0 {
		lines = append(lines, "Check-in, mean answer the week before → this week:")
		for _, m := range r.Items {
			lines = append(lines, "  "+m.String())
		}
	}
	lines = append(lines, "Bedtime: "+steadyWords(r.Bedtime, "no wind-down answered this week"))
	return append(lines, "Wake time: "+steadyWords(r.Wake, "not recorded this week"))
}

func (r Review) winsWords() string {
	switch {
	case r.PrevWins == 0:
		return fmt.Sprintf("%d (none the week before)", r.Wins)
	case r.Wins > r.PrevWins:
		return fmt.Sprintf("%d, up from %d the week before", r.Wins, r.PrevWins)
	case r.Wins < r.PrevWins:
		return fmt.Sprintf("%d, down from %d the week before", r.Wins, r.PrevWins)
	}
	return fmt.Sprintf("%d, as many as the week before", r.Wins)
}

// anchorWords lists the anchors that had wins, in display order.
func (r Review) anchorWords() string {
	var parts []string
	for _, k := range settings.Kinds {
		if n := r.WinsByAnchor[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, n))
		}
	}
	return strings.Join(parts, ", ")
}

// String reads "energy 3.1 → 3.6 (5 and 6 answers)", or says which week
// had no answers.
func (m ItemMove) String() string {
	switch {
	case m.FromN == 0:
		return fmt.Sprintf("%s %.1f (%s; none the week before)", m.Item, m.To, plural(m.ToN, "answer", "answers"))
	case m.ToN == 0:
		return fmt.Sprintf("%s %.1f the week before (%s; none this week)", m.Item, m.From, plural(m.FromN, "answer", "answers"))
	}
	return fmt.Sprintf("%s %.1f → %.1f (%d and %d answers)", m.Item, m.From, m.To, m.FromN, m.ToN)
}

func steadyWords(s Steadiness, none string) string {
	if s.Of == 0 {
		return none
	}
	return fmt.Sprintf("typically %s, %s", s.Clock(), s)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// weekSpan writes a week's days as "23–29 Nov 2026", naming a month or
// year only where the week crosses one.
func weekSpan(w ISOWeek) string {
	m, s := w.Monday().midday(), w.Sunday().midday()
	switch {
	case m.Month() == s.Month():
		return fmt.Sprintf("%d–%s", m.Day(), s.Format("2 Jan 2006"))
	case m.Year() == s.Year():
		return fmt.Sprintf("%s – %s", m.Format("2 Jan"), s.Format("2 Jan 2006"))
	}
	return fmt.Sprintf("%s – %s", m.Format("2 Jan 2006"), s.Format("2 Jan 2006"))
}
