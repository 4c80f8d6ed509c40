package sessionbus

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

func TestNoBusSpeaksTheLanguageWhenReadAndStaysOneError(t *testing.T) {
	i18ntest.Speak(t, "de")
	err := fmt.Errorf("%w", ErrNoBus)
	if got := err.Error(); !strings.Contains(got, "kein D-Bus-Sitzungsbus: DBUS_SESSION_BUS_ADDRESS nennt keinen") ||
		!strings.Contains(got, "`microrest status`, `done`, `snooze` und `skip`") {
		t.Errorf("ErrNoBus, made before German was chosen, reads %q in German", got)
	}
	if !errors.Is(err, ErrNoBus) {
		t.Error("a wrapped ErrNoBus is no longer ErrNoBus")
	}
}
