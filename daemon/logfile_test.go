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
	for range 3 * MaxLogSize / len(line) {
		if _, err := l.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{path, path + ".1"} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Size() > MaxLogSize || info.Size() < MaxLogSize/2 {
			t.Errorf("%s is %d bytes; want at most %d and not nearly empty", p, info.Size(), MaxLogSize)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %o, want 600", p, info.Mode().Perm())
		}
	}
}
