package main

import (
	"debug/buildinfo"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// projectLicense says what the microrest source itself is under. The
// repository has no licence file yet, so the copyright file says so
// rather than invent one.
const projectLicense = `Files: *
Copyright: 2026 The microrest developers
License: none
 The microrest repository carries no licence file: no licence to copy,
 change or redistribute microrest itself has been granted yet.
`

// copyright writes a machine-readable copyright file (DEP-5) for the
// binary: microrest itself, then the Go standard library and every module
// it links statically, each with the full text of its notices, since the
// BSD, Expat and ISC licences ask for them in binary redistributions.
func copyright(info *buildinfo.BuildInfo, goroot, modcache string) (string, error) {
	var b strings.Builder
	b.WriteString("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n")
	b.WriteString("Upstream-Name: microrest\n")
	b.WriteString("Upstream-Contact: https://github.com/microrest/microrest/issues\n")
	b.WriteString("Source: https://github.com/microrest/microrest\n")
	b.WriteString("Comment: /usr/bin/microrest links the Go standard library and the Go modules\n")
	b.WriteString(" below statically. Their Files paths name the module; its version is in\n")
	b.WriteString(" the Comment.\n\n")
	b.WriteString(projectLicense)
	text, err := os.ReadFile(filepath.Join(goroot, "LICENSE"))
	if err != nil {
		return "", fmt.Errorf("read the Go licence: %w", err)
	}
	b.WriteString(filesParagraph("go/*", info.GoVersion, "BSD-3-Clause", string(text)))
	common := map[string]bool{}
	for _, dep := range info.Deps {
		mod := dep
		if dep.Replace != nil {
			mod = dep.Replace
		}
		p, err := moduleParagraph(dep.Path, mod.Path, mod.Version, modcache)
		if err != nil {
			return "", err
		}
		b.WriteString(p)
		common[licenses[dep.Path].License] = commonLicenses[licenses[dep.Path].License]
	}
	for _, name := range []string{"Apache-2.0"} {
		if common[name] {
			fmt.Fprintf(&b, "\nLicense: %s\n On Debian systems the full text of this licence is in\n /usr/share/common-licenses/%s.\n", name, name)
		}
	}
	return b.String(), nil
}

// commonLicenses are the licences Debian ships in /usr/share/common-licenses
// and a copyright file refers to rather than copies.
var commonLicenses = map[string]bool{"Apache-2.0": true}

// moduleParagraph is the Files paragraph of one linked module, read from
// the module cache.
func moduleParagraph(name, path, version, modcache string) (string, error) {
	lic, ok := licenses[name]
	if !ok {
		return "", fmt.Errorf("%s is linked into microrest but packaging/deb/licenses.go does not say its licence; read it and add it", name)
	}
	if commonLicenses[lic.License] {
		return fmt.Sprintf("\nFiles: %s/*\nCopyright: the authors of %s\nComment: %s %s\nLicense: %s\n", name, name, path, version, lic.License), nil
	}
	dir := path
	if version != "" {
		dir = filepath.Join(modcache, escapePath(path)+"@"+version)
	}
	var texts []string
	for _, f := range lic.Files {
		text, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return "", fmt.Errorf("read %s's licence: %w", name, err)
		}
		texts = append(texts, string(text))
	}
	return filesParagraph(name+"/*", path+" "+version, lic.License, strings.Join(texts, "\n\n")), nil
}

// filesParagraph is one DEP-5 Files paragraph with the licence text
// inline. The copyright lines are in the text, which must be copied whole.
func filesParagraph(files, comment, license, text string) string {
	return fmt.Sprintf("\nFiles: %s\nCopyright: see the licence text below\nComment: %s\nLicense: %s\n%s",
		files, strings.TrimSpace(comment), license, indent(text))
}

// indent turns text into a DEP-5 field continuation: each line after one
// space, an empty line as " .".
func indent(text string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" {
			line = "."
		}
		b.WriteString(" " + line + "\n")
	}
	return b.String()
}

// escapePath is the module cache's spelling of a module path: capitals
// become "!" and the lower-case letter, so paths differing in case differ
// on case-insensitive disks.
func escapePath(path string) string {
	var b strings.Builder
	for _, r := range path {
		if unicode.IsUpper(r) {
			b.WriteString("!" + string(unicode.ToLower(r)))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
