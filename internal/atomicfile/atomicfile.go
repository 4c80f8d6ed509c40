// Package atomicfile replaces the content of microrest's own files (the
// settings and the engine state) so that a crash or power cut leaves the
// old content or the new, never half of each, and so that every writer
// treats symbolic links the same way: dotfile managers such as GNU Stow
// and chezmoi make the settings a link into the person's dotfiles, and
// replacing the link with a regular file would quietly cut it off.
package atomicfile

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/microrest/microrest/i18n"
)

// maxHops bounds how many links Write follows, as Linux does (MAXSYMLINKS),
// so a loop of links is an error rather than a hang.
const maxHops = 40

// Options say what Write may do besides replacing an existing file.
type Options struct {
	// CreateMissingTarget lets Write create the file a dangling link
	// points to. Set it when a person asked to save; leave it unset for
	// automatic saves, which should not make up a file the person's link
	// expects to come from elsewhere (a dotfiles checkout not yet made).
	CreateMissingTarget bool
}

// ErrDanglingLink is wrapped by Write's error when path is a link whose
// final target is missing and Options.CreateMissingTarget is unset.
var ErrDanglingLink error = &localError{func() string { return i18n.T("internal.atomicfile.dangling") }}

// localError says its sentence in the language spoken when it is read,
// so an error made at start follows a language chosen later; it stays one
// value, for errors.Is.
type localError struct{ say func() string }

func (e *localError) Error() string { return e.say() }

// rename publishes the new content; tests replace it to fail that step.
var rename = os.Rename

// Write replaces the content of path with data. When path is a symbolic
// link (or a chain of them) the file at the end of the chain is replaced
// and the links are kept. A path that does not exist at all is created,
// with its directory (0700). The file ends up private (0600) whatever mode
// it had: it is a person's own record.
func Write(path string, data []byte, opts Options) error {
	target, exists, err := resolve(path)
	if err != nil {
		return err
	}
	if !exists && target != path && !opts.CreateMissingTarget {
		return i18n.Wrap(ErrDanglingLink, "internal.atomicfile.missing_target", map[string]any{"Path": path, "Target": target})
	}
	return replace(target, data)
}

// resolve follows path's links to the file they end at, and says whether
// that file exists. It reads each link itself, rather than asking the
// system for the real path, because a dangling link's target has none.
func resolve(path string) (string, bool, error) {
	current := path
	for range maxHops {
		info, err := os.Lstat(current)
		if errors.Is(err, os.ErrNotExist) {
			return current, false, nil
		}
		if err != nil {
			return "", false, err
		}
		if info.Mode()&os.ModeSymlink == 0 {
			return current, true, nil
		}
		if current, err = readLink(current); err != nil {
			return "", false, err
		}
	}
	return "", false, errors.New(i18n.T("internal.atomicfile.loop", map[string]any{"Path": path, "Max": maxHops}))
}

// readLink returns where link points. A relative target is relative to
// the directory the link physically sits in, which differs from its
// lexical parent when that parent is itself reached through a link; so
// the directory is resolved before the target is joined to it.
func readLink(link string) (string, error) {
	target, err := os.Readlink(link)
	if err != nil || filepath.IsAbs(target) {
		return target, err
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(link))
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, target), nil
}

// replace writes data to a temporary file beside target and renames it
// over target: a rename within a directory is atomic, so readers see the
// old file or the new one. The directory is synced so the rename itself
// survives a power cut.
func replace(target string, data []byte) error {
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, tempPrefix(target)+"*")
	if err != nil {
		return err
	}
	if err := fill(tmp, data); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := rename(tmp.Name(), target); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return syncDir(dir)
}

// fill writes data and forces it to disk before the rename, so the name
// never points at content still in flight. The mode is set on the handle
// so the file is 0600 whatever the umask took from CreateTemp's mode.
func fill(f *os.File, data []byte) error {
	err := f.Chmod(0o600)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
