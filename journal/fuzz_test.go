package journal

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func FuzzParseLine(f *testing.F) {
	for _, tt := range lineCases {
		f.Add([]byte(tt.line))
	}
	for _, tt := range checkinLineCases {
		f.Add([]byte(tt.line))
	}
	for _, tt := range wakeLineCases {
		f.Add([]byte(tt.line))
	}
	for _, l := range exportLines() {
		line, err := appendAny(nil, l)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		l, err := parseLine(line, nil)
		checkFastPathAgrees(t, line, l, err)
		if err != nil {
			return
		}
		again, err := appendAny(nil, l)
		if err != nil {
			t.Fatalf("%q parsed to %+v, which does not marshal: %v", line, l, err)
		}
		back, err := parseLine(again, nil)
		if err != nil {
			t.Fatalf("%q re-marshalled to %q, which does not parse: %v", line, again, err)
		}
		if !sameLine(l, back) {
			t.Fatalf("%q -> %+v -> %q -> %+v", line, l, again, back)
		}
	})
}

// checkFastPathAgrees holds the fast tokenizer to encoding/json: whenever
// it takes a line, the slow path must give the same line or error, and
// both must agree on whether the line is of a kind this version knows.
func checkFastPathAgrees(t *testing.T, line []byte, l Line, err error) {
	if _, fast := scanLine(line); !fast {
		return
	}
	slow, slowErr := decodeLine(line)
	if (err == nil) != (slowErr == nil) || (err != nil && err.Error() != slowErr.Error()) {
		t.Fatalf("%q: fast path says %v, encoding/json says %v", line, err, slowErr)
	}
	var other *otherKindError
	if errors.As(err, &other) != errors.As(slowErr, &other) {
		t.Fatalf("%q: the paths disagree on the kind: %v, %v", line, err, slowErr)
	}
	if err == nil && !sameLine(l, slow) {
		t.Fatalf("%q: fast path reads %+v, encoding/json reads %+v", line, l, slow)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(goodLine1 + "\n" + goodLine2 + "\n{\"ti"))
	f.Add([]byte("\n\n" + goodLine1 + "\r\n"))
	f.Add([]byte(wakeLine + "\n" + goodLine1 + "\n" + checkinLine + "\n" + futureLine + "\n" + `{"time":"2026-12-01T09:00:00Z","kind":"checkin","mood":9}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var outcomes, checkins, wakes int
		report, err := ReadLines(bytes.NewReader(data), func(l Line) error {
			switch l.Kind {
			case KindCheckin:
				checkins++
			case KindWake:
				wakes++
			default:
				outcomes++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(string(data), "\n")
		if len(data) > 0 && data[len(data)-1] != '\n' {
			lines++
		}
		if report.Lines != lines || report.Entries != outcomes || report.Checkins != checkins || report.Wakes != wakes ||
			report.Entries+report.Checkins+report.Wakes+report.Other+report.Skipped > report.Lines {
			t.Fatalf("%d lines, report %+v, %d outcomes, %d check-ins", lines, report, outcomes, checkins)
		}
	})
}
