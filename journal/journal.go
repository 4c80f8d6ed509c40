package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// syncFile is the part of *os.File a Journal uses. It exists so tests can
// wrap the file and count writes and syncs.
type syncFile interface {
	Write(p []byte) (int, error)
	Sync() error
	Close() error
}

// Journal appends entries to the journal file durably: each line is one
// write followed by one fsync, so a crash loses at most the line being
// written and never tears an earlier one. Its methods are safe to call from
// several goroutines, though the daemon calls them from one.
type Journal struct {
	mu          sync.Mutex
	f           syncFile
	needNewline bool
	buf         []byte
}

// ErrClosed is returned by Append after Close, so a late outcome after
// shutdown is reported instead of silently dropped.
var ErrClosed = errors.New("journal is closed")

// Open prepares path for appending. The caller computes the path
// (xdg.DataHome/microrest/journal.jsonl) so this package stays free of
// environment lookups and tests can point it anywhere. The directory is
// created private (0700) and the file 0600, because a journal of breaks is
// a record of someone's working day.
func Open(path string) (*Journal, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	torn, err := endsTorn(path)
	if err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	return &Journal{f: f, needNewline: torn}, nil
}

// endsTorn reports whether the file's last byte is not a newline: a crash
// cut the last line short, and the next line must not be glued onto it.
func endsTorn(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.Size() == 0 {
		return false, err
	}
	var last [1]byte
	if _, err := f.ReadAt(last[:], info.Size()-1); err != nil {
		return false, err
	}
	return last[0] != '\n', nil
}

// Append writes e as one line and waits for it to reach the disk, so an
// outcome the person saw acknowledged survives a crash or power cut.
func (j *Journal) Append(e Entry) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return fmt.Errorf("append to journal: %w", ErrClosed)
	}
	line, err := j.line(e)
	if err != nil {
		return fmt.Errorf("append to journal: %w", err)
	}
	if _, err := j.f.Write(line); err != nil {
		// Part of the line may be on disk; start the next one afresh.
		j.needNewline = true
		return fmt.Errorf("append to journal: %w", err)
	}
	j.needNewline = false
	if err := j.f.Sync(); err != nil {
		return fmt.Errorf("append to journal: %w", err)
	}
	return nil
}

// line builds the bytes of one Write: a newline first when the file ends
// torn, then the entry and its newline. The buffer is reused between lines.
func (j *Journal) line(e Entry) ([]byte, error) {
	buf := j.buf[:0]
	if j.needNewline {
		buf = append(buf, '\n')
	}
	buf, err := appendLine(buf, e)
	if err != nil {
		return nil, err
	}
	j.buf = append(buf, '\n')
	return j.buf, nil
}

// Close releases the file. Closing twice is harmless, so shutdown paths
// need not coordinate.
func (j *Journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return nil
	}
	err := j.f.Close()
	j.f = nil
	if err != nil {
		return fmt.Errorf("close journal: %w", err)
	}
	return nil
}
