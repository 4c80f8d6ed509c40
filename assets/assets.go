// Package assets embeds the icons microrest shows, the application icon and
// one tray icon per state, so the binary carries everything it shows.
//
// The PNGs are drawn by gen/main.go; after changing it, run
// `go generate ./assets/`. Tray icons are PNG, not SVG, because Linux
// StatusNotifierItem hosts reject SVG pixmaps.
package assets

//go:generate go run gen/main.go

import (
	"embed"
	"fmt"
)

//go:embed icon.png tray_*.png
var files embed.FS

// traySizes are the pixel sizes every tray state is drawn at, smallest first;
// gen/main.go draws the same list.
var traySizes = []int{16, 22, 32, 48}

// trayDefaultSize is what TrayIcon returns: large enough for HiDPI panels,
// and tray hosts scale it down for ordinary ones.
const trayDefaultSize = 48

// TrayState is what the tray icon says at a glance, so tray code picks an icon
// by meaning rather than by file name.
type TrayState int

const (
	// TrayNormal shows the plain mark while reminders run.
	TrayNormal TrayState = iota
	// TrayDue adds an amber dot so a waiting prompt is noticed from the panel.
	TrayDue
	// TrayPaused shows pause bars on slate so a pause is never forgotten.
	TrayPaused
)

var stateNames = [...]string{"normal", "due", "paused"}

// String names the state as the icon files and logs do.
func (s TrayState) String() string {
	if !s.valid() {
		return fmt.Sprintf("TrayState(%d)", int(s))
	}
	return stateNames[s]
}

func (s TrayState) valid() bool { return s >= 0 && int(s) < len(stateNames) }

// AppIcon returns the 512 px application icon PNG, for window icons, the
// .desktop file and FyneApp.toml.
func AppIcon() []byte { return mustRead("icon.png") }

// TrayIcon returns the 48 px PNG for s, the one size every tray host can scale
// from without blurring.
func TrayIcon(s TrayState) []byte { return TrayIconSized(s, trayDefaultSize) }

// TrayIconSized returns the PNG for s drawn at the smallest size of at least
// px pixels (the largest if none is), for hosts that show icons unscaled,
// where an icon drawn to size is crisper. An unknown state gets the normal
// icon, so a new state never blanks the tray.
func TrayIconSized(s TrayState, px int) []byte {
	if !s.valid() {
		s = TrayNormal
	}
	return mustRead(trayFile(s, fitSize(px)))
}

// fitSize is the smallest drawn size of at least px, else the largest.
func fitSize(px int) int {
	for _, size := range traySizes {
		if size >= px {
			return size
		}
	}
	return traySizes[len(traySizes)-1]
}

func trayFile(s TrayState, size int) string {
	return fmt.Sprintf("tray_%s_%d.png", s, size)
}

// mustRead panics only if the embed pattern and the file names disagree, a
// build mistake the tests catch.
func mustRead(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(fmt.Sprintf("assets: embedded %s: %v", name, err))
	}
	return b
}
