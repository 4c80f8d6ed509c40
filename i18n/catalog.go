package i18n

//go:generate go run gen/main.go

import (
	"sync"

	"github.com/microrest/microrest/i18n/internal/compact"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// English is the tag of the reference catalog, the fallback of every other.
const English = "en"

// catalog is one language's catalog, compiled from
// locales/active.<tag>.toml into catalogs_gen.go by gen/: what a process
// reads of it costs nothing until it speaks the language.
type catalog struct {
	tag  string // the file's: "de", "pt-BR"
	name string // the language's name in itself, its language.name
	text string // the messages, as compact.Encode writes them
}

// find is the compiled catalog of tag.
func find(tag string) (catalog, bool) {
	for _, c := range compiled {
		if c.tag == tag {
			return c, true
		}
	}
	return catalog{}, false
}

// decode reads back tag's messages; nil if tag is not shipped (or, which
// the tests rule out, its text does not decode).
func decode(tag string) []*goi18n.Message {
	c, ok := find(tag)
	if !ok {
		return nil
	}
	msgs, err := compact.Decode(c.text)
	if err != nil {
		return nil
	}
	return msgs
}

// shipped lists the catalog tags in the binary, sorted as compiled.
func shipped() []string {
	tags := make([]string, len(compiled))
	for i, c := range compiled {
		tags[i] = c.tag
	}
	return tags
}

// newLocalizer decodes lang only: English, which every Translator falls
// back to, is decoded once per process and shared, and English
// Translators share one Localizer. A catalog that does not load (the
// tests make sure none fails) leaves English, or ids.
func newLocalizer(lang string) *goi18n.Localizer {
	if lang == English {
		return englishLocalizer()
	}
	return buildLocalizer(lang)
}

// englishLocalizer speaks English for every English Translator: a window
// process makes several (the system's, the settings' canonical one), and
// each would build go-i18n's bundle of English again otherwise. A
// Localizer only reads its bundle, and go-i18n parses each template once
// under a sync.Once, so sharing it is safe.
var englishLocalizer = sync.OnceValue(buildEnglishLocalizer)

func buildEnglishLocalizer() *goi18n.Localizer { return buildLocalizer(English) }

// buildLocalizer makes a bundle of English and lang, and its Localizer.
func buildLocalizer(lang string) *goi18n.Localizer {
	en := englishMessages()
	if en == nil {
		return nil
	}
	b := goi18n.NewBundle(language.English)
	if err := b.AddMessages(language.English, en...); err != nil {
		return nil
	}
	if lang != English {
		msgs := decode(lang)
		if msgs == nil || b.AddMessages(language.Make(lang), msgs...) != nil {
			return goi18n.NewLocalizer(b, English)
		}
	}
	return goi18n.NewLocalizer(b, lang, English)
}

// englishMessages is the English catalog, decoded once: a window process
// makes several Translators (the command line's, the window's, the
// settings' canonical one), and each would decode it again otherwise.
// go-i18n only reads the messages, so sharing them is safe.
var englishMessages = sync.OnceValue(decodeEnglish)

func decodeEnglish() []*goi18n.Message { return decode(English) }

// Language is one language microrest ships.
type Language struct {
	Tag  string // what SetLanguage and the settings file take: "de", "pt-BR"
	Name string // the language's name in itself: "Deutsch"
}

// Languages lists the shipped languages, sorted by tag, each named in
// itself, for a language picker. The names are compiled in, so listing
// them decodes no catalog.
func Languages() []Language {
	out := make([]Language, len(compiled))
	for i, c := range compiled {
		out[i] = Language{Tag: c.tag, Name: c.name}
	}
	return out
}

// IDsByText maps the text each shipped catalog gives each of ids (its
// "other" form, as written) back to the id: the settings package tells a
// default practice, in whichever language it was written, from one the
// person edited. It decodes each catalog once and builds no Translator,
// which would hold a bundle of every catalog's messages (tens of
// milliseconds and megabytes in the daemon at its first prompt).
func IDsByText(ids ...string) map[string]string {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	out := map[string]string{}
	for _, c := range compiled {
		msgs, err := compact.Decode(c.text)
		if err != nil {
			continue
		}
		for _, m := range msgs {
			if want[m.ID] && m.Other != "" {
				out[m.Other] = m.ID
			}
		}
	}
	return out
}
