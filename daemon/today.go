package daemon

import (
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// todayStatus lays today's timeline out for the socket: the progress
// window's Today card and scripts read it.
func todayStatus(snap reminders.Snapshot) *control.TodayStatus {
	t := &control.TodayStatus{Timeline: make([]control.TimelineEntry, 0, len(snap.Timeline))}
	for _, it := range snap.Timeline {
		e := control.TimelineEntry{Anchor: it.Anchor.String(), Time: it.Time, Moved: it.Moved, State: it.State.String()}
		if it.Slot != nil {
			e.At, e.Meal = it.Slot.At.String(), it.Slot.Meal
		}
		t.Timeline = append(t.Timeline, e)
	}
	return t
}

// planRequest reads skip-today and move-today: which clock time of
// today's plan, and for a move where it goes.
func planRequest(r control.Request) (reminders.Command, error) {
	k, err := settings.ParseKind(r.Anchor)
	if r.Anchor == "" {
		err = errors.New(i18n.T("daemon.run.plan_anchor"))
	}
	if err != nil {
		return nil, err
	}
	if r.At == "" {
		return nil, errors.New(i18n.T("daemon.run.plan_at"))
	}
	at, err := settings.ParseClock(r.At)
	if err != nil {
		return nil, err
	}
	slot := reminders.Slot{Anchor: k, At: at, Meal: r.Meal}
	if r.Verb == control.VerbSkipToday {
		return reminders.SkipToday{Slot: slot}, nil
	}
	if r.To == "" {
		return nil, errors.New(i18n.T("daemon.run.plan_to"))
	}
	to, err := settings.ParseClock(r.To)
	if err != nil {
		return nil, err
	}
	return reminders.MoveToday{Slot: slot, To: to}, nil
}

// reviewer offers the weekly review as a notification: the engine says
// when a week begins, and the journal says how the week before went.
type reviewer struct {
	Notifier
	log         *slog.Logger
	journalPath string
	rollover    func() settings.ClockTime
	// shown, when set, receives each review once its notification was
	// asked for; tests wait on it.
	shown chan<- journal.Review
}

// ShowReview reads the week before week's Monday from the journal and
// shows it. The journal is read off the engine's goroutine, so a long
// journal never holds a prompt back.
func (r reviewer) ShowReview(week time.Time) error {
	rollover := r.rollover()
	w := journal.WeekOf(journal.DayOf(week, rollover)).Prev()
	go func() {
		rev, _, err := journal.ReviewFile(r.journalPath, w, rollover)
		if err != nil {
			r.log.Warn(i18n.T("daemon.run.review_unread"), "err", err)
			return
		}
		if err := r.Notice(rev.Headline(), strings.Join(rev.Lines(), "\n")); err != nil {
			r.log.Warn(i18n.T("daemon.run.review_unshown"), "err", err)
		}
		if r.shown != nil {
			r.shown <- rev
		}
	}()
	return nil
}
