// Package ui is microrest's short-lived Fyne process: it shows one window
// (settings now; progress and guided sessions later) and exits when that
// window closes, so the all-day daemon never carries a GUI toolkit.
package ui

import (
	"errors"
	"fmt"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/microrest/microrest/assets"
	"github.com/microrest/microrest/settings"
)

// Window names a window the UI process can show.
type Window int

// The windows, by the verb that opens them.
const (
	SettingsWindow Window = iota + 1
)

func (w Window) String() string {
	switch w {
	case SettingsWindow:
		return "settings"
	}
	return fmt.Sprintf("window(%d)", int(w))
}

// Options say which window to show and where its data lives.
type Options struct {
	Window       Window
	AppID        string
	SettingsPath string
	Log          *slog.Logger
}

// Run shows the window and blocks until it is closed.
func Run(opts Options) error {
	a := app.NewWithID(opts.AppID)
	a.SetIcon(fyne.NewStaticResource("microrest.png", assets.AppIcon()))
	w, err := build(a, opts)
	if err != nil {
		return err
	}
	w.ShowAndRun()
	return nil
}

func build(a fyne.App, opts Options) (fyne.Window, error) {
	switch opts.Window {
	case SettingsWindow:
		loaded, err := settings.Load(opts.SettingsPath)
		var fe *settings.FileError
		if err != nil && !errors.As(err, &fe) {
			opts.Log.Warn("settings", "err", err)
		}
		w := a.NewWindow("microrest settings")
		w.SetContent(SettingsView(loaded, fe))
		w.Resize(fyne.NewSize(560, 520))
		return w, nil
	}
	return nil, fmt.Errorf("no window called %s", opts.Window)
}
