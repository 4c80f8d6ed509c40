package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/adrg/xdg"
)

// withJournal points the XDG data directory at a copy of
// testdata/journal.jsonl: outcomes and check-ins, a line of a kind from a
// newer microrest and a damaged check-in.
func withJournal(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "journal.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, "microrest"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "microrest", "journal.jsonl"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_DATA_HOME", home)
	xdg.Reload()
	t.Cleanup(xdg.Reload)
}

func TestTheJournalExportHoldsOutcomesAndCheckinsInFileOrder(t *testing.T) {
	const stderr = "microrest: left out 1 line of %s of a kind this version does not know; a newer microrest wrote it.\n" +
		"microrest: skipped 1 damaged line of %[1]s; the rest is exported:\n" +
		"  line 5: field \"mood\": 9 is outside 1 to 5\n"
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{"csv has a kind column and the check-in's items", []string{"journal", "--format", "csv"}, "export.csv"},
		{"json is the journal's own lines", []string{"journal", "--format", "json"}, "export.jsonl"},
		// Two days from the first line, so the test reads alike in every zone.
		{"since a date keeps both kinds from that date on", []string{"journal", "--since", "2026-11-26", "--format", "json"}, "export-since.jsonl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withJournal(t)
			want, err := os.ReadFile(filepath.Join("testdata", tt.golden))
			if err != nil {
				t.Fatal(err)
			}
			code, stdout, errOut := run("", tt.args...)
			if code != ExitOK || stdout != string(want) {
				t.Errorf("exit %d, got\n%s\nwant (testdata/%s)\n%s", code, stdout, tt.golden, want)
			}
			path := filepath.Join(xdg.DataHome, "microrest", "journal.jsonl")
			if wantErr := fmt.Sprintf(stderr, path); errOut != wantErr {
				t.Errorf("stderr\n%s\nwant\n%s", errOut, wantErr)
			}
		})
	}
}
