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

	"selaras/backend/profile"
	"selaras/backend/target"
	"selaras/backend/template"
	"selaras/backend/xlsx"
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
			p, err := profile.Get(ctx, fx.s)
			require.NoError(t, err)
			in, err := xlsx.LoadTemplateInput(ctx, fx.s, p, "19.01", 2025)
			require.NoError(t, err)
			// Made now, typed into from the next second (created_at is to
			// the second).
			path := filepath.Join(fx.dir, "Templat-lama.xlsx")
			made := time.Now()
			require.NoError(t, xlsx.WriteTemplate(ctx, path, in, made))
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
			edit(t, path, func(f *excelize.File) {
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
