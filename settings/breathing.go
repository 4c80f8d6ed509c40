package settings

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/microrest/microrest/i18n"
)

// BreathMode names a paced-breathing pattern the guided session follows.
type BreathMode int

// The breathing patterns. Calm is the zero value: the everyday choice.
const (
	// BreathCalm is slow breathing with a longer exhale, for the working day.
	BreathCalm BreathMode = iota
	// BreathSleep is slower still, with a long exhale, for the evening.
	BreathSleep
	// BreathControlled is shorter, even breathing for training days: it
	// steadies without the drowsiness of very slow breathing.
	BreathControlled
)

// BreathModes lists every pattern in display order.
var BreathModes = []BreathMode{BreathCalm, BreathSleep, BreathControlled}

var breathModeNames = [...]string{"calm", "sleep", "controlled"}

// String returns the pattern's key, as written in the file.
func (m BreathMode) String() string {
	if !m.Valid() {
		return fmt.Sprintf("breathing(%d)", int(m))
	}
	return breathModeNames[m]
}

// Valid reports whether m is one of BreathModes.
func (m BreathMode) Valid() bool { return m >= 0 && int(m) < len(breathModeNames) }

// MarshalText writes the key.
func (m BreathMode) MarshalText() ([]byte, error) {
	if !m.Valid() {
		return nil, fmt.Errorf("unknown breathing mode %d", int(m))
	}
	return []byte(m.String()), nil
}

// UnmarshalText reads "calm", "sleep" or "controlled".
func (m *BreathMode) UnmarshalText(b []byte) error {
	s := strings.ToLower(strings.TrimSpace(string(b)))
	for i, name := range breathModeNames {
		if s == name {
			*m = BreathMode(i)
			return nil
		}
	}
	return errors.New(i18n.T("settings_file.parse.breathing", map[string]any{"Value": strconv.Quote(string(b)), "Choices": strings.Join(breathModeNames[:], ", ")}))
}

// Breathing holds the pace of each breathing pattern.
type Breathing struct {
	Calm       Pace `toml:"calm"`
	Sleep      Pace `toml:"sleep"`
	Controlled Pace `toml:"controlled"`
}

// Of returns the pace of one pattern.
func (b *Breathing) Of(m BreathMode) *Pace {
	return [...]*Pace{&b.Calm, &b.Sleep, &b.Controlled}[m]
}

// Pace is one breathing pattern: how many breaths a minute, and how much
// longer the exhale is than the inhale.
type Pace struct {
	// Rate is breaths per minute.
	Rate float64 `toml:"rate"`
	// ExhaleRatio is the exhale's length over the inhale's.
	ExhaleRatio float64 `toml:"exhale_ratio"`
}

// Inhale and Exhale split one breath by the ratio, in seconds.
func (p Pace) Inhale() float64 { return 60 / p.Rate / (1 + p.ExhaleRatio) }

// Exhale is the exhale's length in seconds.
func (p Pace) Exhale() float64 { return 60 / p.Rate * p.ExhaleRatio / (1 + p.ExhaleRatio) }

// PaceLimits bounds one pattern's pace, shared by validation, the file's
// comments and the settings window.
type PaceLimits struct {
	MinRate, MaxRate   float64
	MinRatio, MaxRatio float64
}

// The bounds of each pattern. Controlled breathing stops at 12 breaths a
// minute, the resting rate, so a guided session never paces overbreathing;
// the slow patterns stop at 3, below which a breath is held rather than paced.
var (
	CalmPaceLimits       = PaceLimits{MinRate: 3, MaxRate: 8, MinRatio: 1, MaxRatio: 3}
	SleepPaceLimits      = PaceLimits{MinRate: 3, MaxRate: 6, MinRatio: 1, MaxRatio: 3}
	ControlledPaceLimits = PaceLimits{MinRate: 4, MaxRate: 12, MinRatio: 1, MaxRatio: 2}
)

// LimitsOf returns the bounds of one pattern.
func LimitsOf(m BreathMode) PaceLimits {
	return [...]PaceLimits{CalmPaceLimits, SleepPaceLimits, ControlledPaceLimits}[m]
}

// DescribeRate writes the rate's range for hints and messages, in the
// process's language: "3 to 8 breaths a minute".
func (l PaceLimits) DescribeRate() string { return l.describeRate(i18n.T) }

// DescribeRatio writes the ratio's range for hints and messages: "1 to 3".
func (l PaceLimits) DescribeRatio() string { return l.describeRatio(i18n.T) }

// describeRate and describeRatio write with say, a catalog's T: the
// process's language for people, English for the file's comments.
func (l PaceLimits) describeRate(say func(string, ...map[string]any) string) string {
	return say("settings_file.rate_range", map[string]any{"Min": formatFloat(l.MinRate), "Max": formatFloat(l.MaxRate)})
}

func (l PaceLimits) describeRatio(say func(string, ...map[string]any) string) string {
	return say("settings_file.range", map[string]any{"Min": formatFloat(l.MinRatio), "Max": formatFloat(l.MaxRatio)})
}

func defaultBreathing() Breathing {
	return Breathing{
		Calm:       Pace{Rate: 5, ExhaleRatio: 1.5},
		Sleep:      Pace{Rate: 4, ExhaleRatio: 2},
		Controlled: Pace{Rate: 8, ExhaleRatio: 1},
	}
}
