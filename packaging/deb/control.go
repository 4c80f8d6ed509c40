package main

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
)

// control is the package's DEBIAN/control.
type control struct {
	Version, Arch, Maintainer, Depends, Recommends, Homepage string
	InstalledKiB                                             int64
	Summary                                                  string
	Description                                              []string
}

// String writes the fields in the order dpkg-gencontrol would.
func (c control) String() string {
	var b strings.Builder
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, "%s: %s\n", name, value)
		}
	}
	field("Package", "microrest")
	field("Version", c.Version)
	field("Architecture", c.Arch)
	field("Maintainer", c.Maintainer)
	field("Installed-Size", fmt.Sprint(c.InstalledKiB))
	field("Depends", c.Depends)
	field("Recommends", c.Recommends)
	field("Section", "utils")
	field("Priority", "optional")
	field("Homepage", c.Homepage)
	field("Description", c.Summary)
	b.WriteString(longDescription(c.Description))
	return b.String()
}

// longDescription indents each paragraph by one space, wraps it at 79
// columns and separates paragraphs with " .", as deb-control(5) asks; list
// items wrap under their text.
func longDescription(paragraphs []string) string {
	var b strings.Builder
	for i, p := range paragraphs {
		if i > 0 {
			b.WriteString(" .\n")
		}
		indent := " "
		if strings.HasPrefix(p, "* ") {
			indent = "   "
		}
		for j, line := range wrap(p, 79-len(indent)) {
			if j == 0 {
				b.WriteString(" " + line + "\n")
				continue
			}
			b.WriteString(indent + line + "\n")
		}
	}
	return b.String()
}

// wrap breaks text into lines of at most width columns at spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

// installedSize counts the package's files as dpkg-gencontrol does: each
// file rounded up to a KiB, and one KiB for each directory or link. The
// DEBIAN directory is not installed, so it does not count.
func installedSize(root string) (int64, error) {
	var kib int64
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path == root {
			return nil
		}
		if d.IsDir() && d.Name() == "DEBIAN" {
			return filepath.SkipDir
		}
		if !d.Type().IsRegular() {
			kib++
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		kib += (info.Size() + 1023) / 1024
		return nil
	})
	return kib, err
}

// dpkgArch names Go's GOARCH as dpkg does; arm is armhf from GOARM=7 up
// and armel below.
func dpkgArch(goarch, goarm string) (string, error) {
	names := map[string]string{
		"amd64": "amd64", "386": "i386", "arm64": "arm64", "ppc64le": "ppc64el",
		"riscv64": "riscv64", "s390x": "s390x", "mips64le": "mips64el", "mipsle": "mipsel",
		"loong64": "loong64",
	}
	if goarch == "arm" {
		if strings.HasPrefix(goarm, "7") {
			return "armhf", nil
		}
		return "armel", nil
	}
	if name, ok := names[goarch]; ok {
		return name, nil
	}
	return "", fmt.Errorf("GOARCH %s has no Debian architecture name this script knows", goarch)
}
