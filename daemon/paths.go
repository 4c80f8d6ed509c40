package daemon

import (
	"path/filepath"

	"github.com/adrg/xdg"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/settings"
)

// Paths are the files the daemon reads and writes; every one follows the
// XDG variables, so tests run in a temporary home.
type Paths struct {
	Settings   string
	Journal    string
	State      string
	Log        string
	ControlDir string
}

// DefaultPaths returns the XDG locations of docs/ARCHITECTURE.md §5.
func DefaultPaths() Paths {
	return Paths{
		Settings:   settings.Path(),
		Journal:    filepath.Join(xdg.DataHome, "microrest", "journal.jsonl"),
		State:      filepath.Join(xdg.StateHome, "microrest", "state.json"),
		Log:        filepath.Join(xdg.StateHome, "microrest", "microrest.log"),
		ControlDir: control.DefaultDir(),
	}
}
