package daemon

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/i18ntest"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/tray"
)

// TestMain pins English on the 24-hour clock, which the tests compare
// with, whatever language the machine running them speaks.
func TestMain(m *testing.M) { os.Exit(i18ntest.Main(m, i18n.CLocale)) }

// menuText writes a menu as a person reads it: one title a line,
// submenus indented, separators as ---.
func menuText(items []tray.Item, indent string) string {
	var b strings.Builder
	for _, it := range items {
		if it.Separator {
			b.WriteString(indent + "---\n")
			continue
		}
		b.WriteString(indent + it.Title + "\n")
		b.WriteString(menuText(it.Children, indent+"  "))
	}
	return b.String()
}

func TestTheTrayMenuSpeaksGerman(t *testing.T) {
	i18ntest.Speak(t, "de")
	snap := reminders.Snapshot{
		Now: time.Date(2026, 12, 3, 10, 0, 0, 0, time.Local), Prompt: posturePrompt,
		DayType: settings.LoadHard, Weekday: time.Thursday, Breathing: settings.BreathControlled,
		Anchors: []reminders.AnchorStatus{
			{Kind: settings.Posture, Enabled: true, TodayWins: 1},
			{Kind: settings.WindDown, Enabled: true},
			{Kind: settings.Rest},
		},
	}
	m := menuFor(snap, settings.Defaults(), "", reminders.Reading{})
	want := `Jetzt: Haltung
Heute: 1 kleiner Erfolg
Tag: intensiv (Donnerstag) · Atmung: kontrolliert
---
Haltung: chin tuck
Erledigt
10 Min. später
Überspringen
---
Jetzt Pause machen
  Haltung
  Abendruhe
Pausieren
  Für 30m
  Für 1h
  Für 2h
  Bis morgen
---
Check-in…
Fortschritt…
Einstellungen…
---
microrest beenden
`
	if got := menuText(m.Items, ""); got != want {
		t.Errorf("menu:\n%s\nwant:\n%s", got, want)
	}
	if want := "microrest: Jetzt: Haltung"; m.Tooltip != want {
		t.Errorf("tooltip %q, want %q", m.Tooltip, want)
	}
}

func TestTheStatusHeadlineAndItsTitlesSpeakGerman(t *testing.T) {
	i18ntest.Speak(t, "de")
	now := time.Date(2026, 12, 1, 9, 30, 0, 0, time.Local)
	snap := reminders.Snapshot{Now: now, Anchors: []reminders.AnchorStatus{
		{Kind: settings.Movement, Enabled: true, TimeToNext: 12*time.Minute + 20*time.Second},
		{Kind: settings.Hydration, Enabled: true, TodayWins: 3, Goal: 8},
		{Kind: settings.WindDown, Enabled: true, NextClock: time.Date(2026, 12, 1, 22, 0, 0, 0, time.Local)},
	}}
	if got, want := statusLine(snap), "Als Nächstes: Bewegung in 13 Min. aktiver Zeit · Abendruhe um 22:00"; got != want {
		t.Errorf("statusLine = %q, want %q", got, want)
	}
	if got, want := todayLine(snap), "Heute: 3 kleine Erfolge · Trinken 3/8"; got != want {
		t.Errorf("todayLine = %q, want %q", got, want)
	}
	snap.Prompt = &reminders.Prompt{ID: 3, Items: []reminders.Item{{Anchor: settings.Movement, Meal: true}}}
	st := statusFor("1.0", snap, "")
	if st.Prompt.Title != "Spaziergang nach dem Essen" || st.Anchors[1].Title != "Trinken" || st.Anchors[1].Anchor != "hydration" {
		t.Errorf("the status names the prompt %q and the anchor %q (%s); want German titles and English keys",
			st.Prompt.Title, st.Anchors[1].Title, st.Anchors[1].Anchor)
	}
	if got, want := st.Headline(), "Jetzt: Spaziergang nach dem Essen"; got != want {
		t.Errorf("Headline = %q, want %q", got, want)
	}
}

// The day's words come from the engine's typed reasons, in the process's
// language; the keys stay English for scripts in every language.
func TestTheDaysWordsAreSaidFromTheEnginesReasons(t *testing.T) {
	now := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	day := func(n int, c reminders.Checkin) reminders.Checkin {
		c.Time = now.AddDate(0, 0, -n)
		return c
	}
	usual := reminders.Checkin{Stiffness: 2, Mood: 4, Energy: 4, SleepQuality: 4}
	var week []reminders.Checkin
	for n := 1; n <= 10; n++ {
		c := usual
		c.Energy = 3 + n%2
		week = append(week, day(n, c))
	}
	var energyOnly []reminders.Checkin
	for _, c := range week {
		energyOnly = append(energyOnly, reminders.Checkin{Time: c.Time, Energy: c.Energy})
	}
	tired := day(0, reminders.Checkin{Stiffness: 4, Mood: 4, Energy: 1, SleepQuality: 4})
	readings := map[string]reminders.Reading{
		"no check-in":           reminders.Readiness(week, now, 0, time.UTC),
		"too few days":          reminders.Readiness(append(week[:3:3], tired), now, 0, time.UTC),
		"no question in common": reminders.Readiness(append(energyOnly, day(0, reminders.Checkin{Mood: 3})), now, 0, time.UTC),
		"moved items":           reminders.Readiness(append(week, tired), now, 0, time.UTC),
		"as usual":              reminders.Readiness(append(week, day(0, usual)), now, 0, time.UTC),
	}
	words := map[string]string{
		"no check-in":           "no check-in today",
		"too few days":          "not enough check-ins yet: 3 of 7",
		"no question in common": "not enough answers to the same questions yet",
		"moved items":           "lower than usual: stiffer than usual, energy lower than usual",
		"as usual":              "as usual",
	}
	for name, r := range readings {
		t.Run(name, func(t *testing.T) {
			if got, want := readingWords(r, true), words[name]; got != want {
				t.Errorf("readingWords = %q, want %q (the engine read %s)", got, want, r)
			}
		})
	}
	if got := strings.Join(movedWords(readings["moved items"]), ", "); got != "stiffer than usual, energy lower than usual" {
		t.Errorf("moved %q", got)
	}
	for _, tc := range []struct {
		snap reminders.Snapshot
		want string
	}{
		{reminders.Snapshot{DayType: settings.LoadHard, Weekday: time.Thursday}, "hard (Thursday)"},
		{reminders.Snapshot{DayType: settings.LoadEasy, DayTypeFrom: reminders.DayTypeFromCheckin, Weekday: time.Monday}, "easy (check-in)"},
		{reminders.Snapshot{DayType: settings.LoadRest, Weekday: time.Sunday}, "rest (Sunday)"},
	} {
		if got := dayWhy(tc.snap); got != tc.want {
			t.Errorf("dayWhy(%s from %s) = %q, want %q", tc.snap.DayType, tc.snap.DayTypeFrom, got, tc.want)
		}
	}
	i18ntest.Speak(t, "de")
	if got, want := readingWords(readings["moved items"], true), "niedriger als sonst: steifer als sonst, weniger Energie als sonst"; got != want {
		t.Errorf("in German %q, want %q", got, want)
	}
	if got, want := readingWords(readings["too few days"], true), "noch zu wenige Check-ins: 3 von 7"; got != want {
		t.Errorf("in German %q, want %q", got, want)
	}
	if got, want := dayWhy(reminders.Snapshot{DayType: settings.LoadEasy, DayTypeFrom: reminders.DayTypeFromCheckin}), "locker (Check-in)"; got != want {
		t.Errorf("in German %q, want %q", got, want)
	}
	st := dayStatus(reminders.Snapshot{CheckedIn: true, DayType: settings.LoadHard, Weekday: time.Thursday}, readings["moved items"])
	if st.Type != "hard" || st.Readiness != "lower than usual" || st.Breathing != "calm" {
		t.Errorf("the keys in German: type %q, readiness %q, breathing %q; want them in English", st.Type, st.Readiness, st.Breathing)
	}
}

// The status gives the prompt's practices as the person reads them: a
// default one in the daemon's language, one the person wrote as written.
func TestThePromptsPracticesAreInTheDaemonsLanguage(t *testing.T) {
	i18ntest.Speak(t, "fr")
	water := settings.Defaults().Anchors.Hydration.Practices[0]
	p := &reminders.Prompt{ID: 1, Items: []reminders.Item{
		{Anchor: settings.Hydration, Practice: water},
		{Anchor: settings.Posture, Practice: "Sit tall"},
	}}
	if got := promptStatus(p).Texts; len(got) != 2 || got[0] != "Buvez un verre d'eau." || got[1] != "Sit tall" {
		t.Errorf("practices %q", got)
	}
}

// The tray's headline and a refusal's "came at" follow the region's
// clock; a planned time keeps the form the commands take.
func TestTheTrayAndTheRefusalsWriteTheRegionsClock(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 30, 0, 0, time.Local)
	snap := reminders.Snapshot{Now: now, Anchors: []reminders.AnchorStatus{
		{Kind: settings.WindDown, Enabled: true, NextClock: time.Date(2026, 12, 1, 14, 30, 0, 0, time.Local)},
	}}
	came := &reminders.Refusal{Reason: reminders.RefusedCame, Slot: reminders.Slot{Anchor: settings.Rest, At: settings.Clock(13, 0)},
		When: time.Date(2026, 12, 1, 13, 2, 0, 0, time.Local)}
	tests := []struct{ lang, status, came string }{
		{i18n.CLocale, "Next: Wind-down at 14:30", "rest 13:00 has already passed today (it came at 13:02)"},
		{"en_US.UTF-8", "Next: Wind-down at 2:30 PM", "rest 13:00 has already passed today (it came at 1:02 PM)"},
		{"de", "Als Nächstes: Abendruhe um 14:30", "(um 13:02)"},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			i18ntest.Speak(t, tc.lang)
			if got := statusLine(snap); got != tc.status {
				t.Errorf("statusLine = %q, want %q", got, tc.status)
			}
			if got := refusalWords(came); !strings.Contains(got, tc.came) {
				t.Errorf("refusal %q, want it to hold %q", got, tc.came)
			}
		})
	}
}
