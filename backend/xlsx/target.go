package xlsx

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"selaras/backend/harmonise"
	"selaras/backend/indicator"
	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/store"
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
	fixedCols  = 6 // No, Kode, Indikator, Satuan, Nasional, Provinsi
	perRegency = 3 // Target, Realisasi, Capaian
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

// NationalSheetName names a province's sheet of the consolidation the way
// people say it, within Excel's 31 characters: "DKI Jakarta 2025",
// "Kep. Bangka Belitung 2025".
func NationalSheetName(province string, year int) string {
	short := province
	for _, ab := range [][2]string{{"Daerah Khusus Ibukota ", "DKI "}, {"Daerah Khusus ", "DK "}, {"Daerah Istimewa ", "DI "}} {
		short = strings.Replace(short, ab[0], ab[1], 1)
	}
	suffix := fmt.Sprintf(" %d", year)
	if len(short)+len(suffix) > 25 { // abbreviate before Excel's limit forces a cut
		short = strings.Replace(short, "Kepulauan ", "Kep. ", 1)
	}
	if r := []rune(short); len(r)+len(suffix) > 31 {
		short = string(r[:31-len(suffix)])
	}
	return short + suffix
}

// NationalMatrices computes the matrix of every province that has a
// provincial or regency figure in years: what the consolidation holds.
func NationalMatrices(ctx context.Context, s *store.Store, years []int) ([]harmonise.Matrix, error) {
	all, err := harmonise.ComputeCountry(ctx, s, years)
	if err != nil {
		return nil, err
	}
	var out []harmonise.Matrix
	for _, m := range all {
		if slices.ContainsFunc(m.Rows, hasFigure) {
			out = append(out, m)
		}
	}
	return out, nil
}

func hasFigure(r harmonise.Row) bool {
	if r.Province.Target != nil {
		return true
	}
	return slices.ContainsFunc(r.Regencies, func(c harmonise.Cell) bool { return c.Target != nil || c.Realisation != nil })
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
		name := func(year int) string { return NationalSheetName(m.Province.Name, year) }
		if err := writeTargetSheets(ctx, f, st, m, p, now, name, tick); err != nil {
			return err
		}
	}
	for _, t := range plans {
		// The national plans name no indicators: no catalogue is passed in.
		if err := writeProgramMatrix(ctx, f, st, t, renjaRefs{}, p, now, tick); err != nil {
			return err
		}
	}
	if err := docProps(f, p, now); err != nil {
		return err
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
	vw := valueWidth(rows)
	cols := []column{{Head: "No", Width: 4}, {Head: "Kode", Width: 10}, {Head: "Indikator Kinerja", Width: 30}, {Head: "Satuan", Width: 9},
		{Group: "Target", Head: "Nasional", Width: vw}, {Group: "Target", Head: "Provinsi", Width: vw}}
	for _, g := range m.Regencies {
		// Targets agreed in a meeting (locked until reopened) say so in
		// their heading.
		name, head := g.Name, "Target"
		if m.IsAgreed(g.Code, year) {
			name, head = g.Name+" (disepakati)", "Target (disepakati)"
		}
		cols = append(cols, column{Group: name, Head: head, Width: vw}, column{Group: name, Head: "Realisasi", Width: vw},
			column{Group: name, Head: "Capaian (%)", Width: 10})
	}
	rollCol := len(cols) + 1
	gapCol, flagCol := rollCol+1, rollCol+2
	cols = append(cols, column{Head: "Gabungan Kab/Kota", Width: vw}, column{Head: "Selisih thd Target Provinsi", Width: vw},
		column{Head: "Catatan Harmonisasi", Width: 60, Fill: true})
	fm, err := newForm(f, st, p, formSpec{
		Sheet:      sheet,
		Titles:     []string{"MATRIKS TARGET INDIKATOR KINERJA KOPERASI DAN UKM", fmt.Sprintf("Provinsi %s · Tahun %d", m.Province.Name, year)},
		Cols:       cols,
		FreezeCols: 4,
		RepeatCols: 6, // the national and provincial targets beside every regency
	})
	if err != nil {
		return err
	}
	// The formulas name the same columns on every row: their letters are
	// spelt once a sheet, and each row's formulas are built in one buffer.
	letters := make([]string, len(cols)+1)
	for c := 1; c <= len(cols); c++ {
		letters[c] = col(c)
	}
	short := shortRegencyNames(m)
	rc := newRowCells(len(cols))
	var formula []byte
	var labels []string
	category := "\x00"
	for n, row := range rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		ind := row.Indicator
		if ind.Category != category {
			category = ind.Category
			if err := fm.category(category); err != nil {
				return err
			}
		}
		rowNum := strconv.Itoa(fm.row)
		vstyle := valueStyle(st, ind)
		vals := rc.cells
		vals[0] = excelize.Cell{StyleID: st.no, Value: n + 1}
		vals[1] = excelize.Cell{StyleID: st.code, Value: ind.Code}
		vals[2] = fm.text(ind.Name)
		vals[3] = fm.text(ind.Unit)
		vals[4] = valueCell(row.National.Target, vstyle)
		vals[5] = valueCell(row.Province.Target, vstyle)
		for i, c := range row.Regencies {
			base := fixedCols + i*perRegency
			vals[base] = valueCell(c.Target, vstyle)
			vals[base+1] = valueCell(c.Realisation, vstyle)
			vals[base+2] = valueCell(c.Achievement, st.percent[1])
		}
		formula = rollUpFormula(formula[:0], ind, row, letters[fixedCols+1:], perRegency, rowNum)
		vals[rollCol-1] = rollUpCell(row, string(formula), vstyle)
		if row.Gap != nil {
			vals[gapCol-1] = excelize.Cell{StyleID: vstyle, Formula: letters[rollCol] + rowNum + "-" + letters[6] + rowNum, Value: *row.Gap}
		} else {
			vals[gapCol-1] = excelize.Cell{StyleID: vstyle}
		}
		var note string
		note, labels = rowNotes(labels[:0], short, row)
		vals[flagCol-1] = fm.text(note)
		if _, err := fm.body(rc.vals, 0); err != nil {
			return err
		}
		tick()
	}
	// Signed on the last page across, under the notes.
	return fm.close(ctx, now, flagCol)
}

// rowNotes is a row's Catatan Harmonisasi: its flags, the province's, and
// the regencies flagged (short names them, shortRegencyNames). It builds
// them in labels, which it returns for the next row.
func rowNotes(labels, short []string, row harmonise.Row) (string, []string) {
	for _, fl := range row.Flags {
		labels = append(labels, FlagLabels[fl])
	}
	for _, fl := range row.Province.Flags {
		labels = append(labels, "Provinsi: "+strings.ToLower(FlagLabels[fl]))
	}
	labels = appendRegencyNotes(labels, short, row)
	return strings.Join(labels, "; "), labels
}

// regencyNotes names, per flag, the regencies it concerns: "Di bawah target
// provinsi: Kab. Bangka, Kota Pangkal Pinang", short enough to print.
func regencyNotes(m harmonise.Matrix, row harmonise.Row) []string {
	return appendRegencyNotes(nil, shortRegencyNames(m), row)
}

// regencyFlags are the flags whose regencies a row's notes name.
var regencyFlags = [...]harmonise.Flag{harmonise.BelowNational, harmonise.BelowProvincial, harmonise.Falling, harmonise.Implausible}

// shortRegencyNames are the matrix's regencies as the notes name them.
func shortRegencyNames(m harmonise.Matrix) []string {
	short := make([]string, len(m.Regencies))
	for i, g := range m.Regencies {
		short[i] = strings.Replace(g.Name, "Kabupaten ", "Kab. ", 1)
	}
	return short
}

// appendRegencyNotes appends the regency notes of row to notes, short
// naming the regencies.
func appendRegencyNotes(notes, short []string, row harmonise.Row) []string {
	for _, fl := range regencyFlags {
		count, first := 0, -1
		for i, c := range row.Regencies {
			if slices.Contains(c.Flags, fl) {
				if count == 0 {
					first = i
				}
				count++
			}
		}
		switch {
		case count == 0:
		case count > 3: // a longer list makes every page's row taller: count them
			notes = append(notes, fmt.Sprintf("%s: %d kab/kota", FlagLabels[fl], count))
		default:
			var b strings.Builder
			b.WriteString(FlagLabels[fl])
			b.WriteString(": ")
			for i, c := range row.Regencies[first:] {
				if slices.Contains(c.Flags, fl) {
					if b.Len() > len(FlagLabels[fl])+2 {
						b.WriteString(", ")
					}
					b.WriteString(short[first+i])
				}
			}
			notes = append(notes, b.String())
		}
	}
	return notes
}

// valueCell is a value cell, empty when there is no value.
func valueCell(v *float64, style int) excelize.Cell {
	if v == nil {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: *v}
}

// valueWidth is a column width that shows the longest value of rows the
// Indonesian way (Rp222.000.000.000, 1.311,25), never as ####.
func valueWidth(rows []harmonise.Row) float64 {
	longest := 6
	see := func(v *float64, ind indicator.Indicator) {
		if v == nil {
			return
		}
		var buf [32]byte // on the stack: a national export sees a million values
		digits := len(strconv.AppendFloat(buf[:0], math.Abs(math.Round(*v)), 'f', 0, 64))
		n := digits + (digits-1)/3 + ind.Decimals
		if ind.Decimals > 0 {
			n++
		}
		switch {
		case ind.Kind == indicator.Rupiah:
			n += 2
		case ind.IsPercent():
			n++
		}
		if *v < 0 {
			n++
		}
		longest = max(longest, n)
	}
	for _, r := range rows {
		see(r.National.Target, r.Indicator)
		see(r.Province.Target, r.Indicator)
		see(r.RollUp.Target, r.Indicator)
		see(r.Gap, r.Indicator)
		for _, c := range r.Regencies {
			see(c.Target, r.Indicator)
			see(c.Realisation, r.Indicator)
		}
	}
	return float64(longest) + 2
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

// rollUpFormula appends to buf the live SUM or AVERAGE over the regency
// targets when the regencies are complete: targets are the letters of the
// regencies' columns, each regency's target first of every step of them.
// A ratio needs numerators and denominators the sheet does not show, so it
// has none and carries the engine's value.
func rollUpFormula(buf []byte, ind indicator.Indicator, row harmonise.Row, letters []string, step int, rowNum string) []byte {
	if !row.RollUp.Complete || len(row.Regencies) == 0 {
		return buf
	}
	switch ind.Aggregation {
	case indicator.Sum:
		buf = append(buf, "SUM("...)
	case indicator.Mean:
		buf = append(buf, "AVERAGE("...)
	default:
		return buf
	}
	for i := range row.Regencies {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, letters[i*step]...)
		buf = append(buf, rowNum...)
	}
	return append(buf, ')')
}

// rollUpCell is the roll-up's cell: its formula (rollUpFormula) with the
// engine's value cached.
func rollUpCell(row harmonise.Row, formula string, style int) excelize.Cell {
	c := excelize.Cell{StyleID: style, Formula: formula}
	if row.RollUp.Target != nil {
		c.Value = *row.RollUp.Target
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
	if err := docProps(f, p, now); err != nil {
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
