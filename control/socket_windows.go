package control

import (
	"errors"
	"net"
	"os"
	"os/user"
	"strings"
	"time"

	"github.com/Microsoft/go-winio"
	"golang.org/x/sys/windows"
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
	name := pipeName()
	ln, err := winio.ListenPipe(name, &winio.PipeConfig{SecurityDescriptor: "D:P(A;;GA;;;OW)(A;;GA;;;SY)"})
	if err != nil {
		return nil, err
	}
	claimFirstInstance(name)
	return ln, nil
}

// claimFirstInstance connects to the pipe once and hangs up, before anyone
// else can. go-winio's first pipe instance holds the name and is never
// served: it is opened without read or write access, which Windows 10 and
// later take to mean "not connectable", so clients wait for the instance
// Accept opens. Wine (8.0 at least) and Windows 7 / Server 2008 R2 let a
// client connect to it anyway, and the first request after every start
// then waits in vain ("send to the daemon: i/o timeout";
// microsoft/go-winio#173, #183, #313). Taking that connection here leaves
// the instance spent, so the first real client reaches Accept. Where the
// instance is not connectable the open fails with ERROR_PIPE_BUSY at
// once, and nothing is lost.
func claimFirstInstance(name string) {
	path, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return
	}
	h, err := windows.CreateFile(path, 0, 0, nil, windows.OPEN_EXISTING, windows.SECURITY_SQOS_PRESENT|windows.SECURITY_ANONYMOUS, 0)
	if err == nil {
		_ = windows.CloseHandle(h)
	}
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
