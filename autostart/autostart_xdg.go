//go:build !windows && !darwin

package autostart

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"

	"github.com/microrest/microrest/i18n"
)

func where() string { return filepath.Join(xdg.ConfigHome, "autostart", "microrest.desktop") }

// desktopEntry follows the Desktop Entry Specification; Exec arguments with
// spaces are quoted as it requires. The description is written in every
// shipped language, so the desktop's list of startup programs shows it in
// the session's language, not in the one microrest spoke when it wrote
// the entry.
func desktopEntry(exe string) []byte {
	lines := []string{"[Desktop Entry]", "Type=Application", "Version=1.4", "Name=microrest"}
	lines = append(lines, descriptions()...)
	lines = append(lines,
		"Exec="+quoteExec(exe),
		"Icon=io.github.microrest",
		"Terminal=false",
		"Categories=Utility;",
		"X-GNOME-Autostart-enabled=true",
	)
	return []byte(strings.Join(lines, "\n") + "\n")
}

// descriptions are the GenericName and Comment keys: English as the
// default value, then one localized key per other language
// (Comment[pt_BR]=...).
func descriptions() []string {
	var generic, comment []string
	add := func(tr *i18n.Translator, locale string) {
		generic = append(generic, "GenericName"+locale+"="+escapeValue(tr.T("autostart.generic_name")))
		comment = append(comment, "Comment"+locale+"="+escapeValue(tr.T("autostart.comment")))
	}
	add(i18n.For(i18n.English), "")
	for _, l := range i18n.Languages() {
		if l.Tag != i18n.English {
			add(i18n.For(l.Tag), "["+strings.ReplaceAll(l.Tag, "-", "_")+"]")
		}
	}
	return append(generic, comment...)
}

// escapeValue escapes what a string value may not hold as is (Desktop
// Entry Specification, "Possible value types").
func escapeValue(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\t", `\t`, "\r", `\r`).Replace(s)
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
		return false, i18n.Wrap(err, "autostart.err_read")
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
