//go:build !windows

package control

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

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
	dir, calls := serve(t)
	for _, tc := range malformedLines {
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

func TestATooLongSocketPathIsExplained(t *testing.T) {
	dir := filepath.Join(t.TempDir(), strings.Repeat("d", 120))
	_, err := Listen(dir, quiet())
	if err == nil || !strings.Contains(err.Error(), "set XDG_RUNTIME_DIR to a shorter directory") {
		t.Fatalf("err = %v", err)
	}
}
