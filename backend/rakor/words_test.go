package rakor

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSpelling(t *testing.T) {
	for n, want := range map[int]string{
		0: "nol", 11: "sebelas", 12: "dua belas", 19: "sembilan belas", 23: "dua puluh tiga", 100: "seratus",
		111: "seratus sebelas", 250: "dua ratus lima puluh", 1000: "seribu", 1945: "seribu sembilan ratus empat puluh lima",
		2024: "dua ribu dua puluh empat", 100000: "seratus ribu", 1000000: "satu juta", 12500300: "dua belas juta lima ratus ribu tiga ratus",
	} {
		assert.Equal(t, want, SpellNumber(n), n)
	}
	assert.Equal(t, "Jumat tanggal dua puluh tiga bulan Februari tahun dua ribu dua puluh empat", SpellDate("2024-02-23"))
	assert.Equal(t, "besok", SpellDate("besok"))
}
