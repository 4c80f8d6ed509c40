//go:build !windows

package autostart

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/microrest/microrest/i18n"
)

// writeEntry writes the entry file in one rename, so a session manager
// never reads half of it.
func writeEntry(data []byte) error {
	path := where()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return i18n.Wrap(err, "autostart.err_on")
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return i18n.Wrap(err, "autostart.err_on")
	}
	if err := os.Rename(tmp, path); err != nil {
		return i18n.Wrap(err, "autostart.err_on")
	}
	return nil
}

// disable removes the entry; one already gone is not an error.
func disable() error {
	if err := os.Remove(where()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return i18n.Wrap(err, "autostart.err_off")
	}
	return nil
}
