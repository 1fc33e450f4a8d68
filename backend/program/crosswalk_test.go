package program

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/target"
)

func TestCrosswalk(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	halalInd := f.inds["UKM.05"]
	umkm, err := SaveCentral(ctx, f.s, CentralItem{Code: "KEMENUMKM.01", Kind: CentralProgram, Name: "Program UMKM",
		Institution: "Kementerian UMKM"})
	require.NoError(t, err)
	halalOut, err := SaveCentral(ctx, f.s, CentralItem{Code: "KEMENUMKM.01.02", Kind: CentralOutput, ParentID: umkm.ID,
		Name: "UMK bersertifikat halal", Unit: "sertifikat", IndicatorIDs: []int64{halalInd.ID},
		Targets: []CentralTarget{{Year: 2025, Target: fp(1_000_000), Pagu: ip(90_000_000_000)}}})
	require.NoError(t, err)
	kemasan, err := SaveCentral(ctx, f.s, CentralItem{Code: "KEMENUMKM.01.03", Kind: CentralOutput, ParentID: umkm.ID,
		Name: "Rumah Kemasan"})
	require.NoError(t, err)

	halal := f.sub(t, "2.17.08.1.01.0001", "Fasilitasi Sertifikasi Halal", "UKM.05")
	halalKab := f.sub(t, "2.17.08.2.01.0001", "Fasilitasi Sertifikasi Halal Usaha Mikro")
	halalKab.CentralID = &halalOut.ID // served through its central link, not an indicator link
	_, err = SaveSubKegiatan(ctx, f.s, halalKab)
	require.NoError(t, err)
	pack := f.sub(t, "2.17.08.1.01.0002", "Fasilitasi Rumah Kemasan")
	other := f.sub(t, "2.17.06.1.01.0001", "Pengembangan Koperasi Modern", "KOP.02")

	prov := line(halal, "19", 500_000_000)
	prov.Target = fp(600)
	provInKab := line(halal, "19.02", 250_000_000) // the province's line landing in Belitung
	provInKab.Target = fp(400)
	kab := line(halalKab, "19.01", 75_000_000)
	kab.SumberDana, kab.Target = APBDKabKota, fp(150)
	packLine := line(pack, "19", 40_000_000)
	packLine.CentralID = &kemasan.ID
	f.put(t, prov, provInKab, kab, packLine, line(other, "19.03", 1), line(halal, "62", 9))
	_, err = target.Apply(ctx, f.s, []target.Edit{
		{IndicatorID: halalInd.ID, Region: "19", Year: 2025, Field: target.FTarget, Text: "1.000"},
		{IndicatorID: halalInd.ID, Region: "19.01", Year: 2025, Field: target.FTarget, Text: "150"},
	}, "ketik")
	require.NoError(t, err)

	t.Run("by indicator", func(t *testing.T) {
		cw, err := BuildCrosswalk(ctx, f.s, CrosswalkQuery{IndicatorID: halalInd.ID, Year: 2025, Province: "19"})
		require.NoError(t, err)
		require.NotNil(t, cw.Indicator)
		assert.Equal(t, "UKM.05", cw.Indicator.Code)
		require.Len(t, cw.Centre.Items, 1)
		assert.Equal(t, "KEMENUMKM.01.02", cw.Centre.Items[0].Item.Code)
		assert.Equal(t, int64(90_000_000_000), cw.Centre.Pagu)
		assert.False(t, cw.Centre.Missing)

		assert.Len(t, cw.Province.Lines, 2, "the province plans wherever its lines land")
		assert.Equal(t, int64(750_000_000), cw.Province.Sum.Pagu)
		require.NotNil(t, cw.Province.Target)
		assert.Equal(t, 1000.0, *cw.Province.Target)
		assert.Equal(t, "unit usaha", cw.Province.Unit)
		assert.Equal(t, 1000.0, *cw.Province.IndicatorTarget)

		require.Len(t, cw.Regencies, 7)
		bangka, belitung := cw.Regencies[0], cw.Regencies[1]
		assert.Equal(t, "19.01", bangka.Region.Code)
		assert.False(t, bangka.Missing)
		assert.Equal(t, int64(75_000_000), bangka.Sum.Pagu)
		assert.Equal(t, 150.0, *bangka.IndicatorTarget)
		assert.True(t, belitung.Missing, "a province line there is not the regency's own plan")
		require.Len(t, belitung.FromProvince, 1)
		assert.Equal(t, int64(250_000_000), belitung.FromProvince[0].Pagu)

		assert.Equal(t, []string{"19.02", "19.03", "19.04", "19.05", "19.06", "19.71"}, cw.Missing)
	})

	t.Run("by central program", func(t *testing.T) {
		cw, err := BuildCrosswalk(ctx, f.s, CrosswalkQuery{CentralCode: "KEMENUMKM.01", Year: 2025, Province: "19"})
		require.NoError(t, err)
		require.NotNil(t, cw.Central)
		codes := []string{}
		for _, c := range cw.Centre.Items {
			codes = append(codes, c.Item.Code)
		}
		assert.Equal(t, []string{"KEMENUMKM.01", "KEMENUMKM.01.02", "KEMENUMKM.01.03"}, codes, "the program and its outputs")
		require.Len(t, cw.Province.Lines, 1, "only the line linked to an output of the program")
		assert.Equal(t, int64(40_000_000), cw.Province.Sum.Pagu)
		require.NotNil(t, cw.Province.Target)
		assert.Equal(t, 100.0, *cw.Province.Target)
		assert.False(t, cw.Regencies[0].Missing, "Bangka's sub-kegiatan is linked to an output of the program")
		assert.NotContains(t, cw.Missing, MissingCentre)
		assert.NotContains(t, cw.Missing, MissingProvince)
	})

	t.Run("every level missing", func(t *testing.T) {
		cw, err := BuildCrosswalk(ctx, f.s, CrosswalkQuery{IndicatorID: f.inds["KOP.03"].ID, Year: 2025, Province: "19"})
		require.NoError(t, err)
		assert.True(t, cw.Centre.Missing)
		assert.True(t, cw.Province.Missing)
		assert.Equal(t, []string{MissingCentre, MissingProvince, "19.01", "19.02", "19.03", "19.04", "19.05", "19.06", "19.71"}, cw.Missing)
		assert.NotNil(t, cw.Centre.Items)
		assert.NotNil(t, cw.Province.Lines)
	})

	t.Run("every indicator at once, reading the plan once", func(t *testing.T) {
		all, err := BuildCrosswalks(ctx, f.s, "19", 2025)
		require.NoError(t, err)
		require.Len(t, all, len(f.inds))
		for _, cw := range all {
			one, err := BuildCrosswalk(ctx, f.s, CrosswalkQuery{IndicatorID: cw.Indicator.ID, Year: 2025, Province: "19"})
			require.NoError(t, err)
			assert.Equal(t, one, cw, cw.Indicator.Code)
		}
		_, err = BuildCrosswalks(ctx, f.s, "19.01", 2025)
		assert.Equal(t, "province", fault.FieldOf(err))
		_, err = BuildCrosswalks(ctx, f.s, "19", 0)
		assert.Equal(t, "year", fault.FieldOf(err))
	})

	bad := []struct {
		name  string
		q     CrosswalkQuery
		field string
	}{
		{"regency as province", CrosswalkQuery{IndicatorID: halalInd.ID, Year: 2025, Province: "19.01"}, "province"},
		{"no year", CrosswalkQuery{IndicatorID: halalInd.ID, Province: "19"}, "year"},
		{"neither indicator nor central", CrosswalkQuery{Year: 2025, Province: "19"}, "indicatorId"},
		{"unknown central code", CrosswalkQuery{CentralCode: "NOPE", Year: 2025, Province: "19"}, "centralCode"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := BuildCrosswalk(ctx, f.s, tt.q)
			require.Error(t, err)
			assert.Equal(t, tt.field, fault.FieldOf(err))
		})
	}
}

func TestServed(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	halal := f.sub(t, "2.17.08.1.01.0001", "Fasilitasi Sertifikasi Halal", "UKM.05")
	izin := f.sub(t, "2.17.07.2.01.0003", "Fasilitasi Kemudahan Perizinan Usaha Mikro", "UKM.03")
	unlinked := f.sub(t, "2.17.07.1.01.0001", "Fasilitasi Jaminan Sosial Ketenagakerjaan")
	inKab := line(halal, "19.02", 10) // a province line landing in Belitung
	kab := line(izin, "19.71", 10)
	kab.SumberDana = APBDKabKota
	next := line(izin, "19.01", 10)
	next.Year, next.SumberDana = 2026, APBDKabKota
	f.put(t, inKab, kab, next, line(unlinked, "19", 10), line(halal, "62", 10))

	served, err := Served(ctx, f.s, "19", []int{2025})
	require.NoError(t, err)
	halalID, izinID := f.inds["UKM.05"].ID, f.inds["UKM.03"].ID
	tests := []struct {
		ind    int64
		region string
		year   int
		want   bool
	}{
		{halalID, "19.02", 2025, true},
		{halalID, "19", 2025, true}, // the province's own line, wherever it lands
		{halalID, "19.01", 2025, false},
		{izinID, "19.71", 2025, true},
		{izinID, "19", 2025, false},   // a regency's line does not serve the province
		{izinID, "19.01", 2026, true}, // 2026 was not loaded: not judged
		{f.inds["KOP.01"].ID, "19", 2025, false},
		{halalID, "62", 2025, false}, // another province is not loaded
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, served(tt.ind, tt.region, tt.year), "indicator %d in %s %d", tt.ind, tt.region, tt.year)
	}
	served, err = Served(ctx, f.s, "19", []int{2025, 2026})
	require.NoError(t, err)
	assert.True(t, served(izinID, "19.01", 2026))
	assert.False(t, served(halalID, "19.01", 2026))

	// A year with no plan line in the province is not planned yet.
	served, err = Served(ctx, f.s, "19", []int{2027})
	require.NoError(t, err)
	assert.Nil(t, served)
}

func TestCrossLevelTarget(t *testing.T) {
	withUnit := func(target *float64, unit string) PlanLine {
		return PlanLine{Target: target, OutputUnit: unit, Pagu: 5}
	}
	tests := []struct {
		name  string
		lines []PlanLine
		want  *float64
	}{
		{"same unit adds up", []PlanLine{withUnit(fp(600), "sertifikat"), withUnit(fp(400), "Sertifikat")}, fp(1000)},
		{"different units do not", []PlanLine{withUnit(fp(600), "sertifikat"), withUnit(fp(4), "paket")}, nil},
		{"a line without target", []PlanLine{withUnit(fp(600), "sertifikat"), withUnit(nil, "")}, nil},
		{"no lines", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := CrossLevel{Lines: tt.lines}
			require.NoError(t, c.total())
			assert.Equal(t, tt.want, c.Target)
			assert.Equal(t, int64(5*len(tt.lines)), c.Sum.Pagu)
			assert.Equal(t, len(tt.lines) == 0, c.Missing)
		})
	}
}
