package ui

import (
	"embed"
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/window"
)

// fyneWords are Fyne's own words (an entry's menu, the file dialog) in
// the shipped languages Fyne has no translation for: Italian and Dutch.
//
//go:embed fyne/base.*.json
var fyneWords embed.FS

// speakInFyne makes Fyne's own words speak tag, the window's language.
// Fyne reads the locale once, as the process starts, before the settings
// are read, and it reads LANGUAGE before LANG where the catalog reads
// LANG first; adding translations makes it read the locale again. So the
// locale is set to tag first, as window.LanguageEnv sets it for a window
// the daemon opens, and then the Italian and Dutch words are added. The
// windows this one starts inherit the same locale. When tag is the
// system's own language, LC_MESSAGES stays: it, or LANG, names the
// region those windows write clock times for ("en_US": 2:30 PM), which
// LC_MESSAGES=en.UTF-8 would drop.
func speakInFyne(tag string) {
	own := tag == i18n.Detect()
	for _, kv := range window.LanguageEnv(os.Environ(), tag, "") {
		name, value, _ := strings.Cut(kv, "=")
		if name == "LC_MESSAGES" && own {
			continue
		}
		if name == "LANGUAGE" || name == "LC_MESSAGES" || name == "LC_ALL" {
			_ = os.Setenv(name, value)
		}
	}
	// Only an embedded file that does not parse fails, which the tests
	// rule out; Fyne would speak English then.
	_ = lang.AddTranslationsFS(fyneWords, "fyne")
}
