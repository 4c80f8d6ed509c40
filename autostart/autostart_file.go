//go:build !windows

package autostart

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/microrest/microrest/i18n"
)

// writeEntry writes the entry file in one rename, so a session manager
// never reads half of it.
func writeEntry(data []byte) error {
	path := where()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("%s: %w", i18n.T("autostart.err_on"), err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("%s: %w", i18n.T("autostart.err_on"), err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("%s: %w", i18n.T("autostart.err_on"), err)
	}
	return nil
}

// disable removes the entry; one already gone is not an error.
func disable() error {
	if err := os.Remove(where()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s: %w", i18n.T("autostart.err_off"), err)
	}
	return nil
}
