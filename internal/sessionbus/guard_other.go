//go:build windows || darwin

package sessionbus

// Guard does nothing here: on Windows and macOS microrest's tray and
// notifications use the system's own services, never a D-Bus session bus,
// and godbus on macOS asks launchd rather than launching a bus.
func Guard() error { return nil }
