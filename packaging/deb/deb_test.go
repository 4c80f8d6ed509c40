package main

import (
	"strings"
	"testing"
)

func TestDpkgArch(t *testing.T) {
	for _, tc := range []struct{ name, goarch, goarm, want string }{
		{"amd64 keeps its name", "amd64", "", "amd64"},
		{"386 is i386", "386", "", "i386"},
		{"ppc64le is ppc64el", "ppc64le", "", "ppc64el"},
		{"arm with GOARM=7 is armhf", "arm", "7", "armhf"},
		{"arm below 7 is armel", "arm", "6", "armel"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := dpkgArch(tc.goarch, tc.goarm)
			if err != nil || got != tc.want {
				t.Errorf("dpkgArch(%q, %q) = %q, %v; want %q", tc.goarch, tc.goarm, got, err, tc.want)
			}
		})
	}
	if _, err := dpkgArch("wasm", ""); err == nil {
		t.Error("no error for an architecture dpkg has no name for")
	}
}

func TestLongDescriptionFollowsDebControl(t *testing.T) {
	got := longDescription([]string{strings.Repeat("word ", 20), "* an item"})
	for i, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		if !strings.HasPrefix(line, " ") || len(line) > 80 || strings.TrimSpace(line) == "" {
			t.Errorf("line %d %q is not a deb-control(5) description line", i, line)
		}
	}
	if !strings.Contains(got, "\n .\n * an item\n") {
		t.Errorf("paragraphs not separated by \" .\":\n%s", got)
	}
}

func TestEscapePathSpellsCapitalsAsTheModuleCache(t *testing.T) {
	if got := escapePath("github.com/BurntSushi/toml"); got != "github.com/!burnt!sushi/toml" {
		t.Errorf("escapePath = %q", got)
	}
}

func TestChangelogSignsEachRelease(t *testing.T) {
	rel := []release{{Version: "0.1.0", Date: "2026-12-01"}}
	got, err := changelog(rel, "M <m@example.org>")
	if err != nil {
		t.Fatal(err)
	}
	want := "microrest (0.1.0) unstable; urgency=medium\n\n  * Release 0.1.0.\n\n -- M <m@example.org>  Tue, 01 Dec 2026 00:00:00 +0000\n"
	if got != want {
		t.Errorf("changelog =\n%s\nwant\n%s", got, want)
	}
	if _, err := changelog([]release{{Version: "1", Date: "1 Dec"}}, "M <m@example.org>"); err == nil {
		t.Error("no error for a date that is not YYYY-MM-DD")
	}
}

func TestMetainfoNamesTheVersionInFyneApp(t *testing.T) {
	app, err := readAppInfo("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := readMetainfo("../io.github.microrest.metainfo.xml", app.Details.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := readMetainfo("../io.github.microrest.metainfo.xml", "0.0.0-never"); err == nil {
		t.Error("no error when the newest release is not FyneApp.toml's version")
	}
}
