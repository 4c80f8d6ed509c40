package control

import (
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/i18ntest"
)

// TestMain pins English on the 24-hour clock, which the tests compare with, whatever language
// the machine running them speaks.
func TestMain(m *testing.M) { os.Exit(i18ntest.Main(m, i18n.CLocale)) }

func TestTheStatusLinesSpeakGerman(t *testing.T) {
	i18ntest.Speak(t, "de")
	now := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	later, tomorrow := now.Add(90*time.Minute), now.Add(15*time.Hour)
	in := func(m float64) *float64 { return &m }
	anchors := []AnchorStatus{
		{Anchor: "movement", Title: "Movement", Enabled: true, NextInMin: in(12.1), TodayWins: 1},
		{Anchor: "hydration", Title: "Hydration", Enabled: true, TodayWins: 3, Goal: 8},
		{Anchor: "wind-down", Title: "Wind-down", Enabled: true, NextAt: &later},
	}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"what comes next, named from the keys", (&Status{Now: now, Anchors: anchors}).Headline(),
			"Als Nächstes: Bewegung in 13 Min. aktiver Zeit · Abendruhe um 11:00"},
		{"a prompt the daemon titled", (&Status{Now: now, Prompt: &PromptStatus{Title: "Haltung"}}).Headline(), "Jetzt: Haltung"},
		{"a prompt named by its anchors", (&Status{Now: now, Prompt: &PromptStatus{Anchors: []string{"movement", "hydration"}}}).Headline(),
			"Jetzt: Bewegung + Trinken"},
		{"a pause until tomorrow", (&Status{Now: now, Paused: true, PausedUntil: &tomorrow}).Headline(), "Pausiert bis Mi. 00:30"},
		{"do-not-disturb", (&Status{Now: now, DND: true}).Headline(), "Nicht stören: Erinnerungen warten, bis es endet"},
		{"nothing", (&Status{Now: now}).Headline(), "Nichts geplant"},
		{"the wins, with German capitals", (&Status{Anchors: anchors}).WinsLine(), "Heute: 4 kleine Erfolge · Trinken 3/8"},
		{"one win", (&Status{Anchors: anchors[:1]}).WinsLine(), "Heute: 1 kleiner Erfolg"},
		{"the day", (&Status{Day: &DayStatus{Why: "intensiv (Donnerstag)", Breathing: "controlled", CheckinOpen: true}}).DayLine(),
			"Tag: intensiv (Donnerstag) · Atmung: kontrolliert · Check-in offen (microrest checkin)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

func TestTheDayLineSaysTheBreathingPatternAndTheReading(t *testing.T) {
	d := &DayStatus{Why: "hard (check-in)", Breathing: "sleep", CheckedIn: true, ReadinessWords: "as usual"}
	if got, want := (&Status{Day: d}).DayLine(), "Day: hard (check-in) · breathing sleep · readiness as usual"; got != want {
		t.Errorf("DayLine() = %q, want %q", got, want)
	}
	if got := (&Status{}).DayLine(); got != "" {
		t.Errorf("DayLine() without a day = %q, want none", got)
	}
}

// An error made at start says its sentence in the language spoken when
// it is read, and stays itself for errors.Is.
func TestErrorsSpeakTheLanguageOfTheMomentTheyAreRead(t *testing.T) {
	wrapped := fmt.Errorf("status: %w", ErrNotRunning)
	if got, want := ErrNotRunning.Error(), "microrest is not running; start it with `microrest` (or from your desktop's menu)"; got != want {
		t.Errorf("in English %q, want %q", got, want)
	}
	i18ntest.Speak(t, "de")
	if got, want := ErrNotRunning.Error(), "microrest läuft nicht; starte es mit `microrest` (oder über das Menü deines Desktops)"; got != want {
		t.Errorf("in German %q, want %q", got, want)
	}
	if !errors.Is(wrapped, ErrNotRunning) || errors.Is(wrapped, ErrRunning) {
		t.Error("errors.Is does not tell the errors apart")
	}
	if _, err := ParseRequest([]byte(`{"v":1,"verb":"explode"}`)); err == nil || err.Error() != `"explode" ist kein Befehl, den der Dienst kennt; sende einen von `+verbList() {
		t.Errorf("a refused request in German: %v", err)
	}
}

// The status writes clock times as the region reads them: 12 hours in
// the US, 24 in Germany and where the system names no language.
func TestTheStatusLinesFollowTheRegionsClock(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	later, tomorrow := time.Date(2026, 12, 1, 14, 30, 0, 0, time.UTC), time.Date(2026, 12, 2, 0, 30, 0, 0, time.UTC)
	windDown := []AnchorStatus{{Anchor: "wind-down", Title: "Wind-down", Enabled: true, NextAt: &later}}
	tests := []struct {
		lang                 string
		next, paused, pauseD string
	}{
		{i18n.CLocale, "Next: Wind-down at 14:30", "Paused until 14:30", "Paused until Wed 00:30"},
		{"en_US.UTF-8", "Next: Wind-down at 2:30 PM", "Paused until 2:30 PM", "Paused until Wed 12:30 AM"},
		{"en_GB.UTF-8", "Next: Wind-down at 14:30", "Paused until 14:30", "Paused until Wed 00:30"},
		{"de", "Als Nächstes: Abendruhe um 14:30", "Pausiert bis 14:30", "Pausiert bis Mi. 00:30"},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			i18ntest.Speak(t, tc.lang)
			if got := (&Status{Now: now, Anchors: windDown}).Headline(); got != tc.next {
				t.Errorf("next %q, want %q", got, tc.next)
			}
			if got := (&Status{Now: now, Paused: true, PausedUntil: &later}).Headline(); got != tc.paused {
				t.Errorf("paused %q, want %q", got, tc.paused)
			}
			if got := (&Status{Now: now, Paused: true, PausedUntil: &tomorrow}).Headline(); got != tc.pauseD {
				t.Errorf("paused until tomorrow %q, want %q", got, tc.pauseD)
			}
		})
	}
}
