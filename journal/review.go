package journal

import (
	"strings"
	"time"

	"github.com/microrest/microrest/i18n"

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

// Headline is the review in one line, a notification's title, in the
// process's language: "Week 48: 41 wins, 6 of 7 days".
func (r Review) Headline() string {
	if r.Empty() {
		return i18n.T("journal.review.headline_empty", map[string]any{"Week": r.Week.Week})
	}
	return i18n.N("journal.review.headline", r.WinDays, map[string]any{"Week": r.Week.Week, "Wins": i18n.N("count.wins", r.Wins, nil)})
}

// Lines is the review as text, a line per point, under the Headline: the
// body of the weekly notification and what `microrest review` prints, in
// the process's language.
func (r Review) Lines() []string {
	lines := []string{i18n.T("journal.review.week", map[string]any{"Week": r.Week.String(), "Span": weekSpan(r.Week)})}
	if r.Empty() {
		return append(lines, i18n.T("journal.review.empty"))
	}
	lines = append(lines, i18n.T("journal.review.wins", map[string]any{"Wins": r.winsWords()}))
	if r.Wins > 0 {
		lines = append(lines, "  "+r.anchorWords())
	}
	lines = append(lines, i18n.N("journal.review.consistency", r.WinDays, nil))
	if len(r.Items) > 0 {
		lines = append(lines, i18n.T("journal.review.items"))
		for _, m := range r.Items {
			lines = append(lines, "  "+m.String())
		}
	}
	lines = append(lines, i18n.T("journal.review.bedtime", map[string]any{"Steadiness": steadyWords(r.Bedtime, i18n.T("journal.review.no_bedtime"))}))
	return append(lines, i18n.T("journal.review.wake", map[string]any{"Steadiness": steadyWords(r.Wake, i18n.T("journal.review.no_wake"))}))
}

func (r Review) winsWords() string {
	data := map[string]any{"Count": r.Wins, "Before": r.PrevWins}
	switch {
	case r.PrevWins == 0:
		return i18n.T("journal.review.wins_first", data)
	case r.Wins > r.PrevWins:
		return i18n.T("journal.review.wins_up", data)
	case r.Wins < r.PrevWins:
		return i18n.T("journal.review.wins_down", data)
	}
	return i18n.T("journal.review.wins_same", data)
}

// anchorWords lists the anchors that had wins, in display order:
// "movement 12, hydration 9".
func (r Review) anchorWords() string {
	var parts []string
	for _, k := range settings.Kinds {
		if n := r.WinsByAnchor[k]; n > 0 {
			parts = append(parts, i18n.T("journal.review.anchor_wins", map[string]any{"Anchor": k.InText(), "Count": n}))
		}
	}
	return strings.Join(parts, ", ")
}

// String reads "energy 3.1 → 3.6 (5 and 6 answers)", or says which week
// had no answers, in the process's language.
func (m ItemMove) String() string {
	data := map[string]any{"Item": itemName(m.Item), "From": meanText(m.From), "To": meanText(m.To)}
	switch {
	case m.FromN == 0:
		data["Answers"] = i18n.N("journal.review.answers", m.ToN, nil)
		return i18n.T("journal.review.item_new", data)
	case m.ToN == 0:
		data["Answers"] = i18n.N("journal.review.answers", m.FromN, nil)
		return i18n.T("journal.review.item_gone", data)
	}
	data["FromN"], data["ToN"] = m.FromN, m.ToN
	return i18n.T("journal.review.item_moved", data)
}

// steadyWords is "typically 22:40, within ±25 min on 5 of 6 days" (the
// time on the locale's clock: "10:40 PM" in the US), or none when there
// was no time.
func steadyWords(s Steadiness, none string) string {
	if s.Of == 0 {
		return none
	}
	c := s.Clock()
	return i18n.T("journal.review.typically", map[string]any{"Time": i18n.TimeOfDay(c.Hour(), c.Minute()), "Steadiness": s.String()})
}
