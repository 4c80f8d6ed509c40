//go:build !windows && !darwin

package autostart

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
)

func where() string { return filepath.Join(xdg.ConfigHome, "autostart", "microrest.desktop") }

// desktopEntry follows the Desktop Entry Specification; Exec arguments with
// spaces are quoted as it requires.
func desktopEntry(exe string) []byte {
	return []byte(`[Desktop Entry]
Type=Application
Version=1.4
Name=microrest
GenericName=Recovery reminders
Comment=Short movement, breathing and posture breaks through the working day
Exec=` + quoteExec(exe) + `
Icon=io.github.microrest
Terminal=false
Categories=Utility;
X-GNOME-Autostart-enabled=true
`)
}

func quoteExec(s string) string {
	if !strings.ContainsAny(s, " \t\n\"'\\><~|&;$*?#()`") {
		return s
	}
	// Quoting escapes come on top of the string escapes, which double
	// every backslash (Desktop Entry Specification, "The Exec key").
	r := strings.NewReplacer(`\`, `\\\\`, `"`, `\\"`, "`", "\\\\`", `$`, `\\$`)
	return `"` + r.Replace(s) + `"`
}

func enable(exe string) error { return writeEntry(desktopEntry(exe)) }

// enabled reads the entry as the session manager does: present, and not
// switched off by Hidden=true or X-GNOME-Autostart-enabled=false (which
// GNOME Tweaks writes instead of deleting the file).
func enabled() (bool, error) {
	data, err := os.ReadFile(where())
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read autostart entry: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		key, value, _ := strings.Cut(strings.TrimSpace(sc.Text()), "=")
		switch strings.TrimSpace(key) {
		case "Hidden":
			if strings.TrimSpace(value) == "true" {
				return false, nil
			}
		case "X-GNOME-Autostart-enabled":
			if strings.TrimSpace(value) == "false" {
				return false, nil
			}
		}
	}
	return true, nil
}
