package xlsx

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/rakor"
	"selaras/backend/scribble"
)

// The Daftar Hadir draws each signature made on a phone in its cell, the
// one stored; a participant who signs on paper keeps an empty cell with
// its number. The demo's Renja rakor has both.
func TestDaftarHadirCarriesSignatures(t *testing.T) {
	s, p, id := demoStore(t)
	ctx := context.Background()
	f := exportBook(t, s, p, WorkbookRequest{Sheets: []Sheet{SheetAttendance}, MeetingID: id}, "Daftar Hadir")
	ps, err := rakor.Participants(ctx, s, id)
	require.NoError(t, err)
	sigs, err := rakor.Signatures(ctx, s, id)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(sigs), 3, "the demo has participants who signed on phones")
	paper := 0
	for i, x := range ps {
		r := locate(t, f, "Daftar Hadir", 2, x.Name)
		cell := "H" + strconv.Itoa(r)
		assert.Equal(t, strconv.Itoa(i+1)+".", get(t, f, "Daftar Hadir", cell))
		pics, err := f.GetPictures("Daftar Hadir", cell)
		require.NoError(t, err)
		want := sigs[x.ID]["2024-02-23"]
		if want == nil {
			paper++
			assert.Empty(t, pics, "%s signed on paper: an empty cell", x.Name)
			continue
		}
		require.Len(t, pics, 1, x.Name)
		assert.Equal(t, want, pics[0].File, "%s: the stored signature", x.Name)
		assert.Equal(t, "oneCell", pics[0].Format.Positioning)
		// Drawn inside its cell, beside the number.
		cfg, err := png.DecodeConfig(bytes.NewReader(pics[0].File))
		require.NoError(t, err)
		w := float64(cfg.Width) * pics[0].Format.ScaleX
		h := float64(cfg.Height) * pics[0].Format.ScaleY
		assert.LessOrEqual(t, float64(pics[0].Format.OffsetX)+w, 24*7+5.0)
		assert.LessOrEqual(t, float64(pics[0].Format.OffsetY)+h, 30*4/3.0)
		assert.Greater(t, h, 25.0, "tall enough to read")
	}
	assert.Greater(t, paper, 0)
}

// A meeting of three days has a signature column a day, each with that
// day's signature; the columns fit one page across on A4.
func TestDaftarHadirOfSeveralDays(t *testing.T) {
	s, p, _ := demoStore(t)
	ctx := context.Background()
	m, err := rakor.SaveMeeting(ctx, s, rakor.Meeting{Kind: rakor.Rakorda, Title: "Rakorda KUKM se-Maluku", StartDate: "2024-06-11",
		EndDate: "2024-06-13", PlanningYear: 2025})
	require.NoError(t, err)
	var ps []rakor.Participant
	for i := 0; i < 5; i++ {
		ps = append(ps, rakor.Participant{Name: fmt.Sprintf("Peserta %d", i+1), Institution: "Dinas KUKM Kabupaten Maluku Tengah", Region: "81.01"})
	}
	_, err = rakor.AddParticipants(ctx, s, m.ID, ps)
	require.NoError(t, err)
	sign := func(name, day string) {
		_, err := rakor.SignIn(ctx, s, m.ID, day, rakor.Arrival{Name: name, Signature: scribble.Draw(name+day, 600, 240)}, time.Now())
		require.NoError(t, err)
	}
	sign("Peserta 1", "2024-06-11")
	sign("Peserta 1", "2024-06-13")
	sign("Peserta 2", "2024-06-12")
	f := exportBook(t, s, p, WorkbookRequest{Sheets: []Sheet{SheetAttendance}, MeetingID: m.ID}, "Daftar Hadir")
	heads := map[string]string{}
	for _, c := range []string{"H", "I", "J"} {
		row := locate(t, f, "Daftar Hadir", 1, "No")
		heads[c] = get(t, f, "Daftar Hadir", c+strconv.Itoa(row+1))
	}
	assert.Equal(t, map[string]string{"H": "Hari 1 (11/6)", "I": "Hari 2 (12/6)", "J": "Hari 3 (13/6)"}, heads)
	count := func(name, col string) int {
		r := locate(t, f, "Daftar Hadir", 2, name)
		pics, err := f.GetPictures("Daftar Hadir", col+strconv.Itoa(r))
		require.NoError(t, err)
		return len(pics)
	}
	assert.Equal(t, []int{1, 0, 1}, []int{count("Peserta 1", "H"), count("Peserta 1", "I"), count("Peserta 1", "J")})
	assert.Equal(t, []int{0, 1, 0}, []int{count("Peserta 2", "H"), count("Peserta 2", "I"), count("Peserta 2", "J")})
	assert.Equal(t, 0, count("Peserta 3", "H"))
	plan := pageColumns([]column{{Width: 5}, {Width: 24}, {Width: 20}, {Width: 24}, {Width: 18}, {Width: 11}, {Width: 10},
		{Group: "g", Width: 16}, {Group: "g", Width: 16}, {Group: "g", Width: 16}}, 2, "A4", false)
	assert.Empty(t, plan.breaks, "three days print one page across on A4")
}
