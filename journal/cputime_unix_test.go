//go:build unix

package journal

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used, user and system, so a
// benchmark can report its cost apart from the wall-clock time other
// processes on a shared machine take from it.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
