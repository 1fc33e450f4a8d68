package xlsx

import (
	"fmt"
	"math"
	"time"

	"github.com/xuri/excelize/v2"

	"selaras/backend/profile"
)

// What leaves Selaras is printed and signed, so every sheet is laid out for
// the paper rather than shrunk to fit it: a sheet wider than the page is
// split into pages across at a readable scale, with its row labels repeated.

// Margins in inches: room at the top for the demo mark and at the foot for
// "Halaman x dari y".
const (
	marginSide   = 0.5
	marginTop    = 0.75
	marginBottom = 0.75
	marginHeader = 0.3
	marginFooter = 0.3
)

// Type on paper: the smallest font any sheet uses (the kop's contact line
// and the numbered column row) printed at no less than minPrinted points.
const (
	smallestFont = 10.0
	minPrinted   = 8.0
	minScale     = int(100 * minPrinted / smallestFont) // percent
)

// pagePlan is how a sheet's columns fall on printed pages.
type pagePlan struct {
	scale    int     // print scale in percent
	breaks   []int   // the last column of every page across but the last
	firstEnd int     // the last column of the first page: the kop spans it
	height   float64 // printable height of a page in sheet points, at scale
}

// paperSize is the printable area in points at 100%.
func paperSize(p profile.Paper, portrait bool) (w, h float64) {
	const mm = 72 / 25.4
	w, h = 297*mm, 210*mm // A4 landscape
	if p == profile.F4 {
		w, h = 330*mm, 8.5*72 // Folio 8.5 x 13 in
	}
	if portrait {
		w, h = h, w
	}
	return w - 2*marginSide*72, h - (marginTop+marginBottom)*72
}

// colPoints turns an Excel column width (characters of the default 11 pt
// font, 7 px each plus 5 px of padding at 96 dpi) into points.
func colPoints(width float64) float64 { return (width*7 + 5) * 0.75 }

// pageColumns lays the columns out across pages. The first repeat columns
// are printed on every page; consecutive columns of one Group (a regency's
// target, realisation and achievement) stay on one page. The scale is the
// largest that needs no more pages across than the readable minimum does.
func pageColumns(cols []column, repeat int, paper profile.Paper, portrait bool) pagePlan {
	avail, high := paperSize(paper, portrait)
	// LibreOffice's columns come out a few percent wider than Excel's
	// arithmetic: keep that much in hand so its own break never falls
	// inside a column group before ours.
	avail *= 0.96
	type block struct {
		from int // 1-based first column
		w    float64
	}
	rep, total := 0.0, 0.0
	for i := 0; i < repeat && i < len(cols); i++ {
		rep += colPoints(cols[i].Width)
	}
	var blocks []block
	for i := repeat; i < len(cols); {
		b := block{from: i + 1}
		j := i
		for j < len(cols) && (j == i || (cols[j].Group != "" && cols[j].Group == cols[i].Group)) {
			b.w += colPoints(cols[j].Width)
			j++
		}
		blocks = append(blocks, b)
		i = j
	}
	total = rep
	for _, b := range blocks {
		total += b.w
	}
	plan := func(scale int) pagePlan {
		pp := pagePlan{scale: scale, firstEnd: len(cols), height: high * 100 / float64(scale)}
		room, used := avail*100/float64(scale), rep
		for _, b := range blocks {
			if used+b.w > room && used > rep {
				pp.breaks = append(pp.breaks, b.from-1)
				used = rep
			}
			used += b.w
		}
		if len(pp.breaks) > 0 {
			pp.firstEnd = pp.breaks[0]
		}
		return pp
	}
	if s := int(avail * 100 / total); s >= minScale {
		return plan(min(s, 100)) // one page across
	}
	n := len(plan(minScale).breaks)
	s := minScale
	for s < 100 && len(plan(s+1).breaks) == n {
		s++
	}
	return plan(s)
}

// fillWidth is the width the last column can take so that its page across
// is full: a column of long notes, wider, wraps to fewer lines and so
// keeps every row (on every page across) lower. The pages stay as planned.
func fillWidth(cols []column, repeat int, pp pagePlan, paper profile.Paper, portrait bool) float64 {
	last := cols[len(cols)-1].Width
	avail, _ := paperSize(paper, portrait)
	room := avail * 0.96 * 100 / float64(pp.scale) // the slack pageColumns keeps
	from, used := 0, 0.0
	if len(pp.breaks) > 0 {
		from = pp.breaks[len(pp.breaks)-1]
		for i := 0; i < repeat && i < len(cols); i++ {
			used += colPoints(cols[i].Width)
		}
	}
	for i := from; i < len(cols); i++ {
		used += colPoints(cols[i].Width)
	}
	if extra := room - used; extra > 0 {
		last += extra / (7 * 0.75)
	}
	return math.Floor(last)
}

// spareWidth is how much wider, in characters, a sheet printed one page
// across could be at the readable minimum scale.
func spareWidth(cols []column, paper profile.Paper, portrait bool) float64 {
	avail, _ := paperSize(paper, portrait)
	used := 0.0
	for _, c := range cols {
		used += colPoints(c.Width)
	}
	spare := avail*0.96*100/float64(minScale) - used
	return max(0, math.Floor(spare/(7*0.75))-1) // a character in hand against rounding
}

// printSetup gives a sheet its paper, orientation, scale, margins, page
// breaks across, the rows (and columns) repeated on every page, and the
// header and footer.
func printSetup(f *excelize.File, sheet string, p profile.Profile, pp pagePlan, portrait bool, repeatCols, headFrom, headTo int) error {
	orient, size, scale := "landscape", paperCode(p.PaperSize), uint(pp.scale)
	if portrait {
		orient = "portrait"
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orient, Size: &size, AdjustTo: &scale}); err != nil {
		return fmt.Errorf("xlsx: page layout: %w", err)
	}
	if err := marginsAndFooter(f, sheet, p); err != nil {
		return err
	}
	for _, c := range pp.breaks {
		if err := f.InsertPageBreak(sheet, cellName(c+1, 1)); err != nil {
			return fmt.Errorf("xlsx: page break: %w", err)
		}
	}
	return printTitles(f, sheet, repeatCols, headFrom, headTo)
}

// formLayout is how a form to fill in (a regency template sheet) prints:
// like the exported matrices, one page across at a readable scale when its
// columns allow, else pages across with the key columns repeated.
type formLayout struct {
	plan     pagePlan
	widths   []float64
	from, to int // the columns the title rows span on the first page
}

// tplPrint lays a template sheet out on the profile's paper (landscape):
// the first repeat columns are printed on every page across, the heading
// rows headFrom..headTo on every page down. The title rows then go past
// the repeated columns, so no page across prints a clipped piece of them.
func tplPrint(f *excelize.File, sheet string, p profile.Profile, widths []float64, repeat, headFrom, headTo int) (formLayout, error) {
	cols := make([]column, len(widths))
	for i, w := range widths {
		cols[i] = column{Width: w}
	}
	pp := pageColumns(cols, repeat, p.PaperSize, false)
	l := formLayout{plan: pp, widths: widths, from: 1, to: pp.firstEnd}
	repeatCols := 0
	if len(pp.breaks) > 0 {
		repeatCols, l.from = repeat, repeat+1
	}
	return l, printSetup(f, sheet, p, pp, false, repeatCols, headFrom, headTo)
}

// width is the width of the title rows in characters.
func (l formLayout) width() float64 {
	w := 0.0
	for i := l.from - 1; i < l.to && i < len(l.widths); i++ {
		w += l.widths[i]
	}
	return w
}

// printTitles repeats rows headFrom..headTo (none when headFrom is 0) and
// the first repeatCols columns on every printed page.
func printTitles(f *excelize.File, sheet string, repeatCols, headFrom, headTo int) error {
	if headFrom == 0 {
		return nil
	}
	titles := fmt.Sprintf("'%s'!$%d:$%d", sheet, headFrom, headTo)
	if repeatCols > 0 {
		titles = fmt.Sprintf("'%s'!$A:$%s,%s", sheet, col(repeatCols), titles)
	}
	// SetDefinedName looks up the sheet of every name set before by
	// listing all sheets, so a national export of two hundred sheets spent
	// more on it than on a province's cells. Each sheet is given its print
	// titles once, when it is laid out: the later ones are appended to the
	// workbook's names as a copy of the first, scoped to their sheet.
	wb := f.WorkBook
	if wb == nil || wb.DefinedNames == nil || len(wb.DefinedNames.DefinedName) == 0 {
		if err := f.SetDefinedName(&excelize.DefinedName{Name: printTitlesName, Scope: sheet, RefersTo: titles}); err != nil {
			return fmt.Errorf("xlsx: print titles: %w", err)
		}
		return nil
	}
	names := wb.DefinedNames.DefinedName
	last := names[len(names)-1]
	index, err := f.GetSheetIndex(sheet)
	if last.Name != printTitlesName || err != nil || index < 0 {
		if err := f.SetDefinedName(&excelize.DefinedName{Name: printTitlesName, Scope: sheet, RefersTo: titles}); err != nil {
			return fmt.Errorf("xlsx: print titles: %w", err)
		}
		return nil
	}
	for _, dn := range names {
		if dn.Name == printTitlesName && dn.LocalSheetID != nil && *dn.LocalSheetID == index {
			return fmt.Errorf("xlsx: print titles: %w", excelize.ErrDefinedNameDuplicate)
		}
	}
	last.Data, last.LocalSheetID = titles, &index
	wb.DefinedNames.DefinedName = append(names, last)
	return nil
}

// printTitlesName is the defined name of the rows and columns printed on
// every page.
const printTitlesName = "_xlnm.Print_Titles"

// pageFooter numbers every printed page the Indonesian way.
const pageFooter = "&C&10Halaman &P dari &N"

// marginsAndFooter: margins with room for the header and footer, the page
// number, and the demo mark on every page from the demo workspace.
func marginsAndFooter(f *excelize.File, sheet string, p profile.Profile) error {
	side, top, bottom, header, footer := marginSide, marginTop, marginBottom, marginHeader, marginFooter
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &bottom,
		Header: &header, Footer: &footer}); err != nil {
		return fmt.Errorf("xlsx: margins: %w", err)
	}
	hf := &excelize.HeaderFooterOptions{OddFooter: pageFooter}
	if p.Demo {
		hf.OddHeader = `&C&"-,Bold"&10&KC00000` + demoMark
	}
	if err := f.SetHeaderFooter(sheet, hf); err != nil {
		return fmt.Errorf("xlsx: header and footer: %w", err)
	}
	return nil
}

// docProps names Selaras, the office and the export time in the workbook's
// properties, where Excel's File > Info shows them.
func docProps(f *excelize.File, p profile.Profile, now time.Time) error {
	stamp := now.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "Selaras", LastModifiedBy: "Selaras", Created: stamp, Modified: stamp,
		Title: p.OfficeName, Language: "id-ID"}); err != nil {
		return fmt.Errorf("xlsx: properties: %w", err)
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "Selaras", Company: p.OfficeName}); err != nil {
		return fmt.Errorf("xlsx: properties: %w", err)
	}
	return nil
}

// guideSetup prints a sheet of instructions (a template's Petunjuk) on one
// portrait page of the profile's paper, its lines wrapped in column A.
func guideSetup(f *excelize.File, sheet string, p profile.Profile) error {
	orient, size, one := "portrait", paperCode(p.PaperSize), 1
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orient, Size: &size, FitToWidth: &one, FitToHeight: &one}); err != nil {
		return fmt.Errorf("xlsx: page layout: %w", err)
	}
	yes := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return fmt.Errorf("xlsx: sheet props: %w", err)
	}
	if err := f.SetColWidth(sheet, "A", "A", 90); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := f.SetColStyle(sheet, "A", wrap); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	for i, r := range rows {
		if len(r) > 0 { // wrapped lines need the height: no reader autofits on opening
			if err := f.SetRowHeight(sheet, i+1, float64(wrapLines(r[0], 90)*lineHeight)); err != nil {
				return fmt.Errorf("xlsx: %w", err)
			}
		}
	}
	return marginsAndFooter(f, sheet, p)
}
