package notify

import (
	"strconv"
	"strings"
)

// encodeArg writes the key a toast button or a click carries back
// through the Windows activation callback, with its prompt's id, e.g.
// "done:42", or the check-in's date, e.g. "checkin-good:20261201".
func encodeArg(key string, id uint64) string {
	return key + ":" + strconv.FormatUint(id, 10)
}

// decodeArg reads a toast's argument into the action it asks for: a
// prompt's answer, or the check-in's; anything else is not microrest's.
// The check-in's carries the date it was asked for (checkinDate), and its
// answer counts only while that day's check-in is open (open; 0 for
// none): a toast cannot be withdrawn, and a late tap must not replace an
// answer given since. Details… opens the window whenever it is pressed.
func decodeArg(s string, open uint64) (Action, bool) {
	key, n, ok := splitArg(s)
	if !ok {
		return Action{}, false
	}
	a, ok := checkinAction(key)
	switch {
	case !ok:
		return actionFor(key, n)
	case a.Command != nil && (n == 0 || n != open):
		return Action{}, false
	}
	return a, true
}

// splitArg reads encodeArg's form.
func splitArg(s string) (key string, n uint64, ok bool) {
	key, num, ok := strings.Cut(s, ":")
	if !ok {
		return "", 0, false
	}
	n, err := strconv.ParseUint(num, 10, 64)
	if err != nil {
		return "", 0, false
	}
	return key, n, true
}

// appleScriptString quotes s as an AppleScript string literal, which knows
// only backslash and double-quote escapes (Go's %q would add others).
func appleScriptString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// displayScript is the AppleScript that shows a notification with title
// and body, with the system's sound when sound is on. The words are the
// caller's; the rest is AppleScript, which no person reads.
func displayScript(title, body string, sound bool) string {
	script := "display notification " + appleScriptString(body) + " with title " + appleScriptString(title)
	if sound {
		script += ` sound name "default"`
	}
	return script
}
