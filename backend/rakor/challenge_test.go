package rakor

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
)

func TestChallengeValidate(t *testing.T) {
	validateAll(t, []validCase[Challenge]{
		{"minimal", Challenge{Category: CatRegulasi, Description: "Revisi UU Perkoperasian menunggu DPR"}, "", ""},
		{"no category", Challenge{Description: "x"}, fault.Required, "category"},
		{"no description", Challenge{Category: CatSDM, Description: "  "}, fault.Required, "description"},
		{"unknown region", Challenge{Category: CatSDM, Description: "x", Region: "19.9"}, fault.UnknownRegion, "region"},
		{"unknown severity", Challenge{Category: CatSDM, Description: "x", Severity: "kritis"}, fault.Invalid, "severity"},
		{"unknown status", Challenge{Category: CatSDM, Description: "x", Status: "ditutup"}, fault.Invalid, "status"},
	}, func(t *testing.T, c Challenge) {
		assert.Equal(t, Sedang, c.Severity)
		assert.Equal(t, ChallengeTerbuka, c.Status)
	})
}

func TestCategories(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	cats, err := Categories(ctx, s)
	require.NoError(t, err)
	require.Len(t, cats, 10)
	assert.Equal(t, Category{Code: CatKoordinasi, Name: "Koordinasi dan sinkronisasi antar K/L",
		NameEN: "Coordination across ministries and agencies", Builtin: true, SortOrder: 10}, cats[0])
	assert.Equal(t, CatKelembagaan, cats[9].Code)

	c, err := AddCategory(ctx, s, "  Perizinan   usaha ")
	require.NoError(t, err)
	assert.Equal(t, Category{Code: "perizinan-usaha", Name: "Perizinan usaha", SortOrder: 110}, c)
	_, err = AddCategory(ctx, s, "perizinan USAHA")
	assert.Equal(t, "name", fault.FieldOf(err), "names are unique, any case")
	c2, err := AddCategory(ctx, s, "Perizinan: usaha!")
	require.NoError(t, err)
	assert.Equal(t, "perizinan-usaha-2", c2.Code)
	_, err = AddCategory(ctx, s, " ")
	assert.Equal(t, fault.Required, fault.CodeOf(err))

	_, err = SaveChallenge(ctx, s, Challenge{Category: c.Code, Description: "Izin usaha mikro lambat terbit"})
	require.NoError(t, err)
	_, err = SaveChallenge(ctx, s, Challenge{Category: "tidak-ada", Description: "x"})
	assert.Equal(t, "category", fault.FieldOf(err))

}

func TestChallengesAndOverview(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	kalteng23 := meeting(t, s, Meeting{Kind: Rakorda, Title: "Rakorda Kalteng 2023", StartDate: "2023-05-25", PlanningYear: 2024, ProvinceCode: "62"})
	babelM := meeting(t, s, babel())
	jatim := meeting(t, s, Meeting{Kind: Rakornis, Title: "Rakornis Jatim 2025", StartDate: "2025-02-10", EndDate: "2025-02-11", PlanningYear: 2025, ProvinceCode: "35"})
	add := func(m Meeting, cat, region, desc string, status ChallengeStatus) Challenge {
		c, err := SaveChallenge(ctx, s, Challenge{MeetingID: m.ID, Category: cat, Region: region, Description: desc, Status: status})
		require.NoError(t, err)
		return c
	}
	add(kalteng23, CatKelembagaan, "62", "Kualitas kelembagaan koperasi", ChallengeDitangani)
	add(kalteng23, CatSDM, "62", "Kualitas SDM koperasi", ChallengeTerbuka)
	add(kalteng23, CatPembiayaan, "62", "Permodalan koperasi dan UMKM", ChallengeSelesai)
	add(babelM, CatKoordinasi, "19", "27 K/L pengampu pemberdayaan UMKM", ChallengeTerbuka)
	add(babelM, CatSDM, "19", "Belum ada pedoman pelatihan terstandar", ChallengeTerbuka)
	add(babelM, CatRegulasi, "", "Revisi UU Perkoperasian menunggu DPR", ChallengeTerbuka)
	add(jatim, CatSDM, "35.73", "Kompetensi SDM pengelola KUMKM", ChallengeTerbuka)
	loose, err := SaveChallenge(ctx, s, Challenge{Category: CatData, Region: "35", Description: "Basis data KUMKM belum sinkron", Severity: Tinggi})
	require.NoError(t, err)
	assert.Zero(t, loose.MeetingID)

	ov, err := ChallengeOverview(ctx, s, ChallengeFilter{})
	require.NoError(t, err)
	assert.Equal(t, 8, ov.Total)
	require.Len(t, ov.ByCategory, 10, "every category, zeros included")
	counts := map[string][2]int{}
	for _, c := range ov.ByCategory {
		counts[c.Category] = [2]int{c.Count, c.Open}
	}
	assert.Equal(t, [2]int{3, 3}, counts[CatSDM])
	assert.Equal(t, [2]int{1, 0}, counts[CatPembiayaan], "a resolved challenge is not open")
	assert.Equal(t, [2]int{1, 1}, counts[CatKelembagaan], "ditangani is still open")
	assert.Equal(t, [2]int{0, 0}, counts[CatPemasaran])
	assert.Equal(t, []RegionCount{
		{Region: "62", Name: "Kalimantan Tengah", Count: 3},
		{Region: "19", Name: "Kepulauan Bangka Belitung", Count: 2},
		{Region: "35", Name: "Jawa Timur", Count: 1},
		{Region: "35.73", Name: "Kota Malang", Count: 1},
		{Region: "", Name: "Tanpa wilayah", Count: 1},
	}, ov.ByRegion)
	require.Len(t, ov.ByMeeting, 3, "meetings with challenges, not the loose one")
	assert.Equal(t, []int64{kalteng23.ID, babelM.ID, jatim.ID},
		[]int64{ov.ByMeeting[0].MeetingID, ov.ByMeeting[1].MeetingID, ov.ByMeeting[2].MeetingID}, "in date order")
	assert.Equal(t, map[string]int{CatKoordinasi: 1, CatSDM: 1, CatRegulasi: 1}, ov.ByMeeting[1].ByCategory)
	assert.Equal(t, 3, ov.ByMeeting[1].Count)
	assert.Equal(t, "2024-02-23", ov.ByMeeting[1].StartDate)

	ov, err = ChallengeOverview(ctx, s, ChallengeFilter{Region: "35"})
	require.NoError(t, err)
	assert.Equal(t, 2, ov.Total, "a province with its regencies")

	for name, tt := range map[string]struct {
		f    ChallengeFilter
		want int
	}{
		"all":             {ChallengeFilter{}, 8},
		"one meeting":     {ChallengeFilter{MeetingID: babelM.ID}, 3},
		"category":        {ChallengeFilter{Category: CatSDM}, 3},
		"status":          {ChallengeFilter{Status: ChallengeTerbuka}, 6},
		"severity":        {ChallengeFilter{Severity: Tinggi}, 1},
		"search any case": {ChallengeFilter{Search: "uu perkoperasian"}, 1},
		"one regency":     {ChallengeFilter{Region: "35.73"}, 1},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := Challenges(ctx, s, tt.f)
			require.NoError(t, err)
			assert.Len(t, got, tt.want)
		})
	}
	all, err := Challenges(ctx, s, ChallengeFilter{})
	require.NoError(t, err)
	assert.Equal(t, loose.ID, all[len(all)-1].ID, "challenges without a meeting come last")
	assert.Equal(t, []string{CatSDM, CatPembiayaan, CatKelembagaan}, []string{all[0].Category, all[1].Category, all[2].Category},
		"by meeting date, then taxonomy order")

	// Linking from the challenge side; deleting a meeting keeps its challenges.
	d := decision(t, s, Decision{MeetingID: babelM.ID, Text: "Menyusun pedoman pelatihan"})
	c := all[4]
	c.DecisionIDs = []int64{d.ID}
	c.Status = ChallengeDitangani
	c, err = SaveChallenge(ctx, s, c)
	require.NoError(t, err)
	assert.Equal(t, []int64{d.ID}, c.DecisionIDs)
	got, err := GetDecision(ctx, s, d.ID)
	require.NoError(t, err)
	assert.Equal(t, []int64{c.ID}, got.ChallengeIDs)
	withLinks, err := Challenges(ctx, s, ChallengeFilter{MeetingID: babelM.ID})
	require.NoError(t, err)
	linked := 0
	for _, x := range withLinks {
		linked += len(x.DecisionIDs)
	}
	assert.Equal(t, 1, linked)

	require.NoError(t, DeleteMeeting(ctx, s, babelM.ID))
	c, err = GetChallenge(ctx, s, c.ID)
	require.NoError(t, err)
	assert.Zero(t, c.MeetingID)
	assert.Empty(t, c.DecisionIDs, "the meeting's decisions went with it")
	require.NoError(t, DeleteChallenge(ctx, s, c.ID))
	assert.Equal(t, fault.NotFound, fault.CodeOf(DeleteChallenge(ctx, s, c.ID)))
}
