package exchange

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/benchdata"
	"selaras/backend/indicator/indicatortest"
	"selaras/backend/profile"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
	"selaras/backend/template"
	"selaras/backend/xlsx"
)

// BenchmarkImport10000 previews and commits a returned template of 10,000
// filled rows (goal: under 0.5 s, all or nothing).
func BenchmarkImport10000(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	s, err := store.Open(ctx, storetest.DSN(b, "impor.db"), store.Options{})
	require.NoError(b, err)
	defer s.Close()
	p := profile.Profile{ProvinceCode: "35", OfficeName: "Dinas Koperasi dan UKM Provinsi Jawa Timur", WorkingYear: 2025, PaperSize: profile.A4}
	require.NoError(b, s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := profile.Save(ctx, store.InTx(tx), p); err != nil {
			return err
		}
		return indicatortest.SaveCounts(ctx, store.InTx(tx), 10000)
	}))
	in, err := xlsx.LoadTemplateInput(ctx, s, p, "35.78", 2025)
	require.NoError(b, err)
	path := filepath.Join(dir, "templat.xlsx")
	require.NoError(b, xlsx.WriteTemplate(ctx, path, in, when))
	f, err := excelize.OpenFile(path)
	require.NoError(b, err)
	for n := 0; n < 10000; n++ {
		require.NoError(b, f.SetCellValue(template.ValuesSheet, template.CellName(6, template.FirstRow+n), n+1))
	}
	require.NoError(b, f.Save())
	require.NoError(b, f.Close())
	b.ResetTimer()
	// The process's CPU time of the timed part only (not the clearing
	// between rounds); on a server the server's own time is not in it.
	var cpu time.Duration
	for b.Loop() {
		start := benchdata.CPU()
		pv, err := ReadImport(ctx, s, path, ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := CommitImport(ctx, s, pv); err != nil {
			b.Fatal(err)
		}
		cpu += benchdata.CPU() - start
		b.StopTimer()
		// Clear the values so every round imports 10,000 new ones, and the
		// audit lines of the values, so every round finds the workspace as
		// the first did: else the check for changes made since the template
		// reads every earlier round's 20,000 lines, and a round costs more
		// the more rounds ran before it.
		require.NoError(b, s.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.Exec("DELETE FROM indicator_value"); err != nil {
				return err
			}
			_, err := tx.Exec("DELETE FROM audit_log WHERE table_name = 'indicator_value'")
			return err
		}))
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
}
