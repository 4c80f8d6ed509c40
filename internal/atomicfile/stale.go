package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// staleAge is how old a temporary file must be before RemoveStale takes
// it for a crash's leftover. A write holds its temporary file for
// milliseconds; another microrest process (the settings window) may be
// writing the same file right now, and a minute leaves it alone.
const staleAge = time.Minute

// RemoveStale removes the temporary files that a crash between write and
// rename left beside path's target, and returns their paths so the caller
// can log them. legacy adds glob patterns (filepath.Match) for the
// temporary files of earlier writers, matched in path's own directory,
// where those writers put them. Only files older than a minute go.
func RemoveStale(path string, legacy ...string) ([]string, error) {
	target, _, err := resolve(path)
	if err != nil {
		return nil, err
	}
	prefix := tempPrefix(target)
	removed, err := removeOld(filepath.Dir(target), func(name string) bool { return isOwnTemp(name, prefix) })
	if len(legacy) == 0 {
		return removed, err
	}
	more, lerr := removeOld(filepath.Dir(path), func(name string) bool { return matchesAny(name, legacy) })
	return append(removed, more...), errors.Join(err, lerr)
}

// tempPrefix names target's temporary files: hidden, and spelled out so
// RemoveStale recognises them and nothing else.
func tempPrefix(target string) string { return "." + filepath.Base(target) + ".tmp-" }

// isOwnTemp reports whether name is prefix followed by CreateTemp's
// random digits.
func isOwnTemp(name, prefix string) bool {
	rest, ok := strings.CutPrefix(name, prefix)
	return ok && rest != "" && strings.Trim(rest, "0123456789") == ""
}

func matchesAny(name string, patterns []string) bool {
	for _, p := range patterns {
		if ok, _ := filepath.Match(p, name); ok {
			return true
		}
	}
	return false
}

// removeOld removes the regular files in dir that match and are older
// than staleAge. A missing directory holds nothing to remove.
func removeOld(dir string, match func(string) bool) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var removed []string
	var errs []error
	for _, e := range entries {
		if !e.Type().IsRegular() || !match(e.Name()) {
			continue
		}
		full := filepath.Join(dir, e.Name())
		ok, err := removeIfOld(full, e)
		if ok {
			removed = append(removed, full)
		}
		errs = append(errs, err)
	}
	return removed, errors.Join(errs...)
}

func removeIfOld(path string, e os.DirEntry) (bool, error) {
	info, err := e.Info()
	if err != nil || time.Since(info.ModTime()) < staleAge {
		return false, ignoreGone(err)
	}
	if err := os.Remove(path); err != nil {
		return false, ignoreGone(err)
	}
	return true, nil
}

// ignoreGone drops the error of a file that vanished meanwhile: its
// writer renamed it, which is the outcome RemoveStale wants anyway.
func ignoreGone(err error) error {
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}
