package program_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/harmonise"
	"selaras/backend/indicator/indicatortest"
	"selaras/backend/program"
)

// The NoProgram flag of the harmonisation matrix comes from the plan lines.
func TestNoProgramFlagThroughHarmonise(t *testing.T) {
	s, inds := indicatortest.Open(t, program.Install)
	ctx := context.Background()
	halal := inds["UKM.05"]
	sub, err := program.SaveSubKegiatan(ctx, s, program.Item{Code: "2.17.08.1.01.0001", Name: "Fasilitasi Sertifikasi Halal",
		IndicatorIDs: []int64{halal.ID}})
	require.NoError(t, err)
	_, err = program.SavePlanLine(ctx, s, program.PlanLine{SubKegiatanID: sub.ID, Region: "19.02", Year: 2025,
		OutputIndicator: "Sertifikat halal terbit", OutputUnit: "sertifikat", Pagu: 250_000_000, SumberDana: program.APBDProvinsi})
	require.NoError(t, err)

	m, err := harmonise.Compute(ctx, s, "19", []int{2025})
	require.NoError(t, err)
	for _, row := range m.Rows {
		served := row.Indicator.ID == halal.ID
		assert.Equal(t, !served, contains(row.Province.Flags, harmonise.NoProgram), "%s province", row.Indicator.Code)
		for i, g := range m.Regencies {
			want := !(served && g.Code == "19.02")
			assert.Equal(t, want, contains(row.Regencies[i].Flags, harmonise.NoProgram), "%s %s", row.Indicator.Code, g.Code)
		}
	}
	// Every province and regency cell of every indicator but the two served.
	assert.Equal(t, len(m.Rows)*(1+len(m.Regencies))-2, m.Counts[harmonise.NoProgram])

	// A year, or a province, with no plan lines at all has not been planned
	// in Selaras yet: nothing is flagged rather than everything.
	m, err = harmonise.Compute(ctx, s, "19", []int{2026})
	require.NoError(t, err)
	assert.Zero(t, m.Counts[harmonise.NoProgram])
	m, err = harmonise.Compute(ctx, s, "81", []int{2025})
	require.NoError(t, err)
	assert.Zero(t, m.Counts[harmonise.NoProgram])

	// Both years together: only the planned year's unserved cells are flagged.
	m, err = harmonise.Compute(ctx, s, "19", []int{2025, 2026})
	require.NoError(t, err)
	assert.Equal(t, len(m.Rows)/2*(1+len(m.Regencies))-2, m.Counts[harmonise.NoProgram])
}

func contains(fs []harmonise.Flag, f harmonise.Flag) bool {
	for _, x := range fs {
		if x == f {
			return true
		}
	}
	return false
}
