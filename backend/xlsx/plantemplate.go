package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"selaras/backend/program"
	"selaras/backend/template"
)

// writePlanSheet adds the plan sheet (template version 2): the region's
// plan lines of the year with their figures open for editing, then blank
// rows where the regency adds lines by choosing a sub-kegiatan code from a
// list (the offered codes go on the meta sheet with writeMeta).
func writePlanSheet(f *excelize.File, st *styles, inputs inputStyles, in TemplateInput) error {
	sh := template.PlanSheet
	if _, err := f.NewSheet(sh); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	w := &cells{f: f, sh: sh}
	cols := template.PlanColumns(in.Year)
	w.headings(st, cols, template.PlanHeadRow)
	for i, c := range cols {
		w.width(i+1, c.Width)
	}
	ps := planSheet{w: w, st: st, inputs: inputs, cols: cols}
	rows := len(in.Plans) + template.PlanBlankRows
	for n := 0; n < rows; n++ {
		r := template.PlanFirstRow + n
		if n < len(in.Plans) {
			ps.listed(in.Plans[n], r)
		} else {
			ps.blank(r)
		}
		w.set(cellName(1, r), n+1, st.text)
	}
	// No prefilled figure may show as ###: widen a column to its longest one.
	widths := make([]float64, len(cols)-1) // the printed ones: not the hidden id
	for i, c := range cols[:len(widths)] {
		widths[i] = c.Width
		if !c.Number {
			continue
		}
		for _, l := range in.Plans {
			widths[i] = max(widths[i], figureWidth(template.PlanText(l, c.Field, false), false)) // PlanText writes the Rp itself
		}
		w.width(i+1, widths[i])
	}
	if w.err != nil {
		return fmt.Errorf("xlsx: plan template: %w", w.err)
	}
	if err := addPlanValidations(f, cols, len(in.Plans), rows, len(in.Subs)); err != nil {
		return fmt.Errorf("xlsx: plan template: %w", err)
	}
	if err := f.SetColVisible(sh, col(template.PlanIDCol), false); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return finishTemplateSheet(f, st, sh, in, widths, template.Titles(cols[:len(widths)]), template.PlanHeadRow, template.PlanFirstRow,
		"TEMPLAT ISIAN RENCANA PROGRAM DAN PAGU INDIKATIF",
		"Ubah sel kuning pada baris yang ada; tambah rencana baru di baris kosong dengan memilih kode sub kegiatan dari daftar.")
}

// planSheet is the plan sheet being written.
type planSheet struct {
	w      *cells
	st     *styles
	inputs inputStyles
	cols   []template.Column
}

// listed writes a plan line on row r: its code, name and id locked, its
// figures and texts open.
func (ps planSheet) listed(l program.PlanLine, r int) {
	w, st := ps.w, ps.st
	w.set(cellName(template.PlanCodeCol, r), l.SubKegiatanCode, st.code)
	w.set(cellName(template.PlanNameCol, r), l.SubKegiatanName, st.text)
	// No reader autofits wrapped rows on opening: the row is as tall as
	// its longest text.
	lines := max(2, wrapLines(l.SubKegiatanName, ps.cols[template.PlanNameCol-1].Width))
	for _, c := range ps.cols {
		if wrapped[c.Field] {
			lines = max(lines, wrapLines(template.PlanText(l, c.Field, false), c.Width))
		}
	}
	w.height(r, float64(lines*lineHeight))
	w.set(cellName(template.PlanIDCol, r), l.ID, st.text)
	v := planValues(l)
	for i, c := range ps.cols {
		if c.Field == "" || c.Field == "code" {
			continue
		}
		x, ok := v[c.Field]
		if !ok {
			x = ""
		}
		w.set(cellName(i+1, r), x, ps.inputStyle(c.Field))
	}
}

// wrapped are the texts of a listed line that set its row's height.
var wrapped = map[string]bool{"outputIndicator": true, "sumberDana": true, "lokasi": true, "catatan": true}

// blank writes an empty row for a new line: its code chosen from the list,
// its name looked up from the code.
func (ps planSheet) blank(r int) {
	w := ps.w
	w.set(cellName(template.PlanCodeCol, r), "", ps.inputs.text)
	name := cellName(template.PlanNameCol, r)
	w.style(name, ps.st.text) // no value: the formula's cached result is "", not a stale string
	w.formula(name, fmt.Sprintf(`IFERROR(VLOOKUP(%s,'%s'!$%s:$%s,2,FALSE),"")`, cellName(template.PlanCodeCol, r),
		template.MetaSheet, col(template.MetaListCol), col(template.MetaListCol+1)))
	w.set(cellName(template.PlanIDCol, r), "", ps.st.text)
	for i, c := range ps.cols {
		if c.Field != "" && c.Field != "code" {
			w.set(cellName(i+1, r), "", ps.inputStyle(c.Field))
		}
	}
}

func (ps planSheet) inputStyle(field string) int {
	switch template.PlanUnit(field) {
	case template.UnitRupiah:
		return ps.inputs.rupiah
	case template.UnitDecimal:
		return ps.inputs.num
	}
	return ps.inputs.text
}

// planValues are a listed line's cells by field, as numbers where they are figures.
func planValues(l program.PlanLine) map[string]any {
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

// addPlanValidations gives the plan sheet's rows their drop-down lists (the
// sub-kegiatan code of a new row, the source of funds of every row) and
// its figures their range.
func addPlanValidations(f *excelize.File, cols []template.Column, listed, rows, subs int) error {
	sh := template.PlanSheet
	first, last := template.PlanFirstRow, template.PlanFirstRow+rows-1
	span := func(c int, from int) string { return fmt.Sprintf("%s%d:%s%d", col(c), from, col(c), last) }
	add := func(r template.Rule, sqref string, set func(dv *excelize.DataValidation) error) error {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(sqref)
		if err := set(dv); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, r.Title, r.Text)
		return f.AddDataValidation(sh, dv)
	}
	if subs > 0 {
		err := add(template.PlanCodeRule, span(template.PlanCodeCol, first+listed), func(dv *excelize.DataValidation) error {
			c := col(template.MetaListCol)
			dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$1:$%s$%d", template.MetaSheet, c, c, subs))
			return nil
		})
		if err != nil {
			return err
		}
	}
	funds := make([]string, len(program.AllSumberDana))
	for i, d := range program.AllSumberDana {
		funds[i] = d.Label()
	}
	err := add(template.PlanFundRule, span(template.PlanFundCol, first), func(dv *excelize.DataValidation) error {
		return dv.SetDropList(funds)
	})
	if err != nil {
		return err
	}
	// The figures' columns, neighbours joined into one range ("F8:G30 K8:L30").
	var ranges []string
	for i := 0; i < len(cols); i++ {
		if !cols[i].Number {
			continue
		}
		j := i
		for j+1 < len(cols) && cols[j+1].Number {
			j++
		}
		ranges = append(ranges, fmt.Sprintf("%s%d:%s%d", col(i+1), first, col(j+1), last))
		i = j
	}
	r := template.PlanNumberRule
	return add(r, strings.Join(ranges, " "), func(dv *excelize.DataValidation) error {
		return dv.SetRange(r.Lo, r.Hi, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
	})
}
