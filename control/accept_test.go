package control

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"slices"
	"sync"
	"testing"
	"time"
)

// scriptedListener hands out its script's results in order, one per
// Accept, then blocks until closed. It notes when each Accept began.
type scriptedListener struct {
	script  chan error // nil hands out a connection
	entered chan time.Time
	closed  chan struct{}
	once    sync.Once
}

func newScriptedListener(script ...error) *scriptedListener {
	l := &scriptedListener{script: make(chan error, len(script)), entered: make(chan time.Time, len(script)+1), closed: make(chan struct{})}
	for _, err := range script {
		l.script <- err
	}
	return l
}

func (l *scriptedListener) Accept() (net.Conn, error) {
	l.entered <- time.Now()
	select {
	case err := <-l.script:
		if err == nil {
			server, client := net.Pipe()
			client.Close()
			return server, nil
		}
		return nil, err
	default:
	}
	<-l.closed
	return nil, net.ErrClosed
}

func (l *scriptedListener) Close() error {
	l.once.Do(func() { close(l.closed) })
	return nil
}

func (l *scriptedListener) Addr() net.Addr { return &net.UnixAddr{Name: "scripted", Net: "unix"} }

// waitLog keeps the waits Serve announces before each retry.
type waitLog struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (w *waitLog) Enabled(context.Context, slog.Level) bool { return true }
func (w *waitLog) WithAttrs([]slog.Attr) slog.Handler       { return w }
func (w *waitLog) WithGroup(string) slog.Handler            { return w }

func (w *waitLog) Handle(_ context.Context, r slog.Record) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "in" {
			w.waits = append(w.waits, a.Value.Duration())
		}
		return true
	})
	return nil
}

func (w *waitLog) got() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.waits)
}

func scriptedServer(ln net.Listener, log *slog.Logger, least, most time.Duration) *Listener {
	return &Listener{HandleTimeout: HandleTimeout, retryMin: least, retryMax: most, ln: ln, sem: make(chan struct{}, MaxConns), log: log}
}

func TestAFailingAcceptWaitsLongerEachTimeAndAfreshAfterASuccess(t *testing.T) {
	const ms = time.Millisecond
	errBusy := errors.New("accept: too many open files")
	ln := newScriptedListener(errBusy, errBusy, errBusy, errBusy, nil, errBusy, errBusy)
	log := &waitLog{}
	l := scriptedServer(ln, slog.New(log), ms, 4*ms)
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error)
	go func() { served <- l.Serve(ctx, func(context.Context, Request) Reply { return Reply{OK: true} }) }()
	var began []time.Time
	for len(began) < 8 {
		select {
		case at := <-ln.entered:
			began = append(began, at)
		case <-time.After(5 * time.Second):
			t.Fatalf("Serve stopped accepting after %d calls", len(began))
		}
	}
	cancel()
	if err := <-served; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	want := []time.Duration{ms, 2 * ms, 4 * ms, 4 * ms, ms, 2 * ms}
	if got := log.got(); !slices.Equal(got, want) {
		t.Fatalf("waits %v, want %v: doubling to the cap, and from the start after a success", got, want)
	}
	retries := []int{1, 2, 3, 4, 6, 7} // the Accepts that followed a failure
	for i, call := range retries {
		if gap := began[call].Sub(began[call-1]); gap < want[i] {
			t.Errorf("Accept %d came %v after the failure, before the %v wait", call, gap, want[i])
		}
	}
}

func TestServeStopsDuringAWaitWhenItsContextEnds(t *testing.T) {
	ln := newScriptedListener(errors.New("accept: too many open files"))
	l := scriptedServer(ln, quiet(), time.Hour, time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error)
	go func() { served <- l.Serve(ctx, func(context.Context, Request) Reply { return Reply{OK: true} }) }()
	<-ln.entered
	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve went on waiting after its context ended")
	}
}
