package footprint

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"

	"golang.org/x/sys/unix"

	"github.com/microrest/microrest/i18n"
)

func read() (Usage, error) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return Usage{}, err
	}
	u := statusUsage(status)
	maps, err := smaps()
	if err != nil {
		return u, err
	}
	dev, inode, err := program(maps)
	if err != nil {
		return u, err
	}
	u.Program = programResident(maps, dev, inode)
	return u, nil
}

func smaps() ([]mapping, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseSmaps(f)
}

// statusUsage reads VmRSS and RssAnon from /proc/self/status.
func statusUsage(data []byte) Usage {
	var u Usage
	var f [][]byte
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f = fields(f[:0], sc.Bytes())
		if len(f) < 2 {
			continue
		}
		switch string(f[0]) {
		case "VmRSS:":
			u.Resident = kB(f[1])
		case "RssAnon:":
			u.Anon = kB(f[1])
		}
	}
	return u
}

// pc is an address in the program's own code: the mapping that holds it
// names the program's file, with no path to compare. Paths mislead: a
// binary replaced by an upgrade ends in " (deleted)", and on overlayfs
// stat(2) reports another device than the mapping.
var pc = reflect.ValueOf(statusUsage).Pointer()

// program returns the device and inode of the mapping that holds pc.
func program(maps []mapping) (dev string, inode uint64, err error) {
	for _, m := range maps {
		if m.start <= pc && pc < m.end {
			return m.dev, m.inode, nil
		}
	}
	return "", 0, errors.New(i18n.T("internal.footprint.no_code"))
}

func release() error {
	if err := writeBack(); err != nil {
		return err
	}
	maps, err := smaps()
	if err != nil {
		return err
	}
	dev, inode, err := program(maps)
	if err != nil {
		return err
	}
	for _, m := range maps {
		if !m.releasable(dev, inode) {
			continue
		}
		if err := pageOut(m.start, m.end-m.start); err != nil {
			return err
		}
	}
	return nil
}

// writeBack writes the program's dirty page-cache pages to disk, which the
// kernel would not page out: a binary just built or installed is dirty
// until the flusher runs, about 30 s later. When it is clean this costs
// nothing.
func writeBack() error {
	f, err := os.Open("/proc/self/exe")
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// pageOut turns read-ahead off for the range, then pages it out. The
// order matters: without MADV_RANDOM the next fault reads ahead into a
// large folio again, and the kernel maps all of it.
func pageOut(addr, length uintptr) error {
	for _, advice := range []int{unix.MADV_RANDOM, unix.MADV_PAGEOUT} {
		_, _, errno := unix.Syscall(unix.SYS_MADVISE, addr, length, uintptr(advice))
		switch {
		case errno == 0:
		case errors.Is(errno, unix.EINVAL) && advice == unix.MADV_PAGEOUT:
			// Kernels before 5.4 have no MADV_PAGEOUT.
			return fmt.Errorf("%w (%w)", i18n.Wrap(ErrUnsupported, "internal.footprint.call", map[string]any{"Call": "madvise(MADV_PAGEOUT)"}), errno)
		default:
			call := fmt.Sprintf("madvise(%#x,%d,%d)", addr, length, advice)
			return i18n.Wrap(errno, "internal.footprint.call", map[string]any{"Call": call})
		}
	}
	return nil
}
