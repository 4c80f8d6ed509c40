package daemon

import (
	"context"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/reminders"
)

// readinessSpan is how far back the journal is read for a reading: the
// baseline's days and today, with a day to spare for day_starts_at.
const readinessSpan = (reminders.BaselineDays + 2) * 24 * time.Hour

// afterCheckin reads readiness again once a check-in was given, and
// tells the engine, which changes today's plan when it reads low.
func (d *daemon) afterCheckin(ctx context.Context, cmd reminders.Command) {
	if _, ok := cmd.(reminders.AnswerCheckin); ok {
		d.updateReadiness(ctx)
	}
}

// updateReadiness reads today's readiness from the journal's check-ins
// and the ones still waiting for it. The reading is the loop's; the
// engine only learns whether it is low.
func (d *daemon) updateReadiness(ctx context.Context) {
	snap, err := d.runner.Snapshot(ctx)
	if err != nil {
		return
	}
	checkins := append(d.checkins(snap.Now), snap.WaitingCheckins...)
	d.reading = reminders.Readiness(checkins, snap.Now, d.settings().DayStartsAt, time.Local)
	if snap.LowReadiness == d.reading.Low() {
		return
	}
	if err := d.do(ctx, reminders.SetReadiness{Low: d.reading.Low()}); err != nil {
		d.opts.Log.Warn(i18n.T("daemon.log.readiness_failed"), "err", err)
	}
}

// checkins returns the journal's check-ins of the last readinessSpan.
func (d *daemon) checkins(now time.Time) []reminders.Checkin {
	lines, report, err := journal.ReadFileLines(d.opts.Paths.Journal, now.Add(-readinessSpan))
	if err != nil {
		d.opts.Log.Warn(i18n.T("daemon.log.readiness_no_journal"), "path", d.opts.Paths.Journal, "err", err)
	} else if n := len(report.Problems); n > 0 {
		d.opts.Log.Debug(i18n.T("daemon.log.readiness_skipped"), "lines", n)
	}
	var out []reminders.Checkin
	for _, l := range lines {
		if l.Kind == journal.KindCheckin {
			out = append(out, reminders.Checkin(l.Checkin))
		}
	}
	return out
}
