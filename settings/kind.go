package settings

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/microrest/microrest/i18n"
)

// Kind names one recovery anchor. It is the one spelling shared by the
// settings file, the journal, the control socket and the CLI.
type Kind int

// The recovery anchors, in the order they are listed everywhere.
const (
	Movement Kind = iota
	Breath
	Posture
	Hydration
	Rest
	WindDown
)

// Kinds lists every anchor in display order.
var Kinds = []Kind{Movement, Breath, Posture, Hydration, Rest, WindDown}

var kindNames = [...]string{"movement", "breath", "posture", "hydration", "rest", "wind-down"}

// String returns the anchor's key, as written in files and typed on the CLI.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("kind(%d)", int(k))
	}
	return kindNames[k]
}

// The catalog ids of each anchor's name: as a heading, and inside a
// sentence (lower case in English, a capital in German).
var (
	titleIDs  = [...]string{"anchor.movement", "anchor.breath", "anchor.posture", "anchor.hydration", "anchor.rest", "anchor.wind_down"}
	inTextIDs = [...]string{"anchor.in_text.movement", "anchor.in_text.breath", "anchor.in_text.posture", "anchor.in_text.hydration", "anchor.in_text.rest", "anchor.in_text.wind_down"}
)

// Title returns the anchor's name as shown to a person, in the process's
// language: "Movement", "Bewegung"; the key for a kind that is none.
func (k Kind) Title() string {
	if k < 0 || int(k) >= len(titleIDs) {
		return k.String()
	}
	return i18n.T(titleIDs[k])
}

// InText returns the anchor's name inside a sentence, in the process's
// language: "hydration 3/8", "Trinken 3/8"; the key for a kind that is
// none.
func (k Kind) InText() string {
	if k < 0 || int(k) >= len(inTextIDs) {
		return k.String()
	}
	return i18n.T(inTextIDs[k])
}

// ParseKind reads an anchor key; "winddown" and "wind_down" are accepted as
// spellings of "wind-down" because people type them.
func ParseKind(s string) (Kind, error) {
	norm := strings.ToLower(strings.TrimSpace(s))
	norm = strings.NewReplacer("_", "-").Replace(norm)
	if norm == "winddown" {
		norm = "wind-down"
	}
	for i, name := range kindNames {
		if name == norm {
			return Kind(i), nil
		}
	}
	return 0, errors.New(i18n.T("settings_file.parse.kind", map[string]any{"Value": strconv.Quote(s), "Choices": strings.Join(kindNames[:], ", ")}))
}

// MarshalText writes the anchor key.
func (k Kind) MarshalText() ([]byte, error) {
	if k < 0 || int(k) >= len(kindNames) {
		return nil, fmt.Errorf("unknown anchor kind %d", int(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText reads an anchor key.
func (k *Kind) UnmarshalText(b []byte) error {
	parsed, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = parsed
	return nil
}
