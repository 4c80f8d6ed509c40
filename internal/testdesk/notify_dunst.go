package testdesk

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// dunstrc keeps dunst's defaults apart from what a headless test lacks: a
// font every Debian has, no browser, and for the context menu a script in
// place of dmenu that records the entries and picks the chosen one.
const dunstrc = `[global]
    font = Monospace 8
    browser = /bin/false
    dmenu = %s
`

// menuScript stands in for dmenu: it saves what dunst offers, then answers
// the first entry containing the text in the pick file.
const menuScript = `#!/bin/sh
cat > "$0.offered"
grep -m1 -F -f "$0.pick" "$0.offered"
`

// HaveDunst reports whether the real-server tests can run; the Debian
// package "dunst" provides dunst and dunstctl, and dbus-send comes with
// dbus.
func HaveDunst() bool {
	for _, bin := range []string{"dunst", "dunstctl", "dbus-send"} {
		if _, err := exec.LookPath(bin); err != nil {
			return false
		}
	}
	return true
}

// Dunst is a running dunst, the notification server many tiling desktops
// use, driven the way its users drive it: through dunstctl.
type Dunst struct {
	t    testing.TB
	bus  string
	menu string
}

// StartDunst runs dunst on the X display and the bus given, with a
// minimal configuration of its own, and returns once it owns
// org.freedesktop.Notifications.
func StartDunst(t testing.TB, bus, display string) *Dunst {
	t.Helper()
	dir := t.TempDir()
	d := &Dunst{t: t, bus: bus, menu: filepath.Join(dir, "menu")}
	rc := filepath.Join(dir, "dunstrc")
	write(t, d.menu, menuScript, 0o700)
	write(t, rc, fmt.Sprintf(dunstrc, d.menu), 0o600)
	cmd := exec.Command("dunst", "-config", rc)
	cmd.Env = append(withoutWayland(os.Environ()), "DISPLAY="+display, "DBUS_SESSION_BUS_ADDRESS="+bus)
	cmd.Stderr = &prefixWriter{t: t, prefix: "dunst: "}
	cmd.Stdout = cmd.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start dunst: %v", err)
	}
	stop(t, cmd)
	conn := Connect(t, bus)
	WaitFor(t, StartTimeout, "dunst to own "+notifyName, func() bool {
		var owner string
		return conn.BusObject().Call("org.freedesktop.DBus.GetNameOwner", 0, notifyName).Store(&owner) == nil
	})
	return d
}

// Ctl runs dunstctl against this dunst and returns its output.
func (d *Dunst) Ctl(args ...string) string {
	d.t.Helper()
	cmd := exec.Command("dunstctl", args...)
	cmd.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS="+d.bus)
	out, err := cmd.Output()
	if err != nil {
		d.t.Fatalf("dunstctl %s: %v", strings.Join(args, " "), err)
	}
	return string(out)
}

// Choose opens dunst's context menu (dunstctl context) and picks the first
// entry containing label, as a person picks a button there. dunst runs
// the menu in the background: wait for the effect, then read Offered.
func (d *Dunst) Choose(label string) {
	d.t.Helper()
	write(d.t, d.menu+".pick", label+"\n", 0o600)
	d.Ctl("context")
}

// Offered returns the entries of the last context menu.
func (d *Dunst) Offered() []string {
	d.t.Helper()
	b, err := os.ReadFile(d.menu + ".offered")
	if err != nil {
		d.t.Fatalf("read the context menu dunst offered: %v", err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

func write(t testing.TB, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
}

// withoutWayland drops WAYLAND_DISPLAY, which dunst takes as a request
// for Wayland output even when empty.
func withoutWayland(env []string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, "WAYLAND_DISPLAY=") {
			out = append(out, kv)
		}
	}
	return out
}

// Shown is one notification in dunst's history.
type Shown struct {
	AppName, Summary string
}

// History reads `dunstctl history`, the JSON of the D-Bus reply:
// {"type": "aa{sv}", "data": [[{"summary": {"type": "s", "data": …}}, …]]}.
func (d *Dunst) History() []Shown {
	d.t.Helper()
	out := d.Ctl("history")
	var h struct {
		Data [][]map[string]struct {
			Data any `json:"data"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(out), &h); err != nil {
		d.t.Fatalf("dunstctl history: %v in %q", err, out)
	}
	var shown []Shown
	for _, group := range h.Data {
		for _, n := range group {
			app, _ := n["appname"].Data.(string)
			summary, _ := n["summary"].Data.(string)
			shown = append(shown, Shown{AppName: app, Summary: summary})
		}
	}
	return shown
}
