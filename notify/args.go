package notify

import (
	"strconv"
	"strings"
)

// encodeArg writes the key a toast button or a click carries back
// through the Windows activation callback, with its prompt's id, e.g.
// "done:42".
func encodeArg(key string, id uint64) string {
	return key + ":" + strconv.FormatUint(id, 10)
}

// decodeArg reads encodeArg's form into the action it asks for; anything
// else is not microrest's.
func decodeArg(s string) (Action, bool) {
	key, num, ok := strings.Cut(s, ":")
	if !ok {
		return Action{}, false
	}
	id, err := strconv.ParseUint(num, 10, 64)
	if err != nil {
		return Action{}, false
	}
	return actionFor(key, id)
}

// appleScriptString quotes s as an AppleScript string literal, which knows
// only backslash and double-quote escapes (Go's %q would add others).
func appleScriptString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
