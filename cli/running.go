package cli

import (
	"io"
	"os"
	"runtime"

	"github.com/microrest/microrest/control"
)

// opensProgress reports whether `microrest` run while the daemon runs
// opens the progress window, which stands in for the tray menu. It does
// when nobody reads the output: a click on the app in the application
// menu, which on stock GNOME (no tray) would otherwise show nothing. It
// does from a terminal too when the daemon says no tray host runs. It
// does not where no window can show.
func (e *env) opensProgress(st *control.Status) bool {
	if !canShowWindow() {
		return false
	}
	return !isTerminal(e.stdout) || (st != nil && st.Tray != nil && !st.Tray.Host)
}

// isTerminal reports whether w is a terminal. The null device is a
// character device too, and is where some launchers point the output of
// an app started from a menu.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(info, null)
}

// canShowWindow reports whether a window has a display to go to: Windows
// and macOS always have one; elsewhere X11 or Wayland must be named.
func canShowWindow() bool {
	switch runtime.GOOS {
	case "windows", "darwin":
		return true
	}
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}
