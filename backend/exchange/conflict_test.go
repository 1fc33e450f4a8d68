package exchange

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/target"
	"selaras/backend/template"
	"selaras/backend/xlsx/xlsxtest"
)

// A regency that typed into the workspace after its template was made and
// then returned the template gets the shared workspace's conflict rule: a
// template cell not based on what is stored is shown, not written, unless
// the template's value is chosen; the rest applies as before.
func TestTemplateNotBasedOnWhatIsStored(t *testing.T) {
	for _, take := range []bool{false, true} {
		t.Run("take="+strconv.FormatBool(take), func(t *testing.T) {
			fx := newFixture(t)
			ctx := context.Background()
			// Made now, typed into from the next second (created_at is to
			// the second).
			path := filepath.Join(fx.dir, "Templat-lama.xlsx")
			made := time.Now()
			fx.writeTemplate(t, path, made)
			time.Sleep(time.Until(made.Truncate(time.Second).Add(time.Second)))
			typed := map[string]string{"UKM.05": "1234", "KOP.04": "77"}
			for code, v := range typed {
				id := valueOf(t, fx, code).IndicatorID
				if id == 0 {
					id = indicatorID(t, fx, code)
				}
				_, err := target.Apply(ctx, fx.s, []target.Edit{{IndicatorID: id, Region: "19.01", Year: 2025, Field: target.FTarget, Text: v}}, "ketik")
				require.NoError(t, err)
			}
			xlsxtest.Edit(t, path, func(f *excelize.File) {
				set := func(code string, v int64) {
					require.NoError(t, f.SetCellInt(template.ValuesSheet, "F"+strconv.Itoa(xlsxtest.Row(t, f, template.ValuesSheet, code)), v))
				}
				set("UKM.05", 4321) // typed since, and the template differs: a conflict
				set("KOP.04", 77)   // typed since, the same value: none
				set("KOP.05", 555)  // untouched since: the template applies
			})
			pv, err := Check(ctx, fx.s, path, 0)
			require.NoError(t, err)
			require.Len(t, pv.Conflicts, 1)
			c := pv.Conflicts[0]
			assert.Equal(t, "UKM.05", c.Code)
			assert.Equal(t, "target", c.Field)
			assert.Equal(t, "1.234", c.Stored)
			assert.Equal(t, "4.321", c.Template)
			assert.NotEmpty(t, c.By)
			assert.NotEmpty(t, c.At)
			for _, ch := range pv.Changes {
				if ch.Code == "UKM.05" && ch.Field == "target" {
					require.NotNil(t, ch.Typed)
				} else {
					assert.Nil(t, ch.Typed, ch.Code+" "+ch.Field)
				}
			}

			pv.TakeTemplate = take
			res, err := Import(ctx, fx.s, pv)
			require.NoError(t, err)
			assert.Equal(t, 555.0, *valueOf(t, fx, "KOP.05").Target, "an untouched cell applies")
			assert.Equal(t, 77.0, *valueOf(t, fx, "KOP.04").Target)
			if take {
				assert.Equal(t, 0, res.Kept)
				assert.Equal(t, 4321.0, *valueOf(t, fx, "UKM.05").Target, "the template's value, chosen")
			} else {
				assert.Equal(t, 1, res.Kept)
				assert.Equal(t, 1234.0, *valueOf(t, fx, "UKM.05").Target, "what was typed stays")
			}
		})
	}
}

func indicatorID(t *testing.T, fx fixture, code string) int64 {
	t.Helper()
	var id int64
	require.NoError(t, fx.s.Read().QueryRowContext(context.Background(), "SELECT id FROM indicator WHERE code = ?", code).Scan(&id))
	return id
}

// setCreatedAt rewrites a template's hidden created_at, as a template made
// before it was written to the millisecond has it.
func setCreatedAt(t *testing.T, path, v string) {
	t.Helper()
	xlsxtest.Edit(t, path, func(f *excelize.File) {
		for r := 1; r <= template.MetaKeyRows; r++ {
			k, _ := f.GetCellValue(template.MetaSheet, "A"+strconv.Itoa(r))
			if k == template.KeyCreatedAt {
				require.NoError(t, f.SetCellStr(template.MetaSheet, "B"+strconv.Itoa(r), v))
				return
			}
		}
		t.Fatal("no created_at on the meta sheet")
	})
}

// A value typed in the very second the template was made is after it (a
// new template's created_at is to the millisecond) or cannot be told from
// it (an older one's, to the second): either way a conflict shown, never
// overwritten unseen.
func TestTypedInTheTemplatesOwnSecond(t *testing.T) {
	for _, old := range []bool{false, true} {
		t.Run("secondsOnly="+strconv.FormatBool(old), func(t *testing.T) {
			fx := newFixture(t)
			ctx := context.Background()
			path := filepath.Join(fx.dir, "Templat-detik.xlsx")
			fx.writeTemplate(t, path, time.Now())
			// Made (as its created_at says) early in a second, and typed into
			// in that same second.
			time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(time.Second)))
			made := time.Now()
			time.Sleep(3 * time.Millisecond)
			id := indicatorID(t, fx, "UKM.05")
			_, err := target.Apply(ctx, fx.s, []target.Edit{{IndicatorID: id, Region: "19.01", Year: 2025, Field: target.FTarget, Text: "1234"}}, "ketik")
			require.NoError(t, err)
			require.Equal(t, made.Unix(), time.Now().Unix(), "typed in the template's own second")
			if old {
				setCreatedAt(t, path, made.UTC().Truncate(time.Second).Format(time.RFC3339))
			} else {
				setCreatedAt(t, path, made.UTC().Format(template.CreatedAtLayout))
			}
			xlsxtest.Edit(t, path, func(f *excelize.File) {
				require.NoError(t, f.SetCellInt(template.ValuesSheet, "F"+strconv.Itoa(xlsxtest.Row(t, f, template.ValuesSheet, "UKM.05")), 4321))
			})
			pv, err := Check(ctx, fx.s, path, 0)
			require.NoError(t, err)
			require.Len(t, pv.Conflicts, 1)
			assert.Equal(t, "ketik", pv.Conflicts[0].Source)
		})
	}
}

// A ratio whose numerator was typed after the template was made keeps its
// parts together: the template's denominator is not written over a typed
// numerator (kept), and both are the template's when it is chosen.
func TestRatioPartsGoTogether(t *testing.T) {
	for _, take := range []bool{false, true} {
		t.Run("take="+strconv.FormatBool(take), func(t *testing.T) {
			fx := newFixture(t)
			ctx := context.Background()
			id := indicatorID(t, fx, "KOP.01")
			_, err := target.Apply(ctx, fx.s, []target.Edit{
				{IndicatorID: id, Region: "19.01", Year: 2025, Field: target.FTargetNum, Text: "10"},
				{IndicatorID: id, Region: "19.01", Year: 2025, Field: target.FTargetDen, Text: "50"},
			}, "ketik")
			require.NoError(t, err)
			time.Sleep(5 * time.Millisecond)
			fx.writeTemplate(t, fx.path, time.Now())
			time.Sleep(5 * time.Millisecond)
			// Only the numerator changed since, by another template's import.
			_, err = target.Apply(ctx, fx.s, []target.Edit{{IndicatorID: id, Region: "19.01", Year: 2025, Field: target.FTargetNum, Text: "11"}}, "impor:lain.xlsx#abc")
			require.NoError(t, err)
			xlsxtest.Edit(t, fx.path, func(f *excelize.File) {
				r := strconv.Itoa(xlsxtest.Row(t, f, template.ValuesSheet, "KOP.01"))
				require.NoError(t, f.SetCellInt(template.ValuesSheet, "G"+r, 12))
				require.NoError(t, f.SetCellInt(template.ValuesSheet, "H"+r, 80))
			})
			pv, err := Check(ctx, fx.s, fx.path, 0)
			require.NoError(t, err)
			fields := map[string]string{}
			for _, c := range pv.Conflicts {
				if c.Code == "KOP.01" {
					fields[c.Field] = c.Source
				}
			}
			assert.Equal(t, "impor", fields["targetNum"], "the numerator was another template's import")
			assert.Contains(t, fields, "targetDen", "the denominator goes with it")
			pv.TakeTemplate = take
			res, err := Import(ctx, fx.s, pv)
			require.NoError(t, err)
			v := valueOf(t, fx, "KOP.01")
			if take {
				assert.Equal(t, 12.0, *v.TargetNum)
				assert.Equal(t, 80.0, *v.TargetDen)
			} else {
				assert.Equal(t, 11.0, *v.TargetNum, "the numerator stays as stored")
				assert.Equal(t, 50.0, *v.TargetDen, "and its denominator with it")
				assert.Equal(t, 2, res.Kept, "the numerator and the denominator")
			}
		})
	}
}
