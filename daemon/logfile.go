package daemon

import (
	"os"
	"path/filepath"
	"sync"

	"github.com/microrest/microrest/i18n"
)

// MaxLogSize bounds the log file; past it the file is moved to .1 (one
// old generation) and a new one begins, so a daemon that runs for months
// never fills the disk.
const MaxLogSize = 1 << 20

// LogFile is an append-only log file of bounded size, safe for use from
// several goroutines.
type LogFile struct {
	mu   sync.Mutex
	path string
	f    *os.File
	size int64
}

// OpenLog opens (or creates) the log file at path, private to the user.
func OpenLog(path string) (*LogFile, error) {
	l := &LogFile{path: path}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, i18n.Wrap(err, "daemon.err.open_log")
	}
	return l, l.open()
}

func (l *LogFile) open() error {
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return i18n.Wrap(err, "daemon.err.open_log")
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return i18n.Wrap(err, "daemon.err.open_log")
	}
	l.f, l.size = f, info.Size()
	return nil
}

// Write appends p, rotating first when it would pass MaxLogSize.
func (l *LogFile) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return 0, os.ErrClosed
	}
	if l.size > 0 && l.size+int64(len(p)) > MaxLogSize {
		if err := l.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := l.f.Write(p)
	l.size += int64(n)
	return n, err
}

func (l *LogFile) rotate() error {
	l.f.Close()
	l.f = nil
	if err := os.Rename(l.path, l.path+".1"); err != nil {
		return i18n.Wrap(err, "daemon.err.rotate_log")
	}
	return l.open()
}

// Close closes the file.
func (l *LogFile) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}
