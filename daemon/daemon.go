// Package daemon is the background process a person runs all day: it
// loads the settings, shows the tray, and answers its clicks. It never
// starts Fyne's driver; windows run in a separate, short-lived process.
package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/microrest/microrest/assets"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/tray"
)

// Options are what main hands the daemon.
type Options struct {
	Version      string
	SettingsPath string
	Log          *slog.Logger
	// Launch starts a UI process for a window verb; nil means the real one.
	Launch func(verb string) error
}

// Run loads the settings, shows the tray and blocks until Quit is clicked
// or ctx ends (SIGINT, SIGTERM, session end).
func Run(ctx context.Context, opts Options) error {
	if opts.Launch == nil {
		opts.Launch = launchUI
	}
	loaded, loadErr := loadSettings(opts.Log, opts.SettingsPath)
	t := tray.New(menuFor(opts.Version, loaded.Settings, loadErr))
	go serve(ctx, t, opts)
	t.Run()
	opts.Log.Info("microrest stopped")
	return nil
}

// serve answers tray clicks until quit; it is the one goroutine that acts
// on them, so handlers never race each other.
func serve(ctx context.Context, t *tray.Tray, opts Options) {
	defer t.Quit()
	for {
		select {
		case <-ctx.Done():
			opts.Log.Info("stopping", "reason", context.Cause(ctx))
			return
		case a := <-t.Actions():
			opts.Log.Debug("tray click", "action", a.Kind, "arg", a.Arg)
			if a.Kind == tray.Quit {
				opts.Log.Info("stopping", "reason", "Quit chosen in the tray")
				return
			}
			if err := handle(a, opts); err != nil {
				opts.Log.Error("tray action failed", "action", a.Kind, "err", err)
			}
		}
	}
}

func handle(a tray.Action, opts Options) error {
	switch a.Kind {
	case tray.OpenSettings:
		return opts.Launch("settings")
	}
	return fmt.Errorf("no handler for %s", a.Kind)
}

// loadSettings reads the settings file and says what it found. A broken
// file is reported in full and the daemon goes on with the defaults.
func loadSettings(log *slog.Logger, path string) (settings.Loaded, error) {
	loaded, err := settings.Load(path)
	var fe *settings.FileError
	switch {
	case errors.As(err, &fe):
		log.Error(err.Error())
	case err != nil:
		log.Warn("settings could not be written out; running on defaults", "err", err)
	case loaded.Created:
		log.Info("no settings file yet; wrote the defaults with comments", "path", path)
	default:
		log.Info("settings loaded", "path", path)
	}
	for _, u := range loaded.Unknown {
		log.Warn("settings file has a key microrest does not know", "path", path, "problem", u.String())
	}
	logAnchors(log, loaded.Settings)
	return loaded, err
}

func logAnchors(log *slog.Logger, s settings.Settings) {
	for _, k := range settings.Kinds {
		a := s.Anchors.Of(k)
		log.Info("anchor", "name", k, "enabled", a.Enabled, "every", a.Every, "at", a.At, "natural_break", a.NaturalBreak)
	}
}

// menuFor builds the tray menu. Later the engine's snapshot feeds it.
func menuFor(version string, s settings.Settings, loadErr error) tray.Menu {
	status := fmt.Sprintf("microrest %s: %d of %d anchors on", version, enabledCount(s), len(settings.Kinds))
	var fe *settings.FileError
	if errors.As(loadErr, &fe) {
		status = "Settings file has a mistake: running on defaults"
	}
	return tray.Menu{
		Icon:    assets.TrayNormal,
		Tooltip: status,
		Items: []tray.Item{
			{Title: status},
			{Separator: true},
			{Title: "Settings…", Action: tray.Action{Kind: tray.OpenSettings}},
			{Separator: true},
			{Title: "Quit microrest", Action: tray.Action{Kind: tray.Quit}},
		},
	}
}

func enabledCount(s settings.Settings) int {
	n := 0
	for _, k := range settings.Kinds {
		if s.Anchors.Of(k).Enabled {
			n++
		}
	}
	return n
}
