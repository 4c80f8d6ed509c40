package control

import (
	"bufio"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/adrg/xdg"
	"github.com/gofrs/flock"

	"github.com/microrest/microrest/i18n"
)

// Timeouts and limits that keep a slow, stuck or hostile client from
// holding the daemon.
const (
	// IdleTimeout closes a connection that sends nothing for this long.
	IdleTimeout = 5 * time.Second
	// HandleTimeout bounds how long one request may take to answer.
	HandleTimeout = 3 * time.Second
	// MaxConns is how many clients are served at once; more get a busy reply.
	MaxConns = 32
)

// A failing Accept (out of file descriptors, say) fails again at once, so
// Serve waits before the next try, as net/http's Server does: from
// acceptRetryMin, doubling to acceptRetryMax, and back to the start after
// a success. Without it the loop would spin a core and flood the log.
const (
	acceptRetryMin = 5 * time.Millisecond
	acceptRetryMax = time.Second
)

// ErrRunning means another daemon holds the instance lock.
var ErrRunning error = &localError{func() string { return i18n.T("control.running") }}

// ErrNotRunning means no daemon answers on the control socket.
var ErrNotRunning error = &localError{func() string { return i18n.T("control.not_running") }}

// DefaultDir is where the socket and the instance lock live:
// $XDG_RUNTIME_DIR/microrest.
func DefaultDir() string { return filepath.Join(xdg.RuntimeDir, "microrest") }

// Handler answers one parsed request. ctx ends at HandleTimeout.
type Handler func(ctx context.Context, r Request) Reply

// Listener is the daemon's end of the control socket, and proof that this
// process is the one daemon of the user.
type Listener struct {
	// HandleTimeout bounds each request; Listen sets the package default.
	HandleTimeout time.Duration

	// retryMin and retryMax bound the wait after a failed Accept; tests
	// shorten them.
	retryMin, retryMax time.Duration

	ln   net.Listener
	lock *flock.Flock
	sem  chan struct{}
	log  *slog.Logger
	wg   sync.WaitGroup
}

// Listen takes the instance lock in dir and opens the control socket. A
// socket left behind by a daemon that crashed is replaced: whoever holds
// the lock owns the socket. Another live daemon yields ErrRunning.
func Listen(dir string, log *slog.Logger) (*Listener, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, i18n.Wrap(err, "control.err_create", map[string]any{"Path": dir})
	}
	// MkdirAll keeps an existing directory's mode; the socket must not be
	// reachable by others, so make sure.
	if err := os.Chmod(dir, 0o700); err != nil {
		return nil, i18n.Wrap(err, "control.err_secure", map[string]any{"Path": dir})
	}
	lock := flock.New(filepath.Join(dir, "daemon.lock"))
	locked, err := lock.TryLock()
	if err != nil {
		return nil, i18n.Wrap(err, "control.err_lock")
	}
	if !locked {
		return nil, ErrRunning
	}
	ln, err := listen(dir)
	if err != nil {
		_ = lock.Unlock()
		return nil, err
	}
	return &Listener{
		HandleTimeout: HandleTimeout, retryMin: acceptRetryMin, retryMax: acceptRetryMax,
		ln: ln, lock: lock, sem: make(chan struct{}, MaxConns), log: log,
	}, nil
}

// Serve answers connections until ctx ends or the listener is closed.
func (l *Listener) Serve(ctx context.Context, h Handler) error {
	go func() {
		<-ctx.Done()
		_ = l.ln.Close()
	}()
	var wait time.Duration
	for {
		conn, err := l.ln.Accept()
		if err != nil {
			wait = min(max(2*wait, l.retryMin), l.retryMax)
			if ctx.Err() != nil || errors.Is(err, net.ErrClosed) || !l.pause(ctx, err, wait) {
				l.wg.Wait()
				return nil
			}
			continue
		}
		wait = 0
		l.wg.Add(1)
		go l.serveConn(ctx, conn, h)
	}
}

// pause waits after a failed Accept; false means ctx ended meanwhile.
func (l *Listener) pause(ctx context.Context, err error, wait time.Duration) bool {
	l.log.Warn(i18n.T("control.log_accept_failed"), "err", err, "in", wait)
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// Close stops listening, removes the socket and releases the lock.
func (l *Listener) Close() error {
	err := l.ln.Close()
	if errors.Is(err, net.ErrClosed) {
		err = nil
	}
	l.wg.Wait()
	cleanup(l.ln)
	if uerr := l.lock.Unlock(); err == nil {
		err = uerr
	}
	return err
}

func (l *Listener) serveConn(ctx context.Context, conn net.Conn, h Handler) {
	defer l.wg.Done()
	defer conn.Close()
	select {
	case l.sem <- struct{}{}:
		defer func() { <-l.sem }()
	default:
		writeReply(conn, Fail(errors.New(i18n.T("control.busy"))))
		return
	}
	if err := checkPeer(conn); err != nil {
		l.log.Warn(i18n.T("control.log_refused"), "err", err)
		writeReply(conn, Fail(err))
		return
	}
	// When ctx ends, a connection waiting for its next request stops
	// waiting at once; a reply being written is finished first, so the
	// answer to quit reaches its client before the daemon exits.
	stop := context.AfterFunc(ctx, func() { _ = conn.SetReadDeadline(time.Now()) })
	defer stop()
	r := bufio.NewReaderSize(conn, 4096)
	for ctx.Err() == nil {
		_ = conn.SetDeadline(time.Now().Add(IdleTimeout))
		if ctx.Err() != nil {
			return // ended as the deadline was set, which undid the stop
		}
		line, err := readLine(r)
		if errors.Is(err, errTooLong) {
			// The line was drained, so the next request can still be read.
			if !writeReply(conn, Fail(err)) {
				return
			}
			continue
		}
		if err != nil {
			if !errors.Is(err, io.EOF) && !isTimeout(err) {
				writeReply(conn, Fail(err))
			}
			return
		}
		if !writeReply(conn, answer(ctx, line, h, l.HandleTimeout)) {
			return
		}
	}
}

func answer(ctx context.Context, line []byte, h Handler, timeout time.Duration) Reply {
	req, err := ParseRequest(line)
	if err != nil {
		return Fail(err)
	}
	hctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	rep := h(hctx, req)
	rep.V = Version
	return rep
}

// readLine reads one line of at most MaxLine bytes. A longer one is
// drained to its end, so the connection stays in step, and refused.
func readLine(r *bufio.Reader) ([]byte, error) {
	var line []byte
	over := false
	for {
		chunk, err := r.ReadSlice('\n')
		over = over || len(line)+len(chunk) > MaxLine
		if !over {
			line = append(line, chunk...)
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case over && (err == nil || errors.Is(err, io.EOF)):
			return nil, errTooLong
		case err == nil, errors.Is(err, io.EOF) && len(line) > 0:
			return line, nil
		}
		return nil, err
	}
}

var errTooLong error = &localError{func() string { return i18n.T("protocol.too_long", map[string]any{"Limit": MaxLine}) }}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func writeReply(conn net.Conn, rep Reply) bool {
	_ = conn.SetWriteDeadline(time.Now().Add(IdleTimeout))
	data, err := marshalLine(rep)
	if err != nil {
		return false
	}
	_, err = conn.Write(data)
	return err == nil
}
