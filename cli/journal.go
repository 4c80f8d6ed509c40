package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/microrest/microrest/daemon"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/settings"
)

// runJournal exports the journal, outcomes and check-ins in file order. It
// reads the file directly, so it works without a daemon.
func runJournal(e *env, args []string) int {
	fs := flag.NewFlagSet("journal", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the flag package's words are English: say it here
	since := fs.String("since", "", "")
	format := fs.String("format", "csv", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return usageErr(e, i18n.T("cli.usage.journal"))
	}
	from, err := parseSince(*since, time.Now())
	if err != nil {
		return usageErr(e, verbError("journal", err))
	}
	if *format != "csv" && *format != "json" {
		return usageErr(e, verbError("journal", errors.New(i18n.T("cli.usage.journal_format", map[string]any{"Format": strconv.Quote(*format)}))))
	}
	path := daemon.DefaultPaths().Journal
	lines, report, err := journal.ReadFileLines(path, from)
	if err != nil {
		e.fail(err)
		return ExitError
	}
	reportDamage(e, path, report)
	if *format == "json" {
		err = journal.WriteLinesJSONL(e.stdout, lines)
	} else {
		err = journal.WriteLinesCSV(e.stdout, lines)
	}
	if err != nil {
		e.fail(err)
		return ExitError
	}
	return ExitOK
}

// reportDamage says which lines were skipped, on stderr, so an export to a
// file stays clean and the person still learns of it.
func reportDamage(e *env, path string, r journal.ReadReport) {
	if r.Other > 0 {
		e.fail(i18n.N("cli.journal.newer_lines", r.Other, map[string]any{"Path": path}))
	}
	if r.Skipped == 0 {
		return
	}
	e.fail(i18n.N("cli.journal.damaged_lines", r.Skipped, map[string]any{"Path": path}))
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
			return time.Time{}, errors.New(i18n.T("cli.usage.since_days", map[string]any{"Since": strconv.Quote(s)}))
		}
		return now.AddDate(0, 0, -n), nil
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, now.Location()); err == nil {
		return t, nil
	}
	d, err := settings.ParseDuration(s)
	if err != nil {
		return time.Time{}, errors.New(i18n.T("cli.usage.since", map[string]any{"Since": strconv.Quote(s)}))
	}
	return now.Add(-d.D()), nil
}
