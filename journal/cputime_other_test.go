//go:build !unix

package journal

import "time"

// cpuTime is not read here; benchmarks leave the metric out.
func cpuTime() time.Duration { return 0 }
