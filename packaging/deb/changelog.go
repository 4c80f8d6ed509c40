package main

import (
	"fmt"
	"strings"
	"time"
)

// changelog renders the metainfo's releases in Debian's changelog format,
// so the notes are written once.
func changelog(releases []release, maintainer string) (string, error) {
	var b strings.Builder
	for i, r := range releases {
		day, err := time.Parse(time.DateOnly, r.Date)
		if err != nil {
			return "", fmt.Errorf("release %s: date %q is not YYYY-MM-DD", r.Version, r.Date)
		}
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "microrest (%s) unstable; urgency=medium\n\n", r.Version)
		notes := r.Description.paragraphs()
		if len(notes) == 0 {
			notes = []string{"Release " + r.Version + "."}
		}
		for _, n := range notes {
			lines := wrap(strings.TrimPrefix(n, "* "), 76)
			b.WriteString("  * " + strings.Join(lines, "\n    ") + "\n")
		}
		fmt.Fprintf(&b, "\n -- %s  %s\n", maintainer, day.UTC().Format(time.RFC1123Z))
	}
	return b.String(), nil
}
