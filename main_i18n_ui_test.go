package main

import (
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/testdesk"
	"github.com/microrest/microrest/window"
)

// mapsTitled reports whether a window titled title is on screen.
func mapsTitled(display, title string) bool {
	out, err := exec.Command("xwininfo", "-display", display, "-name", title).Output()
	return err == nil && strings.Contains(string(out), "Map State: IsViewable")
}

// settingsWindowSpeaks opens `microrest settings` on a desktop with env
// and the settings file text, and waits for its window under the title
// tag's catalog gives it; the English title must not be on screen. The
// tabs inside speak the same catalog: ui's German and French goldens
// record them.
func settingsWindowSpeaks(t *testing.T, tag string, env func([]string) []string, settingsText string) {
	display := testdesk.Display(t)
	// A Fyne app with no session bus address would have libdbus autolaunch
	// a bus that outlives the test; give it a private one.
	bus := testdesk.Bus(t)
	home, base := testdesk.Home(t)
	if settingsText != "" {
		writeSettings(t, home, settingsText)
	}
	title, english := window.Settings.TitleIn(i18n.For(tag)), window.Settings.TitleIn(i18n.For(i18n.English))
	if title == english {
		t.Fatalf("%s titles the settings window %q as English does: the test could not tell them apart", tag, title)
	}
	p := start(t, append(env(base), "DISPLAY="+display, "DBUS_SESSION_BUS_ADDRESS="+bus), "settings")
	testdesk.WaitFor(t, windowMapTimeout, "the settings window titled "+title, func() bool { return mapsTitled(display, title) })
	if mapsTitled(display, english) {
		t.Errorf("a window titled %q is on screen too", english)
	}
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	p.exitCode(t, 5*time.Second)
}

func TestI18nTheSettingsWindowIsTitledInGermanUnderLANG(t *testing.T) {
	settingsWindowSpeaks(t, "de", func(env []string) []string { return inLocale(env, "de_DE.UTF-8") }, "")
}

func TestI18nTheSettingsWindowIsTitledInFrenchUnderLANG(t *testing.T) {
	settingsWindowSpeaks(t, "fr", func(env []string) []string { return inLocale(env, "fr_FR.UTF-8") }, "")
}

func TestI18nTheSettingsWindowFollowsTheSettingsLanguageOverLANG(t *testing.T) {
	settingsWindowSpeaks(t, "it", func(env []string) []string { return inLocale(env, "de_DE.UTF-8") }, "language = \"it\"\n")
}
