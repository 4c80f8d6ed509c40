package journal

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/microrest/microrest/i18n"
)

// MaxLineBytes is the longest line Read accepts, newline included. A longer
// line cannot be one the journal wrote, so it is skipped and reported rather
// than letting a damaged file make the reader grow without bound.
const MaxLineBytes = 64 << 10

// maxProblems keeps a report of a badly damaged file small; the count of
// skipped lines stays exact.
const maxProblems = 100

// Problem is one line Read skipped, so a person can be told where the file
// is damaged without losing the rest of their history.
type Problem struct {
	// Line is the 1-based line number in the file.
	Line int
	// Reason says why the line was skipped.
	Reason string
}

// String reads "line 12: reason", the form a report prints, in the
// process's language.
func (p Problem) String() string {
	return i18n.T("journal.problem.line", map[string]any{"Line": p.Line, "Reason": p.Reason})
}

// ReadReport sums up a read: a damaged line is never fatal, so the caller
// learns about damage here instead of from an error.
type ReadReport struct {
	// Lines counts every line seen, blank and skipped ones included.
	Lines int
	// Entries counts the outcome lines that parsed.
	Entries int
	// Checkins counts the check-in lines that parsed, also when the
	// caller asked only for outcomes.
	Checkins int
	// Wakes counts the wake lines that parsed, likewise.
	Wakes int
	// Other counts lines of a kind this version does not know, which a
	// newer microrest wrote: they are left out, but they are not damage.
	Other int
	// Skipped counts the damaged lines: those that did not parse.
	Skipped int
	// Problems lists the first skipped lines and why (at most 100).
	Problems []Problem
}

func (r *ReadReport) skip(line int, reason string) {
	r.Skipped++
	if len(r.Problems) < maxProblems {
		r.Problems = append(r.Problems, Problem{Line: line, Reason: reason})
	}
}

// Read streams the outcomes of a journal to fn, in file order, so the
// statistics of years of history can be computed without holding it all.
// Check-ins and wake lines are checked and counted but not passed on; ReadLines passes
// them and wake lines too. Torn, malformed and overlong lines are skipped and reported;
// blank lines are ignored. The error is a read failure, or fn's own error
// returned unchanged, which stops the read early.
func Read(r io.Reader, fn func(Entry) error) (ReadReport, error) {
	return ReadLines(r, outcomesOnly(fn))
}

// outcomesOnly adapts an outcome callback to a line callback.
func outcomesOnly(fn func(Entry) error) func(Line) error {
	return func(l Line) error {
		if l.Kind != KindOutcome {
			return nil
		}
		return fn(l.Entry)
	}
}

// ReadLines is Read for the whole record: it streams outcomes, check-ins
// and wake lines to fn in file order. Lines of a kind this version does not
// know are counted in ReadReport.Other and left out without being called
// damage, so a journal a newer microrest wrote still reads.
func ReadLines(r io.Reader, fn func(Line) error) (ReadReport, error) {
	rd := lineReader{br: bufio.NewReaderSize(r, MaxLineBytes), practices: interner{}}
	err := rd.run(fn)
	return rd.report, err
}

type lineReader struct {
	br        *bufio.Reader
	report    ReadReport
	practices interner
}

func (rd *lineReader) run(fn func(Line) error) error {
	for {
		line, err := rd.br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			if eof, err := rd.skipLong(); eof || err != nil {
				return err
			}
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return readError(err)
		}
		if len(line) > 0 {
			if ferr := rd.line(line, err == nil, fn); ferr != nil {
				return ferr
			}
		}
		if err != nil {
			return nil
		}
	}
}

// skipLong discards the rest of an overlong line.
func (rd *lineReader) skipLong() (eof bool, err error) {
	rd.report.Lines++
	rd.report.skip(rd.report.Lines, i18n.T("journal.problem.too_long", map[string]any{"KiB": MaxLineBytes >> 10}))
	for {
		_, err := rd.br.ReadSlice('\n')
		switch {
		case err == nil:
			return false, nil
		case errors.Is(err, io.EOF):
			return true, nil
		case !errors.Is(err, bufio.ErrBufferFull):
			return true, readError(err)
		}
	}
}

// line handles one line; complete is false for a last line with no
// newline, which is what a crash mid-write leaves behind.
func (rd *lineReader) line(line []byte, complete bool, fn func(Line) error) error {
	rd.report.Lines++
	l, err := parseLine(bytes.TrimSuffix(line, []byte{'\n'}), rd.practices)
	if err != nil {
		rd.problem(line, complete, err)
		return nil
	}
	switch l.Kind {
	case KindCheckin:
		rd.report.Checkins++
	case KindWake:
		rd.report.Wakes++
	default:
		rd.report.Entries++
	}
	return fn(l)
}

// problem reports a damaged line. A line of another kind is whole JSON,
// so it is not damage even without its newline.
func (rd *lineReader) problem(line []byte, complete bool, err error) {
	if len(bytes.TrimSpace(line)) == 0 {
		return
	}
	var other *otherKindError
	if errors.As(err, &other) {
		rd.report.Other++
		return
	}
	reason := err.Error()
	if !complete {
		reason = i18n.T("journal.problem.torn", map[string]any{"Reason": reason})
	}
	rd.report.skip(rd.report.Lines, reason)
}

// readError wraps a failure to read the journal file.
func readError(err error) error { return i18n.Wrap(err, "journal.err.read") }

// ReadFile reads the entries at or after since (the zero time for all), so
// the CLI can export "the last 7 days" in one call. A missing file is an
// empty journal: nothing has happened yet.
func ReadFile(path string, since time.Time) ([]Entry, ReadReport, error) {
	var entries []Entry
	report, err := readPath(path, outcomesOnly(func(e Entry) error {
		if !e.Time.Before(since) {
			entries = append(entries, e)
		}
		return nil
	}))
	return entries, report, err
}

// ReadFileLines is ReadFile for the whole record: outcomes, check-ins and
// wake lines at or after since, in file order, as `microrest journal` exports them.
func ReadFileLines(path string, since time.Time) ([]Line, ReadReport, error) {
	var lines []Line
	report, err := readPath(path, func(l Line) error {
		if !l.Time().Before(since) {
			lines = append(lines, l)
		}
		return nil
	})
	return lines, report, err
}

// readPath opens path and streams it; a missing file reads as empty.
func readPath(path string, fn func(Line) error) (ReadReport, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return ReadReport{}, nil
	}
	if err != nil {
		return ReadReport{}, readError(err)
	}
	defer f.Close()
	return ReadLines(f, fn)
}
