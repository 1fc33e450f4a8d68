package xlsx

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"selaras/backend/profile"
)

// column is one column of a form sheet. Consecutive columns with the same
// Group share a merged top header with their Head below it; a column
// without a Group has its Head merged over both header rows.
type column struct {
	Group string
	Head  string
	Width float64
}

// formSpec describes a sheet in the government form layout.
type formSpec struct {
	Sheet      string
	Titles     []string // under the office name: the first bold, the rest plain
	Cols       []column
	FreezeCols int // columns kept in view when scrolling right
	// PagesWide spreads a wide sheet over pages side by side, repeating the
	// frozen columns on each, rather than shrinking it past reading; 0 = 1.
	PagesWide int
	// TitleCols is how many columns the title block spans; 0 = all. A sheet
	// printed over several pages keeps its title on the first one.
	TitleCols int
}

// form streams one sheet: title block, headers, the numbered column row,
// then the body rows the caller adds, then the signature block.
type form struct {
	st    *styles
	sw    *excelize.StreamWriter
	p     profile.Profile
	cols  []column
	row   int // the next row to write
	first int // the first body row
	span  int // columns a band spans
}

// newForm sets up print and view options, then streams the title block and
// headers. Print setup must happen before streaming starts.
func newForm(f *excelize.File, st *styles, p profile.Profile, spec formSpec) (*form, error) {
	if err := addSheet(f, spec.Sheet); err != nil {
		return nil, err
	}
	grouped := false
	for _, c := range spec.Cols {
		grouped = grouped || c.Group != ""
	}
	headRow := len(spec.Titles) + 3 // office, titles, a blank row
	headRows := 1
	if grouped {
		headRows = 2
	}
	numRow := headRow + headRows
	repeat := 0
	if spec.PagesWide > 1 {
		repeat = spec.FreezeCols
	}
	if err := pageSetup(f, spec.Sheet, p, max(spec.PagesWide, 1), repeat, headRow, numRow); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(spec.Sheet)
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	fm := &form{st: st, sw: sw, p: p, cols: spec.Cols, span: len(spec.Cols)}
	if spec.TitleCols > 0 {
		fm.span = min(spec.TitleCols, len(spec.Cols))
	}
	for i, c := range spec.Cols {
		if err := sw.SetColWidth(i+1, i+1, c.Width); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: spec.FreezeCols, YSplit: numRow,
		TopLeftCell: cellName(spec.FreezeCols+1, numRow+1), ActivePane: "bottomRight"}); err != nil {
		return nil, err
	}
	fm.row = 1
	if err := fm.band(strings.ToUpper(p.OfficeName), st.title); err != nil {
		return nil, err
	}
	for i, t := range spec.Titles {
		style := st.subtitle
		if i == 0 {
			style = st.title
		}
		if err := fm.band(t, style); err != nil {
			return nil, err
		}
	}
	fm.row = headRow
	fm.span = len(spec.Cols)
	if err := fm.headers(grouped); err != nil {
		return nil, err
	}
	nums := make([]interface{}, len(spec.Cols))
	for i := range nums {
		nums[i] = excelize.Cell{StyleID: st.colNum, Value: fmt.Sprintf("(%d)", i+1)}
	}
	if _, err := fm.add(nums, 14); err != nil {
		return nil, err
	}
	fm.first = fm.row
	return fm, nil
}

// pageSetup: landscape on the profile's paper, fit to pagesWide pages
// across, header rows (and repeatCols first columns) on every printed page.
func pageSetup(f *excelize.File, sheet string, p profile.Profile, pagesWide, repeatCols, headFrom, headTo int) error {
	orient, size, fit, zero := "landscape", paperCode(p.PaperSize), pagesWide, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orient, Size: &size, FitToWidth: &fit, FitToHeight: &zero}); err != nil {
		return fmt.Errorf("xlsx: page layout: %w", err)
	}
	yes := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return fmt.Errorf("xlsx: sheet props: %w", err)
	}
	titles := fmt.Sprintf("'%s'!$%d:$%d", sheet, headFrom, headTo)
	if repeatCols > 0 {
		titles = fmt.Sprintf("'%s'!$A:$%s,%s", sheet, col(repeatCols), titles)
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet, RefersTo: titles}); err != nil {
		return fmt.Errorf("xlsx: print titles: %w", err)
	}
	return nil
}

func (fm *form) headers(grouped bool) error {
	n := len(fm.cols)
	h1, h2 := make([]interface{}, n), make([]interface{}, n)
	for i := range h1 {
		h1[i] = excelize.Cell{StyleID: fm.st.head}
		h2[i] = excelize.Cell{StyleID: fm.st.head}
	}
	var merges [][2]string
	r := fm.row
	for i := 0; i < n; {
		c := fm.cols[i]
		if c.Group == "" {
			h1[i] = excelize.Cell{StyleID: fm.st.head, Value: c.Head}
			if grouped {
				merges = append(merges, [2]string{cellName(i+1, r), cellName(i+1, r+1)})
			}
			i++
			continue
		}
		j := i
		for j < n && fm.cols[j].Group == c.Group {
			h2[j] = excelize.Cell{StyleID: fm.st.head, Value: fm.cols[j].Head}
			j++
		}
		h1[i] = excelize.Cell{StyleID: fm.st.head, Value: c.Group}
		if j-i > 1 {
			merges = append(merges, [2]string{cellName(i+1, r), cellName(j, r)})
		}
		i = j
	}
	if _, err := fm.add(h1, 30); err != nil {
		return err
	}
	if grouped {
		if _, err := fm.add(h2, 30); err != nil {
			return err
		}
	}
	for _, m := range merges {
		if err := fm.sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	return nil
}

// add writes a row and returns its number; height 0 fits the wrapped text,
// a negative one keeps the default.
func (fm *form) add(cells []interface{}, height float64) (int, error) {
	if height == 0 {
		height = fm.fit(cells)
	}
	var opts []excelize.RowOpts
	if height > 0 {
		opts = append(opts, excelize.RowOpts{Height: min(height, excelize.MaxRowHeight)})
	}
	r := fm.row
	if err := fm.sw.SetRow(cellName(1, r), cells, opts...); err != nil {
		return 0, fmt.Errorf("xlsx: row %d: %w", r, err)
	}
	fm.row++
	return r, nil
}

// lineHeight is the height in points of one line of 11 pt text.
const lineHeight = 15

// fit estimates the height wrapped text needs: streamed rows get no
// autofit from Excel or LibreOffice when opened. 0 keeps the default.
func (fm *form) fit(cells []interface{}) float64 {
	lines := 1
	for i, c := range cells {
		cell, ok := c.(excelize.Cell)
		text, isText := cell.Value.(string)
		if !ok || !isText || i >= len(fm.cols) || fm.cols[i].Width == 0 {
			continue
		}
		n := 0
		for _, part := range strings.Split(text, "\n") {
			// About one character per unit of width; bold text runs wider.
			n += len([]rune(part))/max(int(fm.cols[i].Width*0.9), 1) + 1
		}
		lines = max(lines, n)
	}
	if lines == 1 {
		return 0
	}
	return float64(lines * lineHeight)
}

// band writes text merged across every column (titles, group rows).
func (fm *form) band(text string, style int) error {
	return fm.bandHeight(text, style, 0)
}

func (fm *form) bandHeight(text string, style int, height float64) error {
	if height == 0 {
		height = -1 // a merged band is as wide as the sheet: one line
	}
	r, err := fm.add([]interface{}{excelize.Cell{StyleID: style, Value: text}}, height)
	if err != nil {
		return err
	}
	return fm.sw.MergeCell(cellName(1, r), cellName(fm.span, r))
}

// text is a bordered string cell: user text is always a string, never a formula.
func (fm *form) text(v string) excelize.Cell { return excelize.Cell{StyleID: fm.st.text, Value: v} }

// date is an ISO date shown the Indonesian way, or an empty bordered cell.
func (fm *form) date(iso string) excelize.Cell {
	if t, err := time.Parse("2006-01-02", iso); err == nil {
		return excelize.Cell{StyleID: fm.st.date, Value: t}
	}
	return fm.text(iso)
}

// close writes the signature block under column signCol and flushes.
func (fm *form) close(ctx context.Context, now time.Time, signCol int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := signature(fm.sw, fm.st, fm.p, fm.row+2, signCol, city(fm.p), now); err != nil {
		return err
	}
	if err := fm.sw.Flush(); err != nil {
		return fmt.Errorf("xlsx: flush: %w", err)
	}
	return nil
}

// city is where the office signs: the first part of its address.
func city(p profile.Profile) string {
	c := p.Address
	if i := strings.Index(c, ","); i > 0 {
		c = c[:i]
	}
	return strings.TrimSpace(c)
}

// sentences joins notes with "; ", or a space after one that already ends
// a sentence, skipping empty ones.
func sentences(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			if s := b.String(); strings.HasSuffix(s, ".") || strings.HasSuffix(s, ".)") {
				b.WriteString(" ")
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(p)
	}
	return b.String()
}
