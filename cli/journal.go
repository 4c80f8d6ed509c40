package cli

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/microrest/microrest/daemon"
	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/settings"
)

// runJournal exports the journal, outcomes and check-ins in file order. It
// reads the file directly, so it works without a daemon.
func runJournal(e *env, args []string) int {
	fs := flag.NewFlagSet("journal", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	since := fs.String("since", "", "only lines from this long ago (7d, 12h) or this date (2026-11-01)")
	format := fs.String("format", "csv", "csv or json (one JSON object per line)")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return usageErr(e, "journal takes --since and --format.")
	}
	from, err := parseSince(*since, time.Now())
	if err != nil {
		return usageErr(e, "journal: %v.", err)
	}
	if *format != "csv" && *format != "json" {
		return usageErr(e, "journal: --format is csv or json, not %q.", *format)
	}
	path := daemon.DefaultPaths().Journal
	lines, report, err := journal.ReadFileLines(path, from)
	if err != nil {
		fmt.Fprintln(e.stderr, "microrest:", err)
		return ExitError
	}
	reportDamage(e, path, report)
	if *format == "json" {
		err = journal.WriteLinesJSONL(e.stdout, lines)
	} else {
		err = journal.WriteLinesCSV(e.stdout, lines)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "microrest:", err)
		return ExitError
	}
	return ExitOK
}

// reportDamage says which lines were skipped, on stderr, so an export to a
// file stays clean and the person still learns of it.
func reportDamage(e *env, path string, r journal.ReadReport) {
	if r.Other > 0 {
		fmt.Fprintf(e.stderr, "microrest: left out %d line(s) of %s of a kind this version does not know; a newer microrest wrote them.\n", r.Other, path)
	}
	if r.Skipped == 0 {
		return
	}
	fmt.Fprintf(e.stderr, "microrest: skipped %d damaged line(s) of %s; the rest is exported:\n", r.Skipped, path)
	for _, p := range r.Problems {
		fmt.Fprintln(e.stderr, "  "+p.String())
	}
}

// parseSince reads "7d", "12h", "90m" or a date "2026-11-01" (local
// midnight). Empty means the whole journal.
func parseSince(s string, now time.Time) (time.Time, error) {
	switch {
	case s == "":
		return time.Time{}, nil
	case strings.HasSuffix(s, "d"):
		n, err := strconv.Atoi(strings.TrimSuffix(s, "d"))
		if err != nil || n < 0 {
			return time.Time{}, fmt.Errorf("--since %q: write days like 7d", s)
		}
		return now.AddDate(0, 0, -n), nil
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, now.Location()); err == nil {
		return t, nil
	}
	d, err := settings.ParseDuration(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--since %q: use a length like 7d or 12h, or a date like 2026-11-01", s)
	}
	return now.Add(-d.D()), nil
}
