// Command icons derives the installed icon set from assets/icon.png, so the
// packages carry the sizes desktops look up (hicolor 48, 128, 256, 512) and
// Windows gets a multi-size .ico, all from the one drawn source and in pure
// Go: no ImageMagick on the build machine.
//
//	go run ./packaging/icons -src assets/icon.png -out dist/build
//
// writes dist/build/icons/hicolor/NxN/apps/io.github.microrest.png and
// dist/build/windows/microrest.ico (make icons does this).
package main

import (
	"flag"
	"fmt"
	"image"
	"image/png"
	"log"
	"os"
	"path/filepath"
)

// iconName is what the .desktop entry, the notifier and the autostart entry
// name; the theme lookup finds the file by it.
const iconName = "io.github.microrest"

// hicolorSizes are the sizes launchers, docks and notification servers ask
// the icon theme for; 512 is the source itself.
var hicolorSizes = []int{48, 128, 256, 512}

// icoSizes cover the taskbar, Explorer's views and the title bar at 100 %
// to 200 % scaling.
var icoSizes = []int{16, 24, 32, 48, 64, 128, 256}

func main() {
	src := flag.String("src", "assets/icon.png", "the square source icon")
	out := flag.String("out", "dist/build", "directory to write icons/ and windows/ into")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		log.Fatal(err)
	}
}

func run(src, out string) error {
	img, err := readPNG(src)
	if err != nil {
		return err
	}
	if b := img.Bounds(); b.Dx() != b.Dy() {
		return fmt.Errorf("%s is %dx%d; an icon must be square", src, b.Dx(), b.Dy())
	}
	for _, n := range hicolorSizes {
		dir := filepath.Join(out, "icons", "hicolor", fmt.Sprintf("%dx%d", n, n), "apps")
		if err := writePNG(filepath.Join(dir, iconName+".png"), sized(img, n)); err != nil {
			return err
		}
	}
	frames := make([]image.Image, len(icoSizes))
	for i, n := range icoSizes {
		frames[i] = sized(img, n)
	}
	ico, err := ICO(frames)
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(out, "windows", "microrest.ico"), ico)
}

// sized is img at n×n: itself when it already is, never re-sampled.
func sized(img image.Image, n int) image.Image {
	if img.Bounds().Dx() == n {
		return img
	}
	return Scale(img, n)
}

func readPNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open the source icon: %w", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	return img, nil
}

func writePNG(path string, img image.Image) error {
	data, err := encodePNG(img)
	if err != nil {
		return err
	}
	return writeFile(path, data)
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
