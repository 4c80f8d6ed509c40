// Package locale stops Fyne from logging three "Error parsing user locale
// C" blocks on every start under LANG=C.UTF-8, the default of Debian
// containers and CI images.
//
// fyne.io/fyne/v2/lang reads the locale in its init, and go-locale turns
// "C.UTF-8" into the tag "C", which is not BCP 47. Setting LANGUAGE (which
// go-locale consults after LC_ALL/LC_MESSAGES/LANG when they are not plain
// "C") to English fixes it. It must happen before that init: Go (1.21+)
// initialises packages in import-path order among those whose imports are
// ready, and this package needs only os and strings, so it runs before
// fyne.io/fyne/v2/lang, which waits for golang.org/x/text. The binary's
// test checks the result, so a change in that order is caught.
package locale

import (
	"os"
	"strings"
)

func init() { Fix(os.Getenv, os.Setenv) }

// Fix sets LANGUAGE=en when the effective locale is the C or POSIX one
// with an encoding suffix and LANGUAGE is not set. A person with a real
// locale is left alone.
func Fix(getenv func(string) string, setenv func(string, string) error) {
	if getenv("LANGUAGE") != "" {
		return
	}
	effective := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if effective = getenv(name); effective != "" {
			break
		}
	}
	base, _, hasSuffix := strings.Cut(effective, ".")
	if hasSuffix && (base == "C" || base == "POSIX") {
		_ = setenv("LANGUAGE", "en")
	}
}
