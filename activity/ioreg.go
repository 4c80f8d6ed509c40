package activity

import (
	"bytes"
	"errors"
	"strconv"
	"time"

	"github.com/microrest/microrest/i18n"
)

// These parsers read macOS tools' output; they live outside the darwin
// file so they are tested and fuzzed on every platform.

// parseHIDIdle reads the first HIDIdleTime (nanoseconds since the last
// input) from `ioreg -c IOHIDSystem -d 4`, as in `"HIDIdleTime" = 123`.
func parseHIDIdle(out []byte) (time.Duration, error) {
	const key = `"HIDIdleTime" = `
	i := bytes.Index(out, []byte(key))
	if i < 0 {
		return 0, errors.New(i18n.T("activity.why.no_hid_idle"))
	}
	rest := out[i+len(key):]
	end := bytes.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
	if end >= 0 {
		rest = rest[:end]
	}
	ns, err := strconv.ParseUint(string(rest), 10, 63)
	if err != nil {
		return 0, i18n.Wrap(err, "activity.err.hid_idle", map[string]any{"Value": strconv.Quote(string(rest))})
	}
	return time.Duration(ns), nil
}

// parseScreenLocked reads CGSSessionScreenIsLocked from the console users
// of `ioreg -n Root -d 1 -k IOConsoleUsers`: the key is present, set to
// Yes, only while the login window covers the session.
func parseScreenLocked(out []byte) bool {
	return bytes.Contains(out, []byte(`"CGSSessionScreenIsLocked"=Yes`))
}

// ticksSince is the time between two GetTickCount-style millisecond
// counters; unsigned subtraction keeps it right across the 49.7-day wrap.
func ticksSince(now, then uint32) time.Duration {
	return time.Duration(now-then) * time.Millisecond
}

// Windows SHQueryUserNotificationState values that mean "do not pop up
// now" (shellapi.h QUERY_USER_NOTIFICATION_STATE).
const (
	qunsBusy         = 2 // a fullscreen application
	qunsD3DFull      = 3 // a Direct3D game or video fullscreen
	qunsPresentation = 4 // presentation mode
	qunsApp          = 7 // a fullscreen Store app
)

// quietState says whether a notification state asks prompts to wait.
func quietState(state int) (bool, string) {
	switch state {
	case qunsBusy, qunsD3DFull, qunsApp:
		return true, i18n.T("activity.quiet.fullscreen_windows")
	case qunsPresentation:
		return true, i18n.T("activity.quiet.presentation_windows")
	}
	return false, ""
}
