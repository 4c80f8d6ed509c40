package control

import (
	"context"
	"testing"
	"time"
)

// A daemon told to quit answers the quit, then stops: the reply being
// written when the listener's context ends reaches its client, and a
// client that holds a connection open without a request does not keep
// the listener for IdleTimeout.
func TestServeFinishesTheReplyInFlightAndDropsIdleConnectionsWhenItsContextEnds(t *testing.T) {
	dir := shortDir(t)
	l, err := Listen(dir, quiet())
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	taken := make(chan struct{})
	served := make(chan struct{})
	go func() {
		_ = l.Serve(ctx, func(context.Context, Request) Reply {
			close(taken)
			cancel() // as quit does: the daemon begins to stop before the reply is written
			return Reply{OK: true, Status: &Status{Version: "quitting"}}
		})
		close(served)
	}()
	idle, err := dial(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()

	replied := make(chan Reply, 1)
	go func() {
		rep, err := Call(context.Background(), dir, Request{V: Version, Verb: VerbQuit})
		if err != nil {
			t.Errorf("the quit's client got no reply: %v", err)
		}
		replied <- rep
	}()
	<-taken
	select {
	case rep := <-replied:
		if !rep.OK || rep.Status == nil || rep.Status.Version != "quitting" {
			t.Fatalf("the quit's reply is %+v", rep)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no reply to the quit within 5s")
	}
	select {
	case <-served:
	case <-time.After(IdleTimeout / 2):
		t.Fatalf("Serve still waits %v after its context ended, held by an idle connection", IdleTimeout/2)
	}
}
