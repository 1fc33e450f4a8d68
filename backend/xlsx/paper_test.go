package xlsx

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"selaras/backend/profile"
)

func TestPageColumns(t *testing.T) {
	matrix := func(regencies int) []column {
		cols := []column{{Width: 4}, {Width: 10}, {Width: 30}, {Width: 9}, {Group: "Target", Width: 12}, {Group: "Target", Width: 12}}
		for i := 0; i < regencies; i++ {
			g := fmt.Sprint("Kab ", i)
			cols = append(cols, column{Group: g, Width: 12}, column{Group: g, Width: 12}, column{Group: g, Width: 10})
		}
		return append(cols, column{Width: 60})
	}
	for _, tc := range []struct {
		name      string
		cols      []column
		paper     profile.Paper
		pagesWide int
	}{
		{"a narrow list fits one page", []column{{Width: 5}, {Width: 40}, {Width: 30}}, profile.A4, 1},
		{"Babel on F4", matrix(7), profile.F4, 3},
		{"Babel on A4", matrix(7), profile.A4, 5},
		{"Jawa Timur on F4", matrix(38), profile.F4, 14},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pp := pageColumns(tc.cols, 6, tc.paper, false)
			assert.Len(t, pp.breaks, tc.pagesWide-1)
			assert.GreaterOrEqual(t, pp.scale, minScale, "type never under %v pt", minPrinted)
			assert.LessOrEqual(t, pp.scale, 100)
			for _, b := range pp.breaks {
				if b < len(tc.cols) {
					g := tc.cols[b-1].Group
					assert.True(t, g == "" || g != tc.cols[b].Group, "break after column %d splits group %q", b, g)
				}
			}
		})
	}
}

// The notes column takes the rest of its page across, so the long notes
// wrap to fewer lines (and every row of every page across is lower), and
// the pages across stay as planned.
func TestFillWidth(t *testing.T) {
	for _, paper := range []profile.Paper{profile.A4, profile.F4} {
		for _, regencies := range []int{2, 7, 38} {
			cols := []column{{Width: 4}, {Width: 10}, {Width: 30}, {Width: 9}, {Group: "Target", Width: 12}, {Group: "Target", Width: 12}}
			for i := 0; i < regencies; i++ {
				g := fmt.Sprint("Kab ", i)
				cols = append(cols, column{Group: g, Width: 12}, column{Group: g, Width: 12}, column{Group: g, Width: 10})
			}
			cols = append(cols, column{Width: 12}, column{Width: 12}, column{Width: 60, Fill: true})
			pp := pageColumns(cols, 6, paper, false)
			w := fillWidth(cols, 6, pp, paper, false)
			assert.Greater(t, w, 70.0, "%s, %d kab/kota: the notes get the page's room", paper, regencies)
			cols[len(cols)-1].Width = w
			again := pageColumns(cols, 6, paper, false)
			assert.Equal(t, pp.breaks, again.breaks, "%s, %d kab/kota: the pages across are unchanged", paper, regencies)
			assert.Equal(t, pp.scale, again.scale)
		}
	}
}

func TestNationalSheetName(t *testing.T) {
	for name, want := range map[string]string{
		"Daerah Khusus Ibukota Jakarta": "DKI Jakarta 2025",
		"Daerah Istimewa Yogyakarta":    "DI Yogyakarta 2025",
		"Kepulauan Bangka Belitung":     "Kep. Bangka Belitung 2025",
		"Jawa Timur":                    "Jawa Timur 2025",
		"Papua Barat Daya":              "Papua Barat Daya 2025",
	} {
		got := NationalSheetName(name, 2025)
		assert.Equal(t, want, got)
		assert.LessOrEqual(t, len([]rune(got)), 31, "Excel's limit")
	}
}

func TestDayDate(t *testing.T) {
	assert.Equal(t, "Jumat, 23 Februari 2024", DayDate(time.Date(2024, 2, 23, 0, 0, 0, 0, time.UTC)))
}
