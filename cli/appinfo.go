package cli

import (
	"fmt"

	"github.com/BurntSushi/toml"
)

// AppInfo is what FyneApp.toml says about the application.
type AppInfo struct {
	Name    string
	ID      string
	Version string
	Build   int
}

// ParseAppInfo reads FyneApp.toml, the single source of the version.
func ParseAppInfo(data []byte) (AppInfo, error) {
	var meta struct{ Details AppInfo }
	if _, err := toml.Decode(string(data), &meta); err != nil {
		return AppInfo{}, fmt.Errorf("read FyneApp.toml: %w", err)
	}
	if meta.Details.Version == "" || meta.Details.ID == "" {
		return AppInfo{}, fmt.Errorf("read FyneApp.toml: Details.Version and Details.ID must be set")
	}
	return meta.Details, nil
}
