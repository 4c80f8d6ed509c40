// Package sessionbus finds the D-Bus session bus without ever starting
// one. godbus v5.2.4 runs dbus-launch when DBUS_SESSION_BUS_ADDRESS is
// empty or "autolaunch:" and /run/user/UID/bus is missing, and the bus it
// starts outlives microrest: a daemon started outside a desktop session
// would leave a stray dbus-daemon behind on every start.
package sessionbus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/microrest/microrest/i18n"
)

// envVar is where every D-Bus client, godbus and libdbus alike, looks
// for the session bus.
const envVar = "DBUS_SESSION_BUS_ADDRESS"

// refused is what Guard leaves in envVar when there is no bus: an
// address with a transport no client knows, so godbus (and libdbus in a
// child process) fails at once instead of autolaunching.
const refused = "disabled:by=microrest"

// ErrNoBus says what still works without a session bus, so the daemon can
// log it once as it is.
// It speaks the language the process speaks when it is read.
var ErrNoBus error = &localError{func() string { return i18n.T("internal.sessionbus.no_bus") }}

// localError says its sentence in the language spoken when it is read,
// so an error made at start follows a language chosen later; it stays one
// value, for errors.Is.
type localError struct{ say func() string }

func (e *localError) Error() string { return e.say() }

// Address returns the session bus to connect to: DBUS_SESSION_BUS_ADDRESS
// when it names one, else the systemd user bus in XDG_RUNTIME_DIR, which
// is a real session bus that systemd keeps for the user's whole login,
// not one that would be autolaunched. Without either it returns ErrNoBus.
func Address() (string, error) {
	if addr := os.Getenv(envVar); addr != "" && addr != "autolaunch:" && addr != refused {
		return addr, nil
	}
	if bus, ok := runtimeBus(os.Getenv("XDG_RUNTIME_DIR")); ok {
		return bus, nil
	}
	return "", ErrNoBus
}

// runtimeBus finds the socket systemd puts in XDG_RUNTIME_DIR, as a
// systemd user service sees it with DBUS_SESSION_BUS_ADDRESS unset. A
// leftover file that is not a socket is no bus.
func runtimeBus(dir string) (string, bool) {
	if dir == "" {
		return "", false
	}
	path := filepath.Join(dir, "bus")
	info, err := os.Stat(path)
	if err != nil || info.Mode().Type() != fs.ModeSocket {
		return "", false
	}
	return "unix:path=" + escape(path), true
}

// escape writes a path as a D-Bus address value: the spec lets the bytes
// [-0-9A-Za-z_/.*] stand as they are and wants every other one as %XX.
func escape(s string) string {
	const plain = "-_/.*0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	var b strings.Builder
	for i := range len(s) {
		if c := s[i]; strings.IndexByte(plain, c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
