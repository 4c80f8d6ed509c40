package testdesk

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Tmpfs is a small disk of its own for one test, so a full or read-only
// disk is the kernel's own ENOSPC or EROFS, not an injected imitation.
type Tmpfs struct {
	// Dir is where the disk is mounted.
	Dir  string
	opts string
}

// MountTmpfs mounts a tmpfs of size bytes on dir, creating dir, and
// unmounts it when the test ends. Whatever holds a file on it must be
// closed or stopped by then, so open or start it after this call. The
// test is skipped where this run may not mount, which needs root or
// CAP_SYS_ADMIN.
func MountTmpfs(t testing.TB, dir string, size int) *Tmpfs {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	d := &Tmpfs{Dir: dir, opts: fmt.Sprintf("size=%d,mode=0700", size)}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, d.opts); err != nil {
		t.Skipf("a small disk is a tmpfs, and mounting one needs root or CAP_SYS_ADMIN, which this run lacks: %v", err)
	}
	t.Cleanup(func() { d.unmount(t) })
	return d
}

// unmount reports a disk still in use, then detaches it anyway so that no
// mount outlives the test.
func (d *Tmpfs) unmount(t testing.TB) {
	err := syscall.Unmount(d.Dir, 0)
	if err == nil {
		return
	}
	t.Errorf("unmount %s: %v", d.Dir, err)
	if errors.Is(err, syscall.EBUSY) {
		_ = syscall.Unmount(d.Dir, syscall.MNT_DETACH)
	}
}

// SetReadOnly remounts the disk read-only, or writable again, keeping
// its files.
func (d *Tmpfs) SetReadOnly(t testing.TB, readOnly bool) {
	t.Helper()
	var flags uintptr = syscall.MS_REMOUNT
	if readOnly {
		flags |= syscall.MS_RDONLY
	}
	if err := syscall.Mount("tmpfs", d.Dir, "tmpfs", flags, d.opts); err != nil {
		t.Fatalf("remount %s: %v", d.Dir, err)
	}
}

// Fill writes a file of that name on the disk until the disk says it is
// full, and returns its path, whose removal frees the space again. It gives
// up after 1 MiB, more than any disk a test mounts here holds.
func (d *Tmpfs) Fill(t testing.TB, name string) string {
	t.Helper()
	path := filepath.Join(d.Dir, name)
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
	return path
}
