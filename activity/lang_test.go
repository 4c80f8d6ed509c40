package activity

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/i18ntest"
	"github.com/microrest/microrest/reminders"
)

// TestMain pins English, which the tests compare with, whatever language
// the machine running them speaks.
func TestMain(m *testing.M) { os.Exit(i18ntest.Main(m, i18n.English)) }

func TestTheStatusLineSpeaksTheLanguageAndKeepsSourceNames(t *testing.T) {
	i18ntest.Speak(t, "de")
	st := Status{
		Source: SourceMutter, Events: true,
		Tried:      []PassedOver{{Source: SourceScreenSaver, Reason: "nicht auf dem Sitzungsbus"}},
		LastSample: reminders.Sample{Now: time.Date(2026, 3, 2, 10, 30, 0, 0, time.UTC), Idle: 2 * time.Second, Locked: true},
		LastErr:    errors.New("boom"), Lock: []string{"logind-session"}, Quiet: []string{quietGNOME},
	}
	got := st.String()
	for _, want := range []string{
		"Leerlaufquelle: gnome-mutter (ereignisgesteuert)", "Leerlauf 2s", "gesperrt ja", "im Ruhezustand nein",
		"Fehler: boom", "Sperre: logind-session", "Ruhezustand: nichts", "Ruhe: " + quietGNOME,
		"übergangen: freedesktop-screensaver: nicht auf dem Sitzungsbus",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("status line %q lacks %q", got, want)
		}
	}
}

func TestQuietReasonsAreWordsAndTheirReportersNames(t *testing.T) {
	m := newMonitor(Options{})
	m.setFlag(quietGNOME, true)
	m.checks = append(m.checks, func() (bool, string) { return quietState(qunsPresentation) })
	i18ntest.Speak(t, "fr")
	on, why := m.Quiet()
	if want := "mode présentation (Windows), ne pas déranger (GNOME)"; !on || why != want {
		t.Errorf("Quiet() = %t, %q in French, want true, %q", on, why, want)
	}
	if got := m.Status().Quiet; strings.Join(got, "|") != quietGNOME+"|"+quietFullscreen {
		t.Errorf("Status().Quiet = %q in French, want the reporters' names %q and %q", got, quietGNOME, quietFullscreen)
	}
}

func TestAPassedOverReasonSpeaksTheLanguageOfTheProbe(t *testing.T) {
	i18ntest.Speak(t, "de")
	m := newMonitor(Options{})
	_, err := parseHIDIdle([]byte("no such key"))
	m.skip(SourceIOReg, err)
	if got := m.Status().Tried; len(got) != 1 || got[0].Source != SourceIOReg || got[0].Reason != "ioreg zeigt keine HIDIdleTime" {
		t.Errorf("passed over %+v, want %s with the German reason", got, SourceIOReg)
	}
}
