package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/i18ntest"
)

// TestMain pins English on the 24-hour clock, so the tests read the same
// on every desktop; the tests of another language set it themselves.
func TestMain(m *testing.M) { os.Exit(i18ntest.Main(m, i18n.CLocale)) }

func TestTheSettingsFilesLanguageWinsAndReadingItWritesNothing(t *testing.T) {
	t.Cleanup(func() { i18n.SetLanguage(i18n.CLocale) })
	dir := t.TempDir()
	path := filepath.Join(dir, "settings.toml")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANGUAGE", "")
	t.Setenv("LANG", "de_DE.UTF-8")

	useLanguage(path)
	if got := i18n.Current(); got != "de" {
		t.Errorf("without a settings file the command line speaks %q, want the desktop's de", got)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("reading the language wrote the settings file (%v)", err)
	}

	if err := os.WriteFile(path, []byte("language = \"fr\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	useLanguage(path)
	if got := i18n.Current(); got != "fr" {
		t.Errorf("with language = \"fr\" the command line speaks %q", got)
	}

	if err := os.WriteFile(path, []byte("language = \"system\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	useLanguage(path)
	if got := i18n.Current(); got != "de" {
		t.Errorf("with language = \"system\" the command line speaks %q, want the desktop's de", got)
	}
}

func TestTheStatusAndTheHelpSpeakTheChosenLanguage(t *testing.T) {
	i18ntest.Speak(t, "de")
	in := 12.1
	sample := running.Status.Now.Add(-2 * time.Second)
	rep := running
	rep.Status = &control.Status{Version: "1.0.0", Now: running.Status.Now, TodayActiveMin: 1,
		Anchors: []control.AnchorStatus{
			{Anchor: "movement", Title: "Movement", Enabled: true, NextInMin: &in, TodayWins: 1},
			{Anchor: "wind-down", Title: "Wind-down"},
		},
		Activity:      control.ActivityStatus{Source: "gnome-mutter", EventDriven: true, LastSample: &sample, Locked: true},
		Notifications: control.NotifyStatus{Backend: "none"},
	}
	d := startFakeDaemon(t, rep)
	code, stdout, _ := run(d.dir, "status")
	for _, want := range []string{
		"microrest 1.0.0 — Als Nächstes: Bewegung in 13 Min. aktiver Zeit\n",
		"Heute: 1 kleiner Erfolg\n",
		"Heute am Schreibtisch: 1 Min. aktive Zeit\n",
		"  Bewegung  fällig in 12 Min. aktiver Zeit, heute 1\n",
		"  Abendruhe aus\n",
		"Aktivität: Leerlaufzeit von gnome-mutter (ereignisgesteuert)\n",
		"  letzte Messung 09:59:58: Leerlauf 0s, gesperrt\n",
		"  Sperre: nichts; Ruhezustand: nichts; Ruhe: nichts\n",
		"Benachrichtigungen: ",
	} {
		if code != ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("exit %d, the German status lacks %q:\n%s", code, want, stdout)
		}
	}

	code, stdout, _ = run("", "--help")
	for _, want := range []string{"Aufruf:", "microrest now ANKER", "microrest done [ANKER] [--prompt ID]", "Optionen:", "Exit-Status: 0 OK"} {
		if code != ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("exit %d, the German help lacks %q:\n%s", code, want, stdout)
		}
	}
	if code, _, stderr := run("", "checkin", "--mood", "9"); code != ExitUsage || stderr != "microrest: checkin: --mood nimmt eine ganze Zahl von 1 bis 5, nicht \"9\".\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// The status writes clock times as the region reads them: 12 hours in
// the US, 24 in Germany and where the system names no language.
func TestTheStatusWritesClockTimesOnTheRegionsClock(t *testing.T) {
	at := time.Date(2026, 11, 27, 14, 30, 0, 0, time.UTC)
	rep := running
	rep.Status = &control.Status{Version: "1.0.0", Now: running.Status.Now, Anchors: []control.AnchorStatus{
		{Anchor: "wind-down", Title: "Wind-down", Enabled: true, NextAt: &at},
	}}
	d := startFakeDaemon(t, rep)
	tests := []struct{ lang, headline, line string }{
		{i18n.CLocale, "Next: Wind-down at 14:30\n", "  wind-down at 14:30, today 0\n"},
		{"en_US.UTF-8", "Next: Wind-down at 2:30 PM\n", "  wind-down at 2:30 PM, today 0\n"},
		{"de", "Als Nächstes: Abendruhe um 14:30\n", "  Abendruhe um 14:30, heute 0\n"},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			i18ntest.Speak(t, tc.lang)
			code, stdout, _ := run(d.dir, "status")
			for _, want := range []string{tc.headline, tc.line} {
				if code != ExitOK || !strings.Contains(stdout, want) {
					t.Errorf("exit %d, the status lacks %q:\n%s", code, want, stdout)
				}
			}
		})
	}
}
