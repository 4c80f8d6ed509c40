package testdesk

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/microrest/microrest/control"
)

// ControlConn is one connection to a daemon's control socket that sends
// request lines exactly as written, so tests can speak the wire format
// the way a script or a hostile client would, not only as control.Call
// builds it.
type ControlConn struct {
	conn net.Conn
	r    *bufio.Reader
}

// DialControl connects to the control socket under runtimeDir (the
// daemon's XDG_RUNTIME_DIR); the connection is closed when the test ends.
func DialControl(t testing.TB, runtimeDir string) *ControlConn {
	t.Helper()
	conn, err := net.Dial("unix", filepath.Join(runtimeDir, "microrest", "control.sock"))
	if err != nil {
		t.Fatalf("connect to the control socket: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return &ControlConn{conn: conn, r: bufio.NewReader(conn)}
}

// Ask sends one request line and reads its reply, within the deadline.
// An error means the connection failed, not that the daemon said no: a
// refusal is a Reply with OK false.
func (c *ControlConn) Ask(line string, within time.Duration) (control.Reply, error) {
	if err := c.conn.SetDeadline(time.Now().Add(within)); err != nil {
		return control.Reply{}, err
	}
	if _, err := c.conn.Write([]byte(line + "\n")); err != nil {
		return control.Reply{}, fmt.Errorf("send %s: %w", line, err)
	}
	data, err := c.r.ReadBytes('\n')
	if err != nil {
		return control.Reply{}, fmt.Errorf("read the reply to %s: %w", line, err)
	}
	var rep control.Reply
	if err := json.Unmarshal(data, &rep); err != nil {
		return control.Reply{}, fmt.Errorf("the reply to %s is not a reply (%v): %s", line, err, data)
	}
	return rep, nil
}
