package xlsx

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/xuri/excelize/v2"

	"selaras/backend/number"
	"selaras/backend/program"
	"selaras/backend/region"
)

// The plan sheet of a template (version 2): the region's plan lines of the
// year with their figures open for editing, then blank rows where the
// regency adds lines by choosing a sub-kegiatan code from a list.
const (
	PlanSheet     = "Rencana Program"
	planHeadRow   = 6
	planFirstRow  = 8
	planBlankRows = 15
	planIDCol     = 13 // hidden: the plan line's id
	metaCodeCol   = 4  // on the meta sheet: the sub-kegiatan codes and names offered
)

// planColumn is one column of the plan sheet; field names the PlanLineInput
// field it fills ("" for a locked descriptive column).
type planColumn struct {
	title, field string
	width        float64
	number       bool
}

func planColumns(year int) []planColumn {
	// Widths for landscape pages at 8 pt or more: text wraps, a
	// prefilled figure widens its column.
	return []planColumn{
		{"No", "", 4, false}, {"Kode Sub Kegiatan", "code", 17, false}, {"Sub Kegiatan", "", 26, false},
		{"Indikator Keluaran", "outputIndicator", 24, false}, {"Satuan", "outputUnit", 9, false},
		{"Target", "target", 10, true}, {"Pagu Indikatif (Rp)", "pagu", 16, true}, {"Sumber Dana", "sumberDana", 15, false},
		{"Lokasi", "lokasi", 14, false}, {"Catatan", "catatan", 18, false},
		{fmt.Sprintf("Target %d", year+1), "targetNext", 10, true}, {fmt.Sprintf("Pagu %d (Rp)", year+1), "paguNext", 16, true},
		{"ID", "", 6, false},
	}
}

// planLevel is who plans in a region: the regency (L = 2) or the province (L = 1).
func planLevel(r region.Region) program.Level {
	if r.Level == region.Province {
		return program.LevelProvince
	}
	return program.LevelRegency
}

func planSum(regionCode string, year int, lines []program.PlanLine) string {
	h := sha256.New()
	fmt.Fprintf(h, "plan|%s|%d|%d|", regionCode, year, planBlankRows)
	for _, c := range planColumns(year) {
		fmt.Fprintf(h, "%s|", c.title)
	}
	for _, l := range lines {
		fmt.Fprintf(h, "%d:%s|", l.ID, l.SubKegiatanCode)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// writePlanSheet adds the plan sheet, returning the meta rows to add; the
// offered sub-kegiatan go on the meta sheet with writePlanList.
func writePlanSheet(f *excelize.File, st *styles, in TemplateInput, inText, inNum, inRupiah int) ([][2]any, error) {
	sh := PlanSheet
	if _, err := f.NewSheet(sh); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	cols := planColumns(in.Year)
	var err error
	set := func(cell string, v any, style int) {
		if err == nil {
			err = f.SetCellValue(sh, cell, v)
		}
		if err == nil && style != 0 {
			err = f.SetCellStyle(sh, cell, cell, style)
		}
	}
	for i, c := range cols {
		set(cellName(i+1, planHeadRow), c.title, st.head)
		set(cellName(i+1, planHeadRow+1), fmt.Sprintf("(%d)", i+1), st.colNum)
		if err == nil {
			err = f.SetColWidth(sh, col(i+1), col(i+1), c.width)
		}
	}
	values := func(l program.PlanLine) map[string]any {
		v := map[string]any{"outputIndicator": l.OutputIndicator, "outputUnit": l.OutputUnit, "pagu": l.Pagu,
			"sumberDana": l.SumberDana.Label(), "lokasi": l.Lokasi, "catatan": l.Catatan}
		if l.Target != nil {
			v["target"] = *l.Target
		}
		if l.TargetNext != nil {
			v["targetNext"] = *l.TargetNext
		}
		if l.PaguNext != nil {
			v["paguNext"] = *l.PaguNext
		}
		return v
	}
	rows := len(in.Plans) + planBlankRows
	for n := 0; n < rows; n++ {
		r := planFirstRow + n
		var v map[string]any
		if n < len(in.Plans) {
			l := in.Plans[n]
			v = values(l)
			set(cellName(2, r), l.SubKegiatanCode, st.code)
			set(cellName(3, r), l.SubKegiatanName, st.text)
			lines := 2 // no reader autofits wrapped rows on opening
			for _, t := range []struct {
				text string
				col  int
			}{{l.SubKegiatanName, 3}, {l.OutputIndicator, 4}, {l.SumberDana.Label(), 8}, {l.Lokasi, 9}, {l.Catatan, 10}} {
				lines = max(lines, wrapLines(t.text, cols[t.col-1].width))
			}
			if err == nil {
				err = f.SetRowHeight(sh, r, float64(lines*lineHeight))
			}
			set(cellName(planIDCol, r), l.ID, st.text)
		} else {
			set(cellName(2, r), "", inText)
			if err == nil { // no value: the formula's cached result is "", not a stale string
				err = f.SetCellStyle(sh, cellName(3, r), cellName(3, r), st.text)
			}
			if err == nil { // the name follows the chosen code
				err = f.SetCellFormula(sh, cellName(3, r), fmt.Sprintf(`IFERROR(VLOOKUP(B%d,'%s'!$D:$E,2,FALSE),"")`, r, MetaSheet))
			}
			set(cellName(planIDCol, r), "", st.text)
		}
		set(cellName(1, r), n+1, st.text)
		for i, c := range cols {
			if c.field == "" || c.field == "code" {
				continue
			}
			style := inText
			switch c.field {
			case "pagu", "paguNext":
				style = inRupiah
			case "target", "targetNext":
				style = inNum
			}
			x, ok := v[c.field]
			if !ok {
				x = ""
			}
			set(cellName(i+1, r), x, style)
		}
	}
	// No prefilled figure may show as ###: widen a column to its longest one.
	widths := make([]float64, len(cols)-1) // the printed ones: not the hidden id
	for i, c := range cols[:len(widths)] {
		widths[i] = c.width
		if !c.number || err != nil {
			continue
		}
		for _, l := range in.Plans {
			if w := figureWidth(planText(l, c.field, false), false); w > widths[i] {
				widths[i] = w // planText writes the Rp itself
			}
		}
		err = f.SetColWidth(sh, col(i+1), col(i+1), widths[i])
	}
	if err != nil {
		return nil, fmt.Errorf("xlsx: plan template: %w", err)
	}
	first, lastRow := planFirstRow, planFirstRow+rows-1
	// Drop-down lists: the sub-kegiatan codes (new rows) and the sources of funds.
	if n := len(in.Subs); n > 0 {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("B%d:B%d", planFirstRow+len(in.Plans), lastRow))
		dv.SetSqrefDropList(fmt.Sprintf("'%s'!$D$1:$D$%d", MetaSheet, n))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Kode sub kegiatan", "Pilih kode sub kegiatan dari daftar.")
		if err := f.AddDataValidation(sh, dv); err != nil {
			return nil, fmt.Errorf("xlsx: plan template: %w", err)
		}
	}
	var funds []string
	for _, d := range program.AllSumberDana {
		funds = append(funds, d.Label())
	}
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("H%d:H%d", first, lastRow))
	if err := dv.SetDropList(funds); err != nil {
		return nil, fmt.Errorf("xlsx: plan template: %w", err)
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "Sumber dana", "Pilih sumber dana dari daftar.")
	if err := f.AddDataValidation(sh, dv); err != nil {
		return nil, fmt.Errorf("xlsx: plan template: %w", err)
	}
	num := excelize.NewDataValidation(true)
	num.SetSqref(fmt.Sprintf("F%d:G%d K%d:L%d", first, lastRow, first, lastRow))
	if err := num.SetRange(0, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err == nil {
		num.SetError(excelize.DataValidationErrorStyleStop, "Angka", "Isi dengan angka nol atau lebih, misalnya 1.500.000.")
		if err := f.AddDataValidation(sh, num); err != nil {
			return nil, fmt.Errorf("xlsx: plan template: %w", err)
		}
	}
	if err := f.SetColVisible(sh, col(planIDCol), false); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	lay, err := tplPrint(f, sh, in.Profile, widths, 3, planHeadRow, planHeadRow+1)
	if err != nil {
		return nil, err
	}
	titles := make([]string, len(widths))
	for i, c := range cols[:len(widths)] {
		titles[i] = c.title
	}
	if err := templateHead(f, st, sh, in, "TEMPLAT ISIAN RENCANA PROGRAM DAN PAGU INDIKATIF",
		"Ubah sel kuning pada baris yang ada; tambah rencana baru di baris kosong dengan memilih kode sub kegiatan dari daftar.",
		lay, titles, planHeadRow); err != nil {
		return nil, fmt.Errorf("xlsx: plan template: %w", err)
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 3, YSplit: planFirstRow - 1,
		TopLeftCell: cellName(4, planFirstRow), ActivePane: "bottomRight"}); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	if err := f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true}); err != nil {
		return nil, fmt.Errorf("xlsx: protect: %w", err)
	}
	return [][2]any{{"plan_rows", len(in.Plans)}, {"plan_checksum", planSum(in.Region.Code, in.Year, in.Plans)}}, nil
}

// writePlanList puts the offered codes and names on the meta sheet, for the
// drop-down list and the name lookup of new rows.
func writePlanList(f *excelize.File, subs []program.Item) error {
	for i, it := range subs {
		if err := f.SetSheetRow(MetaSheet, cellName(metaCodeCol, i+1), &[]any{it.Code, it.Name}); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	return nil
}

// planText shows a field the way the preview lists it; a new line has no old values.
func planText(l program.PlanLine, field string, none bool) string {
	if none {
		return ""
	}
	qty := func(v *float64) string {
		if v == nil {
			return ""
		}
		return number.Format(*v, -1)
	}
	rupiah := func(v int64) string { return "Rp" + number.Format(float64(v), 0) }
	switch field {
	case "outputIndicator":
		return l.OutputIndicator
	case "outputUnit":
		return l.OutputUnit
	case "target":
		return qty(l.Target)
	case "pagu":
		return rupiah(l.Pagu)
	case "sumberDana":
		return l.SumberDana.Label()
	case "lokasi":
		return l.Lokasi
	case "catatan":
		return l.Catatan
	case "targetNext":
		return qty(l.TargetNext)
	case "paguNext":
		if l.PaguNext == nil {
			return ""
		}
		return rupiah(*l.PaguNext)
	}
	return ""
}
