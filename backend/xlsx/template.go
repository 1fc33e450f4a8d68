package xlsx

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
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
)

// Template workbooks go to a regency and come back filled in. The structure
// (sheet names, headers, indicator codes and their order) is locked and
// summed into a checksum on a hidden sheet, so an import can tell a returned
// template from a foreign or edited workbook.
const (
	// TemplateVersion 2 added the plan sheet; version 1 templates still import.
	TemplateVersion = 2
	ValuesSheet     = "Target Indikator"
	GuideSheet      = "Petunjuk"
	MetaSheet       = "_selaras"
	tplHeadRow      = 6
	tplFirstRow     = 8
)

// Template columns of the values sheet: locked ones describe, open ones are
// filled in by the regency.
var tplColumns = []struct {
	title string
	field target.Field // "" for a locked descriptive column
	width float64
}{
	// Widths for one landscape page across at 8 pt or more: names and
	// notes wrap, headings wrap, a prefilled figure widens its column.
	{"No", "", 4}, {"Kode", "", 10}, {"Indikator Kinerja", "", 26}, {"Satuan", "", 9},
	{"Target Provinsi", "", 12},
	{"Target", target.FTarget, 12}, {"Pembilang Target", target.FTargetNum, 11}, {"Penyebut Target", target.FTargetDen, 11},
	{"Realisasi", target.FRealisation, 12}, {"Baseline", target.FBaseline, 11}, {"Catatan", target.FNote, 18},
}

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

// structureSum hashes what must not change between export and import.
func structureSum(version int, regionCode string, year int, codes []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "v%d|%s|%d|", version, regionCode, year)
	for _, c := range tplColumns {
		fmt.Fprintf(h, "%s|", c.title)
	}
	for _, c := range codes {
		fmt.Fprintf(h, "%s|", c)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// WriteTemplate builds the template workbook for one region and year.
func WriteTemplate(ctx context.Context, path string, in TemplateInput, now time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("xlsx: styles: %w", err)
	}
	unlocked := func(format string) int {
		s := &excelize.Style{
			Border: []excelize.Border{{Type: "left", Color: "7F7F7F", Style: 1}, {Type: "right", Color: "7F7F7F", Style: 1},
				{Type: "top", Color: "7F7F7F", Style: 1}, {Type: "bottom", Color: "7F7F7F", Style: 1}},
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}},
			Protection: &excelize.Protection{Locked: false},
			// Text typed in wraps inside its column, as the printed page needs.
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: format == ""},
		}
		if format != "" {
			s.CustomNumFmt = &format
		}
		id, _ := f.NewStyle(s)
		return id
	}
	inText, inNum, inRupiah := unlocked(""), unlocked("#,##0.######"), unlocked(`"Rp"#,##0`)
	// A ratio's target: computed from its parts, locked, grey.
	calcFmt := "#,##0.00"
	calc, _ := f.NewStyle(&excelize.Style{
		Border: []excelize.Border{{Type: "left", Color: "7F7F7F", Style: 1}, {Type: "right", Color: "7F7F7F", Style: 1},
			{Type: "top", Color: "7F7F7F", Style: 1}, {Type: "bottom", Color: "7F7F7F", Style: 1}},
		Fill:         excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}},
		CustomNumFmt: &calcFmt, Protection: &excelize.Protection{Locked: true}, Alignment: &excelize.Alignment{Vertical: "center"},
	})

	if err := f.SetSheetName("Sheet1", ValuesSheet); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	sh := ValuesSheet
	set := func(cell string, v any, style int) {
		if err == nil {
			err = f.SetCellValue(sh, cell, v)
		}
		if err == nil && style != 0 {
			err = f.SetCellStyle(sh, cell, cell, style)
		}
	}
	widths := make([]float64, len(tplColumns))
	for i, c := range tplColumns {
		set(cellName(i+1, tplHeadRow), c.title, st.head)
		set(cellName(i+1, tplHeadRow+1), fmt.Sprintf("(%d)", i+1), st.colNum)
		widths[i] = c.width
	}
	// fit widens a column so no prefilled figure shows as ###.
	fit := func(c int, v float64, rupiah bool) {
		if w := figureWidth(number.Format(v, -1), rupiah); w > widths[c-1] {
			widths[c-1] = w
		}
	}
	dvs := map[unit][]string{}
	heights := make([]int, len(in.Indicators)) // lines of each row
	codes := make([]string, 0, len(in.Indicators))
	for n, ind := range in.Indicators {
		r := tplFirstRow + n
		codes = append(codes, ind.Code)
		set(cellName(1, r), n+1, st.text)
		set(cellName(2, r), ind.Code, st.code)
		set(cellName(3, r), ind.Name, st.text)
		heights[n] = max(wrapLines(ind.Name, tplColumns[2].width), wrapLines(in.Current[ind.ID].Note, tplColumns[10].width))
		set(cellName(4, r), ind.Unit, st.text)
		vstyle := valueStyle(st, ind)
		if p, ok := in.Provincial[ind.ID]; ok && p.Target != nil {
			set(cellName(5, r), *p.Target, vstyle)
			fit(5, *p.Target, ind.Kind == indicator.Rupiah)
		} else {
			set(cellName(5, r), "", vstyle)
		}
		cur := in.Current[ind.ID]
		for i, c := range tplColumns {
			if c.field == "" {
				continue
			}
			cell := cellName(i+1, r)
			isPart := c.field == target.FTargetNum || c.field == target.FTargetDen
			switch {
			case c.field == target.FNote:
				set(cell, cur.Note, inText)
			case isPart && ind.Kind != indicator.Ratio:
				set(cell, "", st.text) // locked: only ratios have parts
			case c.field == target.FTarget && ind.Kind == indicator.Ratio:
				formula, cached := ratioFormula(ind, cur, r)
				if cached != nil {
					set(cell, *cached, calc)
					fit(i+1, *cached, false)
				} else if err == nil {
					err = f.SetCellStyle(sh, cell, cell, calc) // no value: the formula's result is ""
				}
				if err == nil {
					err = f.SetCellFormula(sh, cell, formula)
				}
			default:
				style := inNum
				if ind.Kind == indicator.Rupiah {
					style = inRupiah
				}
				if v := cur.Number(c.field); v != nil {
					set(cell, *v, style)
					fit(i+1, *v, ind.Kind == indicator.Rupiah)
				} else {
					set(cell, "", style)
				}
				u := unitFor(ind, c.field)
				dvs[u] = append(dvs[u], cell)
			}
		}
	}
	for i, w := range widths {
		if err == nil {
			err = f.SetColWidth(sh, col(i+1), col(i+1), w)
		}
	}
	for n, lines := range heights {
		if err == nil { // no reader autofits wrapped rows on opening
			err = f.SetRowHeight(sh, tplFirstRow+n, float64(lines*lineHeight))
		}
	}
	if err == nil {
		err = addInputValidations(f, sh, dvs)
	}
	if err != nil {
		return fmt.Errorf("xlsx: template: %w", err)
	}
	lay, err := tplPrint(f, sh, in.Profile, widths, 3, tplHeadRow, tplHeadRow+1)
	if err != nil {
		return err
	}
	titles := make([]string, len(tplColumns))
	for i, c := range tplColumns {
		titles[i] = c.title
	}
	if err := templateHead(f, st, sh, in, "TEMPLAT ISIAN TARGET INDIKATOR KINERJA",
		"Isi hanya sel berwarna kuning. Jangan menambah, menghapus, atau memindahkan baris dan kolom.", lay, titles, tplHeadRow); err != nil {
		return fmt.Errorf("xlsx: template: %w", err)
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 3, YSplit: tplFirstRow - 1,
		TopLeftCell: cellName(4, tplFirstRow), ActivePane: "bottomRight"}); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true}); err != nil {
		return fmt.Errorf("xlsx: protect: %w", err)
	}

	planMeta, err := writePlanSheet(f, st, in, inText, inNum, inRupiah)
	if err != nil {
		return err
	}

	// Instructions.
	if _, err := f.NewSheet(GuideSheet); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	guide := guideLines(in, now)
	for i, line := range guide {
		if err := f.SetCellValue(GuideSheet, cellName(1, i+1), line); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	if err := f.SetColWidth(GuideSheet, "A", "A", 110); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := guideSetup(f, GuideSheet, in.Profile); err != nil {
		return err
	}

	// Meta sheet: version, region, year, checksum of the structure.
	if _, err := f.NewSheet(MetaSheet); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	meta := [][2]any{
		{"template_version", TemplateVersion}, {"region", in.Region.Code}, {"year", in.Year},
		{"checksum", structureSum(TemplateVersion, in.Region.Code, in.Year, codes)}, {"rows", len(codes)}, {"created_at", now.UTC().Format(time.RFC3339)},
		{"ratio_target", "formula"}, // a ratio's target is computed from its parts (see valueRow.compare)
	}
	meta = append(meta, planMeta...)
	for i, kv := range meta {
		if err := f.SetSheetRow(MetaSheet, cellName(1, i+1), &[]any{kv[0], kv[1]}); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	if err := writePlanList(f, in.Subs); err != nil {
		return err
	}
	if err := f.SetSheetVisible(MetaSheet, false, true); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	f.SetActiveSheet(0)
	// excelize caches a formula's result as text; a number must be cached as
	// a number for Excel-compatible readers to show it.
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
	inds, err := indicator.List(ctx, s.Read())
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
	if in.Plans, in.Subs, err = planInput(ctx, s, reg, year); err != nil {
		return TemplateInput{}, err
	}
	return in, nil
}

// planInput reads the region's own plan lines of the year and the
// sub-kegiatan it may plan: L = 2 for a regency, L = 1 for a province.
func planInput(ctx context.Context, s *store.Store, reg region.Region, year int) ([]program.PlanLine, []program.Item, error) {
	level := planLevel(reg)
	all, err := program.ListPlanLines(ctx, s, program.Filter{Year: year, Region: reg.Code})
	if err != nil {
		return nil, nil, err
	}
	lines := []program.PlanLine{}
	for _, l := range all {
		if l.Level == level {
			lines = append(lines, l)
		}
	}
	items, err := program.ListItems(ctx, s.Read())
	if err != nil {
		return nil, nil, err
	}
	subs := []program.Item{}
	for _, it := range items {
		if it.Kind == program.KindSubKegiatan && it.Level == level {
			subs = append(subs, it)
		}
	}
	return lines, subs, nil
}

// TemplateFileName is e.g. Templat-Kabupaten-Bangka-2025.xlsx.
func TemplateFileName(r region.Region, year int) string {
	return fmt.Sprintf("Templat-%s-%d.xlsx", strings.Join(strings.Fields(r.Name), "-"), year)
}
