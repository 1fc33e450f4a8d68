// Package scribble draws signatures that look handwritten, from a name: the
// demo workspace shows a Daftar Hadir signed on phones with them, and the
// tests sign in with them as a finger on a phone's screen would. The same
// name always gives the same signature.
package scribble

import (
	"bytes"
	"hash/fnv"
	"image"
	"image/png"
	"math"
	"math/rand/v2"
)

// Draw returns a PNG of w×h pixels: dark strokes on a transparent ground,
// as a phone's signature pad sends them.
func Draw(name string, w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	h64 := fnv.New64a()
	h64.Write([]byte(name))
	rng := rand.New(rand.NewPCG(h64.Sum64(), 7))
	pen := float64(h) / 60
	loops := 4 + min(len(name), 14)/2
	mid := float64(h) * 0.62
	step := float64(w) * 0.72 / float64(loops)
	x := float64(w) * 0.14
	var pts [][2]float64
	// A capital: a tall stroke up and round, then the loops of the letters
	// (a looped cycloid, each a little different), then a flourish under it.
	for t := 0.0; t <= 1; t += 0.02 {
		a := t * 1.6 * math.Pi
		pts = append(pts, [2]float64{x - step*0.6*math.Sin(a) + step*0.3*t, mid - float64(h)*0.45*math.Sin(a/2)})
	}
	x = pts[len(pts)-1][0]
	for i := 0; i < loops; i++ {
		amp := float64(h) * (0.08 + 0.16*rng.Float64())
		loop := step * (0.25 + 0.25*rng.Float64())
		for t := 0.0; t <= 1; t += 0.02 {
			a := t * 2 * math.Pi
			pts = append(pts, [2]float64{x + step*t - loop*math.Sin(a), mid - amp*(1-math.Cos(a)) + float64(h)*0.03*math.Sin(float64(i))})
		}
		x += step
	}
	end := pts[len(pts)-1]
	for t := 0.0; t <= 1; t += 0.02 {
		pts = append(pts, [2]float64{end[0] + step*0.4*math.Sin(t*math.Pi) - (end[0]-float64(w)*0.1)*t,
			end[1] + float64(h)*0.22*math.Sin(t*math.Pi*0.9)})
	}
	for i := 1; i < len(pts); i++ {
		line(img, pts[i-1], pts[i], pen)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err) // encoding an in-memory image does not fail
	}
	return buf.Bytes()
}

// line draws a round-nibbed stroke from a to b, its edges smoothed.
func line(img *image.NRGBA, a, b [2]float64, r float64) {
	d := math.Hypot(b[0]-a[0], b[1]-a[1])
	n := int(d/r) + 1
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		dot(img, a[0]+(b[0]-a[0])*t, a[1]+(b[1]-a[1])*t, r)
	}
}

func dot(img *image.NRGBA, cx, cy, r float64) {
	b := img.Bounds()
	for y := int(cy - r - 1); y <= int(cy+r+1); y++ {
		for x := int(cx - r - 1); x <= int(cx+r+1); x++ {
			if !(image.Point{x, y}).In(b) {
				continue
			}
			cover := math.Min(1, math.Max(0, r-math.Hypot(float64(x)+0.5-cx, float64(y)+0.5-cy)+0.5))
			if cover == 0 {
				continue
			}
			i := img.PixOffset(x, y)
			if a := uint8(cover * 255); a > img.Pix[i+3] {
				img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = 0x11, 0x18, 0x27, a
			}
		}
	}
}

// Blank is a PNG of w×h pixels with nothing drawn: a pad submitted untouched.
func Blank(w, h int) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewNRGBA(image.Rect(0, 0, w, h))); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Filled is a PNG of w×h pixels all one dark colour: a photo, not a signature.
func Filled(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = 30, 30, 30, 255
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
