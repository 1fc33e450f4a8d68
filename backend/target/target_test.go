package target

import (
	"context"
	"selaras/backend/fault"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/indicator"
	"selaras/backend/indicator/indicatortest"
	"selaras/backend/store"
)

func setup(t *testing.T) (*store.Store, map[string]indicator.Indicator) {
	t.Helper()
	return indicatortest.Open(t)
}

func one(t *testing.T, s *store.Store, k Key) Value {
	t.Helper()
	vals, err := Load(context.Background(), s.Read(), Filter{Years: []int{k.Year}, Regions: []string{k.Region}, IndicatorIDs: []int64{k.IndicatorID}})
	require.NoError(t, err)
	require.Len(t, vals, 1)
	return vals[0]
}

func TestApplyParsesIndonesianNumbers(t *testing.T) {
	s, by := setup(t)
	ctx := context.Background()
	halal, growth, volume := by["UKM.05"], by["KOP.01"], by["KOP.05"]
	n, err := Apply(ctx, s, []Edit{
		{IndicatorID: halal.ID, Region: "19", Year: 2025, Field: FTarget, Text: "1.000"},
		{IndicatorID: growth.ID, Region: "19", Year: 2025, Field: FTarget, Text: "17,65%"},
		{IndicatorID: volume.ID, Region: "62", Year: 2025, Field: FTarget, Text: "Rp 222 miliar"},
		{IndicatorID: growth.ID, Region: "19.01", Year: 2025, Field: FTargetNum, Text: "12"},
		{IndicatorID: growth.ID, Region: "19.01", Year: 2025, Field: FTargetDen, Text: "80"},
		{IndicatorID: growth.ID, Region: "19.01", Year: 2025, Field: FNote, Text: "usulan Bappeda"},
	}, "tempel")
	require.NoError(t, err)
	assert.Equal(t, 4, n, "cells of the same value are written once")
	assert.Equal(t, 1000.0, *one(t, s, Key{halal.ID, "19", 2025}).Target)
	assert.Equal(t, 17.65, *one(t, s, Key{growth.ID, "19", 2025}).Target)
	assert.Equal(t, 222e9, *one(t, s, Key{volume.ID, "62", 2025}).Target)
	v := one(t, s, Key{growth.ID, "19.01", 2025})
	assert.InDelta(t, 15, *v.Target, 1e-9, "a ratio's value comes from its numerator and denominator")
	assert.Equal(t, "usulan Bappeda", v.Note)
	assert.Equal(t, "tempel", v.Source)

	// Typing the percentage directly drops the parts that would contradict it.
	_, err = Apply(ctx, s, []Edit{{IndicatorID: growth.ID, Region: "19.01", Year: 2025, Field: FTarget, Text: "16"}}, "ketik")
	require.NoError(t, err)
	v = one(t, s, Key{growth.ID, "19.01", 2025})
	assert.Equal(t, 16.0, *v.Target)
	assert.Nil(t, v.TargetNum)
	assert.Nil(t, v.TargetDen)

	hist, err := History(ctx, s, Key{growth.ID, "19.01", 2025})
	require.NoError(t, err)
	require.Len(t, hist, 2)
	assert.Equal(t, "update", hist[0].Action)
	assert.Contains(t, hist[0].OldValues, `"target":15`)
}

func TestApplyIsAllOrNothing(t *testing.T) {
	s, by := setup(t)
	ctx := context.Background()
	halal, growth := by["UKM.05"], by["KOP.01"]
	edits := []Edit{
		{IndicatorID: halal.ID, Region: "19.01", Year: 2025, Field: FTarget, Text: "150"},
		{IndicatorID: halal.ID, Region: "19.02", Year: 2025, Field: FTarget, Text: "12,3,4"},
		{IndicatorID: halal.ID, Region: "19.03", Year: 2025, Field: FTarget, Text: "15%"},
		{IndicatorID: halal.ID, Region: "99.99", Year: 2025, Field: FTarget, Text: "1"},
		{IndicatorID: halal.ID, Region: "19.04", Year: 1990, Field: FTarget, Text: "1"},
		{IndicatorID: 9999, Region: "19.04", Year: 2025, Field: FTarget, Text: "1"},
		{IndicatorID: halal.ID, Region: "19.05", Year: 2025, Field: FTargetNum, Text: "1"},
		{IndicatorID: growth.ID, Region: "19.06", Year: 2025, Field: FTargetNum, Text: "5"},
		{IndicatorID: growth.ID, Region: "19.06", Year: 2025, Field: FTargetDen, Text: "0"},
	}
	_, err := Apply(ctx, s, edits, "tempel")
	be, ok := ErrBatch(err)
	require.True(t, ok, "got %v", err)
	idx := map[int]string{}
	for _, c := range be.Cells {
		idx[c.Index] = fault.Render(c.Text, fault.ID)
		assert.NotEmpty(t, fault.Render(c.Text, fault.EN))
	}
	assert.NotContains(t, idx, 0, "a good cell is not blamed")
	assert.Contains(t, idx[1], "12,3,4")
	assert.Contains(t, idx[2], "bukan indikator persen")
	assert.Contains(t, idx[3], "99.99")
	assert.Contains(t, idx[4], "1990")
	assert.Contains(t, idx[5], "tidak ada")
	assert.Contains(t, idx[6], "hanya untuk indikator rasio")
	assert.Contains(t, idx[8], "tidak boleh nol")

	vals, err := Load(ctx, s.Read(), Filter{})
	require.NoError(t, err)
	assert.Empty(t, vals, "nothing is written when any cell is bad")
	log, err := s.Audit(ctx, store.AuditQuery{Table: "indicator_value"})
	require.NoError(t, err)
	assert.Empty(t, log)
}

func TestClearingEveryPartDeletesTheRow(t *testing.T) {
	s, by := setup(t)
	ctx := context.Background()
	halal := by["UKM.05"]
	_, err := Apply(ctx, s, []Edit{{IndicatorID: halal.ID, Region: "19", Year: 2025, Field: FTarget, Text: "1000"}}, "ketik")
	require.NoError(t, err)
	_, err = Apply(ctx, s, []Edit{{IndicatorID: halal.ID, Region: "19", Year: 2025, Field: FTarget, Text: " "}}, "ketik")
	require.NoError(t, err)
	vals, err := Load(ctx, s.Read(), Filter{})
	require.NoError(t, err)
	assert.Empty(t, vals)
}

// A province's values with other regions named: every value once, whether
// a named region lies outside the province's range (read as two searches
// one after the other) or inside it (one search of either).
func TestLoadProvinceWithRegions(t *testing.T) {
	s, by := setup(t)
	ctx := context.Background()
	growth := by["KOP.01"]
	var edits []Edit
	for _, r := range []string{"ID", "19", "19.01", "19.71", "21", "21.01"} {
		edits = append(edits, Edit{IndicatorID: growth.ID, Region: r, Year: 2025, Field: FTarget, Text: "10"})
	}
	_, err := Apply(ctx, s, edits, "ketik")
	require.NoError(t, err)
	regions := func(f Filter) []string {
		t.Helper()
		vals, err := Load(ctx, s.Read(), f)
		require.NoError(t, err)
		var out []string
		for _, v := range vals {
			out = append(out, v.Region)
			assert.Equal(t, 10.0, *v.Target)
			assert.Equal(t, "ketik", v.Source)
			assert.Equal(t, int64(1), v.Version)
		}
		return out
	}
	assert.ElementsMatch(t, []string{"ID", "19", "19.01", "19.71"},
		regions(Filter{Years: []int{2024, 2025}, RegionPrefix: "19", Regions: []string{National}, Expect: 4}))
	assert.ElementsMatch(t, []string{"ID", "19", "19.01", "19.71"},
		regions(Filter{Years: []int{2025}, RegionPrefix: "19", Regions: []string{National, "19.01"}}))
	assert.ElementsMatch(t, []string{"19", "19.01", "19.71"},
		regions(Filter{Years: []int{2025}, RegionPrefix: "19", IndicatorIDs: []int64{growth.ID}}))
	assert.Empty(t, regions(Filter{Years: []int{2025}, RegionPrefix: "19", IndicatorIDs: []int64{growth.ID + 1000}}))
}
