package daemon

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/tray"
)

// noTrayMarker is the file, beside the engine's state, whose presence
// says the person was told how to reach microrest without a tray, so a
// restart or the next login does not tell them again.
const noTrayMarker = "no-tray-notice-shown"

// noTraySummary heads the one notice about a desktop without a tray.
const noTraySummary = "microrest is running, without a tray icon"

// noTrayBody says where microrest is when no icon shows. GNOME Shell
// shows no StatusNotifierItem icons of its own (and dropped the legacy
// XEmbed tray in 3.26); the AppIndicator extension adds them.
func noTrayBody(desktop string) string {
	body := "Open microrest from the app menu to see today, pause or open the settings, or run `microrest status` in a terminal."
	if strings.Contains(strings.ToUpper(desktop), "GNOME") {
		body += " On GNOME, the AppIndicator extension shows microrest's icon in the top bar."
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
	if err := d.notif.Notice(noTraySummary, noTrayBody(os.Getenv("XDG_CURRENT_DESKTOP"))); err != nil {
		d.opts.Log.Debug("the notice on how to reach microrest without a tray was not shown; it is tried at the next start", "err", err)
		return
	}
	err := os.MkdirAll(filepath.Dir(marker), 0o700)
	if err == nil {
		err = os.WriteFile(marker, nil, 0o600)
	}
	if err != nil {
		d.opts.Log.Warn("could not remember that the notice on the missing tray was shown; it comes again at the next start", "err", err)
	}
}

// trayStatus asks the session bus afresh, since a tray host can start or
// stop at any time; no bus means no tray.
func trayStatus() *control.TrayStatus {
	has, err := tray.HostPresent()
	return &control.TrayStatus{Host: err == nil && has}
}
