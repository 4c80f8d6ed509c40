package control

import (
	"context"
	"testing"
	"time"
)

// The first client of a freshly started daemon must be answered like any
// other. On Windows it once reached a pipe instance nobody served (see
// claimFirstInstance); scripts/wine-test runs this test under Wine.
func TestTheFirstRequestAfterListenIsAnswered(t *testing.T) {
	dir, calls := serve(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	rep, err := Call(ctx, dir, Request{Verb: VerbStatus})
	if err != nil {
		t.Fatalf("first request: %v", err)
	}
	if !rep.OK || calls.Load() != 1 {
		t.Fatalf("first request: reply %+v after %d calls, want ok after 1", rep, calls.Load())
	}
}
