package xlsx

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"selaras/backend/profile"
	"selaras/backend/rakor"
)

// column is one column of a form sheet. Consecutive columns with the same
// Group share a merged top header with their Head below it; a column
// without a Group has its Head merged over both header rows.
type column struct {
	Group string
	Head  string
	Width float64
	// Fill widens a notes column: the last one to the end of its printed
	// page, one inside a sheet printed one page across to the readable scale.
	Fill bool
}

// formSpec describes a sheet in the government form layout.
type formSpec struct {
	Sheet      string
	Titles     []string // under the kop: the first bold, the rest plain
	Cols       []column
	FreezeCols int // columns kept in view when scrolling right
	// RepeatCols are printed at the left of every page when the sheet is
	// wider than the paper; 0 = FreezeCols. Column groups (a regency's
	// target, pagu ...) are never split between pages.
	RepeatCols int
	Portrait   bool
	// Prose sheets (the Berita Acara) are paragraphs: no column headings.
	Prose bool
}

// form streams one sheet: kop, titles, headers, the numbered column row,
// then the body rows the caller adds, then the signature block. It follows
// the printed pages as it goes, so the closing lines can be kept together
// with the last rows.
type form struct {
	f      *excelize.File
	sheet  string
	st     *styles
	sw     *excelize.StreamWriter
	p      profile.Profile
	cols   []column
	repeat int // columns printed on every page across
	row    int // the next row to write
	first  int // the first body row
	span   int // columns a band spans: the first printed page's
	// bandFrom is the first column of the kop and title bands: past the
	// repeated columns when the sheet prints in pages across, so those
	// columns never carry a clipped piece of them onto the later pages.
	bandFrom int

	page     pagePlan
	repeatH  float64 // heading rows printed on every page
	sims     [len(pageSlack)]pageSim
	lastBody int // the last body row written
	fitCache map[fitKey]int
}

// newForm sets up print and view options, then streams the kop, titles
// and headers. Print setup must happen before streaming starts.
func newForm(f *excelize.File, st *styles, p profile.Profile, spec formSpec) (*form, error) {
	if err := addSheet(f, spec.Sheet); err != nil {
		return nil, err
	}
	grouped := false
	for _, c := range spec.Cols {
		grouped = grouped || c.Group != ""
	}
	repeat := spec.RepeatCols
	if repeat == 0 {
		repeat = spec.FreezeCols
	}
	fm := &form{f: f, sheet: spec.Sheet, st: st, p: p, cols: spec.Cols, repeat: repeat}
	fm.page = pageColumns(spec.Cols, repeat, p.PaperSize, spec.Portrait)
	for i, c := range spec.Cols {
		switch {
		case !c.Fill:
		case i == len(spec.Cols)-1:
			spec.Cols[i].Width = fillWidth(spec.Cols, repeat, fm.page, p.PaperSize, spec.Portrait)
		case len(fm.page.breaks) == 0:
			// One page across with room to spare: a notes column inside the
			// table takes it, down to the readable scale, and wraps to fewer lines.
			spec.Cols[i].Width += spareWidth(spec.Cols, p.PaperSize, spec.Portrait)
			fm.page = pageColumns(spec.Cols, repeat, p.PaperSize, spec.Portrait)
		}
	}
	fm.span = fm.page.firstEnd
	fm.bandFrom = 1
	if len(fm.page.breaks) > 0 {
		fm.bandFrom = repeat + 1
		fm.span = fm.centredEnd(spec.Titles)
	}
	headRow := kopRows(p) + len(spec.Titles) + 3 // kop, a blank row, titles, a blank row
	if p.Demo {
		headRow++
	}
	headRows := 1
	if grouped {
		headRows = 2
	}
	if spec.Prose {
		headRow--
	}
	numRow := headRow + headRows
	repeatCols := 0
	if len(fm.page.breaks) > 0 {
		repeatCols = repeat
	}
	titleFrom := headRow
	if spec.Prose {
		titleFrom = 0
	}
	if err := printSetup(f, spec.Sheet, p, fm.page, spec.Portrait, repeatCols, titleFrom, numRow); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(spec.Sheet)
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	fm.sw = sw
	// A run of columns of one width is set at once: each call walks every
	// width set before, and a province's sheet has over a hundred columns.
	for i := 0; i < len(spec.Cols); {
		j := i + 1
		for j < len(spec.Cols) && spec.Cols[j].Width == spec.Cols[i].Width {
			j++
		}
		if err := sw.SetColWidth(i+1, j, spec.Cols[i].Width); err != nil {
			return nil, err
		}
		i = j
	}
	if !spec.Prose {
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: spec.FreezeCols, YSplit: numRow,
			TopLeftCell: cellName(spec.FreezeCols+1, numRow+1), ActivePane: "bottomRight"}); err != nil {
			return nil, err
		}
	}
	fm.row = 1
	if err := fm.kop(); err != nil {
		return nil, err
	}
	fm.skip(1)
	for i, t := range spec.Titles {
		style, h := st.subtitle, float64(lineHeight)
		if i == 0 {
			style, h = st.title, 18
		}
		if err := fm.bandHeight(t, style, h); err != nil {
			return nil, err
		}
	}
	if err := fm.demoBand(); err != nil {
		return nil, err
	}
	fm.skip(headRow - fm.row)
	if spec.Prose {
		fm.bandFrom = 1
		fm.first = fm.row
		return fm, nil
	}
	span := fm.page.firstEnd
	fm.span = len(spec.Cols)
	before := fm.used()
	if err := fm.headers(grouped); err != nil {
		return nil, err
	}
	nums := make([]interface{}, len(spec.Cols))
	for i := range nums {
		nums[i] = excelize.Cell{StyleID: st.colNum, Value: fmt.Sprintf("(%d)", i+1)}
	}
	if _, err := fm.add(nums, 15); err != nil {
		return nil, err
	}
	fm.repeatH = fm.used() - before
	fm.span = span
	fm.bandFrom = 1
	fm.first = fm.row
	return fm, nil
}

// kopRows is how many rows the kop takes: government, office, the contact
// line when there is one, and the rule.
func kopRows(p profile.Profile) int {
	if p.ContactLine() == "" {
		return 3
	}
	return 4
}

// kop writes the letterhead of a government document: PEMERINTAH PROVINSI
// ..., the office, its address and contacts, and a double rule under them.
func (fm *form) kop() error {
	if err := fm.bandHeight(strings.ToUpper(fm.p.GovernmentLine()), fm.st.kopGov, 17); err != nil {
		return err
	}
	if err := fm.bandHeight(strings.ToUpper(fm.p.OfficeName), fm.st.kopOffice, 20); err != nil {
		return err
	}
	if c := fm.p.ContactLine(); c != "" {
		if err := fm.bandHeight(c, fm.st.kopContact, 14); err != nil {
			return err
		}
	}
	rule := make([]interface{}, fm.span)
	for i := fm.bandFrom - 1; i < len(rule); i++ {
		rule[i] = excelize.Cell{StyleID: fm.st.rule}
	}
	r, err := fm.add(rule, 5)
	if err != nil {
		return err
	}
	return fm.sw.MergeCell(cellName(fm.bandFrom, r), cellName(fm.span, r))
}

// demoBand marks every sheet of the demo workspace under its titles.
func (fm *form) demoBand() error {
	if !fm.p.Demo {
		return nil
	}
	return fm.bandHeight(demoMark, fm.st.demo, 18)
}

// demoMark is printed on every page from the demo workspace.
const demoMark = "CONTOH — data demo, bukan data resmi"

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
	// Heading text wraps: each row as tall as its longest heading needs, the
	// lower row's height counting for the headings merged over both.
	h2h := 0.0
	if grouped {
		h2h = max(30, fm.fit(h2))
	}
	if _, err := fm.add(h1, max(30, fm.fit(h1)-h2h)); err != nil {
		return err
	}
	if grouped {
		if _, err := fm.add(h2, h2h); err != nil {
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

// add writes a row and returns its number; height 0 fits the wrapped text.
// Every row gets an explicit height, so the pages LibreOffice and Excel
// lay out are the pages this form counts.
func (fm *form) add(cells []interface{}, height float64) (int, error) {
	if height <= 0 {
		height = fm.fit(cells)
	}
	height = min(height, excelize.MaxRowHeight)
	r := fm.row
	if err := fm.sw.SetRow(cellName(1, r), cells, excelize.RowOpts{Height: height}); err != nil {
		return 0, fmt.Errorf("xlsx: row %d: %w", r, err)
	}
	fm.row++
	fm.place(height)
	return r, nil
}

// body writes a body row: one the closing lines may be kept with.
func (fm *form) body(cells []interface{}, height float64) (int, error) {
	r, err := fm.add(cells, height)
	fm.lastBody = r
	return r, err
}

// skip leaves n empty rows of the default height.
func (fm *form) skip(n int) {
	for ; n > 0; n-- {
		fm.row++
		fm.place(lineHeight)
	}
}

// pageSim follows the printed pages down for one guess of a page's height.
type pageSim struct {
	height, used float64
	pages        int
}

// pageSlack are the guesses: row heights are estimates and the reader lays
// out the page itself, so a page may hold somewhat less or more than
// computed; whether a closing fits is not monotonic in the page's height,
// so the guesses are close together.
var pageSlack = [...]float64{1, 0.97, 0.985, 1.015, 1.03}

// place follows the printed pages down: a row that does not fit starts a
// new page under the repeated heading rows.
func (fm *form) place(h float64) {
	for i := range fm.sims {
		sm := &fm.sims[i]
		if sm.height == 0 {
			sm.height = fm.page.height * pageSlack[i]
		}
		if sm.used+h > sm.height && sm.used > fm.repeatH {
			sm.pages++
			sm.used = fm.repeatH
		}
		sm.used += h
	}
}

// used is the height used on the current page, by the first guess.
func (fm *form) used() float64 { return fm.sims[0].used }

// lineHeight is the height in points of one line of 11 pt text.
const lineHeight = 15

// fit is the height the row's wrapped text needs: streamed rows get no
// autofit from Excel or LibreOffice when opened.
func (fm *form) fit(cells []interface{}) float64 {
	lines := 1
	for i, c := range cells {
		var cell *excelize.Cell
		switch c := c.(type) {
		case excelize.Cell:
			cell = &c
		case *excelize.Cell:
			cell = c
		default:
			continue
		}
		text, isText := cell.Value.(string)
		if !isText || i >= len(fm.cols) || fm.cols[i].Width == 0 {
			continue
		}
		lines = max(lines, fm.textLines(i, text, fm.st.isBold(cell.StyleID)))
	}
	return float64(lines * lineHeight)
}

// fitKey is a text measured in a column.
type fitKey struct {
	col  int
	bold bool
	text string
}

// fitCacheSize bounds the texts a sheet remembers the lines of.
const fitCacheSize = 4096

// textLines is how many lines text of 11 pt takes in column i. A sheet's
// texts repeat (an indicator in every year, a plan line's unit, place and
// status on thousands of lines): each is measured once.
func (fm *form) textLines(i int, text string, bold bool) int {
	if text == "" {
		return 1
	}
	k := fitKey{i, bold, text}
	if n, ok := fm.fitCache[k]; ok {
		return n
	}
	n := textLines(text, fm.cols[i].Width, bold, 11)
	if fm.fitCache == nil {
		fm.fitCache = map[fitKey]int{}
	}
	if len(fm.fitCache) < fitCacheSize {
		fm.fitCache[k] = n
	}
	return n
}

// rowCells are a body row's cells, reused from row to row: the stream
// writer takes a *Cell as well as a Cell, so passing pointers into one
// slice boxes no cell of its own for every cell of a national export.
type rowCells struct {
	cells []excelize.Cell
	vals  []interface{}
}

func newRowCells(n int) *rowCells {
	rc := &rowCells{cells: make([]excelize.Cell, n), vals: make([]interface{}, n)}
	for i := range rc.cells {
		rc.vals[i] = &rc.cells[i]
	}
	return rc
}

// wrapLines is how many lines text of 11 pt takes in a column of the
// given width.
func wrapLines(text string, width float64) int { return textLines(text, width, false, 11) }

// band writes text merged across the band's columns (titles, group rows).
func (fm *form) band(text string, style int) error {
	return fm.bandHeight(text, style, lineHeight)
}

func (fm *form) bandHeight(text string, style int, height float64) error {
	from := max(fm.bandFrom, 1)
	if from > 1 {
		size, bold := fm.st.font(style)
		height *= float64(textLines(text, fm.bandWidth(fm.span), bold, size))
	}
	cells := make([]interface{}, from)
	cells[from-1] = excelize.Cell{StyleID: style, Value: text}
	r, err := fm.add(cells, height)
	if err != nil {
		return err
	}
	return fm.sw.MergeCell(cellName(from, r), cellName(fm.span, r))
}

// bandWidth is the width in characters of the bands ending at column end.
func (fm *form) bandWidth(end int) float64 {
	w := 0.0
	for i := fm.bandFrom - 1; i < end && i < len(fm.cols); i++ {
		w += fm.cols[i].Width
	}
	return w
}

// centredEnd is the last column of the kop and title bands of a sheet
// printed in pages across. They start past the repeated columns (which
// every later page prints) and end about as far short of the first page's
// edge as those columns are wide, so they sit centred over the printed
// page, as far as their lines wrap no more there than over the whole rest
// of the page.
func (fm *form) centredEnd(titles []string) int {
	type band struct {
		text  string
		style int
	}
	bands := []band{{strings.ToUpper(fm.p.GovernmentLine()), fm.st.kopGov}, {strings.ToUpper(fm.p.OfficeName), fm.st.kopOffice},
		{fm.p.ContactLine(), fm.st.kopContact}}
	for i, t := range titles {
		style := fm.st.subtitle
		if i == 0 {
			style = fm.st.title
		}
		bands = append(bands, band{t, style})
	}
	if fm.p.Demo {
		bands = append(bands, band{demoMark, fm.st.demo})
	}
	lines := func(end int) int {
		n := 0
		for _, b := range bands {
			size, bold := fm.st.font(b.style)
			n += textLines(b.text, fm.bandWidth(end), bold, size)
		}
		return n
	}
	first := fm.page.firstEnd
	edge := make([]float64, first+1) // the right edge of each column, in points
	for i := 0; i < first; i++ {
		edge[i+1] = edge[i] + colPoints(fm.cols[i].Width)
	}
	centred := edge[first] - edge[fm.bandFrom-1] // where a centred band ends
	full, best := lines(first), first
	for end := fm.bandFrom; end < first; end++ {
		if math.Abs(edge[end]-centred) < math.Abs(edge[best]-centred) && lines(end) == full {
			best = end
		}
	}
	return best
}

// bandRowHeight is the height of a band of one line of h points over
// columns of the given width: past the repeated columns the band may be
// narrower than its line, so it wraps, as tall as its lines need (a line
// of h points is h/15 times the width of 11 pt text, and capitals are
// wider still).
func bandRowHeight(text string, width, h float64) float64 {
	per := width * lineHeight / h
	if text == strings.ToUpper(text) {
		per *= 0.8
	}
	return h * max(1, math.Ceil(float64(len([]rune(text)))/max(per, 1)))
}

// category writes a group row: its label merged over the columns printed
// on every page, so each page across names the group.
func (fm *form) category(label string) error {
	if label == "" {
		label = "Lainnya"
	}
	cells := make([]interface{}, len(fm.cols))
	for i := range cells {
		cells[i] = excelize.Cell{StyleID: fm.st.category}
	}
	cells[0] = excelize.Cell{StyleID: fm.st.category, Value: label}
	r, err := fm.add(cells, lineHeight)
	if err != nil {
		return err
	}
	if fm.repeat < 2 {
		return nil
	}
	return fm.sw.MergeCell(cellName(1, r), cellName(fm.repeat, r))
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

// closing starts the lines that end the sheet (a closing paragraph, the
// signature): they are printed on the page of the last body row. When they
// would not fit under it, a page break goes before that row, so no page
// holds only a heading or a signature and a signature is never split.
type closing struct {
	fm    *form
	pages [len(pageSlack)]int
	row   int
}

func (fm *form) closing() closing {
	c := closing{fm: fm, row: fm.lastBody}
	for i, sm := range fm.sims {
		c.pages[i] = sm.pages
	}
	return c
}

// keep puts a page break before the last body row when, by any guess of
// the page's height, the closing lines would run onto a page of their own.
func (c closing) keep() error {
	fm := c.fm
	split := false
	for i, sm := range fm.sims {
		split = split || sm.pages != c.pages[i]
	}
	if !split || c.row <= fm.first {
		return nil
	}
	if err := fm.f.InsertPageBreak(fm.sheet, cellName(1, c.row)); err != nil {
		return fmt.Errorf("xlsx: page break: %w", err)
	}
	return nil
}

// close writes the signature block under column signCol, keeps it with the
// last rows and flushes.
func (fm *form) close(ctx context.Context, date time.Time, signCol int) error {
	return fm.closeWith(ctx, fm.closing(), date, signCol)
}

func (fm *form) closeWith(ctx context.Context, c closing, date time.Time, signCol int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := fm.sign(c, date, signCol); err != nil {
		return err
	}
	return fm.flush()
}

// sign writes the signature block after the closing lines c began and
// keeps them together with the last rows.
func (fm *form) sign(c closing, date time.Time, signCol int) error {
	fm.skip(2)
	if err := fm.signature(date, signCol); err != nil {
		return err
	}
	return c.keep()
}

func (fm *form) flush() error {
	if err := fm.sw.Flush(); err != nil {
		return fmt.Errorf("xlsx: flush: %w", err)
	}
	return nil
}

// signature writes the head of office's signature block under column col.
func (fm *form) signature(date time.Time, col int) error {
	st := fm.st
	lines := []excelize.Cell{
		{StyleID: st.sign, Value: signPlace(fm.p) + ", " + LongDate(date)},
		{StyleID: st.sign, Value: fm.p.HeadPosition},
		{StyleID: st.sign}, {StyleID: st.sign}, {StyleID: st.sign},
		{StyleID: st.signBold, Value: fm.p.HeadName},
	}
	if fm.p.HeadNIP != "" {
		lines = append(lines, excelize.Cell{StyleID: st.sign, Value: "NIP. " + fm.p.HeadNIP})
	}
	for _, l := range lines {
		r := fm.row
		if err := fm.sw.SetRow(cellName(col, r), []interface{}{l}, excelize.RowOpts{Height: lineHeight}); err != nil {
			return fmt.Errorf("xlsx: row %d: %w", r, err)
		}
		fm.row++
		fm.place(lineHeight)
	}
	return nil
}

// signPlace is where the office signs: the profile's city, else the first
// part of its address, else a line to fill in by hand (as the printed
// record has it).
func signPlace(p profile.Profile) string { return rakor.KopOf(p).SignPlace }

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
