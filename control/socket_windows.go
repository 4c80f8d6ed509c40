package control

import (
	"errors"
	"net"
	"os"
	"os/user"
	"strings"
	"time"

	"github.com/Microsoft/go-winio"
)

// pipeName is per user, so two people on one machine each get a daemon.
func pipeName() string {
	name := "microrest"
	if u, err := user.Current(); err == nil {
		name += "-" + strings.NewReplacer(`\`, "-", "/", "-").Replace(u.Username)
	}
	return `\\.\pipe\` + name
}

// listen opens the named pipe. Its security descriptor grants only the
// owner (and SYSTEM) access; a pipe vanishes with its process, so nothing
// is ever stale.
func listen(string) (net.Listener, error) {
	return winio.ListenPipe(pipeName(), &winio.PipeConfig{SecurityDescriptor: "D:P(A;;GA;;;OW)(A;;GA;;;SY)"})
}

func cleanup(net.Listener) {}

func dial(string) (net.Conn, error) {
	timeout := time.Second
	conn, err := winio.DialPipe(pipeName(), &timeout)
	if err != nil && (errors.Is(err, os.ErrNotExist) || errors.Is(err, winio.ErrTimeout)) {
		return nil, ErrNotRunning
	}
	return conn, err
}
