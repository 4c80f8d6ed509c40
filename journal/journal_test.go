package journal

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

// countingFile counts what Append does to the file, so the one write and
// one fsync per line are checked rather than assumed.
type countingFile struct {
	syncFile
	writes, syncs int
	failWrite     error
}

func (c *countingFile) Write(p []byte) (int, error) {
	c.writes++
	if c.failWrite != nil {
		return 0, c.failWrite
	}
	return c.syncFile.Write(p)
}

func (c *countingFile) Sync() error {
	c.syncs++
	return c.syncFile.Sync()
}

func openCounting(t testing.TB, path string) (*Journal, *countingFile) {
	t.Helper()
	j, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	c := &countingFile{syncFile: j.f}
	j.f = c
	return j, c
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

func TestEachAppendIsOneWriteAndOneSync(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, c := openCounting(t, path)
	start := time.Date(2026, 11, 27, 9, 0, 0, 0, plusOne)
	for i := range 3 {
		if err := j.Append(entry(start.Add(time.Duration(i)*time.Hour), settings.Movement, Done, time.Hour)); err != nil {
			t.Fatal(err)
		}
		if c.writes != i+1 || c.syncs != i+1 {
			t.Fatalf("after %d appends: %d writes and %d syncs", i+1, c.writes, c.syncs)
		}
	}
	if entries, report := readAll(t, path); len(entries) != 3 || report.Skipped != 0 {
		t.Errorf("read back %d entries, report %+v", len(entries), report)
	}
}

func TestAnInvalidEntryIsRefusedWithoutTouchingTheFile(t *testing.T) {
	j, c := openCounting(t, filepath.Join(t.TempDir(), "journal.jsonl"))
	err := j.Append(Entry{Anchor: settings.Breath, Outcome: Done})
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
			if err := j.Append(entry(time.Date(2026, 11, 27, 10, 0, 0, 0, plusOne), settings.Posture, Done, 0)); err != nil {
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

func TestAFailedWriteMakesTheNextLineStartFresh(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, c := openCounting(t, path)
	c.failWrite = errors.New("disk full")
	e := entry(time.Date(2026, 11, 27, 10, 0, 0, 0, plusOne), settings.Hydration, Done, 0)
	if err := j.Append(e); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("got %v, want the write error", err)
	}
	c.failWrite = nil
	if err := j.Append(e); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "\n{") || c.writes != 2 {
		t.Errorf("file %q after %d writes, want a leading newline from one write", data, c.writes)
	}
}

func TestAppendAfterCloseSaysTheJournalIsClosed(t *testing.T) {
	j, err := Open(filepath.Join(t.TempDir(), "journal.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Errorf("closing twice: %v", err)
	}
	if err := j.Append(entry(time.Now(), settings.Rest, Done, 0)); !errors.Is(err, ErrClosed) {
		t.Errorf("got %v, want ErrClosed", err)
	}
}
