package control

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// shortDir is a socket directory with a short path: test temp dirs can be
// longer than a Unix socket path allows.
func shortDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "mrc-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return filepath.Join(dir, "microrest")
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// serve starts a listener in a fresh directory with a handler that echoes
// the verb back as the status version, and counts the calls.
func serve(t *testing.T) (dir string, calls *atomic.Int64) {
	t.Helper()
	dir = shortDir(t)
	l, err := Listen(dir, quiet())
	if err != nil {
		t.Fatal(err)
	}
	calls = &atomic.Int64{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		_ = l.Serve(ctx, func(_ context.Context, r Request) Reply {
			calls.Add(1)
			return Reply{OK: true, Status: &Status{Version: string(r.Verb) + ":" + r.Anchor}}
		})
		close(done)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
		if err := l.Close(); err != nil {
			t.Error(err)
		}
	})
	return dir, calls
}

func call(t *testing.T, dir string, r Request) Reply {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	rep, err := Call(ctx, dir, r)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestARequestRoundTripsThroughTheSocket(t *testing.T) {
	dir, _ := serve(t)
	rep := call(t, dir, Request{Verb: VerbDone, Anchor: "movement"})
	if !rep.OK || rep.V != Version || rep.Status == nil || rep.Status.Version != "done:movement" {
		t.Fatalf("reply = %+v", rep)
	}
}

func TestTheSocketAndItsDirectoryArePrivate(t *testing.T) {
	dir, _ := serve(t)
	for path, want := range map[string]os.FileMode{dir: 0o700, socketPath(dir): 0o600} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s has mode %o, want %o", path, got, want)
		}
	}
}

func TestASecondListenerFindsTheFirstRunning(t *testing.T) {
	dir, _ := serve(t)
	if _, err := Listen(dir, quiet()); !errors.Is(err, ErrRunning) {
		t.Fatalf("second Listen: err = %v, want ErrRunning", err)
	}
	if rep := call(t, dir, Request{Verb: VerbStatus}); !rep.OK {
		t.Fatalf("the first daemon must keep answering: %+v", rep)
	}
}

func TestAStaleSocketFromACrashedDaemonIsReplaced(t *testing.T) {
	dir := shortDir(t)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	// A crashed daemon leaves its socket file, bound to nobody.
	ln, err := net.Listen("unix", socketPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close()
	if _, err := os.Stat(socketPath(dir)); err != nil {
		t.Fatalf("setup: stale socket missing: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if _, err := Call(ctx, dir, Request{Verb: VerbStatus}); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("calling a stale socket: err = %v, want ErrNotRunning", err)
	}
	l, err := Listen(dir, quiet())
	if err != nil {
		t.Fatalf("Listen over a stale socket: %v", err)
	}
	defer l.Close()
	go func() { _ = l.Serve(ctx, func(context.Context, Request) Reply { return Reply{OK: true} }) }()
	if rep := call(t, dir, Request{Verb: VerbStatus}); !rep.OK {
		t.Fatalf("reply = %+v", rep)
	}
}

func TestCallWithoutADaemonSaysHowToStartOne(t *testing.T) {
	_, err := Call(context.Background(), shortDir(t), Request{Verb: VerbStatus})
	if !errors.Is(err, ErrNotRunning) || !strings.Contains(err.Error(), "start it with `microrest`") {
		t.Fatalf("err = %v", err)
	}
}

func TestCloseRemovesTheSocketAndFreesTheLock(t *testing.T) {
	dir := shortDir(t)
	l, err := Listen(dir, quiet())
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(socketPath(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("socket still there after Close: %v", err)
	}
	again, err := Listen(dir, quiet())
	if err != nil {
		t.Fatalf("a new daemon after Close: %v", err)
	}
	again.Close()
}

// raw sends lines on one connection and returns the reply lines.
func raw(t *testing.T, dir string, payload string) []string {
	t.Helper()
	conn, err := net.Dial("unix", socketPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(conn, payload); err != nil {
		t.Fatal(err)
	}
	conn.(*net.UnixConn).CloseWrite()
	data, _ := io.ReadAll(conn)
	return strings.Split(strings.TrimSpace(string(data)), "\n")
}

func TestMalformedRequestsGetAnErrorReply(t *testing.T) {
	tests := []struct{ name, line, want string }{
		{"not JSON", "hello\n", "not valid JSON"},
		{"no version", `{"verb":"status"}` + "\n", "no protocol version"},
		{"newer version", `{"v":9,"verb":"status"}` + "\n", "speaks protocol 9"},
		{"unknown verb", `{"v":1,"verb":"explode"}` + "\n", `explode\" is not a command`},
		{"unknown field", `{"v":1,"verb":"status","sudo":true}` + "\n", "unknown field"},
		{"two values", `{"v":1,"verb":"status"} {"v":1}` + "\n", "more than one JSON value"},
		{"oversized", `{"v":1,"verb":"status","anchor":"` + strings.Repeat("x", MaxLine) + `"}` + "\n", "longer than"},
	}
	dir, calls := serve(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := raw(t, dir, tc.line)
			if len(lines) != 1 || !strings.Contains(lines[0], `"ok":false`) || !strings.Contains(lines[0], tc.want) {
				t.Fatalf("reply %q does not contain %q", lines, tc.want)
			}
		})
	}
	if calls.Load() != 0 {
		t.Fatalf("the handler saw %d malformed requests", calls.Load())
	}
}

func TestOneConnectionCarriesSeveralRequestsAndAnOversizedOneDoesNotDesyncIt(t *testing.T) {
	dir, _ := serve(t)
	big := `{"v":1,"verb":"status","anchor":"` + strings.Repeat("y", MaxLine+10) + `"}` + "\n"
	lines := raw(t, dir, `{"v":1,"verb":"status"}`+"\n"+big+`{"v":1,"verb":"now","anchor":"breath"}`+"\n")
	if len(lines) != 3 || !strings.Contains(lines[0], `"status:"`) || !strings.Contains(lines[1], "longer than") || !strings.Contains(lines[2], `"now:breath"`) {
		t.Fatalf("replies = %q", lines)
	}
}

func TestAStuckClientDoesNotBlockOthers(t *testing.T) {
	dir, _ := serve(t)
	stuck, err := net.Dial("unix", socketPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer stuck.Close()
	if _, err := io.WriteString(stuck, `{"v":1,"verb":`); err != nil {
		t.Fatal(err)
	}
	if rep := call(t, dir, Request{Verb: VerbStatus}); !rep.OK {
		t.Fatalf("reply = %+v", rep)
	}
}

func TestAThousandMalformedAndAHundredConcurrentRequestsLeaveTheDaemonResponsive(t *testing.T) {
	dir, calls := serve(t)
	conn, err := net.Dial("unix", socketPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	var junk strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&junk, "{garbage %d\n", i)
	}
	go func() { _, _ = io.WriteString(conn, junk.String()); conn.(*net.UnixConn).CloseWrite() }()
	replies, _ := io.ReadAll(conn)
	conn.Close()
	if n := strings.Count(string(replies), `"ok":false`); n != 1000 {
		t.Fatalf("%d error replies to 1000 malformed requests", n)
	}
	var wg sync.WaitGroup
	var ok atomic.Int64
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			for {
				rep, err := Call(ctx, dir, Request{Verb: VerbStatus})
				if err == nil && rep.OK {
					ok.Add(1)
					return
				}
				// More than MaxConns at once get a busy reply; a real
				// client retries, and so does this one.
				if ctx.Err() != nil {
					return
				}
			}
		}()
	}
	wg.Wait()
	if ok.Load() != 100 || calls.Load() < 100 {
		t.Fatalf("%d of 100 concurrent requests answered, handler saw %d", ok.Load(), calls.Load())
	}
	if rep := call(t, dir, Request{Verb: VerbStatus}); !rep.OK {
		t.Fatal("daemon unresponsive afterwards")
	}
}

func TestASlowHandlerIsCutOffAtItsDeadline(t *testing.T) {
	dir := shortDir(t)
	l, err := Listen(dir, quiet())
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	l.HandleTimeout = 50 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		_ = l.Serve(ctx, func(hctx context.Context, _ Request) Reply {
			<-hctx.Done()
			return Fail(fmt.Errorf("the engine did not answer in time: %w", hctx.Err()))
		})
	}()
	rep := call(t, dir, Request{Verb: VerbStatus})
	if rep.OK || !strings.Contains(rep.Error, "deadline exceeded") {
		t.Fatalf("reply = %+v", rep)
	}
}

func FuzzParseRequest(f *testing.F) {
	for _, seed := range []string{
		`{"v":1,"verb":"status"}`, `{"v":1,"verb":"pause","for":"30m"}`, `{"v":1,"verb":"pause","until_tomorrow":true}`,
		`{"v":1,"verb":"snooze","anchor":"movement","for":"5m"}`, `{"v":2,"verb":"status"}`, `{"verb":"status"}`,
		`hello`, `{"v":1,"verb":"status"} {}`, `{"v":1,"verb":"explode"}`, `[]`, `null`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		r, err := ParseRequest(line)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error must say what is wrong")
			}
			return
		}
		if r.V < 1 || r.V > Version || !verbs[r.Verb] {
			t.Fatalf("accepted an invalid request: %+v", r)
		}
		again, err := marshalLine(r)
		if err != nil {
			t.Fatal(err)
		}
		if back, err := ParseRequest(again); err != nil || back != r {
			t.Fatalf("accepted request does not round-trip: %+v -> %+v (%v)", r, back, err)
		}
	})
}

func TestATooLongSocketPathIsExplained(t *testing.T) {
	dir := filepath.Join(t.TempDir(), strings.Repeat("d", 120))
	_, err := Listen(dir, quiet())
	if err == nil || !strings.Contains(err.Error(), "set XDG_RUNTIME_DIR to a shorter directory") {
		t.Fatalf("err = %v", err)
	}
}
