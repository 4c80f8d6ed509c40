// Package i18n gives every word a person sees from one catalog per
// language, with each language's plural rules, so the tray, the
// notifications, the windows and the command line speak one language.
//
// The catalogs are go-i18n message files, locales/active.<tag>.toml,
// compiled into catalogs_gen.go by `go generate ./i18n/` so that no
// process parses them; English is the reference the others are checked
// against, and a message a translation lacks falls back to it. Only
// English and the chosen language are decoded, so the all-day daemon holds
// two catalogs, not all of them.
//
// The package-level functions speak the process's current language: the
// system's until SetLanguage picks another. They are safe to call from any
// goroutine, also while the language changes.
package i18n

import (
	"maps"
	"sync"
	"sync/atomic"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// System is the language setting that follows the desktop's language.
const System = "system"

// CLocale is the language setting of the C locale: English on the
// 24-hour clock with ISO dates, whatever the system names. Tests that
// compare with English text pin it.
const CLocale = "C"

// Translator speaks one language. It is immutable, so its methods are
// safe for concurrent use.
type Translator struct {
	lang   string // the catalog's tag: "en", "pt-BR"
	region string // "US", "GB", ...: how clocks and dates are written
	loc    *goi18n.Localizer
}

// For returns a Translator for tag, which is what SetLanguage takes: a
// language this package ships ("de", "pt-BR", also "de_AT.UTF-8"),
// System, or CLocale. A tag that names no shipped language means System.
// It decodes the language's catalog on every call; keep the result rather
// than calling For again.
func For(tag string) *Translator {
	return newTranslator(resolve(tag, systemLocale))
}

func newTranslator(l locale) *Translator {
	return &Translator{lang: l.lang, region: l.region, loc: newLocalizer(l.lang)}
}

// Language is the catalog tag this Translator speaks: "en", "pt-BR".
func (t *Translator) Language() string { return t.lang }

// T returns the message id in this language, its placeholders ({{.Name}})
// filled from data. A message missing from every catalog comes back as
// its id, so the gap shows rather than an empty label.
func (t *Translator) T(id string, data ...map[string]any) string {
	var d map[string]any
	if len(data) > 0 {
		d = data[0]
	}
	return t.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: d})
}

// N returns the plural message id in the form this language uses for
// count ("1 win", "2 wins"; French also says "0 victoire"). The message
// sees count as {{.Count}} unless data sets Count itself.
func (t *Translator) N(id string, count int, data map[string]any) string {
	d := make(map[string]any, len(data)+1)
	maps.Copy(d, data)
	if _, ok := d["Count"]; !ok {
		d["Count"] = count
	}
	return t.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: d, PluralCount: count})
}

func (t *Translator) localize(c *goi18n.LocalizeConfig) string {
	if t.loc == nil {
		return c.MessageID
	}
	// An error with text is a fallback (English, or the "other" form of
	// an incomplete plural); the catalog tests catch the cause.
	s, err := t.loc.Localize(c)
	if s == "" && err != nil {
		return c.MessageID
	}
	return s
}

var (
	current atomic.Pointer[Translator]
	setMu   sync.Mutex // serialises SetLanguage and the first use
)

// active is the current Translator; the first call detects the system's
// language.
func active() *Translator {
	if t := current.Load(); t != nil {
		return t
	}
	setMu.Lock()
	defer setMu.Unlock()
	if t := current.Load(); t == nil {
		current.Store(For(System))
	}
	return current.Load()
}

// SetLanguage makes the process speak tag from now on (see For for what
// tag may be). Text already shown stays as it is: redraw it. Calls that
// change nothing decode nothing.
func SetLanguage(tag string) {
	setMu.Lock()
	defer setMu.Unlock()
	l := resolve(tag, systemLocale)
	if t := current.Load(); t != nil && t.lang == l.lang && t.region == l.region {
		return
	}
	current.Store(newTranslator(l))
}

// Current is the catalog tag the process speaks now: "en", "de", "pt-BR".
func Current() string { return active().lang }

// T returns the message id in the current language; see Translator.T.
func T(id string, data ...map[string]any) string { return active().T(id, data...) }

// N returns the plural message id for count in the current language; see
// Translator.N.
func N(id string, count int, data map[string]any) string { return active().N(id, count, data) }

// Clock writes a time of day the way the current locale's region does:
// "1:30 PM" in the US, "13:30" in Britain and most of Europe, and on a
// system that names no language (LANG unset or C).
func Clock(t time.Time) string { return active().Clock(t) }

// TimeOfDay writes hour:minute (0-23, 0-59) as Clock does: a planned
// clock time from the settings, "12:30" or "12:30 PM".
func TimeOfDay(hour, minute int) string {
	return active().Clock(time.Date(2000, time.January, 1, hour, minute, 0, 0, time.UTC))
}

// Date writes a short numeric date the way the current locale does:
// "12/5/26" in the US, "05.12.26" in Germany, "2026-12-05" on a system
// that names no language.
func Date(t time.Time) string { return active().Date(t) }

// Joined puts a cause after its context, as "cannot write the journal:
// disk full" reads in English, with the punctuation of the language in
// use: French puts a no-break space before the colon.
func Joined(context, cause string) string {
	return T("error.joined", map[string]any{"Context": context, "Cause": cause})
}

// Wrap is err behind the catalog message id (filled from data), joined as
// Joined does, in the language in use when it is called; errors.Is and
// errors.As see err.
func Wrap(err error, id string, data ...map[string]any) error {
	return &wrapped{msg: Joined(T(id, data...), err.Error()), err: err}
}

// wrapped is the error Wrap returns.
type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return w.msg }
func (w *wrapped) Unwrap() error { return w.err }
