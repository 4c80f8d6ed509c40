package journal

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/i18ntest"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// TestMain pins English on the 24-hour clock, which the tests compare
// with, whatever language the machine running them speaks.
func TestMain(m *testing.M) { os.Exit(i18ntest.Main(m, i18n.CLocale)) }

func TestTheWeeklyReviewSpeaksTheProcesssLanguage(t *testing.T) {
	r := Review{
		Week: ISOWeek{2026, 48}, Wins: 1, PrevWins: 3, WinDays: 1,
		WinsByAnchor: map[settings.Kind]int{settings.Hydration: 1},
		Items:        []ItemMove{{Item: reminders.SleepQuality, From: 3, To: 3.5, FromN: 2, ToN: 1}},
		Bedtime:      Steadiness{hm(22, 40), 1, 1},
	}
	tests := []struct {
		lang     string
		headline string
		lines    []string
	}{
		{"en_US.UTF-8", "Week 48: 1 win, 1 of 7 days", []string{
			"2026-W48, 23–29 Nov 2026",
			"Wins: 1, down from 3 the week before",
			"  hydration 1",
			"Consistency: a win on 1 of 7 days",
			"Check-in, mean answer the week before → this week:",
			"  sleep quality 3.0 → 3.5 (2 and 1 answers)",
			"Bedtime: typically 10:40 PM, within ±25 min on 1 of 1 day",
			"Wake time: not recorded this week",
		}},
		{"de", "Woche 48: 1 Erfolg, an 1 von 7 Tagen", []string{
			"2026-W48, 23.–29. Nov. 2026",
			"Erfolge: 1, weniger als die 3 der Woche davor",
			"  Trinken 1",
			"Beständigkeit: ein Erfolg an 1 von 7 Tagen",
			"Check-in, mittlere Antwort Woche davor → diese Woche:",
			"  Schlafqualität 3,0 → 3,5 (2 und 1 Antworten)",
			"Schlafenszeit: meist 22:40, an 1 von 1 Tag auf ±25 Min. genau",
			"Aufwachzeit: diese Woche nicht aufgezeichnet",
		}},
		{"fr", "Semaine 48\u00a0: 1 victoire, 1 jour sur 7", []string{
			"2026-W48, 23–29 nov. 2026",
			"Réussites\u00a0: 1, contre 3 la semaine précédente, en baisse",
			"  hydratation 1",
			"Régularité\u00a0: une réussite 1 jour sur 7",
			"Point du jour, réponse moyenne semaine précédente → cette semaine\u00a0:",
			"  qualité du sommeil 3,0 → 3,5 (2 et 1 réponses)",
			"Coucher\u00a0: en général 22:40, à ±25 min près 1 jour sur 1",
			"Réveil\u00a0: non enregistré cette semaine",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			i18ntest.Speak(t, tc.lang)
			if got := r.Headline(); got != tc.headline {
				t.Errorf("headline %q, want %q", got, tc.headline)
			}
			if got := r.Lines(); !reflect.DeepEqual(got, tc.lines) {
				t.Errorf("lines\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.lines, "\n"))
			}
		})
	}
}

// Counts follow each language's plural rule: French says "0 victoire"
// and "1 jour", English "0 wins" and "1 day".
func TestCountsInTheReviewFollowEachLanguagesPlurals(t *testing.T) {
	zero := Review{Week: ISOWeek{2026, 4}, PrevWins: 2, Items: []ItemMove{{Item: reminders.Mood, To: 3, ToN: 1}}}
	one := Steadiness{Typical: hm(7, 0), Within: 1, Of: 1}
	two := Steadiness{Typical: hm(7, 0), Within: 2, Of: 2}
	tests := []struct{ lang, headline, one, two, answers string }{
		{"en", "Week 4: 0 wins, 0 of 7 days", "within ±25 min on 1 of 1 day", "within ±25 min on 2 of 2 days", "  mood 3.0 (1 answer; none the week before)"},
		{"fr", "Semaine 4\u00a0: 0 victoire, 0 jour sur 7", "à ±25 min près 1 jour sur 1", "à ±25 min près 2 jours sur 2", "  humeur 3,0 (1 réponse\u00a0; aucune la semaine précédente)"},
		{"nl", "Week 4: 0 successen, 0 van de 7 dagen", "binnen ±25 min op 1 van 1 dag", "binnen ±25 min op 2 van 2 dagen", "  stemming 3,0 (1 antwoord; geen in de week ervoor)"},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			i18ntest.Speak(t, tc.lang)
			if got := zero.Headline(); got != tc.headline {
				t.Errorf("headline %q, want %q", got, tc.headline)
			}
			if got := one.String(); got != tc.one {
				t.Errorf("one day %q, want %q", got, tc.one)
			}
			if got := two.String(); got != tc.two {
				t.Errorf("two days %q, want %q", got, tc.two)
			}
			if got := zero.Lines(); !contains(got, tc.answers) {
				t.Errorf("%q is not among\n%s", tc.answers, strings.Join(got, "\n"))
			}
		})
	}
}

func TestADamagedLineIsReportedInTheProcesssLanguage(t *testing.T) {
	input := `{"time":"2026-11-27T10:04:05+01:00","anchor":"movement","outcome":"done","active_min":5}
{"time":"yesterday","anchor":"movement","outcome":"done","active_min":5}
{"time":"2026-11-27T10:05:05+01:00","kind":"checkin","mood":9}
{"time":"2026-11-27T10:05:35+01:00","anchor":"movement","outcome":"dun","active_min":5}
{"time":"2026-11-27T10:06:05+01:00","anchor":"movement","outcome":"done","active_min":5`
	i18ntest.Speak(t, "de")
	report, err := Read(strings.NewReader(input), func(Entry) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range report.Problems {
		got = append(got, p.String())
	}
	want := []string{
		`Zeile 2: Feld "time": "yesterday" ist keine RFC-3339-Zeit wie 2026-11-27T10:04:05+01:00`,
		`Zeile 3: Feld "mood": 9 liegt nicht zwischen 1 und 5`,
		`Zeile 4: Feld "outcome": "dun" ist kein Ergebnis`,
		`Zeile 5: abgebrochene letzte Zeile (ohne Zeilenende): kein JSON-Objekt: unexpected end of JSON input`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// An error made when the package loads speaks the language chosen later,
// and stays one value for errors.Is.
func TestAnErrorOfThePackageSpeaksTheLanguageOfWhenItIsRead(t *testing.T) {
	j, err := Open(filepath.Join(t.TempDir(), "journal.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	i18ntest.Speak(t, "es")
	err = j.Append(entry(time.Date(2026, 11, 27, 10, 0, 0, 0, plusOne), settings.Movement, reminders.OutcomeDone, 0))
	if !errors.Is(err, ErrClosed) || err.Error() != "añadir al diario: el diario está cerrado" {
		t.Errorf("Append after Close: %v", err)
	}
	if _, err := ParseISOWeek("2026-W60"); err == nil || err.Error() != `"2026-W60" no es una semana ISO YYYY-Www: 2026 tiene las semanas 01 a 53` {
		t.Errorf("ParseISOWeek: %v", err)
	}
}
