//go:build !linux

package activity

// sleepLock is empty here: only logind lets a program make sleep wait.
// Windows and macOS announce sleep to a window or through IOKit, which the
// daemon does not have, and a sleep shows as a gap between samples.
type sleepLock struct{}

// ready has no sleep to let go.
func (*sleepLock) ready() {}
