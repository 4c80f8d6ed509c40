package journal

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// countingFile counts what Append does to the file, so the one write and
// one fsync per line are checked rather than assumed, and fails writes and
// syncs on demand, as a full disk does. It wraps every file the Journal
// opens, so the counts and faults carry across reopens.
type countingFile struct {
	syncFile
	opens, writes, syncs int
	// failWrite fails each write after writing its first tornBytes bytes.
	failWrite error
	tornBytes int
	failSync  error
}

func (c *countingFile) wrap(f syncFile) syncFile {
	c.opens++
	c.syncFile = f
	return c
}

func (c *countingFile) Write(p []byte) (int, error) {
	c.writes++
	if c.failWrite == nil {
		return c.syncFile.Write(p)
	}
	n, err := c.syncFile.Write(p[:min(c.tornBytes, len(p))])
	if err != nil {
		return n, err
	}
	return n, c.failWrite
}

func (c *countingFile) Sync() error {
	c.syncs++
	if c.failSync != nil {
		return c.failSync
	}
	return c.syncFile.Sync()
}

func openCounting(t testing.TB, path string) (*Journal, *countingFile) {
	t.Helper()
	c := &countingFile{}
	j, err := open(path, c.wrap)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	return j, c
}

// openAfterLine0 is a counting journal in a new file that holds line(0).
func openAfterLine0(t *testing.T) (string, *Journal, *countingFile) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, c := openCounting(t, path)
	if err := j.Append(line(0)); err != nil {
		t.Fatal(err)
	}
	return path, j, c
}

// noSpace is the error a real *os.File returns when the disk is full.
func noSpace(op, path string) error {
	return &fs.PathError{Op: op, Path: path, Err: syscall.ENOSPC}
}

// at9 is the first line's time; line n of a test is n hours later, so
// what is read back shows which lines landed.
var at9 = time.Date(2026, 11, 27, 9, 0, 0, 0, plusOne)

func line(n int) Entry {
	return entry(at9.Add(time.Duration(n)*time.Hour), settings.Movement, reminders.OutcomeDone, time.Hour)
}

// hours gives the line numbers of entries written by line.
func hours(entries []Entry) []int {
	var ns []int
	for _, e := range entries {
		ns = append(ns, int(e.Time.Sub(at9)/time.Hour))
	}
	return ns
}

func readAll(t *testing.T, path string) ([]Entry, ReadReport) {
	t.Helper()
	entries, report, err := ReadFile(path, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return entries, report
}

func TestOpenCreatesAPrivateDirectoryAndFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix permission bits")
	}
	path := filepath.Join(t.TempDir(), "data", "microrest", "journal.jsonl")
	j, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	for _, check := range []struct {
		name string
		path string
		want os.FileMode
	}{
		{"the directory is 0700", filepath.Dir(path), 0o700 | os.ModeDir},
		{"the file is 0600", path, 0o600},
	} {
		t.Run(check.name, func(t *testing.T) {
			info, err := os.Stat(check.path)
			if err != nil {
				t.Fatal(err)
			}
			if info.Mode() != check.want {
				t.Errorf("mode %v, want %v", info.Mode(), check.want)
			}
		})
	}
}

func TestEachAppendIsOneWriteAndOneSyncWithoutReopening(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, c := openCounting(t, path)
	for i := range 3 {
		if err := j.Append(line(i)); err != nil {
			t.Fatal(err)
		}
		if c.writes != i+1 || c.syncs != i+1 || c.opens != 1 {
			t.Fatalf("after %d appends: %d writes, %d syncs and %d opens", i+1, c.writes, c.syncs, c.opens)
		}
	}
	if entries, report := readAll(t, path); len(entries) != 3 || report.Skipped != 0 {
		t.Errorf("read back %d entries, report %+v", len(entries), report)
	}
}

func TestAnInvalidEntryIsRefusedWithoutTouchingTheFile(t *testing.T) {
	j, c := openCounting(t, filepath.Join(t.TempDir(), "journal.jsonl"))
	err := j.Append(Entry{Anchor: settings.Breath, Outcome: reminders.OutcomeDone})
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "time" {
		t.Errorf("got %v, want a field error about time", err)
	}
	if c.writes != 0 || c.syncs != 0 {
		t.Errorf("%d writes and %d syncs, want none", c.writes, c.syncs)
	}
}

func TestAppendingAfterATornLineKeepsTheNewLineReadable(t *testing.T) {
	good := `{"time":"2026-11-27T09:00:00+01:00","anchor":"breath","outcome":"done","active_min":90}` + "\n"
	tests := []struct {
		name      string
		existing  string
		wantLines int
		wantTorn  int
	}{
		{"after a torn half object the next line starts fresh", good + `{"time":"2026-11-27T09:3`, 3, 1},
		{"after a clean file no blank line is added", good, 2, 0},
		{"a new file gets exactly the appended line", "", 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.jsonl")
			if tt.existing != "" {
				if err := os.WriteFile(path, []byte(tt.existing), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			j, c := openCounting(t, path)
			if err := j.Append(entry(time.Date(2026, 11, 27, 10, 0, 0, 0, plusOne), settings.Posture, reminders.OutcomeDone, 0)); err != nil {
				t.Fatal(err)
			}
			if c.writes != 1 || c.syncs != 1 {
				t.Errorf("%d writes and %d syncs, want the repair inside the one write", c.writes, c.syncs)
			}
			entries, report := readAll(t, path)
			if report.Lines != tt.wantLines || report.Skipped != tt.wantTorn || entries[len(entries)-1].Anchor != settings.Posture {
				t.Errorf("report %+v, entries %+v", report, entries)
			}
		})
	}
}

func TestAFailedWriteOrSyncIsReportedAndTheNextLineIsWhole(t *testing.T) {
	tests := []struct {
		name string
		// fail makes the next write or sync fail on the journal at path.
		fail        func(c *countingFile, path string)
		wantLines   []int
		wantSkipped int
	}{
		{"a write that fails before its first byte leaves whole lines only", func(c *countingFile, path string) {
			c.failWrite = noSpace("write", path)
		}, []int{0, 2}, 0},
		{"a write that fails mid-line leaves the torn part on a line of its own", func(c *countingFile, path string) {
			c.failWrite, c.tornBytes = noSpace("write", path), 40
		}, []int{0, 2}, 1},
		{"a failed sync keeps the written line and reopens before the next", func(c *countingFile, path string) {
			c.failSync = noSpace("sync", path)
		}, []int{0, 1, 2}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, j, c := openAfterLine0(t)
			tt.fail(c, path)
			err := j.Append(line(1))
			var we *WriteError
			if !errors.As(err, &we) || we.Path != path || !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("got %v, want a *WriteError for %s wrapping ENOSPC", err, path)
			}
			if want := "journal " + path + " is not writable: "; !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), "no space left on device") {
				t.Errorf("message %q, want it to start %q and give the cause", err, want)
			}
			c.failWrite, c.tornBytes, c.failSync = nil, 0, nil
			if err := j.Append(line(2)); err != nil {
				t.Fatalf("once the fault cleared: %v", err)
			}
			if c.opens != 2 {
				t.Errorf("%d opens, want the file reopened once after the failure", c.opens)
			}
			entries, report := readAll(t, path)
			if got := hours(entries); !slices.Equal(got, tt.wantLines) || report.Skipped != tt.wantSkipped {
				t.Errorf("read lines %v with %d skipped, want %v with %d skipped", got, report.Skipped, tt.wantLines, tt.wantSkipped)
			}
		})
	}
}

// A line whose write went through but whose fsync failed may be on the
// disk or not. The engine appends it again until the journal takes it; that
// retry must replace the first copy, not follow it, or the record shows
// one win twice.
func TestALineWhoseSyncFailedIsReplacedWhenAppendedAgain(t *testing.T) {
	tests := []struct {
		name string
		// between runs after the failed sync, before the retry.
		between     func(t *testing.T, j *Journal, path string)
		wantLines   []int
		wantSkipped int
	}{
		{"the retry leaves one copy", func(*testing.T, *Journal, string) {}, []int{0, 1}, 0},
		{"a line lost from the file is written again", func(t *testing.T, _ *Journal, path string) {
			cutLastLine(t, path)
		}, []int{0, 1}, 0},
		{"a line another writer followed is not cut", func(t *testing.T, _ *Journal, path string) {
			other, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			if err := other.Append(line(5)); err != nil {
				t.Fatal(err)
			}
		}, []int{0, 1, 5, 1}, 0},
		{"another line first leaves the failed one as written", func(t *testing.T, j *Journal, _ string) {
			if err := j.Append(line(2)); err != nil {
				t.Fatal(err)
			}
		}, []int{0, 1, 2, 1}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, j, c := openAfterLine0(t)
			c.failSync = noSpace("sync", path)
			if err := j.Append(line(1)); err == nil {
				t.Fatal("the failed sync was not reported")
			}
			c.failSync = nil
			tt.between(t, j, path)
			writes, syncs := c.writes, c.syncs
			if err := j.Append(line(1)); err != nil {
				t.Fatalf("the retry: %v", err)
			}
			if c.writes-writes != 1 || c.syncs-syncs != 1 {
				t.Errorf("the retry took %d writes and %d syncs, want one of each", c.writes-writes, c.syncs-syncs)
			}
			wantLines(t, path, tt.wantLines, tt.wantSkipped)
		})
	}
}

// A line after a torn one carries the newline that ends the torn part;
// when its fsync fails and it is appended again, that repair stays and
// the line is still there once.
func TestAFailedSyncAfterATornLineKeepsTheRepair(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	if err := os.WriteFile(path, []byte(`{"time":"2026-11-27T09:00:00Z","anch`), 0o600); err != nil {
		t.Fatal(err)
	}
	j, c := openCounting(t, path)
	c.failSync = noSpace("sync", path)
	if err := j.Append(line(1)); err == nil {
		t.Fatal("the failed sync was not reported")
	}
	c.failSync = nil
	if err := j.Append(line(1)); err != nil {
		t.Fatalf("the retry: %v", err)
	}
	wantLines(t, path, []int{1}, 1)
}

// cutLastLine removes the file's last line, as if its page never reached
// the disk.
func cutLastLine(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.LastIndexByte(data[:len(data)-1], '\n')
	if err := os.Truncate(path, int64(i+1)); err != nil {
		t.Fatal(err)
	}
}

func TestAppendAfterCloseSaysTheJournalIsClosed(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "not-a-directory")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
	}{
		{"a journal that was writable", filepath.Join(dir, "journal.jsonl")},
		{"a journal that never became writable", filepath.Join(blocker, "journal.jsonl")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, _ := Open(tt.path)
			if err := j.Close(); err != nil {
				t.Fatal(err)
			}
			if err := j.Close(); err != nil {
				t.Errorf("closing twice: %v", err)
			}
			if err := j.Append(line(0)); !errors.Is(err, ErrClosed) {
				t.Errorf("got %v, want ErrClosed", err)
			}
		})
	}
}
