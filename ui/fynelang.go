package ui

import (
	"embed"
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/microrest/microrest/window"
)

// fyneWords are Fyne's own words (an entry's menu, the file dialog) in
// the shipped languages Fyne has no translation for: Italian and Dutch.
//
//go:embed fyne/base.*.json
var fyneWords embed.FS

// speakInFyne makes Fyne's own words speak tag, the window's language,
// where system is the language the desktop asks for. Fyne reads the
// locale once, as the process starts, before the settings are read;
// adding translations makes it read the locale again. So when the
// settings chose another language than the desktop's, the locale is set
// to it first, as window.LanguageEnv sets it for a window the daemon
// opens, and then the Italian and Dutch words are added.
func speakInFyne(tag, system string) {
	if tag != system {
		for _, kv := range window.LanguageEnv(os.Environ(), tag, system) {
			name, value, _ := strings.Cut(kv, "=")
			if name == "LANGUAGE" || name == "LC_MESSAGES" || name == "LC_ALL" {
				_ = os.Setenv(name, value)
			}
		}
	}
	// Only an embedded file that does not parse fails, which the tests
	// rule out; Fyne would speak English then.
	_ = lang.AddTranslationsFS(fyneWords, "fyne")
}
