package journal

import (
	"bytes"
	"encoding/csv"
	"errors"
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
