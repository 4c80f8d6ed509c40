package main

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	// title is the help's first line: "microrest 0.1.0: what it is."
	// Name and version are plain words, since they go unescaped into .TH.
	title = regexp.MustCompile(`^([a-z][a-z0-9-]*) ([0-9][0-9A-Za-z.+~-]*): (.+?)\.?$`)
	// heading is a line such as "Options:" or "Exit status: 0 ok, …",
	// which starts a section of the page.
	heading = regexp.MustCompile(`^([A-Z][a-z]+(?: [a-z]+)?):(?: (.*))?$`)
)

// roff lays the help text out as a man page: the title line gives NAME,
// each "Heading:" line a section ("Usage" is SYNOPSIS), indented lines
// stay as they are (their columns are the layout) and the rest is text.
func roff(help, date string) (string, error) {
	lines := strings.Split(strings.TrimRight(help, "\n"), "\n")
	m := title.FindStringSubmatch(lines[0])
	if m == nil {
		return "", fmt.Errorf("help starts with %q, not \"NAME VERSION: summary.\"", lines[0])
	}
	name, version, summary := m[1], m[2], m[3]
	var b strings.Builder
	fmt.Fprintf(&b, ".TH %s 1 %q %q \"User Commands\"\n", strings.ToUpper(name), date, name+" "+version)
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n", name, escape(summary))
	literal, para := false, false
	for _, line := range lines[1:] {
		indented := strings.HasPrefix(line, " ")
		if literal && !indented {
			b.WriteString(".fi\n")
			literal = false
		}
		switch h := heading.FindStringSubmatch(line); {
		case line == "":
			para = false
		case h != nil:
			fmt.Fprintf(&b, ".SH %s\n", section(h[1]))
			para = false
			if h[2] != "" {
				fmt.Fprintf(&b, ".PP\n%s\n", escape(h[2]))
				para = true
			}
		case indented:
			if !literal {
				b.WriteString(".PP\n.nf\n")
				literal, para = true, false
			}
			b.WriteString(escape(line) + "\n")
		default:
			if !para {
				b.WriteString(".PP\n")
				para = true
			}
			b.WriteString(escape(line) + "\n")
		}
	}
	if literal {
		b.WriteString(".fi\n")
	}
	return b.String(), nil
}

// section names a help heading as man pages name their sections.
func section(h string) string {
	if h == "Usage" {
		return "SYNOPSIS"
	}
	return strings.ToUpper(h)
}

// escape makes a line of help text literal roff: backslashes and
// backquotes print as themselves, a hyphen that starts an option is a
// minus sign (so it can be searched and pasted), and a line cannot be read
// as a request.
func escape(s string) string {
	var b strings.Builder
	prev := ' '
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '`':
			b.WriteString(`\(ga`)
		case r == '-' && !isWordChar(prev):
			b.WriteString(`\-`)
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	out := b.String()
	if strings.HasPrefix(out, ".") || strings.HasPrefix(out, "'") {
		out = `\&` + out
	}
	return out
}

func isWordChar(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}
