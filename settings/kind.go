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

// Title returns the anchor's name as shown to a person, in the process's
// language: "Movement", "Bewegung".
func (k Kind) Title() string {
	switch k {
	case Movement:
		return i18n.T("anchor.movement")
	case Breath:
		return i18n.T("anchor.breath")
	case Posture:
		return i18n.T("anchor.posture")
	case Hydration:
		return i18n.T("anchor.hydration")
	case Rest:
		return i18n.T("anchor.rest")
	case WindDown:
		return i18n.T("anchor.wind_down")
	}
	return k.String()
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
