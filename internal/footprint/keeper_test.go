package footprint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/internal/testdesk"
)

// fakeProcess stands in for the kernel and the Go runtime: Release drops
// the program part to what the daemon touched, Free the heap to what is
// live; the tests grow both between ticks.
type fakeProcess struct {
	program, touched int64
	anon, live       int64
	releases, frees  int
	readErr, relErr  error
}

func (p *fakeProcess) Read() (Usage, error) {
	if p.readErr != nil {
		return Usage{}, p.readErr
	}
	return Usage{Resident: p.program + p.anon, Anon: p.anon, Program: p.program}, nil
}

func (p *fakeProcess) Release() error {
	if p.relErr != nil {
		return p.relErr
	}
	p.releases++
	p.program = p.touched
	return nil
}

func (p *fakeProcess) Free() {
	p.frees++
	p.anon = p.live
}

func newKeeper(p *fakeProcess) (*Keeper, *bytes.Buffer) {
	var log bytes.Buffer
	k := &Keeper{Read: p.Read, Release: p.Release, Free: p.Free, Slack: 2 << 20,
		Log: slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug})), after: Usage{Program: -1}}
	return k, &log
}

func TestKeeperReleasesAfterStartUpThenOnlyWhatRegrows(t *testing.T) {
	p := &fakeProcess{program: 20 << 20, touched: 3 << 20, anon: 6 << 20, live: 3 << 20}
	k, log := newKeeper(p)
	steps := []struct {
		name            string
		program, anon   int64 // added before the tick
		releases, frees int
		wantProgram     int64 // after the tick
		wantAnon        int64
	}{
		{"start-up settled: both", 0, 0, 1, 1, 3 << 20, 3 << 20},
		{"nothing new", 0, 0, 1, 1, 3 << 20, 3 << 20},
		{"a menu opened: within the slack", 1 << 20, 1 << 20, 1, 1, 4 << 20, 4 << 20},
		{"a large folio more: release only", 2 << 20, 0, 2, 1, 3 << 20, 4 << 20},
		{"the heap grew by more than the slack: free only", 0, 3 << 20, 2, 2, 3 << 20, 3 << 20},
	}
	for _, s := range steps {
		p.program += s.program
		p.anon += s.anon
		if !k.tick() {
			t.Fatalf("%s: the keeper gave up", s.name)
		}
		if p.releases != s.releases || p.frees != s.frees || p.program != s.wantProgram || p.anon != s.wantAnon {
			t.Errorf("%s: %d releases, %d frees, program %s, heap %s; want %d, %d, %s, %s", s.name,
				p.releases, p.frees, MB(p.program), MB(p.anon), s.releases, s.frees, MB(s.wantProgram), MB(s.wantAnon))
		}
	}
	if got := log.String(); !strings.Contains(got, "level=INFO msg=\"memory: released") || !strings.Contains(got, "released=\"17.0 MB\"") {
		t.Errorf("the first release is logged with what it freed:\n%s", got)
	}
}

func TestKeeperStopsWhereTheSystemCannotAndWarnsOnceOtherwise(t *testing.T) {
	p := &fakeProcess{relErr: fmt.Errorf("madvise: %w", ErrUnsupported)}
	k, log := newKeeper(p)
	if k.tick() {
		t.Error("the keeper goes on where release is unsupported")
	}
	if strings.Contains(log.String(), "WARN") {
		t.Errorf("an unsupported system is not a warning:\n%s", log)
	}

	p = &fakeProcess{relErr: errors.New("permission denied")}
	k, log = newKeeper(p)
	for range 3 {
		if !k.tick() {
			t.Fatal("the keeper gives up on an error that may pass")
		}
	}
	if n := strings.Count(log.String(), "level=WARN"); n != 1 {
		t.Errorf("%d warnings for three failures, want 1:\n%s", n, log)
	}
}

func TestKeeperRunEndsWithItsContextOrWhenUnsupported(t *testing.T) {
	ticks := make(chan time.Time)
	done := make(chan struct{})
	p := &fakeProcess{program: 10 << 20, touched: 2 << 20, anon: 3 << 20, live: 3 << 20}
	k, _ := newKeeper(p)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { k.Run(ctx, ticks); close(done) }()
	ticks <- time.Now()
	ticks <- time.Now() // accepted only once the first tick is handled
	if p.releases != 1 {
		t.Errorf("%d releases after two ticks with nothing regrown, want 1", p.releases)
	}
	cancel()
	testdesk.Recv(t, done, 10*time.Second, "Run to return after its context ended")

	done = make(chan struct{})
	p = &fakeProcess{readErr: ErrUnsupported, relErr: ErrUnsupported}
	k, _ = newKeeper(p)
	go func() { k.Run(context.Background(), ticks); close(done) }()
	ticks <- time.Now()
	testdesk.Recv(t, done, 10*time.Second, "Run to return on an unsupported system")
}

func TestScheduleTicksAfterSettlingThenPeriodically(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	start := time.Now()
	ch := schedule(ctx, 20*time.Millisecond, time.Millisecond)
	var last time.Time
	for i := range 3 {
		select {
		case now := <-ch:
			if i == 0 && now.Sub(start) < 20*time.Millisecond {
				t.Errorf("first tick %v after start, before the settle time", now.Sub(start))
			}
			if !now.After(last) {
				t.Errorf("tick %d at %v is not after %v", i, now, last)
			}
			last = now
		case <-time.After(10 * time.Second):
			t.Fatalf("tick %d did not come", i)
		}
	}
}

func TestQuietGCLeavesCollectionToTheLimitUnlessTheEnvironmentSaysOtherwise(t *testing.T) {
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(limit) })
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	if !QuietGC() {
		t.Fatal("QuietGC did not take over with neither GOGC nor GOMEMLIMIT set")
	}
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("GC percent %d, want -1: no cycle by heap growth or every two minutes", got)
	}
	if got := debug.SetMemoryLimit(-1); got != GCLimit {
		t.Errorf("memory limit %d, want %d", got, GCLimit)
	}
	debug.SetGCPercent(100)
	t.Setenv("GOGC", "50")
	if QuietGC() {
		t.Error("QuietGC took over although GOGC is set")
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent %d after QuietGC with GOGC set, want it left at 100", got)
	}
}
