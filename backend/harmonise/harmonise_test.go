package harmonise

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/indicator"
	"selaras/backend/indicator/indicatortest"
	"selaras/backend/region"
	"selaras/backend/target"
)

func f(x float64) *float64 { return &x }

var (
	babel = region.Region{Code: "19", Name: "Kepulauan Bangka Belitung", Level: region.Province, ProvinceCode: "19"}
	regs  = []region.Region{{Code: "19.01", Name: "Kabupaten Bangka"}, {Code: "19.02", Name: "Kabupaten Belitung"}, {Code: "19.71", Name: "Kota Pangkal Pinang"}}
)

func ind(id int64, kind indicator.Kind, agg indicator.Aggregation, pol indicator.Polarity) indicator.Indicator {
	i := indicator.Indicator{ID: id, Code: "T", Name: "Uji", Kind: kind, Aggregation: agg, Polarity: pol, Decimals: 2,
		NumeratorLabel: "a", DenominatorLabel: "b"}
	i.Normalize()
	return i
}

func val(id int64, region string, year int, t *float64) target.Value {
	return target.Value{IndicatorID: id, Region: region, Year: year, Target: t}
}

func ratio(id int64, region string, year int, num, den float64) target.Value {
	return target.Value{IndicatorID: id, Region: region, Year: year, TargetNum: &num, TargetDen: &den, Target: f(num / den * 100)}
}

func build(i indicator.Indicator, vals ...target.Value) Row {
	m := Build(Input{Province: babel, Regencies: regs, Indicators: []indicator.Indicator{i}, Values: vals}, []int{2025})
	return m.Rows[0]
}

func TestRollUpRules(t *testing.T) {
	tests := []struct {
		name     string
		ind      indicator.Indicator
		vals     []target.Value
		want     *float64
		complete bool
	}{
		{"sum", ind(1, indicator.Count, indicator.Sum, indicator.Higher),
			[]target.Value{val(1, "19.01", 2025, f(400)), val(1, "19.02", 2025, f(350)), val(1, "19.71", 2025, f(250))}, f(1000), true},
		{"ratio is sum of numerators over sum of denominators, not a mean of percentages",
			ind(1, indicator.Ratio, indicator.RatioAgg, indicator.Higher),
			[]target.Value{ratio(1, "19.01", 2025, 10, 100), ratio(1, "19.02", 2025, 90, 300), ratio(1, "19.71", 2025, 0, 0.0001)}, f(100 / 400.0001 * 100), true},
		{"mean", ind(1, indicator.Count, indicator.Mean, indicator.Higher),
			[]target.Value{val(1, "19.01", 2025, f(3)), val(1, "19.02", 2025, f(6)), val(1, "19.71", 2025, f(9))}, f(6), true},
		{"sum with a regency missing is incomplete", ind(1, indicator.Count, indicator.Sum, indicator.Higher),
			[]target.Value{val(1, "19.01", 2025, f(400)), val(1, "19.02", 2025, f(350))}, f(750), false},
		{"ratio with a percentage typed directly is incomplete", ind(1, indicator.Ratio, indicator.RatioAgg, indicator.Higher),
			[]target.Value{ratio(1, "19.01", 2025, 10, 100), ratio(1, "19.02", 2025, 90, 300), val(1, "19.71", 2025, f(12))}, f(25), false},
		{"none", ind(1, indicator.Percent, indicator.NoRollUp, indicator.Higher),
			[]target.Value{val(1, "19.01", 2025, f(3))}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := build(tt.ind, tt.vals...)
			if tt.want == nil {
				assert.Nil(t, r.RollUp.Target)
				assert.NotContains(t, r.Flags, RollUpIncomplete)
				return
			}
			require.NotNil(t, r.RollUp.Target)
			assert.InDelta(t, *tt.want, *r.RollUp.Target, 1e-9)
			assert.Equal(t, tt.complete, r.RollUp.Complete)
			assert.Equal(t, !tt.complete, contains(r.Flags, RollUpIncomplete))
		})
	}
}

func contains(fs []Flag, f Flag) bool {
	for _, x := range fs {
		if x == f {
			return true
		}
	}
	return false
}

func TestRollUpAgainstProvince(t *testing.T) {
	i := ind(1, indicator.Count, indicator.Sum, indicator.Higher)
	i.Decimals = 0
	three := []target.Value{val(1, "19.01", 2025, f(400)), val(1, "19.02", 2025, f(350)), val(1, "19.71", 2025, f(250))}
	r := build(i, append(three, val(1, "19", 2025, f(1200)))...)
	assert.Contains(t, r.Flags, RollUpShort)
	require.NotNil(t, r.Gap)
	assert.Equal(t, -200.0, *r.Gap)
	r = build(i, append(three, val(1, "19", 2025, f(900)))...)
	assert.Contains(t, r.Flags, RollUpAbove)
	r = build(i, append(three, val(1, "19", 2025, f(1000.2)))...)
	assert.Empty(t, r.Flags, "a difference below the displayed precision is not flagged")

	// Lower is better: a roll-up above the provincial ceiling falls short.
	lower := ind(1, indicator.Count, indicator.Sum, indicator.Lower)
	r = build(lower, append(three, val(1, "19", 2025, f(900)))...)
	assert.Contains(t, r.Flags, RollUpShort)
}

func TestCellFlags(t *testing.T) {
	i := ind(1, indicator.Ratio, indicator.RatioAgg, indicator.Higher)
	vals := []target.Value{
		val(1, "ID", 2025, f(10)),
		val(1, "19", 2025, f(17.65)),
		val(1, "19.01", 2024, f(20)),
		ratio(1, "19.01", 2025, 18, 100),  // 18%: below national? no; below province? no; falling from 20
		ratio(1, "19.02", 2025, 9, 100),   // 9%: below national and provincial
		ratio(1, "19.71", 2025, 150, 100), // 150%: implausible
	}
	r := build(i, vals...)
	assert.ElementsMatch(t, []Flag{Falling}, r.Regencies[0].Flags)
	assert.ElementsMatch(t, []Flag{BelowNational, BelowProvincial}, r.Regencies[1].Flags)
	assert.ElementsMatch(t, []Flag{Implausible}, r.Regencies[2].Flags)
	assert.Empty(t, r.Province.Flags)

	r = build(i, val(1, "19.01", 2025, f(18)))
	assert.Contains(t, r.Province.Flags, MissingTarget)
	assert.Contains(t, r.Regencies[1].Flags, MissingTarget)

	// Counts add up: a regency's count is never compared with the province's total.
	c := ind(2, indicator.Count, indicator.Sum, indicator.Higher)
	r = build(c, val(2, "19", 2025, f(1000)), val(2, "19.01", 2025, f(100)), val(2, "19.02", 2025, f(-5)))
	assert.Empty(t, r.Regencies[0].Flags)
	assert.Contains(t, r.Regencies[1].Flags, Implausible)
}

func TestPolarityAndAchievement(t *testing.T) {
	hi := ind(1, indicator.Count, indicator.Mean, indicator.Higher)
	v := val(1, "19.01", 2025, f(80))
	v.Realisation = f(60)
	r := build(hi, v)
	require.NotNil(t, r.Regencies[0].Achievement)
	assert.InDelta(t, 75, *r.Regencies[0].Achievement, 1e-9)

	lo := ind(1, indicator.Count, indicator.Mean, indicator.Lower)
	r = build(lo, v, val(1, "19", 2025, f(70)), val(1, "19.01", 2024, f(70)))
	assert.InDelta(t, 133.33, *r.Regencies[0].Achievement, 0.01, "lower is better: beating the target gives over 100%")
	assert.Contains(t, r.Regencies[0].Flags, BelowProvincial, "80 is worse than a ceiling of 70")
	assert.Contains(t, r.Regencies[0].Flags, Falling, "a higher ceiling than last year is a weaker target")
}

func TestRank(t *testing.T) {
	i := ind(1, indicator.Ratio, indicator.RatioAgg, indicator.Higher)
	mk := func(reg string, tgt, real float64) target.Value {
		v := val(1, reg, 2025, f(tgt))
		v.Realisation = f(real)
		return v
	}
	r := build(i, mk("19.01", 10, 9), mk("19.02", 10, 12), mk("19.71", 20, 24))
	assert.Equal(t, "achievement", r.RankedBy)
	assert.Equal(t, []int{3, 1, 1}, []int{r.Regencies[0].Rank, r.Regencies[1].Rank, r.Regencies[2].Rank})

	r = build(i, val(1, "19.01", 2025, f(5)), val(1, "19.02", 2025, f(7)))
	assert.Equal(t, "target", r.RankedBy)
	assert.Equal(t, []int{2, 1, 0}, []int{r.Regencies[0].Rank, r.Regencies[1].Rank, r.Regencies[2].Rank})

	sum := ind(2, indicator.Count, indicator.Sum, indicator.Higher)
	r = build(sum, val(2, "19.01", 2025, f(5)))
	assert.Equal(t, "", r.RankedBy, "totals are not ranked before realisation is known")
}

func TestNoProgramHook(t *testing.T) {
	i := ind(1, indicator.Count, indicator.Sum, indicator.Higher)
	m := Build(Input{Province: babel, Regencies: regs, Indicators: []indicator.Indicator{i},
		Values: []target.Value{val(1, "19.01", 2025, f(1))},
		Served: func(_ int64, region string, _ int) bool { return region == "19.01" }}, []int{2025})
	assert.NotContains(t, m.Rows[0].Regencies[0].Flags, NoProgram)
	assert.Contains(t, m.Rows[0].Regencies[1].Flags, NoProgram)
	assert.Equal(t, 3, m.Counts[NoProgram], "the province and two regencies lack a program")
}

func TestComputeFromWorkspace(t *testing.T) {
	s, inds := indicatortest.Open(t)
	ctx := context.Background()
	growth := inds["KOP.01"] // pertumbuhan koperasi, a ratio
	_, err := target.Apply(ctx, s, []target.Edit{
		{IndicatorID: growth.ID, Region: "19", Year: 2025, Field: target.FTarget, Text: "17,65%"},
		{IndicatorID: growth.ID, Region: "19.01", Year: 2025, Field: target.FTargetNum, Text: "12"},
		{IndicatorID: growth.ID, Region: "19.01", Year: 2025, Field: target.FTargetDen, Text: "80"},
	}, "ketik")
	require.NoError(t, err)
	m, err := Compute(ctx, s, "19", []int{2025})
	require.NoError(t, err)
	assert.Len(t, m.Regencies, 7)
	assert.Len(t, m.Rows, len(inds))
	row := m.Rows[0]
	assert.InDelta(t, 17.65, *row.Province.Target, 1e-9)
	assert.InDelta(t, 15, *row.Regencies[0].Target, 1e-9)
	assert.Contains(t, row.Regencies[0].Flags, BelowProvincial)
	assert.Contains(t, row.Flags, RollUpIncomplete)

	_, err = Compute(ctx, s, "19.01", []int{2025})
	assert.Error(t, err)
}
