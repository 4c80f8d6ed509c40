package control

import (
	"bufio"
	"context"
	"encoding/json"
	"time"

	"github.com/microrest/microrest/i18n"
)

// Call sends one request to the daemon listening in dir and waits for its
// reply, within ctx. ErrNotRunning means no daemon is there.
func Call(ctx context.Context, dir string, req Request) (Reply, error) {
	conn, err := dial(dir)
	if err != nil {
		return Reply{}, err
	}
	defer conn.Close()
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(IdleTimeout)
	}
	_ = conn.SetDeadline(deadline)
	req.V = Version
	line, err := marshalLine(req)
	if err != nil {
		return Reply{}, err
	}
	if _, err := conn.Write(line); err != nil {
		return Reply{}, i18n.Wrap(err, "control.err_send")
	}
	data, err := bufio.NewReaderSize(conn, 4096).ReadBytes('\n')
	if err != nil {
		return Reply{}, i18n.Wrap(err, "control.err_read_reply")
	}
	var rep Reply
	if err := json.Unmarshal(data, &rep); err != nil {
		// A daemon started before an update may send an older status.
		return Reply{}, &wrapError{i18n.T("control.bad_reply", map[string]any{"Error": err.Error()}), err}
	}
	return rep, nil
}
