package testdesk

import (
	"strings"

	"github.com/microrest/microrest/settings"
)

// OneAnchor returns a settings file with only anchor k enabled and prompts
// allowed at every hour, so what a test sees does not depend on when it
// runs. top goes before the first table (global keys); anchor, when not
// empty, is the body of k's own table. The daily check-in is off unless
// top holds a [checkin] table.
func OneAnchor(k settings.Kind, top, anchor string) string {
	var b strings.Builder
	b.WriteString(top)
	// The daily check-in is a notification of its own; tests about one
	// anchor keep it out unless they ask for it.
	if !strings.Contains(top, "[checkin]") {
		b.WriteString("[checkin]\nat = \"off\"\n")
	}
	b.WriteString("[active_hours]\n")
	for _, day := range settings.Weekdays {
		b.WriteString(strings.ToLower(day.String()[:3]) + " = \"00:00-24:00\"\n")
	}
	for _, other := range settings.Kinds {
		if other != k {
			b.WriteString("[anchors." + other.String() + "]\nenabled = false\n")
		}
	}
	if anchor != "" {
		b.WriteString("[anchors." + k.String() + "]\n" + anchor)
	}
	return b.String()
}
