// Command deb writes the generated parts of microrest's Debian package
// into a staged package tree: DEBIAN/control, the machine-readable
// copyright file and the changelog. Their words come from FyneApp.toml
// (version, homepage), the AppStream metainfo (summary, description,
// release notes) and the staged binary's build information (architecture,
// linked modules), so nothing is written twice. packaging/deb/build.sh
// runs it; see there for the whole package.
//
//	go run ./packaging/deb -root DIR -maintainer 'Name <mail>' -depends '…'
package main

import (
	"bytes"
	"compress/gzip"
	"debug/buildinfo"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
)

// options are the command's flags.
type options struct {
	root, appinfo, metainfo, maintainer, depends, recommends string
}

func main() {
	var o options
	flag.StringVar(&o.root, "root", "", "the staged package tree, with usr/bin/microrest in it")
	flag.StringVar(&o.appinfo, "appinfo", "FyneApp.toml", "the file that holds the version")
	flag.StringVar(&o.metainfo, "metainfo", "packaging/io.github.microrest.metainfo.xml", "the AppStream metainfo")
	flag.StringVar(&o.maintainer, "maintainer", "", "the Maintainer field: Name <address>")
	flag.StringVar(&o.depends, "depends", "", "the Depends field (from dpkg-shlibdeps)")
	flag.StringVar(&o.recommends, "recommends", "", "the Recommends field")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "deb:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	if o.root == "" || o.maintainer == "" || o.depends == "" {
		return errors.New("-root, -maintainer and -depends are required")
	}
	app, err := readAppInfo(o.appinfo)
	if err != nil {
		return err
	}
	meta, err := readMetainfo(o.metainfo, app.Details.Version)
	if err != nil {
		return err
	}
	bin, err := buildinfo.ReadFile(filepath.Join(o.root, "usr/bin/microrest"))
	if err != nil {
		return fmt.Errorf("read the staged binary's build information: %w", err)
	}
	if err := writeDocs(o, bin, meta, app.Details.Version); err != nil {
		return err
	}
	c, err := newControl(o, bin, meta, app)
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(o.root, "DEBIAN/control"), []byte(c.String()))
}

// appInfo is what FyneApp.toml says that the package needs.
type appInfo struct {
	Website string
	Details struct{ Version string }
}

func readAppInfo(path string) (appInfo, error) {
	var a appInfo
	if _, err := toml.DecodeFile(path, &a); err != nil {
		return a, fmt.Errorf("read %s: %w", path, err)
	}
	if a.Details.Version == "" {
		return a, fmt.Errorf("%s: Details.Version is not set", path)
	}
	return a, nil
}

// writeDocs writes usr/share/doc/microrest: the copyright file and the
// changelog, named as Debian names it for a native version (no "-").
func writeDocs(o options, bin *buildinfo.BuildInfo, meta metainfo, version string) error {
	doc := filepath.Join(o.root, "usr/share/doc/microrest")
	text, err := copyright(bin, goEnv("GOROOT"), goEnv("GOMODCACHE"))
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(doc, "copyright"), []byte(text)); err != nil {
		return err
	}
	log, err := changelog(meta.Releases, o.maintainer)
	if err != nil {
		return err
	}
	name := "changelog.gz"
	if strings.Contains(version, "-") {
		name = "changelog.Debian.gz"
	}
	return writeFile(filepath.Join(doc, name), gzipped([]byte(log)))
}

func newControl(o options, bin *buildinfo.BuildInfo, meta metainfo, app appInfo) (control, error) {
	arch, err := dpkgArch(setting(bin, "GOARCH"), setting(bin, "GOARM"))
	if err != nil {
		return control{}, err
	}
	size, err := installedSize(o.root)
	if err != nil {
		return control{}, fmt.Errorf("measure the package: %w", err)
	}
	return control{
		Version: app.Details.Version, Arch: arch, Maintainer: o.maintainer,
		Depends: o.depends, Recommends: o.recommends, Homepage: app.Website,
		InstalledKiB: size, Summary: meta.Summary, Description: meta.Description.paragraphs(),
	}, nil
}

// setting is one of the build settings Go records in the binary.
func setting(bin *buildinfo.BuildInfo, key string) string {
	for _, s := range bin.Settings {
		if s.Key == key {
			return s.Value
		}
	}
	return ""
}

// goEnv asks the go command, so the licences come from the toolchain and
// module cache that built the binary.
func goEnv(key string) string {
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// gzipped compresses as `gzip -9n` does: best compression, no name or time,
// so the package is reproducible.
func gzipped(data []byte) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
