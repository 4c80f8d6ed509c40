package settings

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/microrest/microrest/i18n"
)

// TrainingLoad is a day's training load, as the person plans it in [days] or says
// it in the check-in. It picks the day type whose overrides change the plan.
type TrainingLoad int

// The loads. LoadUnset is a check-in that does not say.
const (
	LoadUnset TrainingLoad = iota
	LoadRest
	LoadEasy
	LoadHard
)

// Loads lists the loads a day can have, lightest first.
var Loads = []TrainingLoad{LoadRest, LoadEasy, LoadHard}

var loadNames = [...]string{"", "rest", "easy", "hard"}

// String returns the load's key, "" when unset.
func (l TrainingLoad) String() string {
	if l < 0 || int(l) >= len(loadNames) {
		return fmt.Sprintf("load(%d)", int(l))
	}
	return loadNames[l]
}

// Valid reports whether l is one of Loads.
func (l TrainingLoad) Valid() bool { return l > LoadUnset && int(l) < len(loadNames) }

// ParseLoad reads "rest", "easy" or "hard".
func ParseLoad(s string) (TrainingLoad, error) {
	norm := strings.ToLower(strings.TrimSpace(s))
	for _, l := range Loads {
		if l.String() == norm {
			return l, nil
		}
	}
	return LoadUnset, errors.New(i18n.T("settings_file.parse.load", map[string]any{"Value": strconv.Quote(s)}))
}

// MarshalText writes the key.
func (l TrainingLoad) MarshalText() ([]byte, error) {
	if !l.Valid() {
		return nil, fmt.Errorf("unknown training load %d", int(l))
	}
	return []byte(l.String()), nil
}

// UnmarshalText reads the key.
func (l *TrainingLoad) UnmarshalText(b []byte) error {
	parsed, err := ParseLoad(string(b))
	if err != nil {
		return err
	}
	*l = parsed
	return nil
}

// Days holds the planned training load of each weekday.
type Days struct {
	Mon TrainingLoad `toml:"mon"`
	Tue TrainingLoad `toml:"tue"`
	Wed TrainingLoad `toml:"wed"`
	Thu TrainingLoad `toml:"thu"`
	Fri TrainingLoad `toml:"fri"`
	Sat TrainingLoad `toml:"sat"`
	Sun TrainingLoad `toml:"sun"`
}

// On returns the load planned for a weekday.
func (d *Days) On(day time.Weekday) *TrainingLoad {
	return [...]*TrainingLoad{&d.Sun, &d.Mon, &d.Tue, &d.Wed, &d.Thu, &d.Fri, &d.Sat}[day]
}

// DayTypes holds what each kind of day changes in the plan. The low
// readiness type applies on top of the day's own when the check-in reads
// lower than the person's usual.
type DayTypes struct {
	Rest         DayType `toml:"rest"`
	Easy         DayType `toml:"easy"`
	Hard         DayType `toml:"hard"`
	LowReadiness DayType `toml:"low_readiness"`
}

// Of returns the day type of a load, nil for LoadUnset.
func (d *DayTypes) Of(l TrainingLoad) *DayType {
	switch l {
	case LoadRest:
		return &d.Rest
	case LoadEasy:
		return &d.Easy
	case LoadHard:
		return &d.Hard
	}
	return nil
}

// DayType changes the base plan for one kind of day. Every field is
// optional: nil keeps what the base plan (or the day's type, for low
// readiness) says. Settings values share these pointers when copied, so
// change one by replacing it, never by writing through it.
type DayType struct {
	// Breathing is the pattern the guided breath session follows.
	Breathing *BreathMode `toml:"breathing"`
	Movement  Override    `toml:"movement"`
	Breath    Override    `toml:"breath"`
	Posture   Override    `toml:"posture"`
	Hydration Override    `toml:"hydration"`
	Rest      Override    `toml:"rest"`
	WindDown  Override    `toml:"wind-down"`
}

// Of returns the override of one anchor.
func (d *DayType) Of(k Kind) *Override {
	return [...]*Override{&d.Movement, &d.Breath, &d.Posture, &d.Hydration, &d.Rest, &d.WindDown}[k]
}

// Override changes some keys of one anchor; nil keeps the anchor's own.
// Only keys that shape the day are offered: snoozes, natural breaks and
// appointments stay the person's whatever the day.
type Override struct {
	Enabled   *bool        `toml:"enabled"`
	Every     *Duration    `toml:"every"`
	At        *[]ClockTime `toml:"at"`
	Practice  *Duration    `toml:"practice"`
	Practices *[]string    `toml:"practices"`
	DailyGoal *int         `toml:"daily_goal"`
}

// IsZero reports whether the override changes nothing.
func (o Override) IsZero() bool { return o == Override{} }

// Apply returns a with the override's keys in place of its own. Lists are
// copied, so the result shares nothing the override holds.
func (o Override) Apply(a Anchor) Anchor {
	if o.Enabled != nil {
		a.Enabled = *o.Enabled
	}
	if o.Every != nil {
		a.Every = *o.Every
	}
	if o.At != nil {
		a.At = slices.Clone(*o.At)
	}
	if o.Practice != nil {
		a.Practice = *o.Practice
	}
	if o.Practices != nil {
		a.Practices = slices.Clone(*o.Practices)
	}
	if o.DailyGoal != nil {
		a.DailyGoal = *o.DailyGoal
	}
	return a
}

// ForDay returns the plan for a day of the given load: the settings with
// that day type's overrides, then the low readiness ones when low is set,
// and the breathing pattern the day asks for (calm unless a type says).
func (s Settings) ForDay(load TrainingLoad, low bool) (Settings, BreathMode) {
	mode := BreathCalm
	layers := []*DayType{s.DayTypes.Of(load)}
	if low {
		layers = append(layers, &s.DayTypes.LowReadiness)
	}
	for _, dt := range layers {
		if dt == nil {
			continue
		}
		if dt.Breathing != nil {
			mode = *dt.Breathing
		}
		for _, k := range Kinds {
			*s.Anchors.Of(k) = dt.Of(k).Apply(*s.Anchors.Of(k))
		}
	}
	return s, mode
}

func ptr[T any](v T) *T { return &v }

// defaultDays plans no training: microrest cannot know a person's
// schedule, and hard-day breathing imposed on someone who does not train
// would only be noise. Sunday is a rest day, which asks only for gentler
// movement. The check-in's load, or the person's own [days], says more.
func defaultDays() Days {
	return Days{Mon: LoadEasy, Tue: LoadEasy, Wed: LoadEasy, Thu: LoadEasy, Fri: LoadEasy, Sat: LoadEasy, Sun: LoadRest}
}

// defaultDayTypes follow the practice: after or before hard training,
// breathing comes more often and steadier and the power-down is longer; a
// rest day asks for gentle mobility instead of brisk walks; a low reading
// asks for gentle mobility and one more rest. Easy days run the base plan.
func defaultDayTypes() DayTypes {
	return DayTypes{
		Rest: DayType{
			Movement: Override{Practices: ptr(practices(restDayMovementPractices))},
		},
		Hard: DayType{
			Breathing: ptr(BreathControlled),
			Breath:    Override{Every: ptr(minutes(60)), Practices: ptr(practices(hardDayBreathPractices))},
			Rest:      Override{Practice: ptr(minutes(20))},
		},
		LowReadiness: DayType{
			Breathing: ptr(BreathCalm),
			Movement:  Override{Practices: ptr(practices(lowReadinessMovementPractices))},
			Rest:      Override{At: ptr([]ClockTime{Clock(11, 30), Clock(14, 30)})},
		},
	}
}
