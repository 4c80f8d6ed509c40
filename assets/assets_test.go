package assets

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

var states = []TrayState{TrayNormal, TrayDue, TrayPaused}

// Panels the tray icons must stand out on: a light theme and a dark one.
var (
	lightPanel = color.NRGBA{0xf0, 0xf0, 0xf0, 0xff}
	darkPanel  = color.NRGBA{0x20, 0x20, 0x20, 0xff}
)

type embedded struct {
	name string
	size int
	png  []byte
}

func allIcons() []embedded {
	icons := []embedded{{"icon.png", 512, AppIcon()}}
	for _, s := range states {
		for _, size := range traySizes {
			icons = append(icons, embedded{trayFile(s, size), size, TrayIconSized(s, size)})
		}
	}
	return icons
}

func decode(t *testing.T, name string, data []byte) *image.NRGBA {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s does not decode as PNG: %v", name, err)
	}
	n := image.NewNRGBA(img.Bounds())
	draw.Draw(n, n.Bounds(), img, img.Bounds().Min, draw.Src)
	return n
}

func TestEveryIconDecodesAtItsDrawnSize(t *testing.T) {
	for _, ic := range allIcons() {
		img := decode(t, ic.name, ic.png)
		if got := img.Bounds(); got != image.Rect(0, 0, ic.size, ic.size) {
			t.Errorf("%s is %v, want %d×%d", ic.name, got, ic.size, ic.size)
		}
	}
}

func TestEveryIconHasTransparentCornersAndAnOpaqueCentre(t *testing.T) {
	for _, ic := range allIcons() {
		img := decode(t, ic.name, ic.png)
		last := ic.size - 1
		for _, p := range []image.Point{{0, 0}, {last, 0}, {0, last}} {
			if a := img.NRGBAAt(p.X, p.Y).A; a != 0 {
				t.Errorf("%s corner %v has alpha %d, want 0 so the panel shows through", ic.name, p, a)
			}
		}
		if a := img.NRGBAAt(ic.size/2, ic.size/2).A; a != 0xff {
			t.Errorf("%s centre has alpha %d, want 255", ic.name, a)
		}
	}
}

func TestTrayStatesLookDifferentAtEverySize(t *testing.T) {
	for _, size := range traySizes {
		for i, a := range states {
			for _, b := range states[i+1:] {
				ia := decode(t, "a", TrayIconSized(a, size))
				ib := decode(t, "b", TrayIconSized(b, size))
				if f := changedFraction(ia, ib); f < 0.12 {
					t.Errorf("at %d px %v and %v differ in %.0f%% of pixels, want at least 12%%", size, a, b, 100*f)
				}
			}
		}
	}
}

// changedFraction is the share of pixels that look clearly different in a
// and b over a mid-grey panel: their channels differ by more than 96 in sum,
// as teal and amber or teal and slate do, and antialiasing noise does not.
func changedFraction(a, b *image.NRGBA) float64 {
	grey := color.NRGBA{0x80, 0x80, 0x80, 0xff}
	d := func(x, y uint8) int { return abs(int(x) - int(y)) }
	changed, n := 0, 0
	for y := range a.Bounds().Dy() {
		for x := range a.Bounds().Dx() {
			pa, pb := over(a.NRGBAAt(x, y), grey), over(b.NRGBAAt(x, y), grey)
			if d(pa.R, pb.R)+d(pa.G, pb.G)+d(pa.B, pb.B) > 96 {
				changed++
			}
			n++
		}
	}
	return float64(changed) / float64(n)
}

func TestEveryIconStandsOutOnLightAndDarkPanels(t *testing.T) {
	for _, ic := range allIcons() {
		img := decode(t, ic.name, ic.png)
		for _, panel := range []color.NRGBA{lightPanel, darkPanel} {
			if f := contrastFraction(img, panel); f < 0.35 {
				t.Errorf("%s on %v: %.0f%% of pixels contrast with the panel, want at least 35%%", ic.name, panel, 100*f)
			}
		}
	}
}

func TestContrastCheckRejectsAnIconInThePanelColour(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 22, 22))
	draw.Draw(img, image.Rect(1, 1, 21, 21), image.NewUniform(darkPanel), image.Point{}, draw.Src)
	if f := contrastFraction(img, darkPanel); f != 0 {
		t.Errorf("a badge in the panel's own colour scores %.2f, want 0", f)
	}
	if f := contrastFraction(img, lightPanel); f < 0.5 {
		t.Errorf("a dark badge on a light panel scores %.2f, want most pixels", f)
	}
}

// contrastFraction is the share of pixels that, composited over panel, differ
// from it by more than 0.3 in luma: enough to see the shape at a glance.
func contrastFraction(img *image.NRGBA, panel color.NRGBA) float64 {
	lp := luma(panel)
	seen, n := 0, 0
	for y := range img.Bounds().Dy() {
		for x := range img.Bounds().Dx() {
			if abs(luma(over(img.NRGBAAt(x, y), panel))-lp) > 0.3 {
				seen++
			}
			n++
		}
	}
	return float64(seen) / float64(n)
}

// luma is Rec. 709 luma on gamma-encoded channels, close to perceived
// lightness, in 0..1.
func luma(c color.NRGBA) float64 {
	return (0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)) / 255
}

func over(c, bg color.NRGBA) color.NRGBA {
	mix := func(f, b uint8) uint8 { return uint8((int(f)*int(c.A) + int(b)*(255-int(c.A)) + 127) / 255) }
	return color.NRGBA{mix(c.R, bg.R), mix(c.G, bg.G), mix(c.B, bg.B), 0xff}
}

func abs[T int | float64](v T) T {
	if v < 0 {
		return -v
	}
	return v
}

func TestTrayIconSizedPicksTheSmallestDrawnSizeThatIsLargeEnough(t *testing.T) {
	tests := []struct {
		name string
		px   int
		want int
	}{
		{"zero gets the smallest", 0, 16},
		{"an exact size", 22, 22},
		{"between sizes rounds up", 24, 32},
		{"the largest", 48, 48},
		{"beyond the largest gets the largest", 128, 48},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := decode(t, tt.name, TrayIconSized(TrayDue, tt.px))
			if got := img.Bounds().Dx(); got != tt.want {
				t.Errorf("TrayIconSized(TrayDue, %d) is %d px, want %d", tt.px, got, tt.want)
			}
		})
	}
}

func TestTrayIconIsTheLargestDrawnSize(t *testing.T) {
	for _, s := range states {
		if !bytes.Equal(TrayIcon(s), TrayIconSized(s, 48)) {
			t.Errorf("TrayIcon(%v) is not the 48 px icon", s)
		}
	}
}

func TestUnknownTrayStateShowsTheNormalIcon(t *testing.T) {
	if !bytes.Equal(TrayIcon(TrayState(42)), TrayIcon(TrayNormal)) {
		t.Error("TrayIcon(TrayState(42)) is not the normal icon")
	}
}

func TestTrayStateStringNamesEachState(t *testing.T) {
	tests := []struct {
		s    TrayState
		want string
	}{
		{TrayNormal, "normal"},
		{TrayDue, "due"},
		{TrayPaused, "paused"},
		{TrayState(-1), "TrayState(-1)"},
		{TrayState(3), "TrayState(3)"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("TrayState(%d).String() = %q, want %q", int(tt.s), got, tt.want)
		}
	}
}

func TestReturnedIconsAreCopiesCallersMayKeep(t *testing.T) {
	b := AppIcon()
	b[0] ^= 0xff
	if bytes.Equal(b, AppIcon()) {
		t.Error("changing the bytes AppIcon returned changed the next call's result")
	}
}

// The embedded PNGs must be what gen/main.go draws today, or a change to the
// drawing code would ship without its icons.
func TestEmbeddedIconsAreWhatTheGeneratorDraws(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH")
	}
	dir := t.TempDir()
	cmd := exec.Command(goTool, "run", "gen/main.go", "-dir", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run gen/main.go: %v\n%s", err, out)
	}
	for _, ic := range allIcons() {
		name := ic.name
		fresh, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("generator did not write %s: %v", name, err)
		}
		if !bytes.Equal(decode(t, name, fresh).Pix, decode(t, name, ic.png).Pix) {
			t.Errorf("%s is stale: run go generate ./assets/", name)
		}
	}
}
