package i18n

import (
	"errors"
	"maps"
	"sync"
	"testing"
)

// withSystem makes the system ask for l while a test runs, and starts the
// test with no language chosen yet.
func withSystem(t *testing.T, l locale) {
	t.Helper()
	saved, savedCurrent := systemLocale, current.Load()
	systemLocale = func() locale { return l }
	current.Store(nil)
	t.Cleanup(func() { systemLocale = saved; current.Store(savedCurrent) })
}

func TestTSpeaksTheChosenLanguage(t *testing.T) {
	tests := []struct{ lang, want string }{
		{"en", "Quit microrest"},
		{"de", "microrest beenden"},
		{"fr", "Quitter microrest"},
		{"es", "Salir de microrest"},
		{"it", "Esci da microrest"},
		{"pt-BR", "Sair do microrest"},
		{"nl", "microrest afsluiten"},
	}
	for _, tc := range tests {
		if got := For(tc.lang).T("tray.quit"); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.want)
		}
	}
}

func TestTFillsPlaceholders(t *testing.T) {
	got := For("de").T("tray.journal_error", map[string]any{"Error": "Datenträger voll"})
	if want := "Journal lässt sich nicht schreiben: Datenträger voll"; got != want {
		t.Fatalf("%q, want %q", got, want)
	}
}

func TestNFollowsEachLanguagesPluralRule(t *testing.T) {
	tests := []struct {
		lang  string
		count int
		want  string
	}{
		{"en", 0, "0 wins"},
		{"en", 1, "1 win"},
		{"en", 2, "2 wins"},
		{"fr", 0, "0 victoire"}, // French counts zero as one
		{"fr", 1, "1 victoire"},
		{"fr", 2, "2 victoires"},
		{"fr", 1_000_000, "1000000 de victoires"},
		{"de", 0, "0 Erfolge"},
		{"de", 1, "1 Erfolg"},
		{"pt-BR", 0, "0 conquista"},
		{"nl", 21, "21 successen"},
	}
	for _, tc := range tests {
		if got := For(tc.lang).N("count.wins", tc.count, nil); got != tc.want {
			t.Errorf("%s N(%d) = %q, want %q", tc.lang, tc.count, got, tc.want)
		}
	}
}

func TestNLeavesTheCallersDataAlone(t *testing.T) {
	data := map[string]any{"Other": "x"}
	For("en").N("count.wins", 3, data)
	if len(data) != 1 {
		t.Fatalf("N wrote into the caller's map: %v", data)
	}
}

func TestAMessageNoCatalogHasComesBackAsItsID(t *testing.T) {
	if got := For("de").T("no.such.message"); got != "no.such.message" {
		t.Fatalf("%q", got)
	}
}

func TestTheSystemLanguageIsUsedUntilOneIsSet(t *testing.T) {
	withSystem(t, locale{lang: "fr"})
	if got := Current(); got != "fr" {
		t.Fatalf("Current() = %q before SetLanguage, want the system's fr", got)
	}
	SetLanguage("nl")
	if got := T("tray.resume"); got != "Hervatten" {
		t.Fatalf("after SetLanguage(nl): %q", got)
	}
	SetLanguage(System)
	if got := T("tray.resume"); got != "Reprendre" {
		t.Fatalf("after SetLanguage(system): %q", got)
	}
	SetLanguage("klingon")
	if got := Current(); got != "fr" {
		t.Fatalf("an unknown language gave %q, want the system's fr", got)
	}
}

func TestSettingTheSameLanguageAgainDecodesNothing(t *testing.T) {
	withSystem(t, locale{lang: "en"})
	SetLanguage("de")
	before := current.Load()
	SetLanguage("de")
	if current.Load() != before {
		t.Fatal("setting the same language built a new translator")
	}
}

// The tray's goroutine and the daemon's loop both call T while a settings
// change switches the language; -race checks the handover.
func TestTranslatingWhileTheLanguageChanges(t *testing.T) {
	withSystem(t, locale{lang: "en"})
	valid := map[string]bool{}
	for _, l := range shipped() {
		valid[For(l).T("tray.pause")] = true
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for range 4 {
		wg.Go(func() {
			for range 200 {
				if s := T("tray.pause"); !valid[s] {
					select {
					case errs <- s:
					default:
					}
				}
				_ = N("count.wins", 2, nil)
				_ = Current()
			}
		})
	}
	for i := range 20 {
		SetLanguage(shipped()[i%len(shipped())])
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("T gave %q while the language changed", s)
	}
}

// IDsByText finds every language's text of a message, as a Translator
// of that language says it, and nothing of messages not asked for.
func TestIDsByTextMapsEveryLanguagesTextBackToItsID(t *testing.T) {
	ids := []string{"tray.quit", "language.name"}
	got := IDsByText(ids...)
	want := map[string]string{}
	for _, l := range Languages() {
		tr := For(l.Tag)
		for _, id := range ids {
			want[tr.T(id)] = id
		}
	}
	if len(want) < len(Languages()) {
		t.Fatalf("the languages share their texts of %v: %v", ids, want)
	}
	if !maps.Equal(got, want) {
		t.Fatalf("IDsByText(%v) = %v, want %v", ids, got, want)
	}
}

// Wrap joins a context and its cause with the language's punctuation, and
// the cause stays reachable for errors.Is.
func TestWrapJoinsWithTheLanguagesPunctuationAndKeepsTheCause(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"en", "Quit microrest: disk full"},
		{"fr", "Quitter microrest\u00a0: disk full"},
		{"de", "microrest beenden: disk full"},
	} {
		withSystem(t, locale{lang: tc.lang})
		err := Wrap(errDiskFull, "tray.quit")
		if err.Error() != tc.want || !errors.Is(err, errDiskFull) {
			t.Errorf("%s: %q (errors.Is %v), want %q wrapping the cause", tc.lang, err, errors.Is(err, errDiskFull), tc.want)
		}
	}
}

var errDiskFull = errors.New("disk full")
