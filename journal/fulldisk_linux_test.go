package journal

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// These tests use a real 16 KiB tmpfs, so the kernel's own ENOSPC and
// EROFS are what the Journal sees, not an injected imitation.

const tmpfsSize = "size=16k"

// mountTmpfs mounts a tiny tmpfs on a fresh directory, unmounted when the
// test ends; Journals must be closed by then, so open them after this.
func mountTmpfs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, tmpfsSize); err != nil {
		t.Skipf("mounting a tmpfs needs root or CAP_SYS_ADMIN, which this run lacks: %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

func remount(t *testing.T, dir string, flags uintptr) {
	t.Helper()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT|flags, tmpfsSize); err != nil {
		t.Fatalf("remount %s: %v", dir, err)
	}
}

// fill writes a file until the disk is full.
func fill(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 1024)
	for range 1024 {
		if _, err = f.Write(chunk); err != nil {
			break
		}
	}
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("filling the disk ended with %v, want ENOSPC", err)
	}
}

func TestAFullDiskIsReportedAndTheJournalRecoversWhenSpaceReturns(t *testing.T) {
	dir := mountTmpfs(t)
	path := filepath.Join(dir, "microrest", "journal.jsonl")
	j := mustOpen(t, path)
	filler := filepath.Join(dir, "filler")
	fill(t, filler)

	err := j.Append(line(0))
	var we *WriteError
	if !errors.As(err, &we) || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("got %v, want a *WriteError wrapping ENOSPC", err)
	}
	if want := "journal " + path + " is not writable: write " + path + ": no space left on device"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	mustAppend(t, j, 1)
	wantLines(t, path, []int{1}, 0)
}

func TestAJournalOnAReadOnlyDiskStartsRecordingOnceItIsWritable(t *testing.T) {
	dir := mountTmpfs(t)
	remount(t, dir, syscall.MS_RDONLY)
	path := filepath.Join(dir, "microrest", "journal.jsonl")
	j, err := Open(path)
	t.Cleanup(func() { j.Close() })
	if !errors.Is(err, syscall.EROFS) || !strings.HasPrefix(err.Error(), "journal "+path+" is not writable: ") {
		t.Fatalf("Open: got %v, want a *WriteError for %s wrapping EROFS", err, path)
	}
	if err := j.Append(line(0)); !errors.Is(err, syscall.EROFS) {
		t.Fatalf("Append while read-only: got %v, want EROFS", err)
	}
	remount(t, dir, 0)
	mustAppend(t, j, 1)
	wantLines(t, path, []int{1}, 0)
}
