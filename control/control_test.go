package control

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
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
	calls = &atomic.Int64{}
	dir = serveWith(t, func(_ context.Context, r Request) Reply {
		calls.Add(1)
		return Reply{OK: true, Status: &Status{Version: string(r.Verb) + ":" + r.Anchor}}
	})
	return dir, calls
}

// serveWith starts a listener in a fresh directory that answers with h
// until the test ends.
func serveWith(t *testing.T, h Handler) (dir string) {
	t.Helper()
	dir = shortDir(t)
	l, err := Listen(dir, quiet())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		_ = l.Serve(ctx, h)
		close(done)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
		if err := l.Close(); err != nil {
			t.Error(err)
		}
	})
	return dir
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

func TestAnAnswerReachesTheHandlerWithItsPromptID(t *testing.T) {
	got := make(chan Request, 1)
	dir := serveWith(t, func(_ context.Context, r Request) Reply {
		got <- r
		return Reply{OK: true}
	})
	sent := Request{Verb: VerbSnooze, Anchor: "movement", For: "5m", Prompt: 42}
	if rep := call(t, dir, sent); !rep.OK {
		t.Fatalf("reply = %+v", rep)
	}
	sent.V = Version
	if r := <-got; r != sent {
		t.Fatalf("the handler got %+v, want %+v", r, sent)
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

func TestCallWithoutADaemonSaysHowToStartOne(t *testing.T) {
	_, err := Call(context.Background(), shortDir(t), Request{Verb: VerbStatus})
	if !errors.Is(err, ErrNotRunning) || !strings.Contains(err.Error(), "start it with `microrest`") {
		t.Fatalf("err = %v", err)
	}
}

// malformedLines are refused at the socket with an error reply, and seed
// the fuzzer beside parseTests.
var malformedLines = []struct{ name, line, want string }{
	{"not JSON", "hello\n", "not valid JSON"},
	{"no version", `{"verb":"status"}` + "\n", "no protocol version"},
	{"newer version", `{"v":9,"verb":"status"}` + "\n", "speaks protocol 9"},
	{"negative version", `{"v":-1,"verb":"status"}` + "\n", `request has \"v\": -1`},
	{"unknown verb", `{"v":1,"verb":"explode"}` + "\n", `explode\" is not a command`},
	{"upper-case field name", `{"v":1,"VERB":"status"}` + "\n", `unknown field \"VERB\"`},
	{"unknown field", `{"v":1,"verb":"status","sudo":true}` + "\n", `unknown field \"sudo\"`},
	{"prompt on status", `{"v":1,"verb":"status","prompt":3}` + "\n", `status does not take the field \"prompt\"`},
	{"two values", `{"v":1,"verb":"status"} {"v":1}` + "\n", "more than one JSON value"},
	{"oversized", `{"v":1,"verb":"status","anchor":"` + strings.Repeat("x", MaxLine) + `"}` + "\n", "longer than"},
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
