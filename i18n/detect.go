package i18n

import (
	"os"
	"strings"

	"golang.org/x/text/language"
)

// locale is a resolved choice: a shipped catalog, and the region that
// decides how clocks and dates are written ("" when nothing names one:
// the language's most likely region then; for English, none: see
// Translator.Clock).
type locale struct{ lang, region string }

// posixLocale is what a system that names no language (unset, C, POSIX,
// or only languages without a catalog) asks for: English in no region,
// written as the C locale writes it.
var posixLocale = locale{lang: English}

// Detect returns the catalog tag the system asks for: on Linux and other
// Unix the first of LC_ALL, LC_MESSAGES and LANG that names a shipped
// language ("C" and "POSIX" name none), then the first such entry of
// LANGUAGE's list; on macOS the same, then the languages of System
// Settings; on Windows the display languages of the user's account.
// English when none fits.
func Detect() string { return systemLocale().lang }

// systemLocale is what the system asks for; tests replace it.
var systemLocale = func() locale {
	return pick(candidates(os.Getenv, readsEnv, systemLanguages))
}

// candidates lists what the system names, most wanted first. LANGUAGE
// comes after the single-locale variables, as go-locale (and so Fyne's
// windows) reads them: the daemon and the windows pick the same language.
func candidates(getenv func(string) string, env bool, system func() []string) []string {
	var out []string
	if env {
		for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			out = append(out, getenv(name))
		}
		out = append(out, strings.Split(getenv("LANGUAGE"), ":")...)
	}
	return append(out, system()...)
}

// pick is the first candidate a catalog speaks, with the region it names.
func pick(cands []string) locale {
	for _, c := range cands {
		if want, ok := parseLocale(c); ok {
			if lang, ok := match(want); ok {
				return locale{lang: lang, region: explicitRegion(want)}
			}
		}
	}
	return posixLocale
}

// resolve turns a language setting into a locale. An explicit language
// keeps the system's region when the system speaks the same language
// (English set on an en_GB desktop writes 13:30; on a C system, 24-hour
// clocks and ISO dates), else its own likely one. "C" and "POSIX" name
// the C locale itself.
func resolve(tag string, system func() locale) locale {
	if tag == "" || strings.EqualFold(tag, System) {
		return system()
	}
	if isPOSIX(tag) {
		return posixLocale
	}
	want, ok := parseLocale(tag)
	if !ok {
		return system()
	}
	lang, ok := match(want)
	if !ok {
		return system()
	}
	l := locale{lang: lang, region: explicitRegion(want)}
	if sys := system(); l.region == "" && baseOf(sys.lang) == baseOf(lang) {
		l.region = sys.region
	}
	return l
}

// isPOSIX tells whether s names the C locale: "C", "C.UTF-8", "POSIX".
func isPOSIX(s string) bool {
	s, _, _ = strings.Cut(strings.TrimSpace(s), ".")
	return s == "C" || s == "POSIX"
}

// parseLocale reads a POSIX locale ("de_DE.UTF-8@euro"), a BCP 47 tag
// ("pt-BR") or a macOS/Windows name ("en-GB"). C and POSIX are no language.
func parseLocale(s string) (language.Tag, bool) {
	if isPOSIX(s) {
		return language.Und, false
	}
	s, _, _ = strings.Cut(strings.TrimSpace(s), ".")
	s, _, _ = strings.Cut(s, "@")
	if s == "" {
		return language.Und, false
	}
	tag, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil || tag == language.Und {
		return language.Und, false
	}
	return tag, true
}

// match finds the shipped catalog for want: the one of its language and
// region if there is one, else the one of its language (so pt_PT reads
// Brazilian Portuguese rather than English).
func match(want language.Tag) (string, bool) {
	base, conf := want.Base()
	if conf == language.No {
		return "", false
	}
	region := explicitRegion(want)
	var sameBase []string
	for _, s := range shipped() {
		if baseOf(s) != base.String() {
			continue
		}
		if r := explicitRegion(language.Make(s)); r == region {
			return s, true
		}
		sameBase = append(sameBase, s)
	}
	if len(sameBase) == 0 {
		return "", false
	}
	return sameBase[0], true
}

// explicitRegion is the region tag names itself, not a guessed one.
func explicitRegion(tag language.Tag) string {
	if r, conf := tag.Region(); conf == language.Exact {
		return r.String()
	}
	return ""
}

func baseOf(tag string) string {
	b, _ := language.Make(tag).Base()
	return b.String()
}

// parseAppleLanguages reads `defaults read -g AppleLanguages`, a
// property list array: ( "en-GB", "de-DE" ), entries quoted or not.
func parseAppleLanguages(out string) []string {
	var langs []string
	for _, line := range strings.Split(out, "\n") {
		s := strings.Trim(strings.TrimSpace(line), `(),"`)
		if s != "" {
			langs = append(langs, s)
		}
	}
	return langs
}
