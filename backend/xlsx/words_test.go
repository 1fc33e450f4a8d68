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
