// Package footprint keeps the daemon's resident memory down to what it
// uses. The one microrest binary links Fyne for its windows, and the
// daemon, which never opens one, still runs every package's start-up and
// touches code spread across the whole file. Linux 6.18 and later map a
// whole large page-cache folio (up to 2 MiB) on a single fault, so those
// scattered touches leave most of the 34 MB program mapped: RSS about
// 25 MB, of which the daemon uses less than a fifth.
//
// Release hands those pages back: it marks the program's read-only
// mappings for random access (no read-ahead, so a later fault brings in
// the one 4 KiB page it needs, not another large folio) and asks the
// kernel to page them out (MADV_PAGEOUT). Pages another process maps too,
// such as a window the person has open, are left alone by the kernel.
// This is what Android does to background apps ("app compaction").
package footprint

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/microrest/microrest/i18n"
)

// Usage is what the process holds in memory, in bytes.
type Usage struct {
	// Resident is the whole resident set (VmRSS).
	Resident int64
	// Anon is the heap, stacks and other memory of the process's own.
	Anon int64
	// Program is the resident part of the microrest file's read-only
	// mappings: code, constants, and the tables the runtime reads.
	Program int64
}

// ErrUnsupported says the platform has no way to read or release the
// footprint; the daemon then leaves memory to the system.
var ErrUnsupported error = &localError{func() string { return i18n.T("internal.footprint.unsupported") }}

// localError says its sentence in the language spoken when it is read,
// so an error made at start follows a language chosen later; it stays one
// value, for errors.Is.
type localError struct{ say func() string }

func (e *localError) Error() string { return e.say() }

// Read returns the process's current usage.
func Read() (Usage, error) { return read() }

// Release pages out the program's resident read-only pages. Code and data
// keep working: a page the daemon needs again is read back on its next
// use.
func Release() error { return release() }

// Defaults for Keep.
const (
	// Settle lets start-up finish (tray, bus, first sample) before the
	// first release, so the pages it needed once are not paged straight
	// back in.
	Settle = 30 * time.Second
	// Every is how often the program's resident part is checked. It only
	// regrows when the daemon runs new code (a menu, a reload) or maps a
	// large folio another microrest process read in.
	Every = 10 * time.Minute
	// Slack is how much the program part may regrow before it is released
	// again: one large folio. Each release costs a few hundred 4 KiB reads
	// as the daemon's working pages come back, so not for less.
	Slack = 2 << 20
	// GCLimit is the Go memory (heap, stacks, runtime) at which the
	// daemon collects garbage between the keeper's checks. Its live heap
	// is about 1 MB and an idle hour makes a few hundred KB of garbage,
	// so it is reached only under load, such as a burst of requests.
	GCLimit = 16 << 20
)

// Keeper decides when to release. Its fields are the real thing in Keep
// and doubles in tests.
type Keeper struct {
	Read    func() (Usage, error)
	Release func() error
	// Free returns the heap's free pages to the system (debug.FreeOSMemory).
	Free  func()
	Slack int64
	Log   *slog.Logger
	// after is the usage right after the last release; Program is -1
	// before the first.
	after  Usage
	warned bool
}

// Keep runs a Keeper on the real process until ctx ends: a release once
// start-up has settled, then a check every ten minutes. It also takes the
// garbage collection over (QuietGC).
func Keep(ctx context.Context, log *slog.Logger) {
	if QuietGC() {
		log.Debug(i18n.T("internal.footprint.log.quiet_gc"), "limit", MB(GCLimit))
	}
	k := &Keeper{Read: Read, Release: Release, Free: debug.FreeOSMemory, Slack: Slack, Log: log}
	k.Run(ctx, schedule(ctx, Settle, Every))
}

// QuietGC turns off the Go runtime's own collection schedule, a cycle
// each time the heap doubles and one forced every two minutes, for the
// keeper's: on a daemon that allocates a few KB a minute each cycle is
// most of what wakes it, since it wakes every thread. Garbage is then
// collected when the keeper returns the heap's free pages (its own
// growth past Slack, checked every ten minutes) or when Go's memory
// reaches GCLimit. A GOGC or GOMEMLIMIT in the environment is left in
// force; QuietGC reports whether it took over.
func QuietGC() bool {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return false
	}
	debug.SetMemoryLimit(GCLimit)
	debug.SetGCPercent(-1)
	return true
}

// Run acts on each tick until ctx ends or the system turns out not to
// support it.
func (k *Keeper) Run(ctx context.Context, ticks <-chan time.Time) {
	k.after = Usage{Program: -1}
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticks:
			if !k.tick() {
				return
			}
		}
	}
}

// tick releases the program's pages on the first call and whenever they
// have regrown by more than Slack since; the same for the heap's free
// pages, which the Go runtime otherwise keeps up to its 4 MB minimum
// heap goal although the daemon's live heap is about 1 MB. It returns
// false when there is nothing this system lets it do.
func (k *Keeper) tick() bool {
	u, err := k.Read()
	if err != nil {
		return k.failed("internal.footprint.log.read_failed", err)
	}
	first := k.after.Program < 0
	release := first || u.Program-k.after.Program > k.Slack
	free := first || u.Anon-k.after.Anon > k.Slack
	if release {
		if err := k.Release(); err != nil {
			return k.failed("internal.footprint.log.release_failed", err)
		}
	}
	if free {
		// After the release, so that its own garbage goes too.
		k.Free()
	}
	if !release && !free {
		return true
	}
	if k.after, err = k.Read(); err != nil {
		k.after.Program = -1
		return k.failed("internal.footprint.log.read_failed", err)
	}
	level, msg := slog.LevelDebug, i18n.T("internal.footprint.log.freed")
	if release {
		msg = i18n.T("internal.footprint.log.released")
	}
	if first {
		level = slog.LevelInfo
	}
	released := max(u.Program-k.after.Program, 0)
	k.Log.Log(context.Background(), level, msg, "released", MB(released),
		"resident", MB(k.after.Resident), "program", MB(k.after.Program), "own", MB(k.after.Anon))
	return true
}

// failed logs a failure once, the catalog's line msg with the error, and
// says whether to go on: not when the system does not support it at all.
func (k *Keeper) failed(msg string, err error) bool {
	if errors.Is(err, ErrUnsupported) {
		k.Log.Debug(i18n.T("internal.footprint.log.unsupported"), "why", err)
		return false
	}
	if !k.warned {
		k.warned = true
		k.Log.Warn(i18n.T(msg, map[string]any{"Error": err.Error()}))
	}
	return true
}

// schedule ticks once after settle, then every period, until ctx ends.
func schedule(ctx context.Context, settle, every time.Duration) <-chan time.Time {
	ch := make(chan time.Time)
	go func() {
		t := time.NewTimer(settle)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case now := <-t.C:
				select {
				case ch <- now:
				case <-ctx.Done():
					return
				}
				t.Reset(every)
			}
		}
	}()
	return ch
}

// MB formats bytes as megabytes with one decimal, as the README and the
// benchmark print them, with the decimal mark and unit of the language the
// process speaks: "17.0 MB", "17,0 MB", "17,0 Mo".
func MB(b int64) string {
	whole, tenth, _ := strings.Cut(strconv.FormatFloat(float64(b)/(1<<20), 'f', 1, 64), ".")
	return i18n.T("internal.footprint.mb", map[string]any{"Whole": whole, "Tenth": tenth})
}
