package autostart

import (
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
)

const label = "io.github.microrest"

func where() string {
	home, _ := os.UserHomeDir()
	return filepath.Join(home, "Library", "LaunchAgents", label+".plist")
}

func plist(exe string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>Label</key><string>` + label + `</string>
	<key>ProgramArguments</key><array><string>` + html.EscapeString(exe) + `</string></array>
	<key>RunAtLoad</key><true/>
	<key>ProcessType</key><string>Interactive</string>
</dict>
</plist>
`)
}

func enable(exe string) error {
	path := where()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("turn autostart on: %w", err)
	}
	if err := os.WriteFile(path, plist(exe), 0o644); err != nil {
		return fmt.Errorf("turn autostart on: %w", err)
	}
	return nil
}

func disable() error {
	if err := os.Remove(where()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("turn autostart off: %w", err)
	}
	return nil
}

func enabled() (bool, error) {
	_, err := os.Stat(where())
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}
