package reminders

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// A state.json kept elsewhere through a link stays linked; a dangling
// link is reported, since an automatic save must not make up the file
// the link expects.
func TestSaveStateThroughALink(t *testing.T) {
	tests := []struct {
		name    string
		exists  bool
		wantErr bool
	}{
		{name: "a link is kept and its target replaced", exists: true},
		{name: "a dangling link is an error naming link and target", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path, target := filepath.Join(dir, "state", "state.json"), filepath.Join(dir, "sync", "state.json")
			mkdirs(t, path, target)
			if tc.exists {
				if err := os.WriteFile(target, []byte("{}"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Symlink(target, path); err != nil {
				if runtime.GOOS == "windows" {
					t.Skipf("cannot make links here: %v", err)
				}
				t.Fatal(err)
			}
			err := SaveState(path, State{})
			if got, lerr := os.Readlink(path); lerr != nil || got != target {
				t.Fatalf("state.json now reads %q (%v), want the link kept", got, lerr)
			}
			_, statErr := os.Stat(target)
			if tc.wantErr {
				if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), target) {
					t.Fatalf("err = %v, want one naming %s and %s", err, path, target)
				}
				if statErr == nil {
					t.Fatal("the automatic save created the link's target")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, err := LoadState(path); err != nil {
				t.Fatalf("the saved state does not read back: %v", err)
			}
		})
	}
}

func mkdirs(t *testing.T, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
	}
}
