package xlsx

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"selaras/backend/harmonise"
	"selaras/backend/indicator"
	"selaras/backend/profile"
	"selaras/backend/program"
)

// FlagLabels are the Indonesian names of the harmonisation flags, as in the app.
var FlagLabels = map[harmonise.Flag]string{
	harmonise.MissingTarget:    "Target belum diisi",
	harmonise.BelowNational:    "Di bawah target nasional",
	harmonise.BelowProvincial:  "Di bawah target provinsi",
	harmonise.RollUpShort:      "Gabungan kab/kota kurang dari target provinsi",
	harmonise.RollUpAbove:      "Gabungan kab/kota melebihi target provinsi",
	harmonise.RollUpIncomplete: "Gabungan belum lengkap",
	harmonise.Falling:          "Target turun dari tahun sebelumnya",
	harmonise.Implausible:      "Nilai tidak wajar",
	harmonise.NoProgram:        "Belum ada program yang mendukung",
}

// Layout of the Matriks Target Indikator sheet.
const (
	firstHeadRow = 5 // two header rows, then the (1)(2)(3) row
	fixedCols    = 6 // No, Kode, Indikator, Satuan, Nasional, Provinsi
	perRegency   = 3 // Target, Realisasi, Capaian
)

// TargetSheetName is the sheet of one year.
func TargetSheetName(year int) string { return fmt.Sprintf("Matriks Target %d", year) }

// WriteTargetMatrix adds one Matriks Target Indikator sheet per year of m to
// f. Rows are indicators grouped by category; columns the national and
// provincial targets, each regency (target, realisation, achievement), the
// roll-up as a live formula where the rule allows it, the gap to the
// provincial target and the flags.
func WriteTargetMatrix(ctx context.Context, f *excelize.File, m harmonise.Matrix, p profile.Profile, now time.Time, progress Progress) error {
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("xlsx: styles: %w", err)
	}
	done := 0
	return writeTargetSheets(ctx, f, st, m, p, now, TargetSheetName, func() {
		done++
		if progress != nil {
			progress(done, len(m.Rows))
		}
	})
}

// ExportNational writes the consolidation the ministry receives: one
// Matriks Target sheet per province and year, named "Jawa Timur 2025",
// then a Matriks Program sheet for each tree in plans (the national work
// plan of a year).
func ExportNational(ctx context.Context, path string, ms []harmonise.Matrix, plans []program.Tree, p profile.Profile, now time.Time, progress Progress) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("xlsx: styles: %w", err)
	}
	total, done := 0, 0
	for _, m := range ms {
		total += len(m.Rows)
	}
	for _, t := range plans {
		total += t.Total.Lines
	}
	tick := func() {
		done++
		if progress != nil {
			progress(done, total)
		}
	}
	for _, m := range ms {
		name := func(year int) string {
			n := fmt.Sprintf("%s %d", m.Province.Name, year)
			if len(n) > 31 { // Excel's limit on sheet names
				n = fmt.Sprintf("%s %d", m.Province.Code, year)
			}
			return n
		}
		if err := writeTargetSheets(ctx, f, st, m, p, now, name, tick); err != nil {
			return err
		}
	}
	for _, t := range plans {
		if err := writeProgramMatrix(ctx, f, st, t, p, now, tick); err != nil {
			return err
		}
	}
	// No SetActiveSheet: it parses every streamed sheet back into memory, and
	// the first sheet (the renamed Sheet1) is already the active one.
	return SaveAtomically(ctx, f, path)
}

func writeTargetSheets(ctx context.Context, f *excelize.File, st *styles, m harmonise.Matrix, p profile.Profile, now time.Time,
	name func(int) string, tick func()) error {
	for _, year := range m.Years {
		var rows []harmonise.Row
		for _, r := range m.Rows {
			if r.Year == year {
				rows = append(rows, r)
			}
		}
		if err := writeTargetSheet(ctx, f, st, m, rows, year, name(year), p, now, tick); err != nil {
			return err
		}
	}
	return nil
}

func col(n int) string { s, _ := excelize.ColumnNumberToName(n); return s }

func cellName(c, r int) string { s, _ := excelize.CoordinatesToCellName(c, r); return s }

func writeTargetSheet(ctx context.Context, f *excelize.File, st *styles, m harmonise.Matrix, rows []harmonise.Row,
	year int, sheet string, p profile.Profile, now time.Time, tick func()) error {
	if err := addSheet(f, sheet); err != nil {
		return err
	}
	nReg := len(m.Regencies)
	rollCol := fixedCols + nReg*perRegency + 1
	gapCol, flagCol := rollCol+1, rollCol+2
	lastCol := flagCol

	// Print setup goes on before streaming starts.
	if err := pageSetup(f, sheet, p, 1, 0, firstHeadRow, firstHeadRow+2); err != nil {
		return err
	}

	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	widths := map[int]float64{1: 5, 2: 10, 3: 38, 4: 11, 5: 17, 6: 17}
	for c, w := range widths {
		if err := sw.SetColWidth(c, c, w); err != nil {
			return err
		}
	}
	if err := sw.SetColWidth(fixedCols+1, rollCol+1, 17); err != nil { // wide enough for Rp222.000.000.000
		return err
	}
	if err := sw.SetColWidth(flagCol, flagCol, 40); err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 4, YSplit: firstHeadRow + 2,
		TopLeftCell: cellName(5, firstHeadRow+3), ActivePane: "bottomRight"}); err != nil {
		return err
	}

	// Title block (kop).
	titles := []struct {
		text  string
		style int
	}{
		{strings.ToUpper(p.OfficeName), st.title},
		{"MATRIKS TARGET INDIKATOR KINERJA KOPERASI DAN UKM", st.title},
		{fmt.Sprintf("Provinsi %s · Tahun %d", m.Province.Name, year), st.subtitle},
	}
	for i, t := range titles {
		if err := sw.SetRow(cellName(1, i+1), []interface{}{excelize.Cell{StyleID: t.style, Value: t.text}}); err != nil {
			return err
		}
		if err := sw.MergeCell(cellName(1, i+1), cellName(lastCol, i+1)); err != nil {
			return err
		}
	}

	// Two header rows with merges, then the numbered column row.
	h1 := make([]interface{}, lastCol)
	h2 := make([]interface{}, lastCol)
	nums := make([]interface{}, lastCol)
	head := func(row []interface{}, c int, v string) { row[c-1] = excelize.Cell{StyleID: st.head, Value: v} }
	for c := 1; c <= lastCol; c++ {
		head(h1, c, "")
		head(h2, c, "")
		nums[c-1] = excelize.Cell{StyleID: st.colNum, Value: fmt.Sprintf("(%d)", c)}
	}
	var merges [][2]string
	single := func(c int, v string) {
		head(h1, c, v)
		merges = append(merges, [2]string{cellName(c, firstHeadRow), cellName(c, firstHeadRow+1)})
	}
	single(1, "No")
	single(2, "Kode")
	single(3, "Indikator Kinerja")
	single(4, "Satuan")
	head(h1, 5, "Target")
	merges = append(merges, [2]string{cellName(5, firstHeadRow), cellName(6, firstHeadRow)})
	head(h2, 5, "Nasional")
	head(h2, 6, "Provinsi")
	for i, g := range m.Regencies {
		c := fixedCols + i*perRegency + 1
		head(h1, c, g.Name)
		merges = append(merges, [2]string{cellName(c, firstHeadRow), cellName(c+2, firstHeadRow)})
		head(h2, c, "Target")
		head(h2, c+1, "Realisasi")
		head(h2, c+2, "Capaian (%)")
	}
	single(rollCol, "Gabungan Kab/Kota")
	single(gapCol, "Selisih thd Target Provinsi")
	single(flagCol, "Catatan Harmonisasi")
	for i, row := range [][]interface{}{h1, h2, nums} {
		if err := sw.SetRow(cellName(1, firstHeadRow+i), row, excelize.RowOpts{Height: map[int]float64{0: 30, 1: 30, 2: 14}[i]}); err != nil {
			return err
		}
	}
	for _, mg := range merges {
		if err := sw.MergeCell(mg[0], mg[1]); err != nil {
			return err
		}
	}

	// Data rows grouped by category.
	r := firstHeadRow + 3
	category := "\x00"
	for n, row := range rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		ind := row.Indicator
		if ind.Category != category {
			category = ind.Category
			label := category
			if label == "" {
				label = "Lainnya"
			}
			if err := sw.SetRow(cellName(1, r), []interface{}{excelize.Cell{StyleID: st.category, Value: label}}); err != nil {
				return err
			}
			if err := sw.MergeCell(cellName(1, r), cellName(lastCol, r)); err != nil {
				return err
			}
			r++
		}
		vstyle := valueStyle(st, ind)
		num := func(v *float64, style int) excelize.Cell {
			if v == nil {
				return excelize.Cell{StyleID: style}
			}
			return excelize.Cell{StyleID: style, Value: *v}
		}
		vals := make([]interface{}, lastCol)
		vals[0] = excelize.Cell{StyleID: st.text, Value: n + 1}
		vals[1] = excelize.Cell{StyleID: st.code, Value: ind.Code}
		vals[2] = excelize.Cell{StyleID: st.text, Value: ind.Name}
		vals[3] = excelize.Cell{StyleID: st.text, Value: ind.Unit}
		vals[4] = num(row.National.Target, vstyle)
		vals[5] = num(row.Province.Target, vstyle)
		var targetCells []string
		var notes []string
		for i, c := range row.Regencies {
			base := fixedCols + i*perRegency
			vals[base] = num(c.Target, vstyle)
			vals[base+1] = num(c.Realisation, vstyle)
			vals[base+2] = num(c.Achievement, st.percent[1])
			targetCells = append(targetCells, cellName(base+1, r))
			for _, fl := range c.Flags {
				if fl == harmonise.BelowProvincial || fl == harmonise.BelowNational || fl == harmonise.Implausible || fl == harmonise.Falling {
					notes = append(notes, m.Regencies[i].Name+": "+strings.ToLower(FlagLabels[fl]))
				}
			}
		}
		vals[rollCol-1] = rollUpCell(ind, row, targetCells, vstyle)
		if row.Gap != nil {
			vals[gapCol-1] = excelize.Cell{StyleID: vstyle, Formula: cellName(rollCol, r) + "-" + cellName(6, r), Value: *row.Gap}
		} else {
			vals[gapCol-1] = excelize.Cell{StyleID: vstyle}
		}
		var labels []string
		for _, fl := range row.Flags {
			labels = append(labels, FlagLabels[fl])
		}
		for _, fl := range row.Province.Flags {
			labels = append(labels, "Provinsi: "+strings.ToLower(FlagLabels[fl]))
		}
		labels = append(labels, notes...)
		vals[flagCol-1] = excelize.Cell{StyleID: st.text, Value: strings.Join(labels, "; ")}
		if err := sw.SetRow(cellName(1, r), vals); err != nil {
			return err
		}
		r++
		tick()
	}
	if err := signature(sw, st, p, r+2, max(flagCol-2, 3), city(p), now); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("xlsx: flush: %w", err)
	}
	return nil
}

func valueStyle(st *styles, ind indicator.Indicator) int {
	switch {
	case ind.IsPercent():
		return st.percent[ind.Decimals]
	case ind.Kind == indicator.Rupiah:
		return st.rupiah
	default:
		return st.count[ind.Decimals]
	}
}

// rollUpCell is a live SUM or AVERAGE over the regency targets when the
// regencies are complete; a ratio needs numerators and denominators the
// sheet does not show, so it carries the engine's value.
func rollUpCell(ind indicator.Indicator, row harmonise.Row, targets []string, style int) excelize.Cell {
	c := excelize.Cell{StyleID: style}
	if row.RollUp.Target != nil {
		c.Value = *row.RollUp.Target
	}
	if !row.RollUp.Complete || len(targets) == 0 {
		return c
	}
	switch ind.Aggregation {
	case indicator.Sum:
		c.Formula = "SUM(" + strings.Join(targets, ",") + ")"
	case indicator.Mean:
		c.Formula = "AVERAGE(" + strings.Join(targets, ",") + ")"
	}
	return c
}

// ExportTargets writes a workbook with the Matriks Target sheets of m to
// path, atomically.
func ExportTargets(ctx context.Context, path string, m harmonise.Matrix, p profile.Profile, now time.Time, progress Progress) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := WriteTargetMatrix(ctx, f, m, p, now, progress); err != nil {
		return err
	}
	// No SetActiveSheet: it parses every streamed sheet back into memory, and
	// the first sheet (the renamed Sheet1) is already the active one.
	return SaveAtomically(ctx, f, path)
}

// addSheet takes over the new workbook's empty "Sheet1" for the first sheet
// rather than deleting it afterwards: deleting a sheet makes excelize parse
// every streamed sheet back into memory.
func addSheet(f *excelize.File, name string) error {
	if list := f.GetSheetList(); len(list) == 1 && list[0] == "Sheet1" && name != "Sheet1" {
		if rows, _ := f.GetRows("Sheet1"); len(rows) == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return fmt.Errorf("xlsx: %w", err)
			}
			return nil
		}
	}
	if _, err := f.NewSheet(name); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}
