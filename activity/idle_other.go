//go:build !linux && !windows && !darwin

package activity

import (
	"context"
	"errors"
	"runtime"
)

// openPlatform finds nothing: this system has no idle source yet, so all
// time counts as active and reminders come by clock time.
func openPlatform(_ context.Context, m *Monitor, _ Options) {
	m.skip(SourceNone, errors.New("no idle source is implemented for "+runtime.GOOS))
}
