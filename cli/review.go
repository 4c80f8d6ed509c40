package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/microrest/microrest/daemon"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/settings"
)

// reviewNow is the clock the default week is read from; tests fix it.
var reviewNow = time.Now

// runReview prints the review of one ISO week, by default the last
// complete one. Like `microrest journal` it reads the files directly, so
// it works without a daemon.
func runReview(e *env, args []string) int {
	flags := flag.NewFlagSet("review", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	week := flags.String("week", "", "")
	if err := flags.Parse(args); err != nil || flags.NArg() > 0 {
		return usageErr(e, i18n.T("cli.usage.review"))
	}
	paths := daemon.DefaultPaths()
	rollover := dayStart(e, paths.Settings)
	today := journal.DayOf(reviewNow(), rollover)
	w := journal.WeekOf(today).Prev()
	if *week != "" {
		var err error
		if w, err = journal.ParseISOWeek(*week); err != nil {
			return usageErr(e, i18n.T("cli.usage.review_week", map[string]any{"Error": err.Error()}))
		}
	}
	if today.Sub(w.Monday()) < 0 {
		fmt.Fprintln(e.stdout, i18n.T("cli.review.not_begun", map[string]any{"Week": w.String(), "Last": journal.WeekOf(today).Prev().String()}))
		return ExitOK
	}
	r, report, err := journal.ReviewFile(paths.Journal, w, rollover)
	if err != nil {
		e.fail(err)
		return ExitError
	}
	reviewDamage(e, paths.Journal, report)
	fmt.Fprintln(e.stdout, r.Headline())
	if today.Sub(w.Sunday()) <= 0 {
		fmt.Fprintln(e.stdout, i18n.T("cli.review.not_over"))
	}
	for _, line := range r.Lines() {
		fmt.Fprintln(e.stdout, line)
	}
	return ExitOK
}

// dayStart reads day_starts_at from the settings file, as the daemon
// counts days, without writing a missing file; a file that cannot be used
// is reported and the default day start read instead.
func dayStart(e *env, path string) settings.ClockTime {
	loaded, err := settings.Reload(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		e.fail(err)
	}
	return loaded.Settings.DayStartsAt
}

// reviewDamage says on stderr which lines the review could not read, so
// the person knows what its numbers leave out.
func reviewDamage(e *env, path string, r journal.ReadReport) {
	if r.Other > 0 {
		e.fail(i18n.N("cli.journal.newer_lines", r.Other, map[string]any{"Path": path}))
	}
	if r.Skipped == 0 {
		return
	}
	e.fail(i18n.N("cli.review.damaged_lines", r.Skipped, map[string]any{"Path": path}))
	for _, p := range r.Problems {
		fmt.Fprintln(e.stderr, "  "+p.String())
	}
}
