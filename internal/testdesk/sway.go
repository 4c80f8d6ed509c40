//go:build !windows

package testdesk

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// swayConfig is a headless sway with nothing on it: no bar, no XWayland.
const swayConfig = "xwayland disable\n"

// nobody runs sway when the tests run as root, which sway refuses (it
// cannot be sure it dropped privileges), as in CI.
const nobody = 65534

// Sway is a headless sway, the wlroots compositor, for the Wayland idle
// protocol; the Debian package "sway" provides it and "wtype" types.
type Sway struct {
	t      testing.TB
	dir    string
	cmd    *exec.Cmd
	Socket string // the compositor's socket, as WAYLAND_DISPLAY resolves
}

// StartSway runs sway with the headless backend and returns once its
// socket is there.
func StartSway(t testing.TB) *Sway {
	t.Helper()
	need(t, "sway")
	need(t, "wtype")
	// Short, like /run/user/UID: a socket path has room for ~107 bytes.
	dir, err := os.MkdirTemp("", "mr-wl-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	write(t, filepath.Join(dir, "config"), swayConfig, 0o644)
	cmd := exec.Command("sway", "-c", filepath.Join(dir, "config"))
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_RUNTIME_DIR=" + dir,
		"WLR_BACKENDS=headless", "WLR_LIBINPUT_NO_DEVICES=1", "WLR_RENDERER=pixman"}
	if os.Geteuid() == 0 {
		if err := os.Chown(dir, nobody, nobody); err != nil {
			t.Fatal(err)
		}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	}
	cmd.Stderr = &prefixWriter{t: t, prefix: "sway: "}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start sway: %v", err)
	}
	stop(t, cmd)
	s := &Sway{t: t, dir: dir, cmd: cmd}
	WaitFor(t, StartTimeout, "sway's Wayland socket", func() bool {
		s.Socket = socketIn(dir)
		return s.Socket != ""
	})
	return s
}

// socketIn finds the wayland-N socket a compositor made in dir.
func socketIn(dir string) string {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "wayland-") && e.Type()&os.ModeSocket != 0 {
			return filepath.Join(dir, e.Name())
		}
	}
	return ""
}

// Type sends a key press through the virtual-keyboard protocol, which
// sway counts as input like a real keyboard's.
func (s *Sway) Type() {
	s.t.Helper()
	cmd := exec.Command("wtype", "x")
	cmd.Env = []string{"XDG_RUNTIME_DIR=" + s.dir, "WAYLAND_DISPLAY=" + filepath.Base(s.Socket)}
	if out, err := cmd.CombinedOutput(); err != nil {
		s.t.Fatalf("wtype: %v: %s", err, out)
	}
}

// Stop ends sway, as when the session ends or the compositor crashes.
func (s *Sway) Stop() {
	_ = s.cmd.Process.Kill()
}
