package i18n

import (
	"embed"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// English is the tag of the reference catalog, the fallback of every other.
const English = "en"

//go:embed locales/active.*.toml
var catalogs embed.FS

const catalogDir = "locales"

// catalogPath names a language's catalog; go-i18n reads the tag from it.
func catalogPath(lang string) string { return path.Join(catalogDir, "active."+lang+".toml") }

// shipped lists the catalog tags in the binary, sorted; listing the
// directory parses nothing.
var shipped = sync.OnceValue(func() []string {
	entries, err := fs.ReadDir(catalogs, catalogDir)
	if err != nil {
		return []string{English}
	}
	var tags []string
	for _, e := range entries {
		name := strings.TrimSuffix(strings.TrimPrefix(e.Name(), "active."), ".toml")
		if name != e.Name() {
			tags = append(tags, name)
		}
	}
	slices.Sort(tags)
	return tags
})

// newLocalizer parses lang only: English, which every Translator falls
// back to, is parsed once per process and shared. A catalog that does
// not parse (the tests make sure none does) leaves English, or ids.
func newLocalizer(lang string) *goi18n.Localizer {
	en := englishMessages()
	if en == nil {
		return nil
	}
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	if err := b.AddMessages(language.English, en...); err != nil {
		return nil
	}
	if lang != English {
		if _, err := b.LoadMessageFileFS(catalogs, catalogPath(lang)); err != nil {
			return goi18n.NewLocalizer(b, English)
		}
	}
	return goi18n.NewLocalizer(b, lang, English)
}

// englishMessages is the English catalog, parsed once: a window process
// makes several Translators (the command line's, the window's, the
// settings' canonical one), and each would parse it again otherwise.
// The messages are only read after parsing, so sharing them is safe.
var englishMessages = sync.OnceValue(func() []*goi18n.Message {
	data, err := fs.ReadFile(catalogs, catalogPath(English))
	if err != nil {
		return nil
	}
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	f, err := b.ParseMessageFileBytes(data, catalogPath(English))
	if err != nil {
		return nil
	}
	return f.Messages
})

// Language is one language microrest ships.
type Language struct {
	Tag  string // what SetLanguage and the settings file take: "de", "pt-BR"
	Name string // the language's name in itself: "Deutsch"
}

// Languages lists the shipped languages, sorted by tag, each named in
// itself, for a language picker. It reads every catalog once per process,
// so the daemon, which needs no picker, never does.
func Languages() []Language { return slices.Clone(languages()) }

var languages = sync.OnceValue(func() []Language {
	var out []Language
	for _, tag := range shipped() {
		out = append(out, Language{Tag: tag, Name: selfName(tag)})
	}
	return out
})

// selfName reads language.name from tag's catalog alone. The [language]
// table opens every catalog, so its name is read from the first lines
// without decoding the whole file; a catalog laid out otherwise is
// decoded.
func selfName(tag string) string {
	var f struct {
		Language struct {
			Name string `toml:"name"`
		} `toml:"language"`
	}
	data, err := fs.ReadFile(catalogs, catalogPath(tag))
	if err == nil {
		if name, ok := quickName(string(data)); ok {
			return name
		}
		_, err = toml.Decode(string(data), &f)
	}
	if err != nil || f.Language.Name == "" {
		return tag
	}
	return f.Language.Name
}

// quickName finds name = "…" in the [language] table when that table
// comes before any other.
func quickName(data string) (string, bool) {
	inTable := false
	for line := range strings.Lines(data) {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case line == "[language]":
			inTable = true
		case strings.HasPrefix(line, "["):
			return "", false
		case inTable && strings.HasPrefix(line, "name = \""):
			name, err := strconv.Unquote(strings.TrimPrefix(line, "name = "))
			return name, err == nil && name != ""
		}
	}
	return "", false
}
