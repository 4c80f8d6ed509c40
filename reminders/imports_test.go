package reminders

import (
	"os/exec"
	"strings"
	"testing"
)

// engineMayImport are the only microrest packages the engine may depend
// on, directly or not: the settings it runs on, the atomic write that
// settings uses too, and the catalog that settings' messages come from
// (with the decoder of its compiled form).
// Adapters (journal, notify, tray, the daemon) import the engine, never
// the reverse, so the engine stays a pure step that tests drive without a
// desktop.
var engineMayImport = map[string]bool{
	"github.com/microrest/microrest/reminders":             true,
	"github.com/microrest/microrest/settings":              true,
	"github.com/microrest/microrest/internal/atomicfile":   true,
	"github.com/microrest/microrest/i18n":                  true,
	"github.com/microrest/microrest/i18n/internal/compact": true,
}

func TestTheEngineImportsNoAdapter(t *testing.T) {
	// go test puts its own go first on PATH.
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "github.com/microrest/microrest") && !engineMayImport[pkg] {
			t.Errorf("the engine depends on %s; it must import no adapter", pkg)
		}
	}
}

// The engine speaks no language: its states, reasons and events are typed,
// and the presentation layers (notify, the daemon's status, the windows)
// put them in words from the catalog.
func TestTheEngineItselfSpeaksNoLanguage(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{join .Imports " "}}`, ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "github.com/microrest/microrest/i18n" {
			t.Error("the engine imports the catalog itself; give the reason a type, and the words to a presentation layer")
		}
	}
}
