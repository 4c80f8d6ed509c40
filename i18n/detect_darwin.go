package i18n

import (
	"context"
	"os/exec"
	"time"
)

// readsEnv: a locale variable set on macOS (a terminal sets LANG) is a
// deliberate choice and comes first; apps started from the Dock have none.
const readsEnv = true

// systemLanguages lists the languages of System Settings, most wanted
// first. The `defaults` tool reads them without cgo.
func systemLanguages() []string {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "/usr/bin/defaults", "read", "-g", "AppleLanguages").Output()
	if err != nil {
		return nil
	}
	return parseAppleLanguages(string(out))
}
