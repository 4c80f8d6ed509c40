//go:build !linux

package footprint

// Windows trims a process's working set by itself when memory is short,
// and macOS compresses and pages out idle pages; neither is worth a
// platform call here.

func read() (Usage, error) { return Usage{}, ErrUnsupported }

func release() error { return ErrUnsupported }
