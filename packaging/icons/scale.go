package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// Scale shrinks a square image to n×n by area averaging: each target pixel
// is the coverage-weighted mean of the source pixels under it, in
// premultiplied alpha so transparent edges do not darken. Downscaling only
// needs this, and it keeps thin strokes from aliasing away.
func Scale(src image.Image, n int) *image.NRGBA {
	b := src.Bounds()
	ratio := float64(b.Dx()) / float64(n)
	dst := image.NewNRGBA(image.Rect(0, 0, n, n))
	for y := range n {
		for x := range n {
			dst.SetNRGBA(x, y, average(src, b, float64(x)*ratio, float64(y)*ratio, ratio))
		}
	}
	return dst
}

// average is the mean colour of the square [x0, x0+side) × [y0, y0+side)
// of src, with partial pixels at the borders weighted by their coverage.
func average(src image.Image, b image.Rectangle, x0, y0, side float64) color.NRGBA {
	var r, g, bl, a, total float64
	for sy := int(y0); float64(sy) < y0+side && sy < b.Dy(); sy++ {
		wy := overlap(float64(sy), y0, side)
		for sx := int(x0); float64(sx) < x0+side && sx < b.Dx(); sx++ {
			w := wy * overlap(float64(sx), x0, side)
			pr, pg, pb, pa := src.At(b.Min.X+sx, b.Min.Y+sy).RGBA() // premultiplied
			r, g, bl, a = r+w*float64(pr), g+w*float64(pg), bl+w*float64(pb), a+w*float64(pa)
			total += w
		}
	}
	if a == 0 {
		return color.NRGBA{}
	}
	return color.NRGBA{
		R: uint8(r/a*255 + 0.5), G: uint8(g/a*255 + 0.5), B: uint8(bl/a*255 + 0.5),
		A: uint8(a/total/257 + 0.5),
	}
}

// overlap is how much of the unit pixel at p lies inside [start, start+side).
func overlap(p, start, side float64) float64 {
	return max(0, min(p+1, start+side)-max(p, start))
}

func encodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
