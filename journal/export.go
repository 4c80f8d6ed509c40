package journal

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
)

// csvHeader names the columns people see in a spreadsheet; they match the
// JSON keys so both exports read the same.
var csvHeader = []string{"time", "anchor", "outcome", "practice", "active_min"}

// WriteCSV exports entries for spreadsheets (`microrest journal --format
// csv`), with the same time and minute formats as the journal file.
func WriteCSV(w io.Writer, entries []Entry) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("export journal: %w", err)
	}
	for i, e := range entries {
		if err := checkEntry(e); err != nil {
			return fmt.Errorf("export journal entry %d: %w", i+1, err)
		}
		if err := cw.Write(csvRecord(e)); err != nil {
			return fmt.Errorf("export journal: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export journal: %w", err)
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

// WriteJSONL exports entries in the journal's own line format
// (`microrest journal --format json`), so an export can be read back with
// Read or appended to another journal.
func WriteJSONL(w io.Writer, entries []Entry) error {
	bw := bufio.NewWriter(w)
	var line []byte
	for i, e := range entries {
		var err error
		if line, err = appendLine(line[:0], e); err != nil {
			return fmt.Errorf("export journal entry %d: %w", i+1, err)
		}
		if _, err := bw.Write(append(line, '\n')); err != nil {
			return fmt.Errorf("export journal: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export journal: %w", err)
	}
	return nil
}
