package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/microrest/microrest/i18n"
)

func TestALanguageChangeInTheSettingsFileReachesTheTrayAtOnce(t *testing.T) {
	s := startSession(t, postureOnly)
	english, german := i18n.For("en").T("tray.take_break"), i18n.For("de").T("tray.take_break")
	if english == german {
		t.Fatalf("the catalog says %q in both languages", english)
	}
	_, _ = s.menu(t, "the English tray menu", has(english))
	path := filepath.Join(s.home, ".config", "microrest", "settings.toml")
	if err := os.WriteFile(path, []byte("language = \"de\"\n"+postureOnly), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _ = s.menu(t, "the tray menu in German after the edit", has(german))
	s.stop(t)
}
