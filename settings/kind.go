package settings

import (
	"fmt"
	"strings"
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

var kindTitles = [...]string{"Movement", "Breath", "Posture", "Hydration", "Rest", "Wind-down"}

// String returns the anchor's key, as written in files and typed on the CLI.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("kind(%d)", int(k))
	}
	return kindNames[k]
}

// Title returns the anchor's name as shown to a person.
func (k Kind) Title() string {
	if k < 0 || int(k) >= len(kindTitles) {
		return k.String()
	}
	return kindTitles[k]
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
	return 0, fmt.Errorf("%q is not an anchor; use one of %s", s, strings.Join(kindNames[:], ", "))
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
