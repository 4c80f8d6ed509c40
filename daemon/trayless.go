package daemon

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/tray"
)

// noTrayMarker is the file, beside the engine's state, whose presence
// says the person was told how to reach microrest without a tray, so a
// restart or the next login does not tell them again.
const noTrayMarker = "no-tray-notice-shown"

// noTraySummary heads the one notice about a desktop without a tray.
func noTraySummary() string { return i18n.T("daemon.no_tray.summary") }

// noTrayBody says where microrest is when no icon shows. GNOME Shell
// shows no StatusNotifierItem icons of its own (and dropped the legacy
// XEmbed tray in 3.26); the AppIndicator extension adds them.
func noTrayBody(desktop string) string {
	body := i18n.T("daemon.no_tray.body")
	if strings.Contains(strings.ToUpper(desktop), "GNOME") {
		body += " " + i18n.T("daemon.no_tray.gnome")
	}
	return body
}

// noticeNoTray tells the person, on the first start without a tray host,
// how to reach microrest. Only a notice that was shown is remembered: one
// without a notification server is tried again at the next start.
func (d *daemon) noticeNoTray() {
	marker := filepath.Join(filepath.Dir(d.opts.Paths.State), noTrayMarker)
	if _, err := os.Stat(marker); err == nil {
		return
	}
	if err := d.notif.Notice(noTraySummary(), noTrayBody(os.Getenv("XDG_CURRENT_DESKTOP"))); err != nil {
		d.opts.Log.Debug(i18n.T("daemon.log.no_tray_unshown"), "err", err)
		return
	}
	err := os.MkdirAll(filepath.Dir(marker), 0o700)
	if err == nil {
		err = os.WriteFile(marker, nil, 0o600)
	}
	if err != nil {
		d.opts.Log.Warn(i18n.T("daemon.log.no_tray_unremembered"), "err", err)
	}
}

// trayStatus asks the session bus afresh, since a tray host can start or
// stop at any time; no bus means no tray.
func trayStatus() *control.TrayStatus {
	has, err := tray.HostPresent()
	return &control.TrayStatus{Host: err == nil && has}
}
