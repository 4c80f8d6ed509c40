package journal

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// These tests change the journal's path under an open Journal, as sync
// tools and people do, and check where the next line lands.

func skipOnWindows(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("Windows refuses to delete or replace a file another handle has open, so the journal cannot be lost this way")
	}
}

// writeJournal writes the given lines, the last one cut short when torn.
func writeJournal(t *testing.T, path string, mode os.FileMode, torn bool, lines ...int) {
	t.Helper()
	var data []byte
	for _, n := range lines {
		b, err := appendLine(data, line(n))
		if err != nil {
			t.Fatal(err)
		}
		data = append(b, '\n')
	}
	if torn {
		data = data[:len(data)-10]
	}
	if err := os.WriteFile(path, data, mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // past the umask
		t.Fatal(err)
	}
}

// linesIn reads back the line numbers in path and how many lines were skipped.
func linesIn(t *testing.T, path string) ([]int, int) {
	t.Helper()
	entries, report := readAll(t, path)
	return hours(entries), report.Skipped
}

func wantLines(t *testing.T, path string, want []int, wantSkipped int) {
	t.Helper()
	if got, skipped := linesIn(t, path); !slices.Equal(got, want) || skipped != wantSkipped {
		t.Errorf("%s holds lines %v with %d skipped, want %v with %d skipped", filepath.Base(path), got, skipped, want, wantSkipped)
	}
}

func wantMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return // no Unix permission bits to check
	}
	info, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode() != want {
		t.Errorf("%s has mode %v, want %v", filepath.Base(path), info.Mode(), want)
	}
}

func mustOpen(t *testing.T, path string) *Journal {
	t.Helper()
	j, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	return j
}

func mustAppend(t *testing.T, j *Journal, n int) {
	t.Helper()
	if err := j.Append(line(n)); err != nil {
		t.Fatal(err)
	}
}

func TestAppendFollowsThePathWhenTheFileIsDeletedOrReplaced(t *testing.T) {
	skipOnWindows(t)
	tests := []struct {
		name        string
		change      func(t *testing.T, path string)
		want        []int
		wantSkipped int
	}{
		{"a deleted file is recreated holding the new line", func(t *testing.T, path string) {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
		}, []int{1}, 0},
		{"a file renamed over the path receives the new line and is made private", func(t *testing.T, path string) {
			writeJournal(t, path+".new", 0o644, false, 5)
			if err := os.Rename(path+".new", path); err != nil {
				t.Fatal(err)
			}
		}, []int{5, 1}, 0},
		{"a torn file renamed over the path gets the new line on a line of its own", func(t *testing.T, path string) {
			writeJournal(t, path+".new", 0o600, true, 5, 6)
			if err := os.Rename(path+".new", path); err != nil {
				t.Fatal(err)
			}
		}, []int{5, 1}, 1},
		{"a file moved aside keeps its lines and the new line goes to the path", func(t *testing.T, path string) {
			if err := os.Rename(path, path+".old"); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { wantLines(t, path+".old", []int{0}, 0) })
		}, []int{1}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.jsonl")
			j := mustOpen(t, path)
			mustAppend(t, j, 0)
			tt.change(t, path)
			mustAppend(t, j, 1)
			wantLines(t, path, tt.want, tt.wantSkipped)
			wantMode(t, path, 0o600)
		})
	}
}

func TestOpenMakesAnExistingJournalPrivate(t *testing.T) {
	for _, mode := range []os.FileMode{0o644, 0o666, 0o640, 0o600} {
		t.Run("a "+mode.String()+" file becomes 0600 and keeps its lines", func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "journal.jsonl")
			writeJournal(t, path, mode, false, 0)
			mustOpen(t, path)
			wantMode(t, path, 0o600)
			wantLines(t, path, []int{0}, 0)
		})
	}
}

// symlinked makes data/journal.jsonl a link to sync/journal.jsonl, as a
// person who keeps the journal in a synced folder does.
func symlinked(t *testing.T) (link, target string) {
	t.Helper()
	dir := t.TempDir()
	link = filepath.Join(dir, "data", "journal.jsonl")
	target = filepath.Join(dir, "sync", "journal.jsonl")
	for _, d := range []string{filepath.Dir(link), filepath.Dir(target)} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make a symlink here: %v", err)
	}
	return link, target
}

func wantStillALink(t *testing.T, link, target string) {
	t.Helper()
	if got, err := os.Readlink(link); err != nil || got != target {
		t.Errorf("the link reads %q, %v; want it still pointing at %s", got, err, target)
	}
}

func TestASymlinkedJournalWritesToItsTarget(t *testing.T) {
	tests := []struct {
		name   string
		before func(t *testing.T, target string)
		want   []int
	}{
		{"an existing 0644 target is made private and receives the line", func(t *testing.T, target string) {
			writeJournal(t, target, 0o644, false, 5)
		}, []int{5, 1}},
		{"a target that does not exist yet is created private", func(*testing.T, string) {}, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			link, target := symlinked(t)
			tt.before(t, target)
			mustAppend(t, mustOpen(t, link), 1)
			wantLines(t, target, tt.want, 0)
			wantMode(t, target, 0o600)
			wantStillALink(t, link, target)
		})
	}
}

// A link that dangles after Open is followed like any path: opening it
// with O_CREATE recreates the target, and when the target's directory is
// gone too, Append reports the journal not writable until it returns.
func TestASymlinkThatDanglesAfterOpenIsFollowedToANewTarget(t *testing.T) {
	skipOnWindows(t)
	t.Run("a deleted target is recreated behind the link", func(t *testing.T) {
		link, target := symlinked(t)
		j := mustOpen(t, link)
		mustAppend(t, j, 0)
		if err := os.Remove(target); err != nil {
			t.Fatal(err)
		}
		mustAppend(t, j, 1)
		wantLines(t, target, []int{1}, 0)
		wantStillALink(t, link, target)
	})
	t.Run("a deleted target directory is reported until it returns", func(t *testing.T) {
		link, target := symlinked(t)
		j := mustOpen(t, link)
		mustAppend(t, j, 0)
		if err := os.RemoveAll(filepath.Dir(target)); err != nil {
			t.Fatal(err)
		}
		var we *WriteError
		if err := j.Append(line(1)); !errors.As(err, &we) || !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("got %v, want a *WriteError saying the target does not exist", err)
		}
		if err := os.Mkdir(filepath.Dir(target), 0o700); err != nil {
			t.Fatal(err)
		}
		mustAppend(t, j, 2)
		wantLines(t, target, []int{2}, 0)
		wantStillALink(t, link, target)
	})
}

func TestAJournalThatCannotBeOpenedKeepsTryingAtEachAppend(t *testing.T) {
	tests := []struct {
		name           string
		block, unblock func(t *testing.T, dir string)
		wantCause      string
	}{
		{"a file where the directory should be", func(t *testing.T, dir string) {
			if err := os.WriteFile(dir, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}, func(t *testing.T, dir string) {
			if err := os.Remove(dir); err != nil {
				t.Fatal(err)
			}
		}, "not a directory"},
		{"a directory without write permission", func(t *testing.T, dir string) {
			if runtime.GOOS == "windows" || os.Geteuid() == 0 {
				t.Skip("permission bits do not stop root, nor exist on Windows")
			}
			if err := os.Mkdir(dir, 0o500); err != nil {
				t.Fatal(err)
			}
		}, func(t *testing.T, dir string) {
			if err := os.Chmod(dir, 0o700); err != nil {
				t.Fatal(err)
			}
		}, "permission denied"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "microrest")
			path := filepath.Join(dir, "journal.jsonl")
			tt.block(t, dir)
			j, err := Open(path)
			if j == nil {
				t.Fatal("Open returned no Journal to retry with")
			}
			t.Cleanup(func() { j.Close() })
			var we *WriteError
			if !errors.As(err, &we) || we.Path != path || !strings.Contains(err.Error(), tt.wantCause) {
				t.Fatalf("Open: got %v, want a *WriteError for %s saying %q", err, path, tt.wantCause)
			}
			if err := j.Append(line(0)); !errors.As(err, &we) {
				t.Fatalf("Append while blocked: got %v, want a *WriteError", err)
			}
			tt.unblock(t, dir)
			mustAppend(t, j, 1)
			wantLines(t, path, []int{1}, 0)
			wantMode(t, path, 0o600)
		})
	}
}
