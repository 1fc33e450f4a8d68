package xlsx

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"selaras/backend/rakor"
)

// Every attendance has its word, the catalogue's (the screens read the same
// entries through frontend/src/i18n/labels.ts).
func TestAttendanceWords(t *testing.T) {
	want := map[rakor.Attendance]string{rakor.Hadir: "Hadir", rakor.TidakHadir: "Tidak hadir", rakor.Diwakili: "Diwakili"}
	assert.Equal(t, want, attendanceName)
}

// Every role, status and severity has its word in the catalogue (the screens
// read the same entries): none is printed as it is stored.
func TestRakorValueWords(t *testing.T) {
	words := func(field string, values ...string) []string {
		out := make([]string, len(values))
		for i, v := range values {
			out[i] = valueWord(field, v)
		}
		return out
	}
	assert.Equal(t, []string{"Pimpinan", "Narasumber", "Peserta", "Notulis"},
		words("participant.role", string(rakor.Pimpinan), string(rakor.Narasumber), string(rakor.Peserta), string(rakor.Notulis)))
	assert.Equal(t, []string{"Baru", "Berjalan", "Selesai", "Dibatalkan"},
		words("decision.status", string(rakor.Baru), string(rakor.Berjalan), string(rakor.Selesai), string(rakor.Dibatalkan)))
	assert.Equal(t, []string{"Rendah", "Sedang", "Tinggi"},
		words("challenge.severity", string(rakor.Rendah), string(rakor.Sedang), string(rakor.Tinggi)))
	assert.Equal(t, []string{"Terbuka", "Ditangani", "Selesai"},
		words("challenge.status", string(rakor.ChallengeTerbuka), string(rakor.ChallengeDitangani), string(rakor.ChallengeSelesai)))
}
