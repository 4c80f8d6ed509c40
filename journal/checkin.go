package journal

import (
	"bytes"
	"errors"
	"math"
	"strconv"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// Checkin is one daily check-in as the journal keeps it: the engine's
// check-in, whose fields and scales it shares, written and read in the
// journal's line format. Readiness reads these against the person's own
// last 28 days (docs/ARCHITECTURE.md §3); the journal only keeps them.
type Checkin reminders.Checkin

// lineKeys are the items' keys in a journal line and a CSV header, in the
// order a line writes them. A line says "sleep" where the engine says
// "sleep quality", so these are the journal's own and never its String.
var lineKeys = [...]string{
	reminders.Stiffness:    "stiffness",
	reminders.Mood:         "mood",
	reminders.Energy:       "energy",
	reminders.SleepQuality: "sleep",
}

// lineKey is the item's key in a journal line and a CSV header.
func lineKey(it reminders.CheckinItem) string { return lineKeys[it] }

// answer returns the answer c gives for the item, 0 when unanswered.
func (c Checkin) answer(it reminders.CheckinItem) int { return reminders.Checkin(c).Answer(it) }

// setAnswer is the parser's counterpart of answer.
func (c *Checkin) setAnswer(it reminders.CheckinItem, v int) {
	switch it {
	case reminders.Stiffness:
		c.Stiffness = v
	case reminders.Mood:
		c.Mood = v
	case reminders.Energy:
		c.Energy = v
	case reminders.SleepQuality:
		c.SleepQuality = v
	}
}

// minAnswer is the least answer a line holds: 0 means unanswered, which a
// line says by leaving the item out. reminders.MaxAnswer is the most.
const minAnswer = 1

// parseLoad matches bytes first, as parseAnchor does, because converting
// them for settings.ParseLoad allocates on every line.
func parseLoad(b []byte) (settings.TrainingLoad, error) {
	for _, l := range settings.Loads {
		if string(b) == l.String() {
			return l, nil
		}
	}
	return settings.ParseLoad(string(b))
}

// ErrNoAnswers refuses a check-in that answers nothing: it would carry no
// information, yet would replace that day's real check-in in statistics.
var ErrNoAnswers error = &said{func() string { return i18n.T("journal.problem.no_answers") }}

// answered reports whether c says anything at all.
func (c Checkin) answered() bool { return !reminders.Checkin(c).Empty() }

// checkCheckin refuses what could not be read back, as checkEntry does.
func checkCheckin(c Checkin) error {
	if err := checkTime(c.Time); err != nil {
		return err
	}
	for _, it := range reminders.CheckinItems {
		if v := c.answer(it); v != 0 && (v < minAnswer || v > reminders.MaxAnswer) {
			return &FieldError{lineKey(it), answerRange(strconv.Itoa(v))}
		}
	}
	if c.Load != settings.LoadUnset && !c.Load.Valid() {
		return &FieldError{"load", unknownValue(int(c.Load))}
	}
	if !c.answered() {
		return ErrNoAnswers
	}
	return nil
}

// kindCheckin is the "kind" a check-in line carries; outcome lines carry
// none, so files from before check-ins read unchanged.
const kindCheckin = "checkin"

// appendCheckin writes c as one JSON object in a fixed field order,
// leaving unanswered items out, without the trailing newline.
func appendCheckin(dst []byte, c Checkin) ([]byte, error) {
	if err := checkCheckin(c); err != nil {
		return dst, err
	}
	dst = append(dst, `{"time":"`...)
	dst = appendTime(dst, c.Time)
	dst = append(dst, `","kind":"`+kindCheckin+`"`...)
	for _, it := range reminders.CheckinItems {
		if v := c.answer(it); v != 0 {
			dst = append(dst, `,"`...)
			dst = append(dst, lineKey(it)...)
			dst = append(dst, `":`...)
			dst = strconv.AppendInt(dst, int64(v), 10)
		}
	}
	if c.Load != settings.LoadUnset {
		dst = append(dst, `,"load":"`...)
		dst = append(dst, c.Load.String()...)
		dst = append(dst, '"')
	}
	return append(dst, '}'), nil
}

// MarshalJSON writes the check-in line format, as Entry does for outcomes.
func (c Checkin) MarshalJSON() ([]byte, error) { return appendCheckin(nil, c) }

// UnmarshalJSON reads the check-in line format and refuses any other kind.
func (c *Checkin) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return nil
	}
	l, err := parseLine(b, nil)
	if err != nil {
		return err
	}
	if l.Kind != KindCheckin {
		return &FieldError{"kind", errors.New(i18n.T("journal.problem.not_checkin", map[string]any{"Kind": l.Kind.String()}))}
	}
	*c = l.Checkin
	return nil
}

// parseAnswer reads an item's JSON value. Any number whose value is a whole
// number from 1 to 5 counts, so "3.0" reads as encoding/json would read it.
func parseAnswer(tok []byte) (int, error) {
	if len(tok) == 1 && tok[0] >= '0'+minAnswer && tok[0] <= '0'+reminders.MaxAnswer {
		return int(tok[0] - '0'), nil
	}
	if len(tok) == 0 || (tok[0] != '-' && (tok[0] < '0' || tok[0] > '9')) {
		return 0, errors.New(i18n.T("journal.problem.not_answer", map[string]any{"Value": string(tok), "Min": minAnswer, "Max": reminders.MaxAnswer}))
	}
	// The token is JSON number grammar, so the only error is a range
	// error, whose ±Inf or 0 the range check refuses.
	f, _ := strconv.ParseFloat(string(tok), 64)
	if f != math.Trunc(f) {
		return 0, errors.New(i18n.T("journal.problem.not_whole", map[string]any{"Value": string(tok)}))
	}
	if f < minAnswer || f > reminders.MaxAnswer {
		return 0, answerRange(string(tok))
	}
	return int(f), nil
}

// answerRange refuses an answer outside 1 to 5.
func answerRange(v string) error {
	return errors.New(i18n.T("journal.problem.answer_range", map[string]any{"Value": v, "Min": minAnswer, "Max": reminders.MaxAnswer}))
}
