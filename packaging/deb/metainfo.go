package main

import (
	"encoding/xml"
	"fmt"
	"os"
	"strings"
)

// metainfo is the part of the AppStream file the package takes its words
// from, so the software centre and apt show the same description.
type metainfo struct {
	Summary     string      `xml:"summary"`
	Description description `xml:"description"`
	Releases    []release   `xml:"releases>release"`
}

// description is AppStream's small markup: paragraphs and bullet lists.
type description struct {
	Blocks []block `xml:",any"`
}

// block is one <p> or <ul>/<ol>.
type block struct {
	XMLName xml.Name
	Text    string   `xml:",chardata"`
	Items   []string `xml:"li"`
}

// release is one <release> with its notes.
type release struct {
	Version     string      `xml:"version,attr"`
	Date        string      `xml:"date,attr"`
	Description description `xml:"description"`
}

// readMetainfo reads the AppStream file and checks that its newest release
// is the version FyneApp.toml gives, so each version ships its own notes.
func readMetainfo(path, version string) (metainfo, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return metainfo{}, fmt.Errorf("read metainfo: %w", err)
	}
	var m metainfo
	if err := xml.Unmarshal(data, &m); err != nil {
		return metainfo{}, fmt.Errorf("read metainfo %s: %w", path, err)
	}
	if len(m.Releases) == 0 || m.Releases[0].Version != version {
		return metainfo{}, fmt.Errorf("%s: the newest <release> is not %s, the version in FyneApp.toml; add that release, with its date and notes, at the top of <releases>", path, version)
	}
	return m, nil
}

// paragraphs renders the description as plain paragraphs, a list item as
// one paragraph starting "* ".
func (d description) paragraphs() []string {
	var out []string
	for _, b := range d.Blocks {
		if b.XMLName.Local == "p" {
			out = append(out, collapse(b.Text))
			continue
		}
		for _, li := range b.Items {
			out = append(out, "* "+collapse(li))
		}
	}
	return out
}

// collapse joins the words of a text the XML file wrapped for reading.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
