package footprint

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
)

// mapping is one entry of /proc/PID/smaps: a range of the address space
// and what of it is resident.
type mapping struct {
	start, end uintptr
	perms      string // "r-xp"
	dev        string // "fe:00", as the kernel prints major:minor in hex
	inode      uint64
	rss        int64 // bytes
	anon       int64 // bytes of it that are private copies (copy-on-write)
	randomRead bool  // VmFlags has "rr": MADV_RANDOM is set
}

// releasable says whether paging the mapping out is only a matter of
// reading it back: a read-only, private mapping of the file with no
// copied-on-write page. The one copy-on-write part of a program is what
// the dynamic loader relocated (RELRO), and that is never released.
func (m mapping) releasable(dev string, inode uint64) bool {
	return m.inode == inode && m.dev == dev && len(m.perms) == 4 &&
		m.perms[1] != 'w' && m.perms[3] == 'p' && m.anon == 0
}

// parseSmaps reads the mappings of an smaps file. Lines it does not know
// are skipped, so a kernel that adds fields does not break it. It reads
// line by line into one reused slice: the daemon calls it every ten
// minutes and on each status request, and should not grow its heap for it.
func parseSmaps(r io.Reader) ([]mapping, error) {
	var (
		out []mapping
		f   [][]byte
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		f = fields(f[:0], sc.Bytes())
		if m, ok := parseHeader(f); ok {
			out = append(out, m)
			continue
		}
		if len(out) > 0 && len(f) >= 2 {
			field(&out[len(out)-1], f)
		}
	}
	return out, sc.Err()
}

// fields is bytes.Fields for space-separated text, appending to dst.
func fields(dst [][]byte, line []byte) [][]byte {
	for {
		line = bytes.TrimLeft(line, " \t")
		if len(line) == 0 {
			return dst
		}
		end := bytes.IndexAny(line, " \t")
		if end < 0 {
			return append(dst, line)
		}
		dst = append(dst, line[:end])
		line = line[end:]
	}
}

// parseHeader reads "start-end perms offset dev inode [path]".
func parseHeader(f [][]byte) (mapping, bool) {
	if len(f) < 5 || bytes.HasSuffix(f[0], []byte(":")) {
		return mapping{}, false
	}
	lo, hi, ok := bytes.Cut(f[0], []byte("-"))
	if !ok {
		return mapping{}, false
	}
	start, err1 := strconv.ParseUint(string(lo), 16, 64)
	end, err2 := strconv.ParseUint(string(hi), 16, 64)
	inode, err3 := strconv.ParseUint(string(f[4]), 10, 64)
	if err1 != nil || err2 != nil || err3 != nil || end < start {
		return mapping{}, false
	}
	return mapping{start: uintptr(start), end: uintptr(end), perms: string(f[1]), dev: string(f[3]), inode: inode}, true
}

// field reads one "Name: value [kB]" line into m.
func field(m *mapping, f [][]byte) {
	switch string(f[0]) {
	case "Rss:":
		m.rss = kB(f[1])
	case "Anonymous:":
		m.anon = kB(f[1])
	case "VmFlags:":
		for _, flag := range f[1:] {
			if string(flag) == "rr" {
				m.randomRead = true
			}
		}
	}
}

func kB(s []byte) int64 {
	n, err := strconv.ParseInt(string(s), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n << 10
}

// programResident sums the resident bytes of the releasable mappings of
// the file (dev, inode).
func programResident(maps []mapping, dev string, inode uint64) int64 {
	var sum int64
	for _, m := range maps {
		if m.releasable(dev, inode) {
			sum += m.rss
		}
	}
	return sum
}
