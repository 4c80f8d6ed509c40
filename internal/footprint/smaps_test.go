package footprint

import (
	"bytes"
	"strings"
	"testing"
)

// A trimmed smaps of the daemon on Linux 6.18: the program's four
// mappings (header, code, constants, RELRO, data), libc, and the heap.
const sample = `00400000-00404000 r--p 00000000 fe:00 10019145                           /opt/micro rest/microrest (deleted)
Rss:                  16 kB
Anonymous:             0 kB
VmFlags: rd mr mw me
00404000-00c57000 r-xp 00004000 fe:00 10019145                           /opt/micro rest/microrest (deleted)
Size:               8524 kB
Rss:                8416 kB
Pss:                8416 kB
Anonymous:             0 kB
FilePmdMapped:      6144 kB
VmFlags: rd ex mr mw me
00c57000-014f9000 r--p 00857000 fe:00 10019145                           /opt/micro rest/microrest (deleted)
Rss:                8676 kB
Anonymous:             0 kB
VmFlags: rd mr mw me rr
014f9000-014fa000 r--p 010f9000 fe:00 10019145                           /opt/micro rest/microrest (deleted)
Rss:                   4 kB
Anonymous:             4 kB
VmFlags: rd mr mw me ac
014fa000-01c92000 rw-p 010fa000 fe:00 10019145                           /opt/micro rest/microrest (deleted)
Rss:                1052 kB
Anonymous:           196 kB
VmFlags: rd wr mr mw me ac
7f1e4f339000-7f1e4f48f000 r-xp 00028000 fe:00 2231                       /usr/lib/x86_64-linux-gnu/libc.so.6
Rss:                 984 kB
Anonymous:             0 kB
VmFlags: rd ex mr mw me
2e86d3400000-2e86d4000000 rw-p 00000000 00:00 0 
Rss:                3132 kB
Anonymous:          3132 kB
VmFlags: rd wr mr mw me ac
`

func TestParseSmapsReadsEveryMapping(t *testing.T) {
	maps := mustParse(t, sample)
	if len(maps) != 7 {
		t.Fatalf("got %d mappings, want 7: %+v", len(maps), maps)
	}
	code := maps[1]
	if code.start != 0x404000 || code.end != 0xc57000 || code.perms != "r-xp" ||
		code.dev != "fe:00" || code.inode != 10019145 || code.rss != 8416<<10 || code.randomRead {
		t.Errorf("code mapping = %+v", code)
	}
	if !maps[2].randomRead {
		t.Errorf("the constants carry VmFlags rr; parsed %+v", maps[2])
	}
	if maps[3].anon != 4<<10 {
		t.Errorf("RELRO's copied page: anon = %d", maps[3].anon)
	}
}

func TestReleasableIsTheProgramsUntouchedReadOnlyMappings(t *testing.T) {
	maps := mustParse(t, sample)
	tests := []struct {
		name string
		m    mapping
		want bool
	}{
		{"ELF header", maps[0], true},
		{"code", maps[1], true},
		{"constants and tables", maps[2], true},
		{"RELRO, relocated by the loader", maps[3], false},
		{"writable data", maps[4], false},
		{"another file (libc)", maps[5], false},
		{"heap", maps[6], false},
		{"a shared mapping of the file", mapping{perms: "r--s", dev: "fe:00", inode: 10019145}, false},
		{"same inode, other device", mapping{perms: "r--p", dev: "fe:01", inode: 10019145}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.releasable("fe:00", 10019145); got != tt.want {
				t.Errorf("releasable = %v, want %v", got, tt.want)
			}
		})
	}
	if got, want := programResident(maps, "fe:00", 10019145), int64(16+8416+8676)<<10; got != want {
		t.Errorf("programResident = %d, want %d", got, want)
	}
}

func TestParseSmapsSkipsWhatItDoesNotKnow(t *testing.T) {
	for _, in := range []string{
		"",
		"Rss: 12 kB\n",
		"zzzz-0000 r--p 0 fe:00 1\n",
		"00002000-00001000 r--p 0 fe:00 1\n",
		"00001000-00002000 r--p 0 fe:00 x\n",
		"00001000-00002000 r--p 0 fe:00 1\nRss: -4 kB\nRss:\nNewField: 1 kB\n",
	} {
		for _, m := range mustParse(t, in) {
			if m.end < m.start || m.rss < 0 {
				t.Errorf("%q gave %+v", in, m)
			}
		}
	}
}

func FuzzParseSmaps(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("00001000-00002000 r--p 0 fe:00 1\nRss: 4 kB\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		maps, _ := parseSmaps(bytes.NewReader(data))
		for _, m := range maps {
			if m.end < m.start || m.rss < 0 || m.anon < 0 {
				t.Fatalf("parsed %+v", m)
			}
		}
	})
}

func mustParse(t *testing.T, text string) []mapping {
	t.Helper()
	maps, err := parseSmaps(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return maps
}

// The daemon reads its smaps on each status request and every ten
// minutes; this keeps an eye on what that costs.
func BenchmarkParseSmaps(b *testing.B) {
	text := strings.Repeat(sample, 20)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseSmaps(strings.NewReader(text)); err != nil {
			b.Fatal(err)
		}
	}
}
