package journal

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

const (
	goodLine1 = `{"time":"2026-11-27T09:00:00+01:00","anchor":"breath","outcome":"done","active_min":90}`
	goodLine2 = `{"time":"2026-11-27T10:00:00+01:00","anchor":"movement","outcome":"natural","active_min":60}`
)

func TestReadSkipsDamagedLinesAndReportsThem(t *testing.T) {
	tests := []struct {
		name         string
		file         string
		wantEntries  int
		wantProblems []string // "line N: substring of the reason"
	}{
		{
			name:         "a torn last line is reported as torn and the good lines are read",
			file:         goodLine1 + "\n" + goodLine2 + "\n" + `{"time":"2026-11-27T11:00:00+01:00","anch`,
			wantEntries:  2,
			wantProblems: []string{"line 3: torn last line"},
		},
		{
			name:        "a complete last line without its newline is still read",
			file:        goodLine1 + "\n" + goodLine2,
			wantEntries: 2,
		},
		{
			name:         "a malformed line in the middle is skipped with its line number and field",
			file:         goodLine1 + "\n" + `{"time":"2026-11-27T09:30:00+01:00","anchor":"juggling","outcome":"done"}` + "\n" + goodLine2 + "\n",
			wantEntries:  2,
			wantProblems: []string{`line 2: field "anchor"`},
		},
		{
			name:        "blank lines and a line left by a torn-line repair are ignored",
			file:        "\n" + goodLine1 + "\n  \r\n\n" + goodLine2 + "\n",
			wantEntries: 2,
		},
		{
			name:         "a line over 64 KiB is skipped and the rest is read",
			file:         goodLine1 + "\n" + `{"practice":"` + strings.Repeat("x", MaxLineBytes) + `"}` + "\n" + goodLine2 + "\n",
			wantEntries:  2,
			wantProblems: []string{"line 2: longer than 64 KiB"},
		},
		{
			name:         "an overlong torn last line ends the read quietly",
			file:         goodLine1 + "\n" + strings.Repeat("y", 3*MaxLineBytes),
			wantEntries:  1,
			wantProblems: []string{"line 2: longer than 64 KiB"},
		},
		{
			name:         "garbage that is not JSON is reported",
			file:         "\x00\x00\x00\n" + goodLine1 + "\n",
			wantEntries:  1,
			wantProblems: []string{"line 1: not a JSON object"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Entry
			report, err := Read(strings.NewReader(tt.file), func(e Entry) error {
				got = append(got, e)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.wantEntries || report.Entries != tt.wantEntries {
				t.Errorf("read %d entries (report says %d), want %d", len(got), report.Entries, tt.wantEntries)
			}
			if report.Skipped != len(tt.wantProblems) || len(report.Problems) != len(tt.wantProblems) {
				t.Fatalf("problems %v, want %v", report.Problems, tt.wantProblems)
			}
			for i, want := range tt.wantProblems {
				if !strings.HasPrefix(want, "line ") || !strings.Contains(report.Problems[i].String(), want) {
					t.Errorf("problem %q, want it to contain %q", report.Problems[i], want)
				}
			}
		})
	}
}

func TestAReportOfAVeryDamagedFileStaysSmall(t *testing.T) {
	report, err := Read(strings.NewReader(strings.Repeat("junk\n", 1000)), func(Entry) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if report.Skipped != 1000 || len(report.Problems) != maxProblems || report.Lines != 1000 {
		t.Errorf("skipped %d, listed %d, lines %d", report.Skipped, len(report.Problems), report.Lines)
	}
}

func TestTheCallbackCanStopTheRead(t *testing.T) {
	stop := errors.New("enough")
	calls := 0
	_, err := Read(strings.NewReader(goodLine1+"\n"+goodLine2+"\n"), func(Entry) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("got %v after %d calls, want the callback's error after 1", err, calls)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("I/O error") }

func TestAReadFailureIsAnError(t *testing.T) {
	if _, err := Read(failingReader{}, func(Entry) error { return nil }); err == nil || !strings.Contains(err.Error(), "read journal") {
		t.Errorf("got %v, want a wrapped read error", err)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.jsonl")
	if err := os.WriteFile(path, []byte(goodLine1+"\n"+goodLine2+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		path  string
		since time.Time
		want  []settings.Kind
	}{
		{"a missing file is an empty journal", filepath.Join(dir, "none.jsonl"), time.Time{}, nil},
		{"the zero since reads everything", path, time.Time{}, []settings.Kind{settings.Breath, settings.Movement}},
		{"since is inclusive", path, time.Date(2026, 11, 27, 10, 0, 0, 0, plusOne), []settings.Kind{settings.Movement}},
		{"since after the last entry reads nothing", path, time.Date(2026, 11, 27, 10, 0, 1, 0, plusOne), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, _, err := ReadFile(tt.path, tt.since)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != len(tt.want) {
				t.Fatalf("got %+v, want anchors %v", entries, tt.want)
			}
			for i, k := range tt.want {
				if entries[i].Anchor != k {
					t.Errorf("entry %d is %v, want %v", i, entries[i].Anchor, k)
				}
			}
		})
	}
}

func TestReadFileOnADirectoryIsAnError(t *testing.T) {
	if _, _, err := ReadFile(t.TempDir(), time.Time{}); err == nil {
		t.Error("want an error")
	}
}
