package demo

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/rakor"
)

func TestDemoRakor(t *testing.T) {
	ctx := context.Background()
	s := created(t)

	list, err := rakor.ListMeetings(ctx, s)
	require.NoError(t, err)
	type row struct {
		kind                   rakor.Kind
		start, end, venue, pro string
		mode                   rakor.Mode
	}
	got := []row{}
	byKey := map[string]rakor.MeetingSummary{}
	for _, ms := range list {
		m := ms.Meeting
		got = append(got, row{m.Kind, m.StartDate, m.EndDate, m.Venue, m.ProvinceCode, m.Mode})
		byKey[m.ProvinceCode+"|"+m.StartDate] = ms
	}
	assert.Equal(t, []row{
		{rakor.Rakortek, "2025-02-25", "2025-02-25", "", "62", rakor.Daring},
		{rakor.Rakornis, "2025-02-10", "2025-02-11", "Hotel The 101 Malang OJ, Kota Malang", "35", rakor.Luring},
		{rakor.Rakorda, "2024-02-26", "2024-02-28", "Aula Kantor Bupati Maluku Tenggara, Langgur", "81", rakor.Luring},
		{rakor.Rakor, "2024-02-23", "2024-02-23", "", "19", rakor.Luring},
		{rakor.Rakorda, "2023-05-25", "2023-05-25", "Ballroom Aquarius Boutique Hotel, Palangka Raya", "62", rakor.Luring},
	}, got, "the five meetings of the seeds, newest first")

	babel := byKey["19|2024-02-23"]
	people, err := rakor.Participants(ctx, s, babel.Meeting.ID)
	require.NoError(t, err)
	names := map[string]rakor.Participant{}
	for _, p := range people {
		names[p.Name] = p
	}
	for _, n := range []string{"Riza Aryani", "Saeful Bahri", "Koko Haryono"} {
		assert.Contains(t, names, n)
	}
	assert.Equal(t, rakor.Pimpinan, names["Riza Aryani"].Role)
	assert.Equal(t, 11, babel.Participants, "three named in the report and eight pasted")
	assert.Equal(t, 10, babel.Present)
	assert.Equal(t, 1, babel.Snapshots)
	assert.Equal(t, 50, byKey["81|2024-02-26"].Meeting.Headcount)
	assert.Equal(t, []string{"Desk Urusan Koperasi dan UMKM"}, byKey["62|2025-02-25"].Meeting.Desks)
	assert.Equal(t, "Sinkronisasi Kegiatan dan Anggaran Pusat dan Daerah demi Terwujudnya Koperasi Modern dan UMKM Naik Kelas",
		byKey["62|2023-05-25"].Meeting.Theme)

	// The challenges of each seed, in their categories.
	cats := func(meetingID int64) []string {
		cs, err := rakor.Challenges(ctx, s, rakor.ChallengeFilter{MeetingID: meetingID})
		require.NoError(t, err)
		out := []string{}
		for _, c := range cs {
			out = append(out, c.Category)
		}
		return out
	}
	assert.Equal(t, []string{rakor.CatKoordinasi, rakor.CatRegulasi, rakor.CatSDM, rakor.CatDemografi}, cats(babel.Meeting.ID))
	assert.Equal(t, []string{rakor.CatSDM, rakor.CatDigitalisasi, rakor.CatHilirisasi, rakor.CatData}, cats(byKey["35|2025-02-10"].Meeting.ID))
	assert.Equal(t, []string{rakor.CatSDM, rakor.CatDigitalisasi, rakor.CatPembiayaan, rakor.CatPemasaran, rakor.CatKelembagaan},
		cats(byKey["62|2023-05-25"].Meeting.ID))
	ov, err := rakor.ChallengeOverview(ctx, s, rakor.ChallengeFilter{})
	require.NoError(t, err)
	assert.Equal(t, 14, ov.Total)
	assert.Len(t, ov.ByMeeting, 4)

	// Every invented decision says so.
	reg, err := rakor.Register(ctx, s, rakor.RegisterFilter{AsOf: "2025-03-01"})
	require.NoError(t, err)
	require.Len(t, reg, 19)
	statuses := map[rakor.Status]int{}
	for _, e := range reg {
		assert.Contains(t, e.Decision.Note, "demo", "decision %q", e.Decision.Text)
		statuses[e.Decision.Status]++
	}
	assert.Equal(t, map[rakor.Status]int{rakor.Baru: 10, rakor.Berjalan: 5, rakor.Selesai: 3, rakor.Dibatalkan: 1}, statuses)
	over, err := rakor.Register(ctx, s, rakor.RegisterFilter{OverdueOnly: true, AsOf: "2025-03-01"})
	require.NoError(t, err)
	assert.NotEmpty(t, over)

	// The Rakortek of 2025 opens with what the Rakorda of 2023 left open.
	kalteng := byKey["62|2025-02-25"].Meeting
	agenda, err := rakor.Agenda(ctx, s, kalteng.ID)
	require.NoError(t, err)
	require.NotEmpty(t, agenda)
	assert.Equal(t, rakor.CarryOverTitle, agenda[0].Title)
	require.Len(t, agenda[0].DecisionIDs, 2)
	for _, id := range agenda[0].DecisionIDs {
		d, err := rakor.GetDecision(ctx, s, id)
		require.NoError(t, err)
		assert.Equal(t, byKey["62|2023-05-25"].Meeting.ID, d.MeetingID)
		log, err := rakor.FollowUps(ctx, s, id)
		require.NoError(t, err)
		assert.Equal(t, kalteng.ID, log[len(log)-1].ReviewedIn, "reviewed in the Rakortek")
	}

	// The snapshot holds the Babel targets of 2025 as shown.
	snaps, err := rakor.Snapshots(ctx, s, babel.Meeting.ID)
	require.NoError(t, err)
	require.Len(t, snaps, 1)
	snap, err := rakor.GetSnapshot(ctx, s, snaps[0].ID)
	require.NoError(t, err)
	assert.Equal(t, []int{2025}, snap.Matrix.Years)
	found := false
	for _, r := range snap.Matrix.Rows {
		if r.Indicator.Code == "KOP.01" {
			require.NotNil(t, r.Province.Target)
			assert.Equal(t, 17.65, *r.Province.Target)
			found = true
		}
	}
	assert.True(t, found)
	assert.True(t, strings.Contains(snap.Info.Label, "2025"))
}
