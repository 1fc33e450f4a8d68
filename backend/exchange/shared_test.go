package exchange

import (
	"context"
	"database/sql"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/profile"
	"selaras/backend/shared"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
	"selaras/backend/template"
	"selaras/backend/workspace"
	"selaras/backend/xlsx"
	"selaras/backend/xlsx/xlsxtest"
)

// TestImportAsTheSekretariat imports a returned template on a shared
// workspace as the secretariat does: under its role's rights (no temporary
// tables, the audit log written by its triggers only), every value
// recorded with the person's own login.
func TestImportAsTheSekretariat(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	dsn := storetest.NewDatabase(t)
	require.NoError(t, shared.Init(ctx, dsn))
	admin, err := workspace.Create(ctx, dsn, workspace.Office)
	require.NoError(t, err)
	defer admin.Close()
	p := profile.Profile{ProvinceCode: "19", OfficeName: "Dinas Koperasi dan UKM Provinsi Kepulauan Bangka Belitung",
		WorkingYear: 2025, PaperSize: profile.A4}
	_, err = profile.Save(ctx, admin, p)
	require.NoError(t, err)

	u, err := url.Parse(dsn)
	require.NoError(t, err)
	name := strings.TrimPrefix(u.Path, "/") + "_sek"
	require.NoError(t, shared.AddUser(ctx, dsn, shared.User{Name: name, Role: shared.Sekretariat, Password: "sandi " + name}))
	t.Cleanup(func() {
		db, err := sql.Open("pgx", storetest.PG())
		if err == nil {
			_, _ = db.Exec(`DROP ROLE IF EXISTS "` + name + `"`)
			db.Close()
		}
	})
	u.User = url.UserPassword(name, "sandi "+name)
	sek := storetest.OpenAt(t, u.String())
	require.False(t, sek.ReadOnly())

	in, err := xlsx.LoadTemplateInput(ctx, sek, p, "19.01", 2025)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "Templat.xlsx")
	require.NoError(t, xlsx.WriteTemplate(ctx, path, in, time.Now()))
	xlsxtest.Edit(t, path, func(f *excelize.File) {
		for i, code := range []string{"UKM.05", "KOP.04", "KOP.05"} {
			require.NoError(t, f.SetCellInt(template.ValuesSheet, "F"+strconv.Itoa(xlsxtest.Row(t, f, template.ValuesSheet, code)), int64(100+i)))
		}
	})
	pv, err := ReadImport(ctx, sek, path, ImportOptions{Province: "19"})
	require.NoError(t, err)
	require.Len(t, pv.Edits, 3)
	n, err := CommitImport(ctx, sek, pv)
	require.NoError(t, err)
	assert.Equal(t, 3, n)
	log, err := sek.Audit(ctx, store.AuditQuery{Table: "indicator_value", Limit: 10})
	require.NoError(t, err)
	require.Len(t, log, 3)
	for _, e := range log {
		assert.Equal(t, name, e.UserName)
		assert.Contains(t, e.NewValues, pv.SourceNote)
	}
}
