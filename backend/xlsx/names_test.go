package xlsx

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/rakor"
	"selaras/backend/store/storetest"
)

// The names an export is offered under (the app's save dialog, selaras
// export without a file name): the province's name and years, a meeting's
// date and first words, nothing Windows refuses in a name.
func TestExportNames(t *testing.T) {
	assert.Equal(t, "Matriks-Target-Kepulauan-Bangka-Belitung-2025.xlsx", TargetsFileName("19", []int{2025}))
	assert.Equal(t, "Konsolidasi-Nasional-2024-2025.xlsx", NationalFileName([]int{2024, 2025}))
	assert.Equal(t, "a-b-c-d.xlsx", SafeName("a/b:c?d.xlsx"))

	ctx := context.Background()
	s := storetest.Open(t)
	m, err := rakor.SaveMeeting(ctx, s, rakor.Meeting{Kind: rakor.Rakor, Title: "Rapat Koordinasi Penyusunan Rencana Kerja (Renja) Dinas Koperasi: Tahun 2025",
		StartDate: "2024-02-23", Mode: rakor.Luring, PlanningYear: 2025})
	require.NoError(t, err)
	for _, tc := range []struct {
		req  WorkbookRequest
		want string
	}{
		{WorkbookRequest{Province: "62", Years: []int{2026}, Sheets: []Sheet{SheetProgram}}, "Matriks-Program-Kalimantan-Tengah-2026.xlsx"},
		{WorkbookRequest{Province: "19", Years: []int{2025}, Sheets: []Sheet{SheetTarget, SheetSync}}, "Selaras-Kepulauan-Bangka-Belitung-2025.xlsx"},
		{WorkbookRequest{Sheets: []Sheet{SheetDecisions, SheetMinutes}, MeetingID: m.ID}, "Rakor-2024-02-23-Penyusunan-Rencana-Kerja-Dinas-Koperasi-.xlsx"},
		{WorkbookRequest{Sheets: []Sheet{SheetDecisions}}, "Register-Rakor.xlsx"},
	} {
		got, err := WorkbookFileName(ctx, s, tc.req)
		require.NoError(t, err)
		assert.Equal(t, tc.want, got)
	}
}
