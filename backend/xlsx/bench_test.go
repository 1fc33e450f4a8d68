package xlsx

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/benchdata"
	"selaras/backend/harmonise"
	"selaras/backend/indicator"
	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
)

// nationalData computes every province over the five years of the
// national dataset (30 indicators x 514 regencies x 5 years) and the
// national work plan of 2025 (20,000 plan lines).
func nationalData(b *testing.B) ([]harmonise.Matrix, []program.Tree, profile.Profile) {
	b.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(b.TempDir(), "nasional.db"), store.Options{})
	require.NoError(b, err)
	defer s.Close()
	require.NoError(b, benchdata.Fill(ctx, s))
	require.NoError(b, benchdata.FillPlans(ctx, s, 2025, benchdata.PlanLines))
	var ms []harmonise.Matrix
	for _, p := range region.Default().Provinces() {
		m, err := harmonise.Compute(ctx, s, p.Code, benchdata.Years)
		require.NoError(b, err)
		ms = append(ms, m)
	}
	t, err := program.BuildTree(ctx, s, program.Filter{Year: 2025})
	require.NoError(b, err)
	require.Equal(b, benchdata.PlanLines, t.Total.Lines)
	p, err := profile.Get(ctx, s)
	require.NoError(b, err)
	return ms, []program.Tree{t}, p
}

// BenchmarkExportNational writes the consolidated workbook: 190 target
// sheets and the Matriks Program of 20,000 plan lines. Goals: under 3 s,
// under 300 MB peak, within 2x of BenchmarkBareStreamWriter.
func BenchmarkExportNational(b *testing.B) {
	ms, plans, p := nationalData(b)
	dir := b.TempDir()
	runtime.GC()
	b.ResetTimer()
	for b.Loop() {
		if err := ExportNational(context.Background(), filepath.Join(dir, "nasional.xlsx"), ms, plans, p, when, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(maxRSSMB(), "maxRSS-MB")
}

// BenchmarkBareStreamWriter writes the same cells with no styles, merges,
// formulas or print setup: the floor the export is compared with.
func BenchmarkBareStreamWriter(b *testing.B) {
	ms, plans, _ := nationalData(b)
	dir := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		f := excelize.NewFile()
		for _, m := range ms {
			for _, y := range m.Years {
				sh := m.Province.Code + " " + itoa(y)
				if _, err := f.NewSheet(sh); err != nil {
					b.Fatal(err)
				}
				sw, err := f.NewStreamWriter(sh)
				if err != nil {
					b.Fatal(err)
				}
				r := 1
				for _, row := range m.Rows {
					if row.Year != y {
						continue
					}
					vals := []interface{}{r, row.Indicator.Code, row.Indicator.Name, row.Indicator.Unit, deref(row.National.Target), deref(row.Province.Target)}
					for _, c := range row.Regencies {
						vals = append(vals, deref(c.Target), deref(c.Realisation), deref(c.Achievement))
					}
					vals = append(vals, deref(row.RollUp.Target), deref(row.Gap), "")
					cell, _ := excelize.CoordinatesToCellName(1, r)
					if err := sw.SetRow(cell, vals); err != nil {
						b.Fatal(err)
					}
					r++
				}
				if err := sw.Flush(); err != nil {
					b.Fatal(err)
				}
			}
		}
		for _, t := range plans {
			if err := bareProgram(f, t); err != nil {
				b.Fatal(err)
			}
		}
		if err := f.SaveAs(filepath.Join(dir, "bare.xlsx")); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

// bareProgram writes the program sheet's cells: a row per node and per line.
func bareProgram(f *excelize.File, t program.Tree) error {
	sh := "Program"
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sh)
	if err != nil {
		return err
	}
	r := 1
	var walk func(n program.Node) error
	walk = func(n program.Node) error {
		vals := []interface{}{n.Item.Code, n.Item.Name, nil, nil, nil, n.Sum.Pagu, nil, nil, nil, n.Sum.PaguNext}
		if err := sw.SetRow(cellName(1, r), vals); err != nil {
			return err
		}
		r++
		for _, l := range n.Lines {
			vals := []interface{}{nil, nil, l.OutputIndicator, l.RegionName, deref(l.Target), l.Pagu, l.SumberDana.Label(), l.Catatan,
				deref(l.TargetNext), nil}
			if l.PaguNext != nil {
				vals[9] = *l.PaguNext
			}
			if err := sw.SetRow(cellName(1, r), vals); err != nil {
				return err
			}
			r++
		}
		for _, c := range n.Children {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(program.Node{Item: t.Urusan, Children: t.Programs, Sum: t.Total}); err != nil {
		return err
	}
	return sw.Flush()
}

func deref(p *float64) interface{} {
	if p == nil {
		return nil
	}
	return *p
}

// BenchmarkImport10000 previews and commits a returned template of 10,000
// filled rows (goal: under 0.5 s, all or nothing).
func BenchmarkImport10000(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	s, err := store.Open(ctx, filepath.Join(dir, "impor.db"), store.Options{})
	require.NoError(b, err)
	defer s.Close()
	p := profile.Profile{ProvinceCode: "35", OfficeName: "Dinas Koperasi dan UKM Provinsi Jawa Timur", WorkingYear: 2025, PaperSize: profile.A4}
	require.NoError(b, s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := profile.Save(ctx, store.InTx(tx), p); err != nil {
			return err
		}
		for n := 0; n < 10000; n++ {
			i := indicator.Indicator{Code: fmt.Sprintf("B.%05d", n), Name: fmt.Sprintf("Indikator uji %d", n), Unit: "unit",
				Kind: indicator.Count, Aggregation: indicator.Sum}
			if _, err := indicator.Save(ctx, store.InTx(tx), i); err != nil {
				return err
			}
		}
		return nil
	}))
	in, err := LoadTemplateInput(ctx, s, p, "35.78", 2025)
	require.NoError(b, err)
	path := filepath.Join(dir, "templat.xlsx")
	require.NoError(b, WriteTemplate(ctx, path, in, when))
	f, err := excelize.OpenFile(path)
	require.NoError(b, err)
	for n := 0; n < 10000; n++ {
		require.NoError(b, f.SetCellValue(ValuesSheet, cellName(6, tplFirstRow+n), n+1))
	}
	require.NoError(b, f.Save())
	require.NoError(b, f.Close())
	b.ResetTimer()
	for b.Loop() {
		pv, err := ReadImport(ctx, s, path, ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := CommitImport(ctx, s, pv); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		// Clear the values so every round imports 10,000 new ones.
		require.NoError(b, s.Tx(ctx, func(tx *sql.Tx) error { _, err := tx.Exec("DELETE FROM indicator_value"); return err }))
		b.StartTimer()
	}
}
