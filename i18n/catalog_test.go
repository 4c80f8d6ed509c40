package i18n

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/microrest/microrest/i18n/gen"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// catalogPath names a language's catalog, the source the compiled one is
// made from; go-i18n reads the tag from it.
func catalogPath(lang string) string { return filepath.Join(gen.Dir, "active."+lang+".toml") }

// parsed reads one catalog as go-i18n does, by id.
func parsed(t *testing.T, lang string) map[string]*goi18n.Message {
	t.Helper()
	data, err := os.ReadFile(catalogPath(lang))
	if err != nil {
		t.Fatal(err)
	}
	mf, err := goi18n.ParseMessageFileBytes(data, catalogPath(lang), map[string]goi18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		t.Fatalf("%s does not parse: %v", catalogPath(lang), err)
	}
	if got := mf.Tag.String(); got != lang {
		t.Fatalf("%s reads as language %q", catalogPath(lang), got)
	}
	msgs := map[string]*goi18n.Message{}
	for _, m := range mf.Messages {
		msgs[m.ID] = m
	}
	return msgs
}

// forms lists a message's non-empty plural forms by CLDR name; a message
// that does not depend on a count has only "other".
func forms(m *goi18n.Message) map[string]string {
	all := map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other}
	maps.DeleteFunc(all, func(_, v string) bool { return v == "" })
	return all
}

func isPlural(m *goi18n.Message) bool { return len(forms(m)) > 1 || m.Other == "" }

func TestTheSevenLanguagesShip(t *testing.T) {
	want := []string{"de", "en", "es", "fr", "it", "nl", "pt-BR"}
	if got := shipped(); !slices.Equal(got, want) {
		t.Fatalf("shipped %v, want %v", got, want)
	}
}

func TestEveryCatalogHasEveryEnglishMessageAndNoOther(t *testing.T) {
	en := parsed(t, English)
	if len(en) == 0 {
		t.Fatal("the English catalog is empty")
	}
	for _, lang := range shipped() {
		t.Run(lang, func(t *testing.T) {
			msgs := parsed(t, lang)
			for id := range en {
				if _, ok := msgs[id]; !ok {
					t.Errorf("%s lacks %q: copy it from active.en.toml and translate it", catalogPath(lang), id)
				}
			}
			for id := range msgs {
				if _, ok := en[id]; !ok {
					t.Errorf("%s has %q, which English has not: remove it, or add it to active.en.toml first", catalogPath(lang), id)
				}
			}
		})
	}
}

var (
	actionRE      = regexp.MustCompile(`\{\{.*?\}\}`)
	placeholderRE = regexp.MustCompile(`^\{\{\s*\.([A-Za-z][A-Za-z0-9]*)\s*\}\}$`)
)

// placeholders are the names a text fills in; anything in {{ }} other
// than a plain {{.Name}} is an error, so translations stay plain text.
func placeholders(text string) ([]string, error) {
	var names []string
	for _, a := range actionRE.FindAllString(text, -1) {
		m := placeholderRE.FindStringSubmatch(a)
		if m == nil {
			return nil, fmt.Errorf("%s is not a plain placeholder such as {{.Name}}", a)
		}
		names = append(names, m[1])
	}
	if strings.Count(text, "{{") != len(names) || strings.Count(text, "}}") != len(names) {
		return nil, fmt.Errorf("unbalanced braces")
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}

func TestEveryFormHasEnglishsPlaceholders(t *testing.T) {
	en := parsed(t, English)
	for _, lang := range shipped() {
		t.Run(lang, func(t *testing.T) {
			for id, m := range parsed(t, lang) {
				ref, ok := en[id]
				if !ok {
					continue
				}
				want, err := placeholders(ref.Other)
				if err != nil {
					t.Errorf("en %q: %v", id, err)
					continue
				}
				for form, text := range forms(m) {
					got, err := placeholders(text)
					switch {
					case err != nil:
						t.Errorf("%s %q (%s): %v", lang, id, form, err)
					case !slices.Equal(got, want):
						t.Errorf("%s %q (%s) fills %v, English fills %v: %q", lang, id, form, got, want, text)
					}
				}
			}
		})
	}
}

// probeCounts are the whole numbers a plural form is tried on: all small
// ones, and the round large ones some rules (French, Spanish, Italian,
// Portuguese "many") single out.
var probeCounts = func() []int {
	var n []int
	for i := 0; i <= 1100; i++ {
		n = append(n, i)
	}
	return append(n, 10_000, 100_000, 1_000_000, 2_000_000, 1_000_000_000)
}()

// formsUsed asks go-i18n which CLDR plural forms lang's rule picks for
// whole numbers, by rendering a message whose every form names itself.
func formsUsed(t *testing.T, lang string) []string {
	t.Helper()
	b := goi18n.NewBundle(language.English)
	b.MustAddMessages(language.MustParse(lang), &goi18n.Message{
		ID: "probe", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other",
	})
	loc := goi18n.NewLocalizer(b, lang)
	used := map[string]bool{}
	for _, n := range probeCounts {
		used[loc.MustLocalize(&goi18n.LocalizeConfig{MessageID: "probe", PluralCount: n})] = true
	}
	return slices.Sorted(maps.Keys(used))
}

func TestPluralRulesAreCLDRs(t *testing.T) {
	tests := []struct{ lang, want string }{
		{"en", "one other"},
		{"de", "one other"},
		{"nl", "one other"},
		{"fr", "many one other"},
		{"es", "many one other"},
		{"it", "many one other"},
		{"pt-BR", "many one other"},
	}
	for _, tc := range tests {
		if got := strings.Join(formsUsed(t, tc.lang), " "); got != tc.want {
			t.Errorf("%s uses plural forms %q, want %q", tc.lang, got, tc.want)
		}
	}
}

func TestEveryPluralMessageHasExactlyTheFormsItsLanguageUses(t *testing.T) {
	en := parsed(t, English)
	for _, lang := range shipped() {
		t.Run(lang, func(t *testing.T) {
			want := formsUsed(t, lang)
			for id, m := range parsed(t, lang) {
				ref, ok := en[id]
				if !ok {
					continue
				}
				got := slices.Sorted(maps.Keys(forms(m)))
				switch {
				case !isPlural(ref) && isPlural(m):
					t.Errorf("%s %q has plural forms %v; English's does not depend on a count", lang, id, got)
				case isPlural(ref) && !slices.Equal(got, want):
					t.Errorf("%s %q has plural forms %v; %s needs exactly %v", lang, id, got, lang, want)
				}
			}
		})
	}
}

func TestNoMessageIsBlank(t *testing.T) {
	for _, lang := range shipped() {
		for id, m := range parsed(t, lang) {
			for form, text := range forms(m) {
				if strings.TrimSpace(text) == "" {
					t.Errorf("%s %q (%s) is blank", lang, id, form)
				}
			}
			if len(forms(m)) == 0 {
				t.Errorf("%s %q has no text", lang, id)
			}
		}
	}
}

func TestLanguagesAreNamedInThemselves(t *testing.T) {
	want := []Language{
		{"de", "Deutsch"}, {"en", "English"}, {"es", "Español"}, {"fr", "Français"},
		{"it", "Italiano"}, {"nl", "Nederlands"}, {"pt-BR", "Português (Brasil)"},
	}
	if got := Languages(); !slices.Equal(got, want) {
		t.Fatalf("Languages() = %v, want %v", got, want)
	}
	Languages()[0].Name = "changed"
	if Languages()[0].Name != "Deutsch" {
		t.Fatal("a caller changed the shared list")
	}
}

// The compiled catalogs must be what gen makes of the TOML files today,
// or a translation would ship without its change.
func TestTheCompiledCatalogsAreFresh(t *testing.T) {
	want, err := gen.Source(gen.Dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(gen.File)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale: run go generate ./i18n/", gen.File)
	}
}

// Whatever the generator writes, a Translator must read back exactly the
// messages go-i18n parses from each TOML file, field by field.
func TestEveryCompiledCatalogDecodesToItsTOMLFile(t *testing.T) {
	files, err := filepath.Glob(catalogPath("*"))
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, f := range files {
		tags = append(tags, strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "active."), ".toml"))
	}
	if slices.Sort(tags); !slices.Equal(shipped(), tags) {
		t.Fatalf("shipped %v, the catalogs on disk are %v", shipped(), tags)
	}
	for _, lang := range shipped() {
		want := parsed(t, lang)
		got := decode(lang)
		if len(got) != len(want) {
			t.Errorf("%s: %d messages compiled, %d in the TOML file", lang, len(got), len(want))
		}
		for _, m := range got {
			if w, ok := want[m.ID]; !ok || *m != *w {
				t.Errorf("%s: compiled %+v, the TOML file has %+v", lang, m, w)
			}
		}
		if name := Languages()[slices.Index(shipped(), lang)].Name; name != want["language.name"].Other {
			t.Errorf("%s is named %q, its language.name is %q", lang, name, want["language.name"].Other)
		}
	}
}

func TestALanguageWithoutACatalogSpeaksEnglish(t *testing.T) {
	tr := &Translator{lang: "xx", loc: newLocalizer("xx")}
	if got := tr.T("tray.quit"); got != "Quit microrest" {
		t.Fatalf("%q, want English", got)
	}
}

func TestEnglishIsDecodedOncePerProcess(t *testing.T) {
	For("de")
	For(English)
	if a, b := englishMessages(), englishMessages(); len(a) == 0 || &a[0] != &b[0] {
		t.Fatal("each Translator decoded English again")
	}
	if a, b := For(English), For("en_GB.UTF-8"); a.loc == nil || a.loc != b.loc || b.region != "GB" {
		t.Fatal("each English Translator built its own bundle")
	}
}

// resetCatalogCaches makes the next Translator build everything as a
// process's first one does.
func resetCatalogCaches() {
	englishMessages = sync.OnceValue(decodeEnglish)
	englishLocalizer = sync.OnceValue(buildEnglishLocalizer)
}

// BenchmarkFirstTranslator is what speaking costs a process that has not
// yet: every window and command pays it before it shows anything.
func BenchmarkFirstTranslator(b *testing.B) {
	for _, lang := range []string{English, "de"} {
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				resetCatalogCaches()
				if For(lang).T("tray.quit") == "tray.quit" {
					b.Fatal("no catalog")
				}
			}
		})
	}
	resetCatalogCaches()
}
