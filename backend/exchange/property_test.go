package exchange

import (
	"context"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/indicator"
	"selaras/backend/number"
	"selaras/backend/target"
	"selaras/backend/template"
	"selaras/backend/xlsx/xlsxtest"
)

// TestRandomValuesRoundTrip writes random values of every kind into a
// template, in the forms offices type them (numbers, Indonesian text, a
// percent format, "-" for none), imports it, checks that exactly those
// values are stored, and that importing the same file again changes nothing.
func TestRandomValuesRoundTrip(t *testing.T) {
	fx := kindFixture(t)
	ctx := context.Background()
	inds, err := indicator.List(ctx, fx.s.Read())
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(10, 2025))
	for round := 0; round < 3; round++ {
		fx.writeTemplate(t, fx.path, time.Now())
		want := map[string]map[target.Field]*float64{} // code -> field -> value (nil: empty)
		xlsxtest.Edit(t, fx.path, func(f *excelize.File) {
			pct, err := f.NewStyle(&excelize.Style{NumFmt: 10, Protection: &excelize.Protection{Locked: false}})
			require.NoError(t, err)
			for _, ind := range inds {
				r := xlsxtest.Row(t, f, template.ValuesSheet, ind.Code)
				want[ind.Code] = map[target.Field]*float64{}
				fields := []target.Field{target.FTarget, target.FRealisation, target.FBaseline}
				if ind.Kind == indicator.Ratio {
					fields = []target.Field{target.FTargetNum, target.FTargetDen, target.FRealisation, target.FBaseline}
				}
				for _, field := range fields {
					col := map[target.Field]string{target.FTarget: "F", target.FTargetNum: "G", target.FTargetDen: "H",
						target.FRealisation: "I", target.FBaseline: "J"}[field]
					cell := col + strconv.Itoa(r)
					u := template.UnitFor(ind, field)
					if field == target.FTargetDen {
						u = template.UnitDen
					}
					v, form := randomValue(rng, u)
					if ind.Kind == indicator.Ratio && field == target.FTargetDen { // parts come together
						if want[ind.Code][target.FTargetNum] == nil {
							v, form = nil, "-"
						}
						for v == nil && want[ind.Code][target.FTargetNum] != nil {
							v, form = randomValue(rng, u)
						}
					}
					if ind.Kind == indicator.Ratio && field == target.FTargetNum && v == nil {
						form = ""
					}
					want[ind.Code][field] = v
					switch {
					case form == "num":
						require.NoError(t, f.SetCellFloat(template.ValuesSheet, cell, *v, -1, 64))
					case form == "pct":
						require.NoError(t, f.SetCellFloat(template.ValuesSheet, cell, *v/100, -1, 64))
						require.NoError(t, f.SetCellStyle(template.ValuesSheet, cell, cell, pct))
					case form == "":
						require.NoError(t, f.SetCellValue(template.ValuesSheet, cell, nil))
					default:
						require.NoError(t, f.SetCellStr(template.ValuesSheet, cell, form))
					}
				}
			}
		})
		p := importOnce(t, fx, fx.path)
		require.NotEmpty(t, p.Changes)
		for _, ind := range inds {
			got := valueOf(t, fx, ind.Code)
			for field, w := range want[ind.Code] {
				g := got.Number(field)
				if ind.Kind == indicator.Ratio && (field == target.FTargetNum || field == target.FTargetDen) && w == nil {
					// Both parts empty: the parts are cleared, or were never there.
					assert.Nil(t, g, "%s %s", ind.Code, field)
					continue
				}
				if w == nil {
					assert.Nil(t, g, "round %d: %s %s", round, ind.Code, field)
					continue
				}
				if assert.NotNil(t, g, "round %d: %s %s", round, ind.Code, field) {
					assert.InDelta(t, *w, *g, 1e-9*math.Max(1, math.Abs(*w)), "round %d: %s %s", round, ind.Code, field)
				}
			}
			if ind.Kind == indicator.Ratio && got.TargetNum != nil {
				assert.InDelta(t, *got.TargetNum / *got.TargetDen * ind.Scale, *got.Target, 1e-9)
			}
		}
		again, err := ReadImport(ctx, fx.s, fx.path, ImportOptions{})
		require.NoError(t, err)
		assert.Zero(t, again.New+again.Changed+again.Cleared, "round %d: the same file twice changes nothing", round)
		assert.Empty(t, again.Edits)
	}
}

// randomValue is a value of a unit and how it is typed: "num" (a number
// cell), "pct" (a number cell in a percent format), "" (empty), or text.
func randomValue(rng *rand.Rand, u template.Unit) (*float64, string) {
	if rng.IntN(8) == 0 {
		return nil, []string{"", "-", "n/a", "tidak ada"}[rng.IntN(4)]
	}
	var v float64
	switch u {
	case template.UnitCount:
		v = float64(rng.IntN(10_000_000))
	case template.UnitRupiah:
		v = float64(rng.Int64N(10_000_000_000_000))
	case template.UnitPercent:
		v = float64(rng.IntN(10_001)) / 100
	case template.UnitPart:
		v = float64(rng.IntN(200_000) - 20_000)
	case template.UnitDen:
		v = float64(1 + rng.IntN(1_000_000))
	default:
		v = float64(rng.IntN(40_001)-10_000) / 100
	}
	switch rng.IntN(3) {
	case 0:
		return &v, "num"
	case 1:
		if u.Percent() && v >= 0 {
			return &v, "pct"
		}
		return &v, "num"
	}
	s := number.Format(v, -1)
	switch {
	case u == template.UnitRupiah && rng.IntN(2) == 0:
		s = "Rp " + s
	case u == template.UnitPercent && rng.IntN(2) == 0:
		s += "%"
	}
	return &v, s
}
