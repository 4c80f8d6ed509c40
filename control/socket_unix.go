//go:build !windows

package control

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"syscall"

	"github.com/microrest/microrest/i18n"
)

// maxSocketPath is the room in sockaddr_un.sun_path (108 on Linux, 104 on
// the BSDs and macOS) less its terminating NUL, on the smaller platform.
const maxSocketPath = 103

func socketPath(dir string) string { return filepath.Join(dir, "control.sock") }

// listen opens the socket. The caller holds the instance lock, so a file
// already there was left by a daemon that died: remove it.
func listen(dir string) (net.Listener, error) {
	path := socketPath(dir)
	if len(path) > maxSocketPath {
		return nil, errors.New(i18n.T("control.path_too_long", map[string]any{"Path": path, "Size": len(path), "Limit": maxSocketPath}))
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, i18n.Wrap(err, "control.err_remove_stale")
	}
	// The directory is 0700 already; the umask closes the gap between
	// bind and chmod where the socket could be others' to connect to.
	old := syscall.Umask(0o177)
	ln, err := net.Listen("unix", path)
	syscall.Umask(old)
	if err != nil {
		return nil, i18n.Wrap(err, "control.err_open_socket", map[string]any{"Path": path})
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(true)
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, i18n.Wrap(err, "control.err_secure_socket")
	}
	return ln, nil
}

// cleanup has nothing left to do: the listener unlinks its socket.
func cleanup(net.Listener) {}

func dial(dir string) (net.Conn, error) {
	conn, err := net.Dial("unix", socketPath(dir))
	if err != nil && (errors.Is(err, os.ErrNotExist) || errors.Is(err, syscall.ECONNREFUSED)) {
		return nil, ErrNotRunning
	}
	return conn, err
}
