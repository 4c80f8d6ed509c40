package journal

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/microrest/microrest/i18n"
)

// syncFile is the part of *os.File a Journal writes through. It exists so
// tests can wrap the file to count writes and syncs and to make them fail.
type syncFile interface {
	Write(p []byte) (int, error)
	Sync() error
	Close() error
	ReadAt(p []byte, off int64) (int, error)
	Stat() (fs.FileInfo, error)
	Truncate(size int64) error
}

// Journal appends entries to the journal file durably: each line is one
// write followed by one fsync, so a crash loses at most the line being
// written and never tears an earlier one.
//
// A Journal follows its path rather than the file it first opened: before
// each line it checks that the path still names the open file, and reopens
// the path when the file was deleted or replaced (by a sync tool, or by
// `mv new journal.jsonl`), so lines never go into an unlinked file. After a
// failed write or sync it also reopens before the next line. A line whose
// write went through but whose fsync failed may or may not be on the disk;
// when the same line is appended again, as the engine's queue does, it
// replaces its first copy instead of following it, so the record neither
// loses nor repeats it. A symlinked
// path is followed the same way: when its target is deleted the next line
// recreates the target behind the link, and when the target's directory is
// gone Append reports a *WriteError until it returns. A Journal whose file
// cannot be opened yet is still usable: each Append tries again.
//
// Its methods are safe to call from several goroutines, though the daemon
// calls them from one.
type Journal struct {
	mu   sync.Mutex
	path string
	// wrap, when set by tests, wraps every file the Journal opens, so
	// faults can be injected into the writes and syncs of reopened files too.
	wrap func(syncFile) syncFile
	// f is nil while the path is not open: not yet writable, or dropped
	// after a failed write or sync.
	f syncFile
	// opened identifies the file f was opened as, for os.SameFile.
	opened      fs.FileInfo
	needNewline bool
	closed      bool
	buf         []byte
	// unsure is the line whose write went through but whose fsync failed,
	// until the next Append; nil otherwise.
	unsure *unsureLine
}

// unsureLine is a line in the file that may not have reached the disk.
type unsureLine struct {
	file fs.FileInfo // the file it was written to, for os.SameFile
	end  int64       // the file's size just after it
	line []byte      // the line, its newline included
}

// ErrClosed is returned by Append after Close, so a late outcome after
// shutdown is reported instead of silently dropped.
var ErrClosed error = &said{func() string { return i18n.T("journal.err.closed") }}

// WriteError says the journal file could not be opened, written or synced,
// so the line in hand was not recorded. The daemon recognises it with
// errors.As to tell a person that wins are not being kept and why; its
// message names the file and the OS error.
type WriteError struct {
	// Path is the journal path as given to Open.
	Path string
	// Err is the OS error, such as an *fs.PathError for ENOSPC or EACCES.
	Err error
}

// Error reads as a sentence a person can act on, naming file and cause.
func (e *WriteError) Error() string {
	return i18n.T("journal.err.not_writable", map[string]any{"Path": e.Path, "Error": e.Err.Error()})
}

// Unwrap gives the OS error, so errors.Is(err, syscall.ENOSPC) works.
func (e *WriteError) Unwrap() error { return e.Err }

// Open prepares path for appending. The caller computes the path
// (xdg.DataHome/microrest/journal.jsonl) so this package stays free of
// environment lookups and tests can point it anywhere. The directory is
// created private (0700) and the file is made 0600 even if it existed with
// looser permissions, because a journal of breaks is a record of someone's
// working day. A symlinked path is followed: the target is made private and
// written to, and the link stays a link.
//
// Open always returns a usable *Journal. A non-nil error is a *WriteError
// saying the file is not writable yet (a read-only disk at login, a
// directory without permission); the Journal then tries to open the path
// again at each Append, so recording starts once the cause is fixed.
func Open(path string) (*Journal, error) {
	return open(path, nil)
}

// open is Open with a wrapper for every file opened, for tests.
func open(path string, wrap func(syncFile) syncFile) (*Journal, error) {
	j := &Journal{path: path, wrap: wrap}
	return j, j.reopen()
}

// reopen opens the path afresh, after any earlier file has been released.
func (j *Journal) reopen() error {
	f, info, err := openPrivate(j.path)
	if err != nil {
		return &WriteError{Path: j.path, Err: err}
	}
	torn, err := endsTorn(f, info.Size())
	if err != nil {
		f.Close()
		return &WriteError{Path: j.path, Err: err}
	}
	j.f, j.opened, j.needNewline = f, info, torn
	if j.wrap != nil {
		j.f = j.wrap(f)
	}
	return nil
}

// openPrivate opens path for appending and reading its last byte, creating
// it and its directory when missing, and makes the file 0600. The mode is
// changed through the open file so a symlink's target is the file changed.
func openPrivate(path string) (*os.File, fs.FileInfo, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && info.Mode().Perm() != 0o600 {
		err = f.Chmod(0o600)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// endsTorn reports whether the file's last byte is not a newline: a crash
// or a failed write cut the last line short, and the next line must not be
// glued onto it.
func endsTorn(f *os.File, size int64) (bool, error) {
	if size == 0 {
		return false, nil
	}
	var last [1]byte
	if _, err := f.ReadAt(last[:], size-1); err != nil {
		return false, err
	}
	return last[0] != '\n', nil
}

// Append writes e as one line and waits for it to reach the disk, so an
// outcome the person saw acknowledged survives a crash or power cut. It
// returns a *WriteError when the line could not be recorded, a
// *FieldError when e is invalid, and ErrClosed after Close. A failed line
// is reported, not retried: after a failed sync it may be on disk already.
func (j *Journal) Append(e Entry) error {
	return j.append(OutcomeLine(e))
}

// AppendCheckin writes c as one line, as durably and with the same errors
// as Append; a check-in that answers nothing is ErrNoAnswers.
func (j *Journal) AppendCheckin(c Checkin) error {
	return j.append(CheckinLine(c))
}

// AppendWake records t as the first active minute of its journal day, the
// wake-time proxy, as durably and with the same errors as Append. Readers
// older than wake lines skip them as a kind they do not know.
func (j *Journal) AppendWake(t time.Time) error {
	return j.append(WakeLine(t))
}

func (j *Journal) append(l Line) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.closed {
		return i18n.Wrap(ErrClosed, "journal.err.append")
	}
	line, err := j.encode(l)
	if err != nil {
		return i18n.Wrap(err, "journal.err.append")
	}
	if err := j.ensureOpen(); err != nil {
		return err
	}
	j.replaceUnsure(line[1:])
	if !j.needNewline {
		line = line[1:]
	}
	return j.write(line)
}

// replaceUnsure cuts the line whose fsync failed off the file when line is
// the same line appended again and still the file's last, so writing it
// again replaces it. Rewriting rather than syncing again matters: after a
// failed writeback Linux may have marked the page clean, and a second
// fsync would succeed without writing it. The cut leaves the file ending
// at a line's end, so the line goes in without a repairing newline; any
// other line leaves the unsure one as written.
func (j *Journal) replaceUnsure(line []byte) {
	u := j.unsure
	j.unsure = nil
	if u == nil || !bytes.Equal(u.line, line) || !os.SameFile(u.file, j.opened) || j.opened.Size() != u.end {
		return
	}
	start := u.end - int64(len(line))
	got := make([]byte, len(line))
	if _, err := j.f.ReadAt(got, start); err != nil || !bytes.Equal(got, line) {
		return
	}
	if err := j.f.Truncate(start); err != nil {
		// The next write appends: a second copy rather than a lost line.
		return
	}
	j.needNewline = false
}

// encode builds the bytes of one Write: a newline that repairs a torn last
// line, then the entry and its newline. The repair is kept or sliced off
// once the file is open, because only then is it known whether the file
// ends torn. The buffer is reused between lines.
func (j *Journal) encode(l Line) ([]byte, error) {
	buf, err := appendAny(append(j.buf[:0], '\n'), l)
	if err != nil {
		return nil, err
	}
	j.buf = append(buf, '\n')
	return j.buf, nil
}

// ensureOpen makes sure the next write reaches the file the path names,
// reopening the path when the open file was deleted or replaced, or when
// no file is open. A race with a rename between this check and the write
// remains, but shrinks from hours to microseconds.
func (j *Journal) ensureOpen() error {
	if j.f != nil && j.pathNamesOpenFile() {
		return nil
	}
	j.release()
	return j.reopen()
}

// pathNamesOpenFile compares the path with the identity the file had when
// opened, which a deletion or rename cannot change, so one stat is enough.
func (j *Journal) pathNamesOpenFile() bool {
	info, err := os.Stat(j.path)
	return err == nil && os.SameFile(info, j.opened)
}

// write writes and syncs one line, dropping the file on failure so the
// next Append reopens it and learns from the file whether a part of this
// line was left torn at its end.
func (j *Journal) write(line []byte) error {
	_, err := j.f.Write(line)
	if err == nil {
		if err = j.f.Sync(); err != nil {
			j.noteUnsure(line)
		}
	}
	if err != nil {
		j.release()
		return &WriteError{Path: j.path, Err: err}
	}
	j.needNewline = false
	return nil
}

// noteUnsure remembers a line written whole whose fsync failed, so the
// next Append of the same line can replace it. Without the file's size the
// line is left as written.
func (j *Journal) noteUnsure(line []byte) {
	info, err := j.f.Stat()
	if err != nil {
		return
	}
	// Without the newline that repaired a torn line before it, as the next
	// Append compares it.
	body := bytes.TrimPrefix(line, []byte{'\n'})
	j.unsure = &unsureLine{file: j.opened, end: info.Size(), line: bytes.Clone(body)}
}

// release closes a file the Journal is abandoning. Its close error is
// ignored: every line was synced or already reported as failed.
func (j *Journal) release() {
	if j.f != nil {
		j.f.Close()
	}
	j.f, j.opened = nil, nil
}

// Close releases the file and makes later Appends return ErrClosed.
// Closing twice is harmless, so shutdown paths need not coordinate.
func (j *Journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.closed = true
	if j.f == nil {
		return nil
	}
	err := j.f.Close()
	j.f, j.opened = nil, nil
	if err != nil {
		return i18n.Wrap(err, "journal.err.close")
	}
	return nil
}
