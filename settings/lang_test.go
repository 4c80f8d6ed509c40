package settings

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/i18ntest"
)

// TestMain pins English, which the tests compare with, whatever language
// the machine running them speaks.
func TestMain(m *testing.M) { os.Exit(i18ntest.Main(m, i18n.English)) }

// defaultPractices lists every practice the defaults offer, in the base
// plan and in the day types.
func defaultPractices(s Settings) []string {
	var out []string
	for _, k := range Kinds {
		out = append(out, s.Anchors.Of(k).Practices...)
		for _, dt := range dayTypeKeys {
			if p := dt.of(&s.DayTypes).Of(k).Practices; p != nil {
				out = append(out, *p...)
			}
		}
	}
	return out
}

func TestTheDefaultsHoldTheEnglishTextOfEveryPracticeKey(t *testing.T) {
	i18ntest.Speak(t, "de")
	got := defaultPractices(Defaults())
	var want []string
	for _, id := range PracticeKeys() {
		want = append(want, i18n.For(i18n.English).T(id))
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("the defaults offer\n%q\nthe practice keys say in English\n%q", got, want)
	}
	if s := Defaults().Anchors.Hydration.Practices[0]; s != "Drink a glass of water." {
		t.Fatalf("the first hydration practice is %q in German; the file keeps English", s)
	}
}

func TestSwitchingLanguageChangesADefaultPractice(t *testing.T) {
	water := Defaults().Anchors.Hydration.Practices[0]
	tests := []struct{ lang, want string }{
		{"en", "Drink a glass of water."},
		{"de", "Trink ein Glas Wasser."},
		{"fr", "Buvez un verre d'eau."},
		{"pt-BR", "Beba um copo de água."},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			i18ntest.Speak(t, tc.lang)
			if got := PracticeText(water); got != tc.want {
				t.Fatalf("PracticeText(%q) = %q, want %q", water, got, tc.want)
			}
		})
	}
}

// A file saved from the settings window in one language holds that
// language's text of a default; it is still a default.
func TestADefaultPracticeInAnyLanguageFollowsTheCurrentOne(t *testing.T) {
	i18ntest.Speak(t, "nl")
	german := i18n.For("de").T("practice.movement.walk")
	if got, want := PracticeText(german), i18n.For("nl").T("practice.movement.walk"); got != want {
		t.Fatalf("PracticeText(%q) = %q in Dutch, want %q", german, got, want)
	}
}

func TestAnEditedPracticeStaysAsWritten(t *testing.T) {
	i18ntest.Speak(t, "de")
	for _, s := range []string{
		"Drink a glass of water, then another.",
		"drink a glass of water.",
		"Drink a glass of water. ",
		"Zwei Gläser Wasser.",
		"",
	} {
		if got := PracticeText(s); got != s {
			t.Errorf("PracticeText(%q) = %q; an edited practice is the person's own", s, got)
		}
	}
}

// The catalog tests check every catalog has every key; this checks each
// practice is translated, fits a notification, and names one default only.
func TestEveryDefaultPracticeIsTranslatedInEveryLanguage(t *testing.T) {
	for _, l := range i18n.Languages() {
		tr := i18n.For(l.Tag)
		seen := map[string]string{}
		for _, id := range PracticeKeys() {
			text := tr.T(id)
			switch {
			case text == id:
				t.Errorf("%s: %s has no text", l.Tag, id)
			case l.Tag != i18n.English && text == i18n.For(i18n.English).T(id):
				t.Errorf("%s: %s is still English: %q", l.Tag, id, text)
			case len([]rune(text)) > MaxPracticeText:
				t.Errorf("%s: %s is %d characters, more than a practice may have", l.Tag, id, len([]rune(text)))
			case seen[text] != "":
				t.Errorf("%s: %s and %s read the same, %q", l.Tag, seen[text], id, text)
			}
			seen[text] = id
		}
	}
}

// Every default practice is offered somewhere, and every key read by the
// defaults is in the English catalog file itself, not only in code.
func TestEveryPracticeKeyIsInTheEnglishCatalog(t *testing.T) {
	var catalog map[string]any
	if _, err := toml.DecodeFile(filepath.Join("..", "i18n", "locales", "active.en.toml"), &catalog); err != nil {
		t.Fatal(err)
	}
	for _, id := range PracticeKeys() {
		var node any = catalog
		for _, part := range strings.Split(id, ".") {
			m, _ := node.(map[string]any)
			node = m[part]
		}
		if _, ok := node.(string); !ok {
			t.Errorf("active.en.toml has no message %s", id)
		}
	}
}

func TestSettingsProblemsSpeakTheCurrentLanguage(t *testing.T) {
	i18ntest.Speak(t, "de")
	s := Defaults()
	s.Anchors.Movement.Every = Duration(5 * 1e9)
	problems := Validate(s)
	if len(problems) != 1 || !strings.Contains(problems[0].Message, "zu kurz") {
		t.Fatalf("problems in German: %v", problems)
	}
	_, _, bad := Parse([]byte("idle_threshold = \"5x\"\n"))
	if len(bad) != 1 || !strings.Contains(bad[0].String(), "keine Dauer") {
		t.Fatalf("a parse problem in German: %v", bad)
	}
}

func TestTheLanguageKeyTakesSystemOrAShippedLanguage(t *testing.T) {
	if got := Defaults().Language; got != i18n.System {
		t.Fatalf("the default language is %q, want %q", got, i18n.System)
	}
	for _, tag := range []string{"system", "en", "de", "fr", "es", "it", "pt-BR", "nl"} {
		s := Defaults()
		s.Language = tag
		if problems := Validate(s); len(problems) > 0 {
			t.Errorf("language = %q: %v", tag, problems)
		}
	}
	for _, tag := range []string{"", "klingon", "de_DE", "pt", "German"} {
		s := Defaults()
		s.Language = tag
		problems := Validate(s)
		if len(problems) != 1 || problems[0].Key != "language" ||
			!strings.Contains(problems[0].Message, `"system"`) || !strings.Contains(problems[0].Message, "pt-BR (Português") {
			t.Errorf("language = %q: %v; want one problem that lists the choices", tag, problems)
		}
	}
}

func TestABadLanguageFallsBackToTheDefaultsLikeAnyBadKey(t *testing.T) {
	s, _, problems := Parse([]byte("language = \"xx\"\n"))
	if len(problems) != 1 || problems[0].Line != 1 || problems[0].Key != "language" || s.Language != i18n.System {
		t.Fatalf("language = \"xx\": settings language %q, problems %v", s.Language, problems)
	}
}

func TestTheLanguageIsWrittenAndReadBack(t *testing.T) {
	s := Defaults()
	s.Language = "fr"
	data := Encode(s)
	if !strings.Contains(string(data), "\nlanguage = \"fr\"\n") {
		t.Fatalf("the file does not hold the language:\n%s", data)
	}
	got, unknown, problems := Parse(data)
	if len(unknown)+len(problems) > 0 || got.Language != "fr" {
		t.Fatalf("read back %q, unknown %v, problems %v", got.Language, unknown, problems)
	}
}

// The file's comments stay English whatever the language, as its keys do.
func TestTheFileIsWrittenInEnglishInEveryLanguage(t *testing.T) {
	want := Encode(Defaults())
	i18ntest.Speak(t, "de")
	if got := Encode(Defaults()); string(got) != string(want) {
		t.Fatalf("the file written in German differs from the English one")
	}
}
