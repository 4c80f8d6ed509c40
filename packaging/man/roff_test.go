package main

import (
	"strings"
	"testing"
)

const sampleHelp = `microrest 0.1.0: short recovery moments through the working day.

Usage:
  microrest [--verbose]   run the tray daemon

Done answers the prompt; see ` + "`microrest status`" + `.

Options:
  -h, --help      show this help

Exit status: 0 ok, 2 usage.
`

func TestRoffLaysOutTheHelp(t *testing.T) {
	page, err := roff(sampleHelp, "2026-12-01")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`.TH MICROREST 1 "2026-12-01" "microrest 0.1.0" "User Commands"`,
		".SH NAME\nmicrorest \\- short recovery moments through the working day\n",
		".SH SYNOPSIS\n.PP\n.nf\n  microrest [\\-\\-verbose]   run the tray daemon\n.fi\n",
		".PP\nDone answers the prompt; see \\(gamicrorest status\\(ga.\n",
		".SH OPTIONS\n.PP\n.nf\n  \\-h, \\-\\-help      show this help\n.fi\n",
		".SH EXIT STATUS\n.PP\n0 ok, 2 usage.\n",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
}

func TestRoffRefusesHelpWithoutATitle(t *testing.T) {
	if _, err := roff("Usage: microrest\n", "2026-12-01"); err == nil {
		t.Fatal("no error for help without a title line")
	}
}

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"an option's hyphens are minus signs", "--prompt ID", `\-\-prompt ID`},
		{"a hyphen inside a word stays", "check-in", "check-in"},
		{"a backslash prints as itself", `C:\x`, `C:\ex`},
		{"a leading dot is not a request", ".config", `\&.config`},
		{"a leading quote is not a request", "'quoted'", `\&'quoted'`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := escape(tc.in); got != tc.want {
				t.Errorf("escape(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzRoffNeverMakesARequestOfText(f *testing.F) {
	f.Add(sampleHelp)
	f.Add("x 1: y\n.so /etc/passwd\n  'bp\n")
	f.Add("'00000000 0: 0") // a name that is a request
	f.Fuzz(func(t *testing.T, help string) {
		page, err := roff(help, "2026-12-01")
		if err != nil {
			return
		}
		for _, line := range strings.Split(page, "\n") {
			if !strings.HasPrefix(line, ".") && !strings.HasPrefix(line, "'") {
				continue
			}
			request := strings.Fields(line)[0]
			switch request {
			case ".TH", ".SH", ".PP", ".nf", ".fi":
			default:
				t.Fatalf("text became the request %q in:\n%s", line, page)
			}
		}
	})
}
