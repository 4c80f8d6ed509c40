package journal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

func TestAJournalOfBothKindsReadsInFileOrder(t *testing.T) {
	file := goodLine1 + "\n" + checkinLine + "\n" + goodLine2 + "\n" +
		`{"time":"2026-12-01T12:00:00+01:00","kind":"checkin","load":"easy"}` + "\n"
	var kinds []string
	report, err := ReadLines(strings.NewReader(file), func(l Line) error {
		kinds = append(kinds, l.Kind.String()+" "+l.Time().Format("15:04"))
		return nil
	})
	want := "outcome 09:00, checkin 09:02, outcome 10:00, checkin 12:00"
	if got := strings.Join(kinds, ", "); err != nil || got != want {
		t.Fatalf("read %s (%v), want %s", got, err, want)
	}
	if report.Lines != 4 || report.Entries != 2 || report.Checkins != 2 || report.Skipped != 0 || report.Other != 0 {
		t.Errorf("report %+v", report)
	}
}

func TestLinesOfAnUnknownKindAreLeftOutWithoutBeingCalledDamage(t *testing.T) {
	file := futureLine + "\n" + goodLine1 + "\n" + `{"kind":"meal","grams":[1,2]}` + "\n" + checkinLine + "\n" + `{"kind":"","x":1}`
	var lines []Line
	report, err := ReadLines(strings.NewReader(file), func(l Line) error {
		lines = append(lines, l)
		return nil
	})
	if err != nil || len(lines) != 2 || lines[0].Kind != KindOutcome || lines[1].Kind != KindCheckin {
		t.Fatalf("read %+v, %v", lines, err)
	}
	if report.Other != 3 || report.Skipped != 0 || len(report.Problems) != 0 {
		t.Errorf("report %+v, want 3 other lines and no damage", report)
	}
}

func TestAReaderOfOutcomesSkipsCheckinsButReportsTheirDamage(t *testing.T) {
	file := checkinLine + "\n" + goodLine1 + "\n" +
		`{"time":"2026-12-01T09:02:11Z","kind":"checkin","mood":9}` + "\n" +
		`{"time":"2026-12-01T09:02:11Z","kind":"checkin","load":"heavy"}` + "\n" +
		`{"time":"2026-12-01T09:02:11Z","kind":"checkin","energy":2.5}` + "\n" +
		futureLine + "\n"
	var got []Entry
	report, err := Read(strings.NewReader(file), func(e Entry) error {
		got = append(got, e)
		return nil
	})
	if err != nil || len(got) != 1 || got[0].Anchor != settings.Breath {
		t.Fatalf("read %+v, %v", got, err)
	}
	if report.Entries != 1 || report.Checkins != 1 || report.Other != 1 || report.Skipped != 3 {
		t.Errorf("report %+v", report)
	}
	want := []string{
		`line 3: field "mood": 9 is outside 1 to 5`,
		`line 4: field "load": "heavy" is not a training load; use rest, easy or hard`,
		`line 5: field "energy": 2.5 is not a whole number`,
	}
	for i, p := range report.Problems {
		if p.String() != want[i] {
			t.Errorf("problem %q, want %q", p, want[i])
		}
	}
}

func TestATornCheckinIsReportedAsTorn(t *testing.T) {
	report, err := ReadLines(strings.NewReader(goodLine1+"\n"+checkinLine[:40]), func(Line) error { return nil })
	if err != nil || report.Skipped != 1 || !strings.HasPrefix(report.Problems[0].String(), "line 2: torn last line") {
		t.Errorf("report %+v, %v", report, err)
	}
}

func TestReadFileLinesKeepsBothKindsSinceATime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	data := goodLine1 + "\n" + checkinLine + "\n" + goodLine2 + "\n" + futureLine + "\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	lines, report, err := ReadFileLines(path, time.Date(2026, 11, 27, 9, 30, 0, 0, plusOne))
	if err != nil || len(lines) != 2 || lines[0].Kind != KindCheckin || lines[1].Entry.Anchor != settings.Movement {
		t.Fatalf("read %+v, %v", lines, err)
	}
	if report.Entries != 2 || report.Checkins != 1 || report.Other != 1 {
		t.Errorf("report %+v", report)
	}
	entries, _, err := ReadFile(path, time.Time{})
	if err != nil || len(entries) != 2 {
		t.Errorf("ReadFile gives the outcomes alone: %+v, %v", entries, err)
	}
}

func TestACheckinIsAppendedAsOneDurableLineBesideOutcomes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, c := openCounting(t, path)
	if err := j.Append(exportEntries()[1]); err != nil {
		t.Fatal(err)
	}
	if err := j.AppendCheckin(checkin(morning, 2, 4, 3, 4, settings.LoadHard)); err != nil {
		t.Fatal(err)
	}
	if c.writes != 2 || c.syncs != 2 {
		t.Errorf("%d writes and %d syncs for two lines", c.writes, c.syncs)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(string(data), "\n"); len(lines) != 3 || lines[1] != checkinLine {
		t.Errorf("file:\n%s", data)
	}
}

func TestAnInvalidCheckinIsRefusedAndNothingIsWritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, c := openCounting(t, path)
	for _, in := range []Checkin{checkin(morning, 0, 9, 0, 0, settings.LoadUnset), checkin(morning, 0, 0, 0, 0, settings.LoadUnset)} {
		if err := j.AppendCheckin(in); err == nil {
			t.Errorf("%+v was appended", in)
		}
	}
	if c.writes != 0 {
		t.Errorf("%d writes for refused check-ins", c.writes)
	}
}
