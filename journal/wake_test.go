package journal

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

const wakeLine = `{"time":"2026-12-01T07:04:00+01:00","kind":"wake"}`

var woke = time.Date(2026, 12, 1, 7, 4, 0, 0, plusOne)

func TestAWakeLineIsOneDurableLineInTheDocumentedFormatAndReadsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, c := openCounting(t, path)
	if err := j.AppendWake(woke.Add(999 * time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if c.writes != 1 || c.syncs != 1 {
		t.Errorf("%d writes and %d syncs for one line", c.writes, c.syncs)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != wakeLine+"\n" {
		t.Errorf("file:\n%s\nwant\n%s", data, wakeLine)
	}
	lines, report, err := ReadFileLines(path, time.Time{})
	if err != nil || report.Wakes != 1 || report.Entries != 0 || report.Skipped != 0 || len(lines) != 1 {
		t.Fatalf("read %+v, report %+v, %v", lines, report, err)
	}
	if !sameLine(lines[0], WakeLine(woke)) || !lines[0].Time().Equal(woke) {
		t.Errorf("read back as %+v, want the wake time %v", lines[0], woke)
	}
}

func TestAWakeLineWithoutATimeIsRefusedAndNothingIsWritten(t *testing.T) {
	j, c := openCounting(t, filepath.Join(t.TempDir(), "journal.jsonl"))
	var fe *FieldError
	if err := j.AppendWake(time.Time{}); !errors.As(err, &fe) || fe.Field != "time" {
		t.Errorf("got %v, want an error about the time", err)
	}
	if c.writes != 0 {
		t.Errorf("%d writes for a refused line", c.writes)
	}
}

func TestAWakeLineFollowsAReplacedFileAndStopsAfterClose(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.jsonl")
	j, c := openCounting(t, path)
	if err := j.Append(line(0)); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path, filepath.Join(dir, "old.jsonl")); err != nil {
		t.Fatal(err)
	}
	if err := j.AppendWake(woke); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(path); err != nil || string(data) != wakeLine+"\n" || c.opens != 2 {
		t.Errorf("after %d opens the path holds %q, %v; want the wake line alone", c.opens, data, err)
	}
	j.Close()
	if err := j.AppendWake(woke); !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: %v", err)
	}
}

// wakeLineCases seed FuzzParseLine as well.
var wakeLineCases = []struct {
	name   string
	line   string
	reason string // a part of the reason it is skipped; empty when it parses
}{
	{"a wake line as the journal writes it parses", wakeLine, ""},
	{"fields of other kinds on a wake line are ignored", `{"kind":"wake","mood":9,"anchor":1,"time":"2026-12-01T07:04:00Z"}`, ""},
	{"an escaped kind takes the slow path and still parses", `{"time":"2026-12-01T07:04:00Z","kind":"w\u0061ke"}`, ""},
	{"a wake line without a time is named", `{"kind":"wake"}`, `field "time": missing`},
	{"a wake line with a bad time is named", `{"time":"7:04","kind":"wake"}`, `field "time": "7:04" is not an RFC 3339 time`},
	{"a wake line whose time is a number is named", `{"time":704,"kind":"wake"}`, `field "time": 704 is not a string`},
}

func TestWakeLinesAreParsedOrRejectedWithAReason(t *testing.T) {
	for _, tt := range wakeLineCases {
		t.Run(tt.name, func(t *testing.T) {
			l, err := parseLine([]byte(tt.line), nil)
			if tt.reason == "" {
				if err != nil || l.Kind != KindWake || l.Wake.IsZero() {
					t.Fatalf("want a wake line, got %+v, %v", l, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.reason) {
				t.Fatalf("got error %v, want one saying %q", err, tt.reason)
			}
		})
	}
}

func TestAWakeLineIsNeitherAnOutcomeNorACheckin(t *testing.T) {
	var e Entry
	if err := e.UnmarshalJSON([]byte(wakeLine)); err == nil || !strings.Contains(err.Error(), "wake line is not an outcome") {
		t.Errorf("an outcome read from a wake line: %+v, %v", e, err)
	}
	var c Checkin
	if err := c.UnmarshalJSON([]byte(wakeLine)); err == nil || !strings.Contains(err.Error(), "wake line is not a check-in") {
		t.Errorf("a check-in read from a wake line: %+v, %v", c, err)
	}
}

func TestAMixedJournalStillSkipsTornAndUnknownLines(t *testing.T) {
	file := wakeLine + "\n" + goodLine1 + "\n" + futureLine + "\n" + checkinLine + "\n" + `{"time":"2026-12-02T07:10:00+01:00","kind":"wa`
	var kinds []Kind
	report, err := ReadLines(strings.NewReader(file), func(l Line) error {
		kinds = append(kinds, l.Kind)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []Kind{KindWake, KindOutcome, KindCheckin}
	if len(kinds) != len(want) || kinds[0] != want[0] || kinds[1] != want[1] || kinds[2] != want[2] {
		t.Errorf("read kinds %v, want %v", kinds, want)
	}
	if report.Wakes != 1 || report.Entries != 1 || report.Checkins != 1 || report.Other != 1 || report.Skipped != 1 ||
		!strings.HasPrefix(report.Problems[0].Reason, "torn last line") {
		t.Errorf("report %+v", report)
	}
	outcomes := 0
	if _, err := Read(strings.NewReader(file), func(Entry) error { outcomes++; return nil }); err != nil || outcomes != 1 {
		t.Errorf("a reader of outcomes got %d, %v", outcomes, err)
	}
}

func TestTheDaysWakeIsItsWakeLineElseItsCheckin(t *testing.T) {
	loc := berlin(t)
	now := at(loc, 2026, 12, 3, 12, 0)
	tally := NewTally(now, four, 3)
	// Today: a wake line and a later check-in; the wake line counts.
	tally.AddCheckin(checkin(at(loc, 2026, 12, 3, 8, 30), 3, 3, 3, 3, settings.LoadUnset))
	tally.AddWake(at(loc, 2026, 12, 3, 7, 10))
	tally.AddWake(at(loc, 2026, 12, 3, 7, 5)) // a second line after a lost state: the first minute counts
	// Yesterday: a check-in alone.
	tally.AddCheckin(checkin(at(loc, 2026, 12, 2, 9, 15), 3, 3, 3, 3, settings.LoadUnset))
	// The day before: wins but neither. A wake line dated tomorrow is not kept.
	tally.Add(entry(at(loc, 2026, 12, 1, 10, 0), settings.Movement, reminders.OutcomeDone, 0))
	tally.AddWake(at(loc, 2026, 12, 4, 7, 0))
	days := tally.Stats().Days
	want := []time.Time{{}, at(loc, 2026, 12, 2, 9, 15), at(loc, 2026, 12, 3, 7, 5)}
	for i, d := range days {
		if !d.Wake.Equal(want[i]) {
			t.Errorf("%s: wake %v, want %v", d.Date, d.Wake, want[i])
		}
	}
}
