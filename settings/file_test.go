package settings

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dotfile managers (GNU Stow, chezmoi) make settings.toml a link into the
// person's dotfiles; writing must go through the link, never replace it.
func TestWritingThroughALinkKeepsTheLink(t *testing.T) {
	saved := Defaults()
	saved.Sound = false
	tests := []struct {
		name string
		// exists says whether the link's target is there before the write.
		exists bool
		write  func(path string) error
		want   []byte
	}{
		{
			name: "Save replaces the linked file", exists: true,
			write: func(path string) error { return Save(path, saved) }, want: Encode(saved),
		},
		{
			name:  "Save through a dangling link creates its target",
			write: func(path string) error { return Save(path, saved) }, want: Encode(saved),
		},
		{
			name:  "Load through a dangling link writes the defaults to its target",
			write: func(path string) error { _, err := Load(path); return err }, want: Encode(Defaults()),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "config", "microrest", "settings.toml")
			target := filepath.Join(dir, "dotfiles", "microrest", "settings.toml")
			if tc.exists {
				writeFile(t, target, []byte("old"), 0o644)
			}
			link(t, target, path)
			if err := tc.write(path); err != nil {
				t.Fatal(err)
			}
			if got, err := os.Readlink(path); err != nil || got != target {
				t.Fatalf("settings.toml now reads %q (%v), want the link to %s kept", got, err, target)
			}
			data, err := os.ReadFile(target)
			if err != nil || !bytes.Equal(data, tc.want) {
				t.Fatalf("target holds %q (%v), want the saved settings", data, err)
			}
			if runtime.GOOS != "windows" {
				assertMode(t, target, 0o600)
			}
		})
	}
}

func writeFile(t *testing.T, path string, data []byte, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, mode); err != nil {
		t.Fatal(err)
	}
}

// link makes a link with its directory, skipping the test where the
// system refuses (Windows without developer mode).
func link(t *testing.T, target, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, path); err != nil {
		if runtime.GOOS == "windows" {
			t.Skipf("cannot make links here: %v", err)
		}
		t.Fatal(err)
	}
}
