package cli

import (
	"bytes"
	"io"
	"os"
	"runtime"
	"testing"

	"github.com/microrest/microrest/control"
)

// pty opens the master side of a new pseudo-terminal: a terminal that
// needs no controlling tty, so the test runs under CI too.
func pty(t *testing.T) *os.File {
	t.Helper()
	f, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func pipe(t *testing.T) *os.File {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close(); w.Close() })
	return w
}

func devNull(t *testing.T) *os.File {
	t.Helper()
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestASecondStartOpensTheProgressWindowFromTheAppMenuOrWithoutATray(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the pseudo-terminal and the display variables are Linux's")
	}
	noTray := &control.Status{Tray: &control.TrayStatus{Host: false}}
	withTray := &control.Status{Tray: &control.TrayStatus{Host: true}}
	older := &control.Status{} // a daemon that does not say
	tests := []struct {
		name    string
		display string
		out     func(*testing.T) *os.File
		st      *control.Status
		opens   bool
	}{
		{"a terminal with a tray prints", ":0", pty, withTray, false},
		{"a terminal and an older daemon prints", ":0", pty, older, false},
		{"a terminal without a tray opens it", ":0", pty, noTray, true},
		{"the app menu (a pipe) opens it", ":0", pipe, withTray, true},
		{"the app menu (the null device) opens it", ":0", devNull, withTray, true},
		{"the app menu with no daemon answering opens it", ":0", pipe, nil, true},
		{"no display prints", "", pipe, noTray, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("DISPLAY", tc.display)
			t.Setenv("WAYLAND_DISPLAY", "")
			e := &env{stdout: tc.out(t)}
			if got := e.opensProgress(tc.st); got != tc.opens {
				t.Fatalf("opensProgress = %v, want %v", got, tc.opens)
			}
		})
	}
}

func TestOutputThatIsNoFileIsNoTerminal(t *testing.T) {
	for _, w := range []io.Writer{&bytes.Buffer{}, io.Discard} {
		if isTerminal(w) {
			t.Errorf("%T is taken for a terminal", w)
		}
	}
}
