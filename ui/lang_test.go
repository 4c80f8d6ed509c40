package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/i18ntest"
	"github.com/microrest/microrest/settings"
)

// TestMain pins English on the 24-hour clock, which the tests compare
// with, whatever language the machine running them speaks.
func TestMain(m *testing.M) { os.Exit(i18ntest.Main(m, i18n.CLocale)) }

func TestTheLanguageDropDownWritesTheLanguageKey(t *testing.T) {
	path := settingsPath(t)
	d := newFakeDaemon()
	ed, _ := openEditor(t, path, d)
	f := ed.field(t, "language")
	if !slices.Equal(f.choice.Options, []string{"System language"}) || f.choice.Selected != "System language" {
		t.Fatalf("before it is opened the list holds %q, showing %q; want only the choice shown", f.choice.Options, f.choice.Selected)
	}
	f.choice.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	want := []string{"System language"}
	for _, l := range i18n.Languages() {
		want = append(want, l.Name)
	}
	if !slices.Equal(f.choice.Options, want) {
		t.Fatalf("opened, the list holds %q, want %q", f.choice.Options, want)
	}
	f.choice.SetSelected("Français")
	test.Tap(ed.save)
	wait(t, ed.settled, "the reload reply")
	loaded, err := settings.Load(path)
	if err != nil || loaded.Settings.Language != "fr" {
		t.Fatalf("saved language %q, %v; want fr", loaded.Settings.Language, err)
	}
}

func TestTheLanguageDropDownShowsTheFilesLanguageInItself(t *testing.T) {
	i18ntest.Speak(t, "de")
	path := settingsPath(t)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("language = \"de\"\nsound = false\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ed, _ := openEditor(t, path, newFakeDaemon())
	if f := ed.field(t, "language"); f.choice.Selected != "Deutsch" {
		t.Fatalf("the drop-down shows %q, want Deutsch", f.choice.Selected)
	}
	if !ed.save.Disabled() {
		t.Fatalf("opening the window in German changed the settings: %q", ed.note.Text)
	}
}

// A default practice shows in the window's language but is the file's
// English text again when saved, so opening a tab changes nothing.
func TestDefaultPracticesShowInTheWindowsLanguageAndSaveAsTheFileHasThem(t *testing.T) {
	i18ntest.Speak(t, "fr")
	path := settingsPath(t)
	ed, _ := openEditor(t, path, newFakeDaemon())
	f := ed.field(t, "anchors.movement.practices")
	english := settings.Defaults().Anchors.Movement.Practices
	if first, _, _ := strings.Cut(f.entry.Text, "\n"); first != settings.PracticeText(english[0]) || first == english[0] {
		t.Fatalf("the first practice shows as %q, want it in French", first)
	}
	if !ed.save.Disabled() {
		t.Fatalf("showing the practices in French changed the settings: %q", ed.note.Text)
	}
	f.entry.SetText(f.entry.Text + "\nMes propres étirements")
	test.Tap(ed.save)
	wait(t, ed.settled, "the reload reply")
	loaded, err := settings.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := loaded.Settings.Anchors.Movement.Practices, append(slices.Clone(english), "Mes propres étirements"); !slices.Equal(got, want) {
		t.Fatalf("saved practices %q, want %q", got, want)
	}
}

// Fyne reads the locale once, as the process starts; a language the
// settings chose must reach its own words too (the file dialog, an
// entry's menu), Italian and Dutch included, which Fyne does not ship.
func TestFynesOwnWordsFollowTheLanguageTheSettingsChose(t *testing.T) {
	names := []string{"LANGUAGE", "LC_MESSAGES", "LC_ALL", "LANG"}
	saved := map[string]*string{}
	for _, n := range names {
		if v, ok := os.LookupEnv(n); ok {
			saved[n] = &v
		}
	}
	t.Cleanup(func() {
		for _, n := range names {
			if v := saved[n]; v != nil {
				os.Setenv(n, *v)
			} else {
				os.Unsetenv(n)
			}
		}
		speakInFyne(i18n.English)
	})
	os.Unsetenv("LC_ALL")
	os.Setenv("LANG", "en_US.UTF-8")
	os.Setenv("LANGUAGE", "en")
	for _, tc := range []struct{ tag, cancel string }{{"it", "Annulla"}, {"nl", "Annuleren"}, {"de", "Abbrechen"}} {
		speakInFyne(tc.tag)
		if got := lang.L("Cancel"); got != tc.cancel {
			t.Errorf("with language %s Fyne says %q for Cancel, want %q", tc.tag, got, tc.cancel)
		}
	}
	speakInFyne(i18n.English)
	if got := lang.L("Cancel"); got != "Cancel" {
		t.Errorf("back in English Fyne says %q", got)
	}
	// A LANGUAGE list that puts another language first, which Fyne
	// reads before LANG and the catalog after it, is overruled too.
	os.Setenv("LANG", "de_DE.UTF-8")
	os.Setenv("LANGUAGE", "fr:de")
	speakInFyne("de")
	if got := lang.L("Cancel"); got != "Abbrechen" {
		t.Errorf("with LANGUAGE=fr:de and German chosen Fyne says %q", got)
	}
	// The system's own language keeps the system's region for the
	// windows this process starts: on en_US their clock reads 2:30 PM.
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return
	}
	os.Unsetenv("LC_MESSAGES")
	os.Setenv("LANG", "en_US.UTF-8")
	os.Setenv("LANGUAGE", "")
	speakInFyne(i18n.English)
	at := time.Date(2026, 12, 1, 14, 30, 0, 0, time.UTC)
	if got := i18n.For(i18n.System).Clock(at); got != "2:30 PM" || os.Getenv("LANGUAGE") != "en" {
		t.Errorf("after English is set for Fyne on en_US a window reads %q (LANGUAGE=%q), want 2:30 PM", got, os.Getenv("LANGUAGE"))
	}
}
