package activity

import (
	"context"
	"os/exec"
	"time"

	"github.com/microrest/microrest/i18n"
)

const macLock = "macos-ioreg"

// ioreg reads HIDIdleTime from the I/O Registry with the ioreg tool, so
// the build needs no cgo; one short process per sample is cheap at the
// daemon's rate of a few samples a minute.
type ioreg struct{ m *Monitor }

func openPlatform(ctx context.Context, m *Monitor, _ Options) {
	r := ioreg{m: m}
	if _, err := r.idle(ctx); err != nil {
		m.skip(SourceIOReg, err)
		return
	}
	m.use(SourceIOReg, r, false)
	m.setLocked(macLock, false) // listed in Status before the first sample
}

func (r ioreg) idle(ctx context.Context) (time.Duration, error) {
	out, err := exec.CommandContext(ctx, "ioreg", "-c", "IOHIDSystem", "-d", "4").Output()
	if err != nil {
		return 0, i18n.Wrap(err, "activity.err.run", map[string]any{"Command": "ioreg"})
	}
	idle, err := parseHIDIdle(out)
	if err != nil {
		return 0, err
	}
	r.m.setLocked(macLock, screenLocked(ctx))
	return idle, nil
}

// screenLocked reads the console session's lock flag; sleep needs IOKit
// power notifications (cgo), so a sleep shows only as a gap in samples,
// which the engine already counts as away.
func screenLocked(ctx context.Context) bool {
	out, err := exec.CommandContext(ctx, "ioreg", "-n", "Root", "-d", "1", "-k", "IOConsoleUsers").Output()
	return err == nil && parseScreenLocked(out)
}
