package fault

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMessage(t *testing.T) {
	tests := []struct {
		name string
		err  error
		lang Lang
		want string
	}{
		{"required id", New(Required, "Nama kantor"), ID, "Nama kantor wajib diisi."},
		{"required en", New(Required, "Office name"), EN, "Office name is required."},
		{"range", New(OutOfRange, "Tahun kerja", "min", "2000", "max", "2100"), ID, "Tahun kerja harus antara 2000 dan 2100."},
		{"wrapped", fmt.Errorf("profile: save: %w", New(UnknownRegion, "matrix.province", "code", "99")), ID,
			"Provinsi: kode wilayah \"99\" tidak dikenal dalam daftar Kemendagri."},
		{"plain error is internal", errors.New("disk full"), ID, "Terjadi kesalahan internal: disk full"},
		{"cause from Err", Wrap(errors.New("bad header"), NotDatabase, "", "path", "x.db"), ID,
			"Berkas x.db bukan basis data Selaras yang dapat dibaca: bad header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Message(tt.err, tt.lang))
		})
	}
}

func TestEveryCodeHasBothLanguages(t *testing.T) {
	for code, tx := range catalog {
		assert.NotEmpty(t, tx.id, "code %s lacks Indonesian", code)
		assert.NotEmpty(t, tx.en, "code %s lacks English", code)
	}
}

func TestCodeOf(t *testing.T) {
	assert.Equal(t, NewerSchema, CodeOf(fmt.Errorf("x: %w", New(NewerSchema, ""))))
	assert.Equal(t, Internal, CodeOf(errors.New("x")))
	assert.True(t, Is(New(NotFound, ""), NotFound))
}
