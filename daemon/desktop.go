package daemon

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/adrg/xdg"

	"github.com/microrest/microrest/activity"
	"github.com/microrest/microrest/assets"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/notify"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// Monitor is what the daemon needs of an activity monitor beyond
// reminders.Activity: wake-ups, the desktop's quiet state, and what the
// status reports. activity.Monitor implements it.
type Monitor interface {
	reminders.Activity
	Wake() <-chan struct{}
	Quiet() (on bool, why string)
	Close() error
	Status() activity.Status
	// SetIdleThreshold follows a settings change, for sources that wake
	// the engine at the threshold.
	SetIdleThreshold(time.Duration) error
	// SleepReady lets a sleep the monitor delays go ahead, once the
	// engine has seen it and saved its state.
	SleepReady()
}

// Notifier is what the daemon needs of a notifier beyond
// reminders.Notifier: the answers people click, and what the status
// reports. notify.Notifier implements it.
type Notifier interface {
	reminders.Notifier
	Actions() <-chan notify.Action
	Notice(summary, body string) error
	SetSound(on bool)
	Shutdown()
	Status() notify.Status
}

// openMonitor starts the platform's activity monitor. It never fails for
// a missing source: the monitor falls back to counting all time active.
func openMonitor(ctx context.Context, log *slog.Logger, s settings.Settings) Monitor {
	o := activity.Env()
	o.IdleThreshold = s.IdleThreshold.D()
	o.Log = log
	m, err := activity.Open(ctx, o)
	if err != nil {
		log.Warn(i18n.T("daemon.log.no_monitor"), "err", err)
		return nil
	}
	log.Info(i18n.T("daemon.log.activity"), "status", m.Status().String())
	return m
}

// openNotifier starts the platform's notifier on its own bus connection.
func openNotifier(ctx context.Context, log *slog.Logger, sound bool) Notifier {
	n := notify.New(ctx, notify.Options{
		AppName:      "microrest",
		DesktopEntry: appID,
		Icon:         notificationIcon(log),
		Sound:        sound,
		Log:          log,
	})
	log.Info(i18n.T("daemon.log.notifications"), "status", n.Status().String())
	return n
}

// appID names the .desktop entry and the themed icon `make install` puts
// in place.
const appID = "io.github.microrest"

// notificationIcon is the themed icon when it is installed, else a copy
// of the embedded icon in the cache directory: run from a build tree there
// is no themed icon, and Windows toasts need a file path in any case.
func notificationIcon(log *slog.Logger) string {
	if runtime.GOOS != "windows" {
		if _, err := xdg.SearchDataFile(filepath.Join("icons", "hicolor", "512x512", "apps", appID+".png")); err == nil {
			return appID
		}
	}
	path, err := xdg.CacheFile(filepath.Join("microrest", appID+".png"))
	if err == nil {
		err = os.WriteFile(path, assets.AppIcon(), 0o600)
	}
	if err != nil {
		log.Warn(i18n.T("daemon.log.no_icon"), "err", err)
		return ""
	}
	return path
}
