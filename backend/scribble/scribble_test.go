package scribble

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The same name draws the same signature; another name another one; the
// strokes stay inside the pad.
func TestDraw(t *testing.T) {
	a, b := Draw("Riza Aryani", 600, 240), Draw("Koko Haryono", 600, 240)
	assert.Equal(t, a, Draw("Riza Aryani", 600, 240))
	assert.NotEqual(t, a, b)
	img, err := png.Decode(bytes.NewReader(a))
	require.NoError(t, err)
	assert.Equal(t, 600, img.Bounds().Dx())
	ink := 0
	for y := 0; y < 240; y++ {
		for x := 0; x < 600; x++ {
			if _, _, _, al := img.At(x, y).RGBA(); al > 0x8000 {
				ink++
			}
		}
	}
	assert.Greater(t, ink, 1000)
	assert.Less(t, ink, 600*240/4)
}
