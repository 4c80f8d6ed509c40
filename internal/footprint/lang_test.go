package footprint

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/i18ntest"
)

// TestMain pins English, which the tests compare with, whatever language
// the machine running them speaks.
func TestMain(m *testing.M) { os.Exit(i18ntest.Main(m, i18n.English)) }

func TestTheKeepersLinesAndSizesSpeakTheLanguage(t *testing.T) {
	i18ntest.Speak(t, "de")
	p := &fakeProcess{program: 20 << 20, touched: 3 << 20, anon: 6 << 20, live: 3 << 20}
	k, log := newKeeper(p)
	k.tick()
	if got := log.String(); !strings.Contains(got, `level=INFO msg="Speicher: ungenutzte Seiten des Programms freigegeben"`) ||
		!strings.Contains(got, `released="17,0 MB"`) {
		t.Errorf("the first release is not told in German:\n%s", got)
	}

	p = &fakeProcess{relErr: errors.New("permission denied")}
	k, log = newKeeper(p)
	k.tick()
	if want := "die ungenutzten Seiten des Programms ließen sich nicht freigeben: permission denied;"; !strings.Contains(log.String(), want) {
		t.Errorf("the failed release is not told in German (%q):\n%s", want, log)
	}
}

func TestUnsupportedSpeaksTheLanguageWhenReadAndStaysOneError(t *testing.T) {
	err := fmt.Errorf("madvise: %w", ErrUnsupported)
	i18ntest.Speak(t, "fr")
	if got := ErrUnsupported.Error(); got != "non pris en charge sur ce système" {
		t.Errorf("ErrUnsupported in French = %q", got)
	}
	if !errors.Is(err, ErrUnsupported) {
		t.Error("a wrapped ErrUnsupported is no longer ErrUnsupported")
	}
	if got := MB(3 << 19); got != "1,5\u00a0Mo" {
		t.Errorf("MB(1.5 MiB) in French = %q, want 1,5\u00a0Mo", got)
	}
}
