package journal

import (
	"bufio"
	"encoding/csv"
	"io"
	"slices"
	"strconv"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
)

// csvHeader names the columns people see in a spreadsheet; they match the
// JSON keys so both exports read the same.
var csvHeader = []string{"time", "anchor", "outcome", "practice", "active_min"}

// csvLinesHeader adds the kind and the check-in's columns after the
// outcome's, so a spreadsheet or script that reads the first five columns
// of an older export reads this one alike.
var csvLinesHeader = slices.Concat(csvHeader, []string{"kind"}, lineKeys[:], []string{"load"})

// WriteCSV exports outcomes for spreadsheets, with the same time and
// minute formats as the journal file. WriteLinesCSV exports check-ins too.
func WriteCSV(w io.Writer, entries []Entry) error {
	return writeCSV(w, csvHeader, entries, func(e Entry) ([]string, error) {
		if err := checkEntry(e); err != nil {
			return nil, err
		}
		return csvRecord(e), nil
	})
}

// WriteLinesCSV exports the whole record (`microrest journal --format
// csv`) under the header
//
//	time,anchor,outcome,practice,active_min,kind,stiffness,mood,energy,sleep,load
//
// where kind is "outcome", "checkin" or "wake", and each row leaves the
// other kinds' columns empty, as it does an unanswered item; a wake row
// has only its time.
func WriteLinesCSV(w io.Writer, lines []Line) error {
	return writeCSV(w, csvLinesHeader, lines, csvLineRecord)
}

func writeCSV[T any](w io.Writer, header []string, rows []T, record func(T) ([]string, error)) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return exportError(err)
	}
	for i, row := range rows {
		rec, err := record(row)
		if err != nil {
			return i18n.Wrap(err, "journal.err.export_entry", map[string]any{"Number": i + 1})
		}
		if err := cw.Write(rec); err != nil {
			return exportError(err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return exportError(err)
	}
	return nil
}

func csvRecord(e Entry) []string {
	return []string{
		string(appendTime(nil, e.Time)),
		e.Anchor.String(),
		e.Outcome.String(),
		e.Practice,
		string(appendMinutes(nil, e.Active)),
	}
}

func csvLineRecord(l Line) ([]string, error) {
	switch l.Kind {
	case KindOutcome:
		if err := checkEntry(l.Entry); err != nil {
			return nil, err
		}
		return append(csvRecord(l.Entry), l.Kind.String(), "", "", "", "", ""), nil
	case KindCheckin:
		if err := checkCheckin(l.Checkin); err != nil {
			return nil, err
		}
		return csvCheckinRecord(l.Checkin), nil
	case KindWake:
		if err := checkTime(l.Wake); err != nil {
			return nil, err
		}
		return []string{string(appendTime(nil, l.Wake)), "", "", "", "", l.Kind.String(), "", "", "", "", ""}, nil
	}
	return nil, &FieldError{"kind", unknownValue(int(l.Kind))}
}

func csvCheckinRecord(c Checkin) []string {
	rec := []string{string(appendTime(nil, c.Time)), "", "", "", "", KindCheckin.String()}
	for _, it := range reminders.CheckinItems {
		answer := ""
		if v := c.answer(it); v != 0 {
			answer = strconv.Itoa(v)
		}
		rec = append(rec, answer)
	}
	return append(rec, c.Load.String())
}

// exportError wraps a failure to write an export.
func exportError(err error) error { return i18n.Wrap(err, "journal.err.export") }

// WriteJSONL exports outcomes in the journal's own line format, so an
// export can be read back with Read or appended to another journal.
func WriteJSONL(w io.Writer, entries []Entry) error {
	return writeJSONL(w, entries, appendLine)
}

// WriteLinesJSONL exports the whole record in the journal's own line
// format (`microrest journal --format json`): each line is exactly as the
// journal file holds it.
func WriteLinesJSONL(w io.Writer, lines []Line) error {
	return writeJSONL(w, lines, appendAny)
}

func writeJSONL[T any](w io.Writer, rows []T, encode func([]byte, T) ([]byte, error)) error {
	bw := bufio.NewWriter(w)
	var line []byte
	for i, row := range rows {
		var err error
		if line, err = encode(line[:0], row); err != nil {
			return i18n.Wrap(err, "journal.err.export_entry", map[string]any{"Number": i + 1})
		}
		if _, err := bw.Write(append(line, '\n')); err != nil {
			return exportError(err)
		}
	}
	if err := bw.Flush(); err != nil {
		return exportError(err)
	}
	return nil
}
