package settings

import (
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/i18n"
)

func TestEveryAnchorHasANameAndAnInTextNameInTheCatalog(t *testing.T) {
	de := i18n.For("de")
	for _, k := range Kinds {
		for _, id := range []string{titleIDs[k], inTextIDs[k]} {
			if got := de.T(id); got == id || got == "" {
				t.Errorf("%s: the catalog has no %s", k, id)
			}
		}
	}
	if got := Kind(len(Kinds)).Title(); got != Kind(len(Kinds)).String() {
		t.Errorf("a kind that is none is titled %q", got)
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if got := i18n.WeekdayShort(d); got == "" || strings.HasPrefix(got, "status.") {
			t.Errorf("%s has no short name: %q", d, got)
		}
	}
}
