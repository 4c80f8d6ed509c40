//go:build !linux && !windows && !darwin

package activity

import (
	"context"
	"errors"
	"runtime"

	"github.com/microrest/microrest/i18n"
)

// openPlatform finds nothing: this system has no idle source yet, so all
// time counts as active and reminders come by clock time.
func openPlatform(_ context.Context, m *Monitor, _ Options) {
	m.skip(SourceNone, errors.New(i18n.T("activity.why.not_implemented", map[string]any{"System": runtime.GOOS})))
}
