package rakor

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strconv"

	"selaras/backend/fault"
)

// A signature is drawn with a finger on a phone and arrives as a PNG. What
// is stored is never the bytes as sent: the image is decoded (its size
// checked first, so a small file cannot claim a huge canvas), must show
// some ink, and is re-drawn as ink on a transparent ground cropped to the
// strokes, in a PNG of at most MaxSignatureBytes. So nothing a phone sends
// (ancillary chunks, a photo, a file that is not a PNG) reaches the
// workspace or the Daftar Hadir as it came.
const (
	// MaxSignatureUpload bounds the PNG a phone may send.
	MaxSignatureUpload = 256 << 10
	// MaxSignatureBytes bounds the stored signature (the schema checks it too).
	MaxSignatureBytes = 64 << 10
	// The canvas a phone draws on, in pixels.
	minSignatureW, minSignatureH = 60, 24
	maxSignatureW, maxSignatureH = 1600, 800
)

// inkColour is a ballpoint's blue-black: a signature prints as one.
var inkColour = color.NRGBA{R: 0x14, G: 0x21, B: 0x3d}

// CheckSignature refuses what is not a drawn signature and returns the one
// to store: ink on a transparent ground, cropped to the strokes.
func CheckSignature(data []byte) ([]byte, error) {
	const field = "attendance.signature"
	if len(data) == 0 {
		return nil, fault.New(fault.Required, field)
	}
	if len(data) > MaxSignatureUpload {
		return nil, fault.Reject(field, fault.ReasonSignatureTooBig, "max", strconv.Itoa(MaxSignatureUpload>>10))
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fault.Reject(field, fault.ReasonSignatureNotPNG)
	}
	if cfg.Width < minSignatureW || cfg.Height < minSignatureH || cfg.Width > maxSignatureW || cfg.Height > maxSignatureH {
		return nil, fault.Reject(field, fault.ReasonSignatureSize, "width", strconv.Itoa(cfg.Width), "height", strconv.Itoa(cfg.Height),
			"maxWidth", strconv.Itoa(maxSignatureW), "maxHeight", strconv.Itoa(maxSignatureH))
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fault.Reject(field, fault.ReasonSignatureNotPNG)
	}
	ink, box, n := inkOf(img)
	area := img.Bounds().Dx() * img.Bounds().Dy()
	// A few dots are a tap, not a signature; a canvas mostly dark is a
	// photo or a filled shape.
	if n < 40 || box.Dx() < 16 || box.Dy() < 6 || n*10 > area*6 {
		return nil, fault.Reject(field, fault.ReasonSignatureEmpty)
	}
	for scale := 1; scale <= 4; scale *= 2 {
		out, err := encodeInk(ink, box, scale)
		if err != nil {
			return nil, fault.Reject(field, fault.ReasonSignatureNotPNG)
		}
		if len(out) <= MaxSignatureBytes {
			return out, nil
		}
	}
	return nil, fault.Reject(field, fault.ReasonSignatureTooBig, "max", strconv.Itoa(MaxSignatureBytes>>10))
}

// inkOf measures how much ink each pixel holds (its darkness times its
// opacity, 0–255), the box around the clear strokes, with a margin, and
// how many pixels are clearly ink.
func inkOf(img image.Image) (*image.Gray, image.Rectangle, int) {
	b := img.Bounds()
	ink := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	box := image.Rectangle{Min: image.Pt(b.Dx(), b.Dy())}
	n := 0
	// A canvas's PNG decodes as NRGBA: read its bytes; anything else
	// through the colour model.
	nrgba, fast := img.(*image.NRGBA)
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			var c color.NRGBA
			if fast {
				i := nrgba.PixOffset(b.Min.X+x, b.Min.Y+y)
				c = color.NRGBA{R: nrgba.Pix[i], G: nrgba.Pix[i+1], B: nrgba.Pix[i+2], A: nrgba.Pix[i+3]}
			} else {
				c = color.NRGBAModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)).(color.NRGBA)
			}
			dark := 255 - (299*int(c.R)+587*int(c.G)+114*int(c.B))/1000
			v := dark * int(c.A) / 255
			ink.Pix[y*ink.Stride+x] = uint8(v)
			if v > 96 {
				n++
				box.Min.X, box.Min.Y = min(box.Min.X, x), min(box.Min.Y, y)
				box.Max.X, box.Max.Y = max(box.Max.X, x+1), max(box.Max.Y, y+1)
			}
		}
	}
	if n == 0 {
		return ink, image.Rectangle{}, 0
	}
	const margin = 4
	box = image.Rect(box.Min.X-margin, box.Min.Y-margin, box.Max.X+margin, box.Max.Y+margin).Intersect(ink.Bounds())
	return ink, box, n
}

// encodeInk draws the ink inside box, shrunk scale times, as a PNG of 16
// shades of ink over transparency.
func encodeInk(ink *image.Gray, box image.Rectangle, scale int) ([]byte, error) {
	pal := make(color.Palette, 16)
	for i := range pal {
		c := inkColour
		c.A = uint8(i * 17)
		pal[i] = c
	}
	w, h := (box.Dx()+scale-1)/scale, (box.Dy()+scale-1)/scale
	out := image.NewPaletted(image.Rect(0, 0, w, h), pal)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			sum, cnt := 0, 0
			for dy := 0; dy < scale; dy++ {
				for dx := 0; dx < scale; dx++ {
					px, py := box.Min.X+x*scale+dx, box.Min.Y+y*scale+dy
					if px < box.Max.X && py < box.Max.Y {
						sum += int(ink.Pix[py*ink.Stride+px])
						cnt++
					}
				}
			}
			out.Pix[y*out.Stride+x] = uint8((sum/cnt + 8) / 17)
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
