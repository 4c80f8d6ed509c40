package daemon

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/microrest/microrest/autostart"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// settleDelay lets an editor finish writing (several events, a rename)
// before the file is read once.
const settleDelay = 250 * time.Millisecond

// watchSettings reloads the settings when the file changes. It watches
// the directory, since editors replace files by renaming over them.
func (d *daemon) watchSettings(ctx context.Context) {
	names := settingsNames(d.opts.Paths.Settings)
	w, err := fsnotify.NewWatcher()
	for name := range names {
		if err == nil {
			err = w.Add(filepath.Dir(name))
		}
	}
	if err != nil {
		d.opts.Log.Warn(i18n.T("daemon.log.no_watch"), "err", err)
		return
	}
	defer w.Close()
	var settle <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.Events:
			if names[filepath.Clean(ev.Name)] {
				settle = time.After(settleDelay)
			}
		case err := <-w.Errors:
			d.opts.Log.Warn(i18n.T("daemon.log.watch_failed"), "err", err)
		case <-settle:
			settle = nil
			// The loop reads the file; a reload already asked for and
			// not yet done covers this change too.
			select {
			case d.reloads <- struct{}{}:
			default:
			}
		}
	}
}

// settingsNames are the paths whose change is a change of the settings:
// the file, and where a link (GNU Stow, chezmoi) leads, since an edit in
// the dotfiles folder changes the target and not the link.
func settingsNames(path string) map[string]bool {
	names := map[string]bool{filepath.Clean(path): true}
	if target, err := filepath.EvalSymlinks(path); err == nil {
		names[filepath.Clean(target)] = true
	}
	return names
}

// reload applies the settings file if it is good. A bad edit keeps the
// last good settings and is reported in the log, the status and the tray.
func (d *daemon) reload() {
	loaded, err := settings.Reload(d.opts.Paths.Settings)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	reportUnknown(d.opts.Log, loaded)
	var fe *settings.FileError
	if errors.As(err, &fe) {
		d.opts.Log.Error(err.Error())
		d.mu.Lock()
		news := d.settingsErr != summary(fe)
		d.settingsErr = summary(fe)
		d.mu.Unlock()
		if news {
			d.tell(i18n.T("daemon.settings_mistake"), summary(fe)+".")
		}
		d.refresh()
		return
	}
	d.mu.Lock()
	previous := d.cfg
	d.cfg, d.settingsErr = loaded.Settings, ""
	d.mu.Unlock()
	d.notif.SetSound(loaded.Settings.Sound)
	if loaded.Settings.Language != previous.Language {
		// The tray and every notification from now on speak it; the
		// reconfigure below brings a fresh menu.
		i18n.SetLanguage(loaded.Settings.Language)
	}
	if loaded.Settings.Autostart != previous.Autostart {
		d.applyAutostart(loaded.Settings.Autostart)
	}
	if d.mon != nil && loaded.Settings.IdleThreshold != previous.IdleThreshold {
		if err := d.mon.SetIdleThreshold(loaded.Settings.IdleThreshold.D()); err != nil {
			d.opts.Log.Warn(i18n.T("daemon.log.idle_threshold"), "err", err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	if err := d.do(ctx, reminders.Reconfigure{Settings: loaded.Settings}); err != nil {
		d.opts.Log.Error(i18n.T("daemon.log.apply_failed"), "err", err)
		return
	}
	d.opts.Log.Info(i18n.T("daemon.log.reloaded"), "path", d.opts.Paths.Settings)
}

// tell shows a one-off notice; without a notification server the log,
// the status and the tray already say it.
func (d *daemon) tell(summary, body string) {
	if err := d.notif.Notice(summary, body); err != nil {
		d.opts.Log.Debug(i18n.T("daemon.log.notice_unshown"), "err", err)
	}
}

// applyAutostart follows an edit of the autostart key. Only a change is
// applied: the system's own state (which a desktop tool may have changed)
// is the truth, and the key is how a person asks to change it.
func (d *daemon) applyAutostart(on bool) {
	exe, err := autostart.Executable()
	if err == nil {
		err = autostart.Set(on, exe)
	}
	if err != nil {
		d.opts.Log.Error(i18n.T("daemon.log.autostart_failed"), "err", err)
		return
	}
	d.opts.Log.Info(i18n.T("daemon.log.autostart"), "on", on, "where", autostart.Where())
}

// refresh redraws the tray from a fresh snapshot.
func (d *daemon) refresh() {
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	if snap, err := d.runner.Snapshot(ctx); err == nil {
		d.tray.Show(d.menu(snap))
	}
}
