package harmonise

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"selaras/backend/benchdata"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
	"selaras/backend/target"
)

// TestMatchesReference computes every province of the national dataset (with
// gaps, odd values and a work plan that serves some indicators) and compares
// each matrix with the one the reference computation gives, and the whole
// country read at once with the provinces read one by one.
func TestMatchesReference(t *testing.T) {
	ctx := context.Background()
	s := storetest.Open(t)
	fillSome(t, s)
	require.NoError(t, benchdata.FillPlans(ctx, s, 2025, 2000))
	require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{
			// Gaps: missing targets, incomplete roll-ups, no realisation.
			"DELETE FROM indicator_value WHERE year = 2025 AND indicator_id % 3 = 0 AND region_code LIKE '35.0%'",
			"DELETE FROM indicator_value WHERE year = 2024 AND indicator_id % 4 = 1 AND region_code LIKE '1%'",
			"UPDATE indicator_value SET realisation = NULL, real_num = NULL, real_den = NULL WHERE indicator_id % 5 = 2",
			// Odd values: implausible, falling, ties.
			"UPDATE indicator_value SET target = -5 WHERE year = 2025 AND indicator_id % 4 = 3 AND region_code LIKE '33.%'",
			"UPDATE indicator_value SET target = 120, realisation = 120 WHERE year = 2025 AND indicator_id % 6 = 1 AND region_code LIKE '32.%'",
			"UPDATE indicator_value SET target = 1, realisation = 1 WHERE year = 2024 AND indicator_id % 2 = 0 AND region_code LIKE '31%'",
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	}))
	// A third of the planned sub-kegiatan serve an indicator, the
	// province's own (L = 1) among them, so NoProgram is both set and not.
	require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sub_kegiatan_indicator(sub_kegiatan_id, indicator_id)
SELECT DISTINCT l.sub_kegiatan_id, i.id FROM plan_line l CROSS JOIN indicator i WHERE (l.sub_kegiatan_id + i.id) % 3 = 0`)
		return err
	}))
	for _, years := range [][]int{{2025}, {2023, 2025}} {
		country, err := ComputeCountry(ctx, s, years)
		require.NoError(t, err)
		require.Len(t, country, len(region.Default().Provinces()))
		seen := map[Flag]int{}
		for _, m := range country {
			for f, n := range m.Counts {
				seen[f] += n
			}
		}
		for _, f := range []Flag{MissingTarget, BelowNational, BelowProvincial, RollUpIncomplete, Falling, Implausible, NoProgram} {
			require.NotZero(t, seen[f], "the data should raise %s somewhere", f)
		}
		for i, p := range region.Default().Provinces() {
			in, err := refLoad(ctx, s, p.Code, years)
			require.NoError(t, err)
			want := refBuild(in, years)
			got, err := Compute(ctx, s, p.Code, years)
			require.NoError(t, err)
			require.Equal(t, want, got, "province %s, years %v", p.Code, years)
			require.Equal(t, want, country[i], "province %s in the country, years %v", p.Code, years)
		}
	}
	_, err := ComputeCountry(ctx, s, nil)
	require.Error(t, err)
}

// fillSome writes twelve indicators of every kind over the provinces of
// Java and Sumatra and their regencies (and the nation), 2022 to 2025:
// the national dataset's shape at a tenth of its size.
func fillSome(t *testing.T, s *store.Store) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(3, 4))
	var regions []string
	for _, p := range region.Default().Provinces() {
		if p.Code[0] == '1' || p.Code[0] == '3' {
			regions = append(regions, p.Code)
			for _, r := range region.Default().Regencies(p.Code) {
				regions = append(regions, r.Code)
			}
		}
	}
	regions = append(regions, target.National)
	require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error {
		return benchdata.Values(ctx, tx, rng, benchdata.Spread{Indicators: 12, Years: []int{2022, 2023, 2024, 2025},
			Regions: regions, Source: "uji",
			Target: func(rng *rand.Rand) float64 { return float64(50 + rng.IntN(50)) }}) // whole numbers, so ties occur
	}))
}
