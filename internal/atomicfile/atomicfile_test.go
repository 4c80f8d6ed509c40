package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// tree is a directory laid out for a test. Paths use slashes and are
// relative to the test's directory; a link target starting with "/" is
// written as an absolute path inside that directory.
type tree struct {
	files map[string]string
	links map[string]string
}

func (tr tree) make(t *testing.T, dir string) {
	t.Helper()
	for name, content := range tr.files {
		p := local(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, target := range tr.links {
		p := local(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		symlink(t, linkTarget(dir, target), p)
	}
}

// keepsLinks fails unless every link still is one, pointing where it did.
func (tr tree) keepsLinks(t *testing.T, dir string) {
	t.Helper()
	for name, target := range tr.links {
		got, err := os.Readlink(local(dir, name))
		if err != nil || got != linkTarget(dir, target) {
			t.Errorf("link %s now reads %q (%v), want it kept pointing at %q", name, got, err, target)
		}
	}
}

func local(dir, name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }

func linkTarget(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return local(dir, target[1:])
	}
	return filepath.FromSlash(target)
}

// symlink makes a link, skipping the test where the system refuses
// (Windows without developer mode).
func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		if runtime.GOOS == "windows" {
			t.Skipf("cannot make links here: %v", err)
		}
		t.Fatal(err)
	}
}

func TestWriteReplacesTheFileAtTheEndOfTheLinks(t *testing.T) {
	tests := []struct {
		name string
		tree tree
		path string
		opts Options
		// want is the file that must hold the new content; empty when
		// the write must fail with an error containing wantErr.
		want    string
		wantErr []string
	}{
		{
			name: "a plain 0644 file is replaced and made private",
			tree: tree{files: map[string]string{"a.toml": "old"}},
			path: "a.toml", want: "a.toml",
		},
		{
			name: "a missing file is created with its directory",
			path: "new/dir/a.toml", want: "new/dir/a.toml",
		},
		{
			name: "a link is kept and the file it points to is replaced",
			tree: tree{
				files: map[string]string{"dots/a.toml": "old"},
				links: map[string]string{"conf/a.toml": "/dots/a.toml"},
			},
			path: "conf/a.toml", want: "dots/a.toml",
		},
		{
			name: "a chain of links is followed to its end",
			tree: tree{
				files: map[string]string{"dots/a.toml": "old"},
				links: map[string]string{"conf/a.toml": "/stow/a.toml", "stow/a.toml": "/dots/a.toml"},
			},
			path: "conf/a.toml", want: "dots/a.toml",
		},
		{
			name: "a relative link is read against the link's directory",
			tree: tree{
				files: map[string]string{"dots/a.toml": "old"},
				links: map[string]string{"conf/a.toml": "../dots/a.toml"},
			},
			path: "conf/a.toml", want: "dots/a.toml",
		},
		{
			name: "a relative link in a linked directory is read against the real directory",
			tree: tree{
				files: map[string]string{"dots/data/a.toml": "old", "home/.keep": ""},
				links: map[string]string{"home/conf": "../dots/conf", "dots/conf/a.toml": "../data/a.toml"},
			},
			path: "home/conf/a.toml", want: "dots/data/a.toml",
		},
		{
			name: "a dangling link's target is created when the caller asks",
			tree: tree{links: map[string]string{"conf/a.toml": "../dots/a.toml"}},
			path: "conf/a.toml", opts: Options{CreateMissingTarget: true}, want: "dots/a.toml",
		},
		{
			name:    "a dangling link is an error naming link and target when the caller does not ask",
			tree:    tree{links: map[string]string{"conf/a.toml": "/dots/a.toml"}},
			path:    "conf/a.toml",
			wantErr: []string{filepath.FromSlash("conf/a.toml"), filepath.FromSlash("dots/a.toml"), "does not exist"},
		},
		{
			name:    "a loop of links is an error",
			tree:    tree{links: map[string]string{"a.toml": "b.toml", "b.toml": "a.toml"}},
			path:    "a.toml",
			wantErr: []string{"a.toml", "loop"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			tc.tree.make(t, dir)
			err := Write(local(dir, tc.path), []byte("new"), tc.opts)
			tc.tree.keepsLinks(t, dir)
			noTemps(t, dir)
			if tc.want == "" {
				checkErr(t, err, tc.wantErr)
				unchanged(t, dir, tc.tree)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			holds(t, local(dir, tc.want), "new")
			assertPrivate(t, local(dir, tc.want))
		})
	}
}

func TestDanglingLinkErrorIsErrDanglingLink(t *testing.T) {
	dir := t.TempDir()
	symlink(t, filepath.Join(dir, "missing"), filepath.Join(dir, "a"))
	if err := Write(filepath.Join(dir, "a"), []byte("new"), Options{}); !errors.Is(err, ErrDanglingLink) {
		t.Fatalf("err = %v, want ErrDanglingLink", err)
	}
}

func TestAFailedWriteLeavesTheOldContent(t *testing.T) {
	tests := []struct {
		name   string
		rename func(string, string) error
		// target is created as a directory holding old, not as a file.
		targetIsDir bool
	}{
		{
			name:   "the rename fails",
			rename: func(string, string) error { return errors.New("disk gone") },
		},
		{
			name:        "the target is a directory the file cannot replace",
			rename:      os.Rename,
			targetIsDir: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			replaceRename(t, tc.rename)
			dir := t.TempDir()
			path, old := filepath.Join(dir, "a.toml"), filepath.Join(dir, "a.toml")
			if tc.targetIsDir {
				old = filepath.Join(path, "inside")
				if err := os.Mkdir(path, 0o700); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(old, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := Write(path, []byte("new"), Options{}); err == nil {
				t.Fatal("no error")
			}
			holds(t, old, "old")
			noTemps(t, dir)
		})
	}
}

// replaceRename swaps the rename step for one test; such tests must not
// run in parallel.
func replaceRename(t *testing.T, f func(string, string) error) {
	saved := rename
	rename = f
	t.Cleanup(func() { rename = saved })
}

func TestRemoveStaleTakesOnlyOldLeftoversOfThisFile(t *testing.T) {
	files := []struct {
		name    string
		age     time.Duration
		removed bool
	}{
		{".state.json.tmp-12345", 2 * time.Minute, true},
		{".state.json.tmp-67890", 5 * time.Second, false}, // another process is writing
		{".state-111.tmp", time.Hour, true},               // the old state writer's
		{".state-222.tmp", 5 * time.Second, false},
		{"state.json", time.Hour, false},
		{".state.json.tmp-backup", time.Hour, false}, // not CreateTemp's digits
		{".state.json.bak", time.Hour, false},
		{".other.json.tmp-12345", time.Hour, false},
		{"notes.tmp", time.Hour, false},
	}
	dir := t.TempDir()
	var want []string
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		writeAged(t, p, f.age)
		if f.removed {
			want = append(want, p)
		}
	}
	removed, err := RemoveStale(filepath.Join(dir, "state.json"), ".state-*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(removed)
	slices.Sort(want)
	if !slices.Equal(removed, want) {
		t.Errorf("removed %q, want %q", removed, want)
	}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(dir, f.name)); errors.Is(err, fs.ErrNotExist) != f.removed {
			t.Errorf("%s: removed=%v, want %v", f.name, err != nil, f.removed)
		}
	}
}

// A process killed between writing and renaming leaves its temporary
// file; RemoveStale finds it beside the link's target once it is old.
func TestRemoveStaleFindsWhatAKilledWriteLeftBesideTheTarget(t *testing.T) {
	dir := t.TempDir()
	tr := tree{files: map[string]string{"dots/a.toml": "old"}, links: map[string]string{"conf/a.toml": "/dots/a.toml"}}
	tr.make(t, dir)
	var left string
	replaceRename(t, func(from, _ string) error { left = from; return nil })
	if err := Write(local(dir, "conf/a.toml"), []byte("new"), Options{}); err != nil {
		t.Fatal(err)
	}
	if removed, err := RemoveStale(local(dir, "conf/a.toml")); err != nil || len(removed) != 0 {
		t.Fatalf("a fresh temporary file was removed: %q, %v", removed, err)
	}
	age(t, left, 2*time.Minute)
	removed, err := RemoveStale(local(dir, "conf/a.toml"))
	if err != nil || !slices.Equal(removed, []string{left}) {
		t.Fatalf("removed %q (%v), want %q", removed, err, left)
	}
	holds(t, local(dir, "dots/a.toml"), "old")
}

func TestRemoveStaleOfAMissingDirectoryRemovesNothing(t *testing.T) {
	removed, err := RemoveStale(filepath.Join(t.TempDir(), "gone", "state.json"), ".state-*.tmp")
	if err != nil || len(removed) != 0 {
		t.Fatalf("removed %q, err %v", removed, err)
	}
}

func writeAged(t *testing.T, path string, d time.Duration) {
	t.Helper()
	if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	age(t, path, d)
}

func age(t *testing.T, path string, d time.Duration) {
	t.Helper()
	then := time.Now().Add(-d)
	if err := os.Chtimes(path, then, then); err != nil {
		t.Fatal(err)
	}
}

func checkErr(t *testing.T, err error, want []string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one naming %q", want)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not contain %q", err, w)
		}
	}
}

func holds(t *testing.T, path, want string) {
	t.Helper()
	info, err := os.Lstat(path)
	if err != nil || !info.Mode().IsRegular() {
		t.Fatalf("%s: %v, want a regular file", path, err)
	}
	data, _ := os.ReadFile(path)
	if string(data) != want {
		t.Errorf("%s holds %q, want %q", path, data, want)
	}
}

// unchanged fails unless every file of the tree still holds its content.
func unchanged(t *testing.T, dir string, tr tree) {
	t.Helper()
	for name, content := range tr.files {
		holds(t, local(dir, name), content)
	}
}

// assertPrivate checks the mode where the system has Unix modes.
func assertPrivate(t *testing.T, path string) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %o, want 0600", path, info.Mode().Perm())
	}
}

func noTemps(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
