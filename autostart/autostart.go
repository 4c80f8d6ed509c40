// Package autostart starts the daemon when the person logs in, the way
// each desktop expects: an XDG autostart entry on Linux, a LaunchAgent on
// macOS, the Run key on Windows. Its state is always read back from the
// system, never from a flag of ours, so it cannot drift.
package autostart

import (
	"os"

	"github.com/microrest/microrest/i18n"
)

// Executable returns the path the entry should start: this binary.
func Executable() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", i18n.Wrap(err, "autostart.err_own_binary")
	}
	return exe, nil
}

// Set turns autostart on (for exe) or off.
func Set(on bool, exe string) error {
	if on {
		return enable(exe)
	}
	return disable()
}

// Enabled reports whether the system will start microrest at login.
func Enabled() (bool, error) { return enabled() }

// Where names the entry for messages: a file path or a registry value.
func Where() string { return where() }
