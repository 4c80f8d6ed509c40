package ui

import (
	"os"
	"testing"

	"github.com/microrest/microrest/i18n"
)

// TestMain pins English, which the tests compare with, whatever language
// the machine running them speaks.
func TestMain(m *testing.M) {
	i18n.SetLanguage(i18n.English)
	os.Exit(m.Run())
}
