package main

// moduleLicense is what one Go module linked into the binary is licensed
// under, and the files in the module that say so.
type moduleLicense struct {
	// License is the DEP-5 short name (SPDX, except Expat for MIT).
	License string
	// Files are the notices to copy, relative to the module's root: the
	// module's own licence and those of code or fonts it embeds. None for
	// a licence in commonLicenses, which the copyright file refers to.
	Files []string
}

// licenses lists every module the binary links, read by hand from each
// module's licence files. The table is written rather than guessed from
// the text because a wrong guess would ship a wrong copyright file: a new
// dependency stops `make deb` until someone reads its licence and adds it.
var licenses = map[string]moduleLicense{
	"fyne.io/fyne/v2": {License: "BSD-3-Clause and OFL-1.1 and Bitstream-Vera", Files: []string{
		"LICENSE", "theme/font/LICENSE.txt", "theme/font/LICENSE_Inter.txt", "theme/font/LICENSE_DejaVu-Powerline.txt",
	}},
	"fyne.io/systray":                  {License: "Apache-2.0"},
	"github.com/BurntSushi/toml":       {License: "Expat", Files: []string{"COPYING"}},
	"github.com/adrg/xdg":              {License: "Expat", Files: []string{"LICENSE"}},
	"github.com/fredbi/uri":            {License: "Expat", Files: []string{"LICENSE.md"}},
	"github.com/fsnotify/fsnotify":     {License: "BSD-3-Clause", Files: []string{"LICENSE"}},
	"github.com/fyne-io/image":         {License: "BSD-3-Clause", Files: []string{"LICENSE"}},
	"github.com/fyne-io/oksvg":         {License: "BSD-3-Clause", Files: []string{"LICENSE"}},
	"github.com/go-gl/gl":              {License: "Expat", Files: []string{"LICENSE"}},
	"github.com/go-gl/glfw/v3.3/glfw":  {License: "BSD-3-Clause and Zlib", Files: []string{"LICENSE", "glfw/LICENSE.md"}},
	"github.com/go-text/render":        {License: "Unlicense or BSD-3-Clause", Files: []string{"LICENSE"}},
	"github.com/go-text/typesetting":   {License: "Unlicense or BSD-3-Clause, and Expat", Files: []string{"LICENSE", "harfbuzz/LICENSE"}},
	"github.com/godbus/dbus/v5":        {License: "BSD-2-Clause", Files: []string{"LICENSE"}},
	"github.com/gofrs/flock":           {License: "BSD-3-Clause", Files: []string{"LICENSE"}},
	"github.com/jeandeaual/go-locale":  {License: "Expat", Files: []string{"LICENSE"}},
	"github.com/jezek/xgb":             {License: "BSD-3-Clause", Files: []string{"LICENSE"}},
	"github.com/jsummers/gobmp":        {License: "Expat", Files: []string{"COPYING.txt"}},
	"github.com/nfnt/resize":           {License: "ISC", Files: []string{"LICENSE"}},
	"github.com/nicksnyder/go-i18n/v2": {License: "Expat", Files: []string{"LICENSE"}},
	"github.com/rymdport/portal":       {License: "Apache-2.0"},
	"github.com/srwiley/oksvg":         {License: "BSD-3-Clause", Files: []string{"LICENSE"}},
	"github.com/srwiley/rasterx":       {License: "BSD-3-Clause", Files: []string{"LICENSE"}},
	"github.com/yuin/goldmark":         {License: "Expat", Files: []string{"LICENSE"}},
	"golang.org/x/image":               {License: "BSD-3-Clause", Files: []string{"LICENSE"}},
	"golang.org/x/net":                 {License: "BSD-3-Clause", Files: []string{"LICENSE"}},
	"golang.org/x/sys":                 {License: "BSD-3-Clause", Files: []string{"LICENSE"}},
	"golang.org/x/text":                {License: "BSD-3-Clause", Files: []string{"LICENSE"}},
}
