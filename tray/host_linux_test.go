package tray

import (
	"errors"
	"strings"
	"testing"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/sessionbus"
)

func TestNoSessionBusIsSaidInThePersonsLanguage(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	i18n.SetLanguage("de")
	t.Cleanup(func() { i18n.SetLanguage(i18n.System) })
	_, err := HostPresent()
	if !errors.Is(err, sessionbus.ErrNoBus) {
		t.Fatalf("err = %v, want ErrNoBus wrapped", err)
	}
	if want := "mit dem Sitzungsbus verbinden: "; !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("%q does not start with %q", err, want)
	}
}
