package journal

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

func exportEntries() []Entry {
	return []Entry{
		{Time: time.Date(2026, 11, 27, 10, 4, 5, 0, plusOne), Anchor: settings.Movement, Outcome: reminders.OutcomeDone,
			Practice: `Walk, then say "done"` + "\nnext line", Active: 58*time.Minute + 30*time.Second},
		entry(time.Date(2026, 11, 27, 22, 0, 0, 0, plusOne), settings.WindDown, reminders.OutcomeMissed, 0),
	}
}

func TestCSVExportQuotesAndReadsBack(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, exportEntries()); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", buf.String(), err)
	}
	want := [][]string{
		{"time", "anchor", "outcome", "practice", "active_min"},
		{"2026-11-27T10:04:05+01:00", "movement", "done", "Walk, then say \"done\"\nnext line", "58.5"},
		{"2026-11-27T22:00:00+01:00", "wind-down", "missed", "", "0"},
	}
	if !reflect.DeepEqual(records, want) {
		t.Errorf("got  %q\nwant %q", records, want)
	}
}

func TestJSONLExportIsTheJournalFormat(t *testing.T) {
	var buf bytes.Buffer
	in := exportEntries()
	if err := WriteJSONL(&buf, in); err != nil {
		t.Fatal(err)
	}
	var out []Entry
	report, err := Read(&buf, func(e Entry) error {
		out = append(out, e)
		return nil
	})
	if err != nil || report.Skipped != 0 || len(out) != len(in) {
		t.Fatalf("read %d of %d, report %+v, %v", len(out), len(in), report, err)
	}
	for i := range in {
		if !sameEntry(in[i], out[i]) {
			t.Errorf("entry %d read back as %+v, want %+v", i, out[i], in[i])
		}
	}
}

func TestAnExportStopsAtAnInvalidEntry(t *testing.T) {
	bad := append(exportEntries(), Entry{Anchor: settings.Breath, Outcome: reminders.OutcomeDone})
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer, []Entry) error
	}{
		{"the CSV export names the entry", func(b *bytes.Buffer, e []Entry) error { return WriteCSV(b, e) }},
		{"the JSONL export names the entry", func(b *bytes.Buffer, e []Entry) error { return WriteJSONL(b, e) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.write(&bytes.Buffer{}, bad)
			var fe *FieldError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), "entry 3") {
				t.Errorf("got %v", err)
			}
		})
	}
}

var update = flag.Bool("update", false, "rewrite testdata/export.* from exportLines")

// exportLines is a record of every kind as a morning and an evening write
// it: every item answered, a subset, a load alone, outcomes between, and
// the next morning's wake time.
func exportLines() []Line {
	entries := exportEntries()
	return []Line{
		CheckinLine(checkin(time.Date(2026, 11, 27, 8, 55, 0, 0, plusOne), 2, 4, 3, 4, settings.LoadHard)),
		OutcomeLine(entries[0]),
		CheckinLine(checkin(time.Date(2026, 11, 27, 12, 30, 0, 0, plusOne), 0, 3, 0, 0, settings.LoadUnset)),
		OutcomeLine(entries[1]),
		CheckinLine(checkin(time.Date(2026, 11, 28, 9, 1, 0, 0, time.UTC), 0, 0, 0, 0, settings.LoadRest)),
		WakeLine(time.Date(2026, 11, 29, 7, 12, 0, 0, time.UTC)),
	}
}

func TestTheWholeRecordExportsAsTheGoldenFilesSay(t *testing.T) {
	for _, tt := range []struct {
		name, golden string
		write        func(*bytes.Buffer, []Line) error
	}{
		{"CSV has a kind column and the items after the outcome's columns", "export.csv", func(b *bytes.Buffer, l []Line) error { return WriteLinesCSV(b, l) }},
		{"JSON is the journal's own lines", "export.jsonl", func(b *bytes.Buffer, l []Line) error { return WriteLinesJSONL(b, l) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf, exportLines()); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tt.golden)
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if buf.String() != string(want) {
				t.Errorf("got\n%s\nwant (%s)\n%s", buf.String(), path, want)
			}
		})
	}
}

func TestTheCSVExportOfTheWholeRecordReadsAsDocumented(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteLinesCSV(&buf, exportLines()); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := "time,anchor,outcome,practice,active_min,kind,stiffness,mood,energy,sleep,load"
	if got := strings.Join(records[0], ","); got != header {
		t.Errorf("header %s, want %s", got, header)
	}
	want := [][]string{
		{"2026-11-27T08:55:00+01:00", "", "", "", "", "checkin", "2", "4", "3", "4", "hard"},
		{"2026-11-27T12:30:00+01:00", "", "", "", "", "checkin", "", "3", "", "", ""},
		{"2026-11-27T22:00:00+01:00", "wind-down", "missed", "", "0", "outcome", "", "", "", "", ""},
		{"2026-11-29T07:12:00Z", "", "", "", "", "wake", "", "", "", "", ""},
	}
	for i, row := range [][]string{records[1], records[3], records[4], records[6]} {
		if !reflect.DeepEqual(row, want[i]) {
			t.Errorf("row %q, want %q", row, want[i])
		}
	}
}

func TestTheJSONLExportOfTheWholeRecordReadsBackInOrder(t *testing.T) {
	var buf bytes.Buffer
	in := exportLines()
	if err := WriteLinesJSONL(&buf, in); err != nil {
		t.Fatal(err)
	}
	var out []Line
	report, err := ReadLines(&buf, func(l Line) error {
		out = append(out, l)
		return nil
	})
	if err != nil || report.Skipped != 0 || report.Entries != 2 || report.Checkins != 3 || report.Wakes != 1 || len(out) != len(in) {
		t.Fatalf("read %d of %d, report %+v, %v", len(out), len(in), report, err)
	}
	for i := range in {
		if !sameLine(in[i], out[i]) {
			t.Errorf("line %d read back as %+v, want %+v", i+1, out[i], in[i])
		}
	}
}

func TestAnExportOfTheWholeRecordStopsAtAnInvalidLine(t *testing.T) {
	bad := append(exportLines(), CheckinLine(checkin(morning, 0, 9, 0, 0, settings.LoadUnset)))
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer, []Line) error
	}{
		{"the CSV export names the line", func(b *bytes.Buffer, l []Line) error { return WriteLinesCSV(b, l) }},
		{"the JSONL export names the line", func(b *bytes.Buffer, l []Line) error { return WriteLinesJSONL(b, l) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.write(&bytes.Buffer{}, bad)
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != "mood" || !strings.Contains(err.Error(), "entry 7") {
				t.Errorf("got %v", err)
			}
		})
	}
}
