package notify

import (
	"strconv"
	"strings"
)

// encodeArg writes the answer a toast button or a click carries back
// through the Windows activation callback, e.g. "done:42".
func encodeArg(a Action) string {
	return a.Kind.String() + ":" + strconv.FormatUint(a.Prompt, 10)
}

// decodeArg reads encodeArg's form; anything else is not microrest's.
func decodeArg(s string) (Action, bool) {
	key, num, ok := strings.Cut(s, ":")
	if !ok {
		return Action{}, false
	}
	kind, ok := parseActionKind(key)
	if !ok {
		return Action{}, false
	}
	id, err := strconv.ParseUint(num, 10, 64)
	if err != nil {
		return Action{}, false
	}
	return Action{Prompt: id, Kind: kind}, true
}

// appleScriptString quotes s as an AppleScript string literal, which knows
// only backslash and double-quote escapes (Go's %q would add others).
func appleScriptString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
