package demo

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/harmonise"
	"selaras/backend/indicator"
	"selaras/backend/program"
	"selaras/backend/store"
)

// created builds the demo workspace in the test's temp dir, closed with
// the test.
func created(t *testing.T) *store.Store {
	t.Helper()
	s, err := Create(context.Background(), filepath.Join(t.TempDir(), "demo.db"))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

func TestDemoPrograms(t *testing.T) {
	ctx := context.Background()
	s := created(t)

	all, err := program.ListPlanLines(ctx, s, program.Filter{})
	require.NoError(t, err)
	require.NotEmpty(t, all)
	for _, l := range all {
		assert.Contains(t, l.Catatan, "angka contoh (demo)", "%s %s: a pagu not in the seeds is labelled", l.SubKegiatanCode, l.Region)
	}

	// Bangka Belitung 2025: halal certificates, equipment aid in 7 regencies.
	babel, err := program.BuildTree(ctx, s, program.Filter{Year: 2025, Province: "19"})
	require.NoError(t, err)
	aid := 0
	var noTarget, notAgreed bool
	for _, p := range babel.Programs {
		for _, k := range p.Children {
			for _, sub := range k.Children {
				for _, l := range sub.Lines {
					if sub.Item.Code == "2.17.08.1.01.0002" {
						aid++
						assert.Equal(t, program.APBDProvinsi, l.SumberDana)
					}
					if sub.Item.Code == "2.17.08.1.01.0001" {
						assert.Equal(t, 1000.0, *l.Target, "1.000 sertifikat halal")
					}
					noTarget = noTarget || l.Target == nil
					notAgreed = notAgreed || l.Status == program.BelumDisepakati
				}
			}
		}
	}
	assert.Equal(t, 7, aid, "one equipment-aid line per kabupaten/kota")
	assert.True(t, noTarget, "a line without target shows the flag")
	assert.True(t, notAgreed)
	assert.Positive(t, babel.Total.NoTarget)
	assert.Len(t, babel.ByRegion, 8, "the province and its 7 regencies")

	// The comparison screen: UKM.05 is served in Babel, KOP.03 is not.
	m, err := harmonise.Compute(ctx, s, "19", []int{2025})
	require.NoError(t, err)
	flagged := map[string]bool{}
	for _, r := range m.Rows {
		for _, f := range r.Province.Flags {
			if f == harmonise.NoProgram {
				flagged[r.Indicator.Code] = true
			}
		}
	}
	assert.False(t, flagged["UKM.05"])
	assert.True(t, flagged["KOP.03"], "an indicator of Babel without any program")

	// The crosswalk of the halal certificates.
	inds, err := indicator.List(ctx, s.Read())
	require.NoError(t, err)
	var halal int64
	for _, i := range inds {
		if i.Code == "UKM.05" {
			halal = i.ID
		}
	}
	cw, err := program.BuildCrosswalk(ctx, s, program.CrosswalkQuery{IndicatorID: halal, Year: 2025, Province: "19"})
	require.NoError(t, err)
	require.NotEmpty(t, cw.Centre.Items)
	assert.Equal(t, "KEMENUMKM-01.01", cw.Centre.Items[0].Item.Code)
	assert.False(t, cw.Province.Missing)
	assert.NotContains(t, cw.Missing, "19.02", "Belitung plans its own halal facilitation")
	assert.Contains(t, cw.Missing, "19.01")

	// Maluku's Rumah Kemasan comes through the centre; Kalteng plans two years.
	maluku, err := program.ListPlanLines(ctx, s, program.Filter{Year: 2024, Province: "81", SumberDana: program.APBNDekon})
	require.NoError(t, err)
	require.Len(t, maluku, 1)
	assert.Contains(t, maluku[0].OutputIndicator, "Rumah Kemasan")
	for _, y := range []int{2025, 2026} {
		kalteng, err := program.BuildTree(ctx, s, program.Filter{Year: y, Province: "62"})
		require.NoError(t, err)
		assert.Positive(t, kalteng.Total.Lines, "Kalimantan Tengah %d", y)
	}
}
