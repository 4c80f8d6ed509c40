package journal

import (
	"bytes"
	"strings"
	"testing"
)

func FuzzParseLine(f *testing.F) {
	for _, tt := range lineCases {
		f.Add([]byte(tt.line))
	}
	for _, e := range exportEntries() {
		line, err := e.MarshalJSON()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		e, err := parseLine(line, nil)
		checkFastPathAgrees(t, line, e, err)
		if err != nil {
			return
		}
		again, err := e.MarshalJSON()
		if err != nil {
			t.Fatalf("%q parsed to %+v, which does not marshal: %v", line, e, err)
		}
		back, err := parseLine(again, nil)
		if err != nil {
			t.Fatalf("%q re-marshalled to %q, which does not parse: %v", line, again, err)
		}
		if !sameEntry(e, back) {
			t.Fatalf("%q -> %+v -> %q -> %+v", line, e, again, back)
		}
	})
}

// checkFastPathAgrees holds the fast tokenizer to encoding/json: whenever
// it takes a line, the slow path must give the same entry or error.
func checkFastPathAgrees(t *testing.T, line []byte, e Entry, err error) {
	if _, fast := scanLine(line); !fast {
		return
	}
	slow, slowErr := decodeLine(line)
	if (err == nil) != (slowErr == nil) || (err != nil && err.Error() != slowErr.Error()) {
		t.Fatalf("%q: fast path says %v, encoding/json says %v", line, err, slowErr)
	}
	if err == nil && !sameEntry(e, slow) {
		t.Fatalf("%q: fast path reads %+v, encoding/json reads %+v", line, e, slow)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(goodLine1 + "\n" + goodLine2 + "\n{\"ti"))
	f.Add([]byte("\n\n" + goodLine1 + "\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries := 0
		report, err := Read(bytes.NewReader(data), func(Entry) error {
			entries++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(string(data), "\n")
		if len(data) > 0 && data[len(data)-1] != '\n' {
			lines++
		}
		if report.Lines != lines || report.Entries != entries || report.Entries+report.Skipped > report.Lines {
			t.Fatalf("%d lines, report %+v, %d entries", lines, report, entries)
		}
	})
}
