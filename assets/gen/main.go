//go:build ignore

// Command gen draws microrest's icons in pure Go, so the artwork is rebuilt
// from source by `go generate ./assets/` and needs no design tool.
//
// Every pixel is the average of an 8×8 grid of hard-edged samples, which
// anti-aliases curves while edges placed on whole pixels stay crisp. Rows
// render in parallel; each pixel is computed alone, so output is identical
// from run to run.
//
// With -sheet FILE it also writes a contact sheet of every icon on a light and
// a dark panel, at 1× and zoomed, to check the small sizes by eye.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"log"
	"math"
	"os"
	"path/filepath"
	"sync"
)

// samples is the subsample grid edge per pixel: 64 samples give 65 coverage
// levels, smoother than the eye can tell at tray sizes.
const samples = 8

// traySizes are the sizes tray hosts ask for: 16 and 22 on most Linux panels,
// 32 and 48 on HiDPI panels and Windows.
var traySizes = []int{16, 22, 32, 48}

// appIconSize is what FyneApp.toml and the .desktop file want.
const appIconSize = 512

func main() {
	dir := flag.String("dir", ".", "directory to write the icons to")
	sheet := flag.String("sheet", "", "also write a contact sheet of all icons to this PNG file")
	flag.Parse()
	icons := drawAll()
	for _, ic := range icons {
		must(writePNG(filepath.Join(*dir, ic.name), ic.img))
	}
	if *sheet != "" {
		must(writePNG(*sheet, contactSheet(icons)))
	}
}

type icon struct {
	name  string
	state string
	size  int
	img   *image.NRGBA
}

func drawAll() []icon {
	icons := []icon{{name: "icon.png", size: appIconSize, img: render(appScene(appIconSize), appIconSize)}}
	for _, st := range []string{"normal", "due", "paused"} {
		for _, s := range traySizes {
			name := fmt.Sprintf("tray_%s_%d.png", st, s)
			icons = append(icons, icon{name: name, state: st, size: s, img: render(trayScene(st, s), s)})
		}
	}
	return icons
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func writePNG(name string, img image.Image) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("encode %s: %w", name, err)
	}
	return f.Close()
}

// --- colour -----------------------------------------------------------------

// rgba is a straight-alpha colour with channels in 0..1.
type rgba struct{ r, g, b, a float64 }

func hex(v uint32) rgba {
	return rgba{float64(v>>16&0xff) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255, 1}
}

func (c rgba) withAlpha(a float64) rgba { c.a = a; return c }

func mix(a, b rgba, t float64) rgba {
	return rgba{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t, a.a + (b.a-a.a)*t}
}

// The palette: a calm teal for the mark, amber for "something is due", slate
// for "paused". Rims are darker shades so the badge keeps an edge on light
// panels, while the fill itself stands out on dark ones.
var (
	white     = hex(0xffffff)
	tealTop   = hex(0x2bb59c)
	tealBot   = hex(0x11766a)
	tealFill  = hex(0x15907c)
	tealRim   = hex(0x0a5248)
	amberFill = hex(0xffa81f)
	amberRim  = hex(0xb85a08)
	slateFill = hex(0x7a838f)
	slateRim  = hex(0x454b54)
	shadowCol = hex(0x0b2a26)
)

// --- shapes -----------------------------------------------------------------

// sdf is a signed distance in pixels: negative inside the shape.
type sdf func(x, y float64) float64

func roundRect(x0, y0, x1, y1, r float64) sdf {
	cx, cy := (x0+x1)/2, (y0+y1)/2
	hx, hy := (x1-x0)/2-r, (y1-y0)/2-r
	return func(x, y float64) float64 {
		qx, qy := math.Abs(x-cx)-hx, math.Abs(y-cy)-hy
		return math.Hypot(math.Max(qx, 0), math.Max(qy, 0)) + math.Min(math.Max(qx, qy), 0) - r
	}
}

func circle(cx, cy, r float64) sdf {
	return func(x, y float64) float64 { return math.Hypot(x-cx, y-cy) - r }
}

// capsule is a stroke of width 2r along the segment a–b with round caps.
func capsule(ax, ay, bx, by, r float64) sdf {
	dx, dy := bx-ax, by-ay
	l2 := dx*dx + dy*dy
	return func(x, y float64) float64 {
		t := math.Max(0, math.Min(1, ((x-ax)*dx+(y-ay)*dy)/l2))
		return math.Hypot(x-ax-t*dx, y-ay-t*dy) - r
	}
}

func intersect(a, b sdf) sdf { return func(x, y float64) float64 { return math.Max(a(x, y), b(x, y)) } }

func subtract(a, b sdf) sdf { return func(x, y float64) float64 { return math.Max(a(x, y), -b(x, y)) } }

// leafShape is a lens (two overlapping circles) of the given length and width,
// centred on c with its tips along axis angle.
func leafShape(c point, axis, length, width float64) sdf {
	half := width / 2
	r := (length*length/(2*width) + half) / 2
	d := r - half
	n := point{-math.Sin(axis), math.Cos(axis)}
	return intersect(circle(c.x+n.x*d, c.y+n.y*d, r), circle(c.x-n.x*d, c.y-n.y*d, r))
}

type point struct{ x, y float64 }

func (p point) along(axis, dist float64) point {
	return point{p.x + math.Cos(axis)*dist, p.y + math.Sin(axis)*dist}
}

// --- scenes -----------------------------------------------------------------

// layer paints shape with paint; layers composite in order, later on top.
type layer struct {
	shape sdf
	paint func(x, y float64) rgba
}

type scene []layer

func solid(c rgba) func(x, y float64) rgba { return func(_, _ float64) rgba { return c } }

// withHole cuts hole out of every layer so far, leaving transparency, so a
// badge placed in the hole is set apart on any panel colour.
func (s scene) withHole(hole sdf) scene {
	out := make(scene, len(s))
	for i, l := range s {
		out[i] = layer{subtract(l.shape, hole), l.paint}
	}
	return out
}

// leafLayers draws the mark's white leaf with a vein cut in the badge's own
// paint and a short stem, tip towards the upper right.
func leafLayers(c point, length float64, vein float64, badge func(x, y float64) rgba) scene {
	axis := -math.Pi / 4
	c = c.along(axis, length*0.06)
	shape := leafShape(c, axis, length, length*0.52)
	base := c.along(axis, -length/2)
	veinFrom, veinTo := c.along(axis, -length*0.30), c.along(axis, length*0.26)
	stemEnd := base.along(axis, -length*0.12)
	return scene{
		{shape, solid(white)},
		{intersect(shape, capsule(veinFrom.x, veinFrom.y, veinTo.x, veinTo.y, vein/2)), badge},
		{capsule(base.x, base.y, stemEnd.x, stemEnd.y, vein/2), solid(white)},
	}
}

// appScene is the 512 px application icon: a teal gradient badge with a soft
// shadow and the white leaf.
func appScene(size int) scene {
	s := float64(size)
	inset, radius := s*0.0625, s*0.2
	badge := roundRect(inset, inset, s-inset, s-inset*1.25, radius)
	shadow := roundRect(inset, inset+s*0.02, s-inset, s-inset*1.25+s*0.02, radius)
	grad := func(_, y float64) rgba { return mix(tealTop, tealBot, (y-inset)/(s-2*inset)) }
	sc := scene{softShadow(shadow, s*0.03, 0.35), {badge, grad}}
	centre := point{s / 2, (s - inset*0.25) / 2}
	return append(sc, leafLayers(centre, s*0.60, s*0.035, grad)...)
}

// softShadow fades alpha out over blur pixels around shape.
func softShadow(shape sdf, blur, alpha float64) layer {
	grown := func(x, y float64) float64 { return shape(x, y) - blur }
	paint := func(x, y float64) rgba {
		t := math.Max(0, math.Min(1, (shape(x, y)+blur)/(2*blur)))
		return shadowCol.withAlpha(alpha * (1 - t*t*(3-2*t)))
	}
	return layer{grown, paint}
}

// trayGeom keeps the tray badge's edges on whole pixels at every size.
type trayGeom struct {
	size, inset, rim, radius float64
}

func trayGeometry(size int) trayGeom {
	s := float64(size)
	g := trayGeom{size: s, inset: 1, rim: 1, radius: math.Round(s * 0.24)}
	if size >= 40 {
		g.inset, g.rim = 2, 2
	}
	return g
}

// badge is a rim-coloured rounded square with the fill inset by the rim, so
// the rim is exactly rim pixels wide on the straight edges.
func (g trayGeom) badge(fill, rim rgba) scene {
	lo, hi := g.inset, g.size-g.inset
	in := g.inset + g.rim
	return scene{
		{roundRect(lo, lo, hi, hi, g.radius), solid(rim)},
		{roundRect(in, in, g.size-in, g.size-in, g.radius-g.rim), solid(fill)},
	}
}

func trayScene(state string, size int) scene {
	g := trayGeometry(size)
	switch state {
	case "due":
		return dueScene(g)
	case "paused":
		return pausedScene(g)
	}
	return normalScene(g)
}

func normalScene(g trayGeom) scene {
	sc := g.badge(tealFill, tealRim)
	vein := math.Max(1, math.Round(g.size*0.06))
	return append(sc, leafLayers(g.leafCentre(vein), g.size*0.72, vein, solid(tealFill))...)
}

// leafCentre puts a vein of odd width through pixel centres, where a 45°
// line renders as a crisp staircase instead of a grey double line.
func (g trayGeom) leafCentre(vein float64) point {
	c := g.size / 2
	if int(vein)%2 == 1 {
		c -= 0.5
	}
	return point{c, c}
}

// dueScene is the mark with an amber dot in the bottom-right corner, set in
// a transparent gap so it reads as a separate signal at 16 px. Bottom-right
// is the one corner the leaf leaves free, so the mark stays whole.
func dueScene(g trayGeom) scene {
	r := math.Round(g.size*0.46) / 2
	c := point{g.size - r, g.size - r}
	sc := normalScene(g).withHole(circle(c.x, c.y, r+g.rim))
	return append(sc,
		layer{circle(c.x, c.y, r), solid(amberRim)},
		layer{circle(c.x, c.y, r-g.rim), solid(amberFill)},
	)
}

// pausedScene swaps the leaf for two pause bars on a slate badge: colour and
// shape both change, so the state is clear even to colour-blind users.
func pausedScene(g trayGeom) scene {
	sc := g.badge(slateFill, slateRim)
	size := int(g.size)
	h, w, gap := evenTo(size, g.size*0.42), math.Round(g.size*0.13), math.Round(g.size*0.12)
	if int(2*w+gap)%2 != size%2 {
		gap++
	}
	x0, y0 := (g.size-2*w-gap)/2, (g.size-h)/2
	r := math.Floor(w / 4)
	return append(sc,
		layer{roundRect(x0, y0, x0+w, y0+h, r), solid(white)},
		layer{roundRect(x0+w+gap, y0, x0+2*w+gap, y0+h, r), solid(white)},
	)
}

// evenTo rounds v to a whole number with the parity of size, so a length
// centred on the canvas starts on a pixel edge.
func evenTo(size int, v float64) float64 {
	n := math.Round(v)
	if int(n)%2 != size%2 {
		n++
	}
	return n
}

// --- rasteriser -------------------------------------------------------------

// at composites the scene at one point, returning premultiplied colour.
func (s scene) at(x, y float64) (r, g, b, a float64) {
	for _, l := range s {
		if l.shape(x, y) >= 0 {
			continue
		}
		c := l.paint(x, y)
		k := 1 - c.a
		r, g, b, a = c.r*c.a+r*k, c.g*c.a+g*k, c.b*c.a+b*k, c.a+a*k
	}
	return r, g, b, a
}

func render(s scene, size int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	var wg sync.WaitGroup
	for py := 0; py < size; py++ {
		wg.Go(func() {
			for px := 0; px < size; px++ {
				img.SetNRGBA(px, py, s.pixel(px, py))
			}
		})
	}
	wg.Wait()
	return img
}

func (s scene) pixel(px, py int) color.NRGBA {
	var r, g, b, a float64
	for j := 0; j < samples; j++ {
		for i := 0; i < samples; i++ {
			sr, sg, sb, sa := s.at(float64(px)+(float64(i)+0.5)/samples, float64(py)+(float64(j)+0.5)/samples)
			r, g, b, a = r+sr, g+sg, b+sb, a+sa
		}
	}
	if a == 0 {
		return color.NRGBA{}
	}
	return color.NRGBA{unit(r / a), unit(g / a), unit(b / a), unit(a / (samples * samples))}
}

func unit(v float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(1, v)) * 255)) }

// --- contact sheet ----------------------------------------------------------

// contactSheet lays every icon on a light and a dark panel strip: tray icons
// at 1× and the small ones zoomed 4× (nearest neighbour, to see each pixel),
// plus the app icon at half size.
func contactSheet(icons []icon) *image.NRGBA {
	const stripH, pad = 380, 16
	sheet := image.NewNRGBA(image.Rect(0, 0, 1000, 2*stripH))
	for i, bg := range []color.NRGBA{{0xf0, 0xf0, 0xf0, 0xff}, {0x20, 0x20, 0x20, 0xff}} {
		strip := image.Rect(0, i*stripH, 1000, (i+1)*stripH)
		draw.Draw(sheet, strip, image.NewUniform(bg), image.Point{}, draw.Src)
		layoutStrip(sheet, strip.Min.Add(image.Pt(pad, pad)), icons)
	}
	return sheet
}

func layoutStrip(dst *image.NRGBA, at image.Point, icons []icon) {
	x := at.X
	for _, ic := range icons[1:] {
		if ic.size == traySizes[0] && x != at.X {
			x += 16
		}
		paste(dst, ic.img, image.Pt(x, at.Y), 1)
		x += ic.size + 6
	}
	x = at.X
	for _, ic := range icons[1:] {
		if ic.size <= 22 {
			paste(dst, ic.img, image.Pt(x, at.Y+64), 4)
			x += ic.size*4 + 8
		}
	}
	paste(dst, halve(icons[0].img), image.Pt(at.X+700, at.Y+64), 1)
	for _, ic := range icons[1:] {
		if ic.size == 48 {
			paste(dst, ic.img, image.Pt(at.X+stateColumn(ic.state), at.Y+260), 2)
		}
	}
}

func stateColumn(state string) int {
	return map[string]int{"normal": 0, "due": 110, "paused": 220}[state]
}

// paste draws src over dst at zoom z, each source pixel a z×z block.
func paste(dst *image.NRGBA, src *image.NRGBA, at image.Point, z int) {
	b := src.Bounds()
	zoomed := image.NewNRGBA(image.Rect(0, 0, b.Dx()*z, b.Dy()*z))
	for y := 0; y < b.Dy()*z; y++ {
		for x := 0; x < b.Dx()*z; x++ {
			zoomed.SetNRGBA(x, y, src.NRGBAAt(x/z, y/z))
		}
	}
	draw.Draw(dst, zoomed.Bounds().Add(at), zoomed, image.Point{}, draw.Over)
}

// halve box-filters src to half size in premultiplied space.
func halve(src *image.NRGBA) *image.NRGBA {
	b := src.Bounds()
	dst := image.NewNRGBA(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
	for y := 0; y < b.Dy()/2; y++ {
		for x := 0; x < b.Dx()/2; x++ {
			var r, g, bl, a uint32
			for _, p := range []image.Point{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
				pr, pg, pb, pa := src.At(2*x+p.X, 2*y+p.Y).RGBA()
				r, g, bl, a = r+pr, g+pg, bl+pb, a+pa
			}
			dst.Set(x, y, color.RGBA64{uint16(r / 4), uint16(g / 4), uint16(bl / 4), uint16(a / 4)})
		}
	}
	return dst
}
