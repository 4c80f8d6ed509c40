package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"testing"
)

func square(n int, c color.NRGBA) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	return img
}

func TestScaleKeepsAFlatColourAndTheTransparentEdgesUndarkened(t *testing.T) {
	tests := []struct {
		name string
		src  *image.NRGBA
		n    int
		want color.NRGBA
	}{
		{"opaque 512 to 48", square(512, color.NRGBA{R: 40, G: 160, B: 120, A: 255}), 48, color.NRGBA{R: 40, G: 160, B: 120, A: 255}},
		{"half transparent 512 to 128", square(512, color.NRGBA{R: 200, G: 10, B: 10, A: 128}), 128, color.NRGBA{R: 200, G: 10, B: 10, A: 128}},
		{"odd ratio 100 to 48", square(100, color.NRGBA{R: 1, G: 2, B: 3, A: 255}), 48, color.NRGBA{R: 1, G: 2, B: 3, A: 255}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Scale(tc.src, tc.n)
			if got.Bounds().Dx() != tc.n || got.Bounds().Dy() != tc.n {
				t.Fatalf("size %v, want %d", got.Bounds().Size(), tc.n)
			}
			for _, p := range []image.Point{{0, 0}, {tc.n / 2, tc.n / 3}, {tc.n - 1, tc.n - 1}} {
				if c := got.NRGBAAt(p.X, p.Y); c != tc.want {
					t.Fatalf("pixel %v is %v, want %v", p, c, tc.want)
				}
			}
		})
	}
}

func TestScaleMixesAnEdgeWithTransparencyWithoutDarkeningIt(t *testing.T) {
	src := square(2, color.NRGBA{})
	src.SetNRGBA(0, 0, color.NRGBA{R: 255, G: 255, B: 255, A: 255})
	got := Scale(src, 1).NRGBAAt(0, 0)
	if got.R != 255 || got.A != 64 {
		t.Fatalf("one white pixel in four: %v, want white at alpha 64", got)
	}
}

func TestICOHasOneDirectoryEntryPerFrameEachPointingAtItsPNG(t *testing.T) {
	sizes := []int{16, 48, 256}
	frames := make([]image.Image, len(sizes))
	for i, n := range sizes {
		frames[i] = square(n, color.NRGBA{G: 255, A: 255})
	}
	ico, err := ICO(frames)
	if err != nil {
		t.Fatal(err)
	}
	if binary.LittleEndian.Uint16(ico[2:]) != 1 || int(binary.LittleEndian.Uint16(ico[4:])) != len(sizes) {
		t.Fatalf("header % x", ico[:6])
	}
	for i, n := range sizes {
		e := ico[6+16*i:]
		size, off := binary.LittleEndian.Uint32(e[8:]), binary.LittleEndian.Uint32(e[12:])
		img, err := png.Decode(bytes.NewReader(ico[off : off+size]))
		if err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		if img.Bounds().Dx() != n || int(e[0]) != n%256 {
			t.Fatalf("frame %d: %d px, entry says %d; want %d", i, img.Bounds().Dx(), e[0], n)
		}
	}
}

func TestICORefusesFramesWindowsCannotShow(t *testing.T) {
	for _, img := range []image.Image{square(512, color.NRGBA{}), image.NewNRGBA(image.Rect(0, 0, 16, 32))} {
		if _, err := ICO([]image.Image{img}); err == nil {
			t.Errorf("a %v frame was accepted", img.Bounds().Size())
		}
	}
}
