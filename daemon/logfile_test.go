package daemon

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestTheLogFileStaysUnderItsBoundAndKeepsOneOldGeneration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "microrest.log")
	l, err := OpenLog(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	line := bytes.Repeat([]byte("x"), 999)
	line = append(line, '\n')
	perFile := MaxLogSize / len(line)
	// Two and a half files' worth: one rotation too many for a single
	// file, leaving a full .1 and a half-full current file.
	for range 2*perFile + perFile/2 {
		if _, err := l.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{path, path + ".1"} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Size() > MaxLogSize || info.Size() < MaxLogSize/4 {
			t.Errorf("%s is %d bytes; want at most %d and not nearly empty", p, info.Size(), MaxLogSize)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %o, want 600", p, info.Mode().Perm())
		}
	}
}
