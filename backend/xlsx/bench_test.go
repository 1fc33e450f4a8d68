package xlsx

import (
	"context"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/benchdata"
	"selaras/backend/harmonise"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/store"
)

// nationalMatrices computes every province over the five years of the
// national dataset: 30 indicators x 514 regencies x 5 years.
func nationalMatrices(b *testing.B) ([]harmonise.Matrix, profile.Profile) {
	b.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(b.TempDir(), "nasional.db"), store.Options{})
	require.NoError(b, err)
	defer s.Close()
	require.NoError(b, benchdata.Fill(ctx, s))
	var ms []harmonise.Matrix
	for _, p := range region.Default().Provinces() {
		m, err := harmonise.Compute(ctx, s, p.Code, benchdata.Years)
		require.NoError(b, err)
		ms = append(ms, m)
	}
	p, err := profile.Get(ctx, s)
	require.NoError(b, err)
	return ms, p
}

func maxRSSMB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // kilobytes on Linux
}

// BenchmarkExportNational writes the consolidated workbook (190 sheets).
// Goals: under 3 s, under 300 MB peak, within 2x of BenchmarkBareStreamWriter.
func BenchmarkExportNational(b *testing.B) {
	ms, p := nationalMatrices(b)
	dir := b.TempDir()
	runtime.GC()
	b.ResetTimer()
	for b.Loop() {
		if err := ExportNational(context.Background(), filepath.Join(dir, "nasional.xlsx"), ms, p, when, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(maxRSSMB(), "maxRSS-MB")
}

// BenchmarkBareStreamWriter writes the same cells with no styles, merges,
// formulas or print setup: the floor the export is compared with.
func BenchmarkBareStreamWriter(b *testing.B) {
	ms, _ := nationalMatrices(b)
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
		if err := f.SaveAs(filepath.Join(dir, "bare.xlsx")); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

func deref(p *float64) interface{} {
	if p == nil {
		return nil
	}
	return *p
}
