package journal

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/microrest/microrest/settings"
)

// Checkin is one daily check-in as the journal keeps it: how stiff, in what
// mood, how energetic and how well slept a person feels, each 1 to 5 or 0
// when left unanswered, and the day's training load. Readiness reads these
// against the person's own last 28 days (DESIGN.md §8); the journal only
// keeps them. Its fields are those of the engine's check-in, so one
// converts to the other as it is; the meaning of the scales is the
// engine's.
type Checkin struct {
	// Time is when the person answered, in the local zone of that moment.
	Time time.Time
	// Stiffness, Mood, Energy and SleepQuality are answers from 1 to 5; 0
	// means the item was not answered and is left out of the line.
	Stiffness, Mood, Energy, SleepQuality int
	// Load is the day's training load; settings.LoadUnset when not said.
	Load settings.TrainingLoad
}

// Item names one of a check-in's 1-to-5 answers, so statistics and charts
// can walk them without spelling out each field.
type Item uint8

// The items in the order a line writes them.
const (
	ItemStiffness Item = iota
	ItemMood
	ItemEnergy
	ItemSleep
)

// Items lists every item in line order.
var Items = []Item{ItemStiffness, ItemMood, ItemEnergy, ItemSleep}

var itemKeys = [...]string{"stiffness", "mood", "energy", "sleep"}

// String is the item's key in a journal line and a CSV header.
func (it Item) String() string {
	if int(it) < len(itemKeys) {
		return itemKeys[it]
	}
	return fmt.Sprintf("item(%d)", int(it))
}

// Of returns the answer c gives for the item, 0 when unanswered.
func (it Item) Of(c Checkin) int {
	switch it {
	case ItemStiffness:
		return c.Stiffness
	case ItemMood:
		return c.Mood
	case ItemEnergy:
		return c.Energy
	case ItemSleep:
		return c.SleepQuality
	}
	return 0
}

func (it Item) set(c *Checkin, v int) {
	switch it {
	case ItemStiffness:
		c.Stiffness = v
	case ItemMood:
		c.Mood = v
	case ItemEnergy:
		c.Energy = v
	case ItemSleep:
		c.SleepQuality = v
	}
}

// MinAnswer and MaxAnswer bound an item's answer.
const (
	MinAnswer = 1
	MaxAnswer = 5
)

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
var ErrNoAnswers = errors.New("a check-in answers at least one item or the load")

// answered reports whether c says anything at all.
func (c Checkin) answered() bool {
	return c.Stiffness != 0 || c.Mood != 0 || c.Energy != 0 || c.SleepQuality != 0 || c.Load != settings.LoadUnset
}

// checkCheckin refuses what could not be read back, as checkEntry does.
func checkCheckin(c Checkin) error {
	if err := checkTime(c.Time); err != nil {
		return err
	}
	for _, it := range Items {
		if v := it.Of(c); v != 0 && (v < MinAnswer || v > MaxAnswer) {
			return &FieldError{it.String(), fmt.Errorf("%d is outside %d to %d", v, MinAnswer, MaxAnswer)}
		}
	}
	if c.Load != settings.LoadUnset && !c.Load.Valid() {
		return &FieldError{"load", fmt.Errorf("unknown load %d", int(c.Load))}
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
	for _, it := range Items {
		if v := it.Of(c); v != 0 {
			dst = append(dst, `,"`...)
			dst = append(dst, it.String()...)
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
		return &FieldError{"kind", fmt.Errorf("a %s line is not a check-in", l.Kind)}
	}
	*c = l.Checkin
	return nil
}

// parseAnswer reads an item's JSON value. Any number whose value is a whole
// number from 1 to 5 counts, so "3.0" reads as encoding/json would read it.
func parseAnswer(tok []byte) (int, error) {
	if len(tok) == 1 && tok[0] >= '0'+MinAnswer && tok[0] <= '0'+MaxAnswer {
		return int(tok[0] - '0'), nil
	}
	if len(tok) == 0 || (tok[0] != '-' && (tok[0] < '0' || tok[0] > '9')) {
		return 0, fmt.Errorf("%s is not a number from %d to %d", tok, MinAnswer, MaxAnswer)
	}
	// The token is JSON number grammar, so the only error is a range
	// error, whose ±Inf or 0 the range check refuses.
	f, _ := strconv.ParseFloat(string(tok), 64)
	if f != math.Trunc(f) {
		return 0, fmt.Errorf("%s is not a whole number", tok)
	}
	if f < MinAnswer || f > MaxAnswer {
		return 0, fmt.Errorf("%s is outside %d to %d", tok, MinAnswer, MaxAnswer)
	}
	return int(f), nil
}
