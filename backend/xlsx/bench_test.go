package xlsx

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/benchdata"
	"selaras/backend/harmonise"
	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// nationalData computes every province over the five years of the
// national dataset (30 indicators x 514 regencies x 5 years) and the
// national work plan of 2025 (20,000 plan lines).
func nationalData(b *testing.B) ([]harmonise.Matrix, []program.Tree, profile.Profile) {
	b.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, storetest.DSN(b, "nasional.db"), store.Options{})
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
// sheets and the Matriks Program of 20,000 plan lines. Goals: within 1,3x
// of BenchmarkBareStreamWriter, under 150 MB peak (scripts/bench.sh). The
// peak is the process's, so it includes the caller's matrices and plan tree.
func BenchmarkExportNational(b *testing.B) {
	ms, plans, p := nationalData(b)
	dir := b.TempDir()
	runtime.GC()
	b.ResetTimer()
	defer benchdata.CPUPerOp(b)()
	for b.Loop() {
		if err := ExportNational(context.Background(), filepath.Join(dir, "nasional.xlsx"), ms, plans, p, when, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(benchdata.MaxRSSMB(), "maxRSS-MB")
}

// BenchmarkBareStreamWriter writes the same cells with no styles, merges,
// formulas or print setup: the floor the export is compared with. The
// texts the export composes (a row's notes, a plan line's indicator with
// its unit, place and notes) are composed before the timer starts, so the
// floor writes the same values and only writes them.
func BenchmarkBareStreamWriter(b *testing.B) {
	ms, plans, _ := nationalData(b)
	notes := make([][]string, len(ms))
	for i, m := range ms {
		short := shortRegencyNames(m)
		for _, row := range m.Rows {
			note, _ := rowNotes(nil, short, row)
			notes[i] = append(notes[i], note)
		}
	}
	var texts [][3]string
	for _, t := range plans {
		var walk func(n program.Node)
		walk = func(n program.Node) {
			for _, l := range n.Lines {
				output, where, note := lineTexts(l)
				texts = append(texts, [3]string{output, where, note})
			}
			for _, c := range n.Children {
				walk(c)
			}
		}
		walk(program.Node{Children: t.Programs})
	}
	dir := b.TempDir()
	b.ResetTimer()
	defer benchdata.CPUPerOp(b)()
	for b.Loop() {
		if err := writeBare(filepath.Join(dir, "bare.xlsx"), ms, plans, notes, texts); err != nil {
			b.Fatal(err)
		}
	}
	// The memory the same cells take with nothing but the writer: the
	// floor of the export's peak.
	b.ReportMetric(benchdata.MaxRSSMB(), "maxRSS-MB")
}

// writeBare writes the bare workbook to path: notes are the rows' notes by
// matrix and row, texts the plan lines' texts in the order written.
func writeBare(path string, ms []harmonise.Matrix, plans []program.Tree, notes [][]string, texts [][3]string) error {
	f := excelize.NewFile()
	defer f.Close()
	for mi, m := range ms {
		for _, y := range m.Years {
			sh := m.Province.Code + " " + itoa(y)
			if _, err := f.NewSheet(sh); err != nil {
				return err
			}
			sw, err := f.NewStreamWriter(sh)
			if err != nil {
				return err
			}
			r := 1
			for ri, row := range m.Rows {
				if row.Year != y {
					continue
				}
				vals := []interface{}{r, row.Indicator.Code, row.Indicator.Name, row.Indicator.Unit, deref(row.National.Target), deref(row.Province.Target)}
				for _, c := range row.Regencies {
					vals = append(vals, deref(c.Target), deref(c.Realisation), deref(c.Achievement))
				}
				vals = append(vals, deref(row.RollUp.Target), deref(row.Gap), notes[mi][ri])
				cell, _ := excelize.CoordinatesToCellName(1, r)
				if err := sw.SetRow(cell, vals); err != nil {
					return err
				}
				r++
			}
			if err := sw.Flush(); err != nil {
				return err
			}
		}
	}
	for _, t := range plans {
		if err := bareProgram(f, t, texts); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}

// bareProgram writes the program sheet's cells: a row per node and per
// line, texts holding each line's composed texts in the order written.
func bareProgram(f *excelize.File, t program.Tree, texts [][3]string) error {
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
			text := texts[0]
			texts = texts[1:]
			vals := []interface{}{nil, nil, text[0], text[1], deref(l.Target), l.Pagu, l.SumberDana.Label(), text[2],
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
