// Package i18ntest pins the language a package's tests speak, so they read
// the same whatever language the machine running them speaks, and lets
// one test speak another language until it ends.
package i18ntest

import (
	"testing"

	"github.com/microrest/microrest/i18n"
)

// base is the language Main pinned, which Speak returns to.
var base = i18n.English

// Main speaks lang for the whole test binary and runs its tests; pass the
// result to os.Exit. lang is i18n.English, or i18n.CLocale where the tests
// compare clock times and dates as the C locale writes them.
func Main(m *testing.M, lang string) int {
	base = lang
	i18n.SetLanguage(lang)
	return m.Run()
}

// Speak makes the process speak tag until t ends, then the language Main
// pinned again.
func Speak(t testing.TB, tag string) {
	t.Helper()
	i18n.SetLanguage(tag)
	t.Cleanup(func() { i18n.SetLanguage(base) })
}
