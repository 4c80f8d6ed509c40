package daemon

import (
	"context"
	"log/slog"
	"time"

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/reminders/activity"
	"github.com/microrest/microrest/reminders/notify"
	"github.com/microrest/microrest/settings"
)

// Monitor is what the daemon needs of an activity monitor beyond
// reminders.Activity: wake-ups, the desktop's quiet state, and a status
// line. activity.Monitor implements it.
type Monitor interface {
	reminders.Activity
	Wake() <-chan struct{}
	Quiet() (on bool, why string)
	Close() error
	Describe() string
}

// Notifier is what the daemon needs of a notifier beyond
// reminders.Notifier: the answers people click, and a status line.
// notify.Notifier implements it.
type Notifier interface {
	reminders.Notifier
	Actions() <-chan notify.Action
	Notice(summary, body string) error
	SetSound(on bool)
	Shutdown()
	Describe() string
}

// monitorAdapter gives activity.Monitor the daemon's view.
type monitorAdapter struct{ *activity.Monitor }

func (m monitorAdapter) Describe() string { return m.Status().String() }

// notifierAdapter gives notify.Notifier the daemon's view.
type notifierAdapter struct{ *notify.Notifier }

func (n notifierAdapter) Describe() string { return n.Status().String() }

// openMonitor starts the platform's activity monitor. It never fails for
// a missing source: the monitor falls back to counting all time active.
func openMonitor(ctx context.Context, log *slog.Logger, s settings.Settings) Monitor {
	o := activity.Env()
	o.IdleThreshold = s.IdleThreshold.D()
	o.Log = log
	m, err := activity.Open(ctx, o)
	if err != nil {
		log.Warn("no activity monitor; all time counts as active", "err", err)
		return nil
	}
	log.Info("activity", "status", m.Status().String())
	return monitorAdapter{m}
}

// openNotifier starts the platform's notifier on its own bus connection.
func openNotifier(ctx context.Context, log *slog.Logger, s func() settings.Settings) Notifier {
	n := notify.New(ctx, notify.Options{
		AppName:      "microrest",
		DesktopEntry: "io.github.microrest",
		Icon:         "io.github.microrest",
		Sound:        s().Sound,
		SnoozeFor: func(k settings.Kind) time.Duration {
			cfg := s()
			return cfg.Anchors.Of(k).Snooze.D()
		},
		Log: log,
	})
	log.Info("notifications", "status", n.Status().String())
	return notifierAdapter{n}
}

// guidedVerb is the UI verb of an anchor's guided session, "" for none.
func guidedVerb(k settings.Kind) string {
	switch k {
	case settings.Breath:
		return "breathe"
	case settings.Movement:
		return "move"
	case settings.Posture:
		return "posture"
	}
	return ""
}
