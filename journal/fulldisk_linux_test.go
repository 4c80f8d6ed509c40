package journal

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/microrest/microrest/internal/testdesk"
)

// These tests use a real 16 KiB tmpfs, so the kernel's own ENOSPC and
// EROFS are what the Journal sees, not an injected imitation. Journals
// must be closed before it is unmounted, so they are opened after it.

const smallDisk = 16 << 10

func TestAFullDiskIsReportedAndTheJournalRecoversWhenSpaceReturns(t *testing.T) {
	disk := testdesk.MountTmpfs(t, t.TempDir(), smallDisk)
	path := filepath.Join(disk.Dir, "microrest", "journal.jsonl")
	j := mustOpen(t, path)
	filler := disk.Fill(t, "filler")

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
	disk := testdesk.MountTmpfs(t, t.TempDir(), smallDisk)
	disk.SetReadOnly(t, true)
	path := filepath.Join(disk.Dir, "microrest", "journal.jsonl")
	j, err := Open(path)
	t.Cleanup(func() { j.Close() })
	if !errors.Is(err, syscall.EROFS) || !strings.HasPrefix(err.Error(), "journal "+path+" is not writable: ") {
		t.Fatalf("Open: got %v, want a *WriteError for %s wrapping EROFS", err, path)
	}
	if err := j.Append(line(0)); !errors.Is(err, syscall.EROFS) {
		t.Fatalf("Append while read-only: got %v, want EROFS", err)
	}
	disk.SetReadOnly(t, false)
	mustAppend(t, j, 1)
	wantLines(t, path, []int{1}, 0)
}
