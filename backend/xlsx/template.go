package xlsx

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
	"selaras/backend/indicator"
	"selaras/backend/number"
	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/target"
	"selaras/backend/template"
)

// Template workbooks go to a regency and come back filled in. Their layout
// is backend/template's; this file writes it. The structure (sheet names,
// headings, indicator codes and their order) is locked and summed into a
// checksum on the hidden sheet, so an import can tell a returned template
// from a foreign or edited workbook.

// TemplateInput is what a template is built from.
type TemplateInput struct {
	Profile    profile.Profile
	Region     region.Region
	Year       int
	Indicators []indicator.Indicator
	Current    map[int64]target.Value // this region's values for the year, by indicator
	Provincial map[int64]target.Value // the province's values, shown for reference
	Plans      []program.PlanLine     // the region's own plan lines of the year
	Subs       []program.Item         // the sub-kegiatan it may add lines for
}

// WriteTemplate builds the template workbook for one region and year: the
// values sheet, the plan sheet, the guide and the hidden meta sheet.
func WriteTemplate(ctx context.Context, path string, in TemplateInput, now time.Time) error {
	_, err := writeTemplate(ctx, path, in, now)
	return err
}

// writeTemplate is WriteTemplate, telling what its hidden sheet says.
func writeTemplate(ctx context.Context, path string, in TemplateInput, now time.Time) (template.Meta, error) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return template.Meta{}, fmt.Errorf("xlsx: styles: %w", err)
	}
	inputs, err := newInputStyles(f)
	if err != nil {
		return template.Meta{}, fmt.Errorf("xlsx: styles: %w", err)
	}
	codes, err := writeValuesSheet(f, st, inputs, in)
	if err != nil {
		return template.Meta{}, err
	}
	if err := writePlanSheet(f, st, inputs, in); err != nil {
		return template.Meta{}, err
	}
	if err := writeGuide(f, in, now); err != nil {
		return template.Meta{}, err
	}
	meta := template.Meta{Version: template.Version, Region: in.Region.Code, Year: in.Year,
		Checksum: template.StructureSum(template.Version, in.Region.Code, in.Year, codes), Rows: len(codes), CreatedAt: now,
		PlanRows: len(in.Plans), PlanChecksum: template.PlanSum(in.Region.Code, in.Year, in.Plans)}
	if err := writeMeta(f, meta, in.Subs); err != nil {
		return template.Meta{}, err
	}
	f.SetActiveSheet(0)
	return meta, saveTemplate(ctx, f, path)
}

// inputStyles are the styles of a template's cells a regency fills in
// (unlocked, yellow) and of a ratio's computed target (locked, grey).
type inputStyles struct {
	text, num, rupiah, calc int
}

func newInputStyles(f *excelize.File) (inputStyles, error) {
	border := []excelize.Border{{Type: "left", Color: "7F7F7F", Style: 1}, {Type: "right", Color: "7F7F7F", Style: 1},
		{Type: "top", Color: "7F7F7F", Style: 1}, {Type: "bottom", Color: "7F7F7F", Style: 1}}
	unlocked := func(format string) (int, error) {
		s := &excelize.Style{
			Border:     border,
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}},
			Protection: &excelize.Protection{Locked: false},
			// Text typed in wraps inside its column, as the printed page needs.
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: format == ""},
		}
		if format != "" {
			s.CustomNumFmt = &format
		}
		return f.NewStyle(s)
	}
	var is inputStyles
	var err error
	if is.text, err = unlocked(""); err != nil {
		return is, err
	}
	if is.num, err = unlocked("#,##0.######"); err != nil {
		return is, err
	}
	if is.rupiah, err = unlocked(`"Rp"#,##0`); err != nil {
		return is, err
	}
	calcFmt := "#,##0.00"
	is.calc, err = f.NewStyle(&excelize.Style{Border: border,
		Fill:         excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}},
		CustomNumFmt: &calcFmt, Protection: &excelize.Protection{Locked: true}, Alignment: &excelize.Alignment{Vertical: "center"}})
	return is, err
}

// cells writes the cells of one sheet, keeping the first error, so a run
// of writes reads as a list and is checked once.
type cells struct {
	f   *excelize.File
	sh  string
	err error
}

func (w *cells) set(cell string, v any, style int) {
	if w.err == nil {
		w.err = w.f.SetCellValue(w.sh, cell, v)
	}
	if style != 0 {
		w.style(cell, style)
	}
}

func (w *cells) style(cell string, style int) {
	if w.err == nil {
		w.err = w.f.SetCellStyle(w.sh, cell, cell, style)
	}
}

func (w *cells) formula(cell, formula string) {
	if w.err == nil {
		w.err = w.f.SetCellFormula(w.sh, cell, formula)
	}
}

func (w *cells) width(c int, width float64) {
	if w.err == nil {
		w.err = w.f.SetColWidth(w.sh, col(c), col(c), width)
	}
}

func (w *cells) height(r int, height float64) {
	if w.err == nil {
		w.err = w.f.SetRowHeight(w.sh, r, height)
	}
}

// headings writes a template sheet's column titles on headRow and their
// numbers (1)(2)... under them.
func (w *cells) headings(st *styles, cols []template.Column, headRow int) {
	for i, c := range cols {
		w.set(cellName(i+1, headRow), c.Title, st.head)
		w.set(cellName(i+1, headRow+1), fmt.Sprintf("(%d)", i+1), st.colNum)
	}
}

// writeValuesSheet fills the first sheet with one row per indicator and
// returns the codes in their order, for the checksum.
func writeValuesSheet(f *excelize.File, st *styles, inputs inputStyles, in TemplateInput) ([]string, error) {
	sh := template.ValuesSheet
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	w := &cells{f: f, sh: sh}
	cols := template.ValueColumns()
	w.headings(st, cols, template.HeadRow)
	vs := valuesSheet{w: w, st: st, inputs: inputs, in: in, cols: cols, widths: make([]float64, len(cols)), dvs: map[template.Unit][]string{}}
	for i, c := range cols {
		vs.widths[i] = c.Width
	}
	codes := make([]string, 0, len(in.Indicators))
	heights := make([]int, len(in.Indicators)) // lines of each row
	for n, ind := range in.Indicators {
		codes = append(codes, ind.Code)
		heights[n] = vs.row(n, ind)
	}
	for i, width := range vs.widths {
		w.width(i+1, width)
	}
	for n, lines := range heights { // no reader autofits wrapped rows on opening
		w.height(template.FirstRow+n, float64(lines*lineHeight))
	}
	if w.err == nil {
		w.err = addInputValidations(f, sh, vs.dvs)
	}
	if w.err != nil {
		return nil, fmt.Errorf("xlsx: template: %w", w.err)
	}
	err := finishTemplateSheet(f, st, sh, in, vs.widths, template.Titles(cols), template.HeadRow, template.FirstRow,
		"TEMPLAT ISIAN TARGET INDIKATOR KINERJA",
		"Isi hanya sel berwarna kuning. Jangan menambah, menghapus, atau memindahkan baris dan kolom.")
	return codes, err
}

// valuesSheet is the values sheet being written: its cells, the column
// widths its figures need and the input cells of each unit, validated
// together once every row is written.
type valuesSheet struct {
	w      *cells
	st     *styles
	inputs inputStyles
	in     TemplateInput
	cols   []template.Column
	widths []float64
	dvs    map[template.Unit][]string
}

// fit widens a column so no prefilled figure shows as ###.
func (vs *valuesSheet) fit(c int, v float64, rupiah bool) {
	if width := figureWidth(number.Format(v, -1), rupiah); width > vs.widths[c-1] {
		vs.widths[c-1] = width
	}
}

// row writes the n-th indicator's row and returns the lines it needs.
func (vs *valuesSheet) row(n int, ind indicator.Indicator) int {
	w, st, r := vs.w, vs.st, template.FirstRow+n
	cur := vs.in.Current[ind.ID]
	w.set(cellName(template.NoCol, r), n+1, st.text)
	w.set(cellName(template.CodeCol, r), ind.Code, st.code)
	w.set(cellName(template.NameCol, r), ind.Name, st.text)
	w.set(cellName(template.UnitCol, r), ind.Unit, st.text)
	rupiah := ind.Kind == indicator.Rupiah
	if p, ok := vs.in.Provincial[ind.ID]; ok && p.Target != nil {
		w.set(cellName(template.ProvincialCol, r), *p.Target, valueStyle(st, ind))
		vs.fit(template.ProvincialCol, *p.Target, rupiah)
	} else {
		w.set(cellName(template.ProvincialCol, r), "", valueStyle(st, ind))
	}
	for i, c := range vs.cols {
		if c.Field != "" {
			vs.input(ind, cur, target.Field(c.Field), i+1, r)
		}
	}
	return max(wrapLines(ind.Name, vs.cols[template.NameCol-1].Width), wrapLines(cur.Note, vs.cols[template.NoteCol-1].Width))
}

// input writes one cell a regency fills in: the note as text, a ratio's
// parts (locked and empty for any other kind), a ratio's target as the
// formula over its parts, any other figure under its unit's validation.
func (vs *valuesSheet) input(ind indicator.Indicator, cur target.Value, field target.Field, c, r int) {
	w, cell := vs.w, cellName(c, r)
	isPart := field == target.FTargetNum || field == target.FTargetDen
	switch {
	case field == target.FNote:
		w.set(cell, cur.Note, vs.inputs.text)
		return
	case isPart && ind.Kind != indicator.Ratio:
		w.set(cell, "", vs.st.text) // locked: only ratios have parts
		return
	case field == target.FTarget && ind.Kind == indicator.Ratio:
		formula, cached := ratioFormula(ind, cur, r)
		if cached != nil {
			w.set(cell, *cached, vs.inputs.calc)
			vs.fit(c, *cached, false)
		} else {
			w.style(cell, vs.inputs.calc) // no value: the formula's result is ""
		}
		w.formula(cell, formula)
		return
	}
	style := vs.inputs.num
	if ind.Kind == indicator.Rupiah {
		style = vs.inputs.rupiah
	}
	if v := cur.Number(field); v != nil {
		w.set(cell, *v, style)
		vs.fit(c, *v, ind.Kind == indicator.Rupiah)
	} else {
		w.set(cell, "", style)
	}
	u := template.UnitFor(ind, field)
	vs.dvs[u] = append(vs.dvs[u], cell)
}

// finishTemplateSheet lays a filled template sheet out for the paper, puts
// the title block above its table, freezes the code and name columns and
// the headings, and protects everything but the input cells.
func finishTemplateSheet(f *excelize.File, st *styles, sh string, in TemplateInput, widths []float64, titles []string,
	headRow, firstRow int, title, hint string) error {
	lay, err := tplPrint(f, sh, in.Profile, widths, 3, headRow, headRow+1)
	if err != nil {
		return err
	}
	if err := templateHead(f, st, sh, in, title, hint, lay, titles, headRow); err != nil {
		return fmt.Errorf("xlsx: template: %w", err)
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 3, YSplit: firstRow - 1,
		TopLeftCell: cellName(4, firstRow), ActivePane: "bottomRight"}); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true}); err != nil {
		return fmt.Errorf("xlsx: protect: %w", err)
	}
	return nil
}

// writeGuide adds the Petunjuk sheet.
func writeGuide(f *excelize.File, in TemplateInput, now time.Time) error {
	sh := template.GuideSheet
	if _, err := f.NewSheet(sh); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	for i, line := range guideLines(in, now) {
		if err := f.SetCellValue(sh, cellName(1, i+1), line); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	if err := f.SetColWidth(sh, "A", "A", 110); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return guideSetup(f, sh, in.Profile)
}

// writeMeta adds the hidden sheet: the meta rows, and beside them the
// sub-kegiatan a new plan row may choose, for its drop-down list and the
// look-up of its name.
func writeMeta(f *excelize.File, m template.Meta, subs []program.Item) error {
	sh := template.MetaSheet
	if _, err := f.NewSheet(sh); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	for i, kv := range m.Pairs() {
		if err := f.SetSheetRow(sh, cellName(1, i+1), &[]any{kv[0], kv[1]}); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	for i, it := range subs {
		if err := f.SetSheetRow(sh, cellName(template.MetaListCol, i+1), &[]any{it.Code, it.Name}); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	if err := f.SetSheetVisible(sh, false, true); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// saveTemplate writes the workbook to path. excelize caches a formula's
// result as text; a number must be cached as a number for
// Excel-compatible readers to show it, so the sheets are rewritten first.
func saveTemplate(ctx context.Context, f *excelize.File, path string) error {
	buf, err := f.WriteToBuffer()
	if err != nil {
		return fmt.Errorf("xlsx: template: %w", err)
	}
	fixed, err := numericFormulaCache(buf.Bytes())
	if err != nil {
		return fmt.Errorf("xlsx: template: %w", err)
	}
	out, err := excelize.OpenReader(bytes.NewReader(fixed))
	if err != nil {
		return fmt.Errorf("xlsx: template: %w", err)
	}
	defer out.Close()
	return SaveAtomically(ctx, out, path)
}

// figureWidth is the column width a figure needs to show whole (not as
// ###): a digit or letter is about one unit of width, a separator
// under half.
func figureWidth(text string, rupiah bool) float64 {
	w := 1.5
	for _, r := range text {
		switch r {
		case '.', ',', ' ':
			w += 0.45
		default:
			w += 1.05
		}
	}
	if rupiah {
		w += 2
	}
	return w
}

// templateHead writes a template sheet's title block and the one-line
// hint under it over the columns lay gives them (past the repeated ones
// when the sheet prints in pages across), as tall as their wrapped lines,
// and sizes the heading row headRow for its wrapped titles.
func templateHead(f *excelize.File, st *styles, sh string, in TemplateInput, title, hint string, lay formLayout,
	heads []string, headRow int) error {
	rows := []struct {
		text   string
		style  int
		height float64
	}{
		{strings.ToUpper(in.Profile.OfficeName), st.title, 18}, {title, st.title, 18},
		{fmt.Sprintf("%s · Tahun %d", in.Region.Name, in.Year), st.subtitle, lineHeight}, {hint, st.subtitle, lineHeight},
	}
	for i, r := range rows {
		cell := cellName(lay.from, i+1)
		if err := f.SetCellValue(sh, cell, r.text); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell, cell, r.style); err != nil {
			return err
		}
		if err := f.MergeCell(sh, cell, cellName(lay.to, i+1)); err != nil {
			return err
		}
		if err := f.SetRowHeight(sh, i+1, bandRowHeight(r.text, lay.width(), r.height)); err != nil {
			return err
		}
	}
	lines := 2
	for i, h := range heads {
		if i < len(lay.widths) && lay.widths[i] > 0 {
			lines = max(lines, wrapLines(h, lay.widths[i]))
		}
	}
	return f.SetRowHeight(sh, headRow, float64(lines*lineHeight))
}

// LoadTemplateInput reads what a region's template needs from a workspace.
func LoadTemplateInput(ctx context.Context, s *store.Store, p profile.Profile, regionCode string, year int) (TemplateInput, error) {
	reg, ok := region.Default().Lookup(regionCode)
	if !ok {
		return TemplateInput{}, fault.New(fault.UnknownRegion, "template.region", "code", regionCode)
	}
	inds, err := indicator.Catalogue(ctx, s)
	if err != nil {
		return TemplateInput{}, err
	}
	vals, err := target.Load(ctx, s.Read(), target.Filter{Years: []int{year}, Regions: []string{reg.Code, reg.ProvinceCode}})
	if err != nil {
		return TemplateInput{}, err
	}
	in := TemplateInput{Profile: p, Region: reg, Year: year, Indicators: inds,
		Current: map[int64]target.Value{}, Provincial: map[int64]target.Value{}}
	for _, v := range vals {
		if v.Region == reg.Code {
			in.Current[v.IndicatorID] = v
		}
		if v.Region == reg.ProvinceCode {
			in.Provincial[v.IndicatorID] = v
		}
	}
	if in.Plans, in.Subs, err = template.PlanInput(ctx, s, reg, year); err != nil {
		return TemplateInput{}, err
	}
	return in, nil
}

// TemplateFileName is e.g. Templat-Kabupaten-Bangka-2025.xlsx.
func TemplateFileName(r region.Region, year int) string {
	return fmt.Sprintf("Templat-%s-%d.xlsx", strings.Join(strings.Fields(r.Name), "-"), year)
}
