package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/i18ntest"
)

// TestMain pins English, which the tests compare with, whatever language
// the machine running them speaks.
func TestMain(m *testing.M) { os.Exit(i18ntest.Main(m, i18n.English)) }

func TestADanglingLinkIsRefusedInTheLanguageSpoken(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "settings.toml")
	if err := os.Symlink(filepath.Join(dir, "dotfiles", "settings.toml"), link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	i18ntest.Speak(t, "de")
	err := Write(link, []byte("x"), Options{})
	if !errors.Is(err, ErrDanglingLink) {
		t.Fatalf("Write through a dangling link = %v, want ErrDanglingLink", err)
	}
	for _, want := range []string{"ist eine Verknüpfung auf", "leg diese Datei an oder entferne die Verknüpfung: Verknüpfung ins Leere"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}
