package exchange

import (
	"encoding/xml"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
	"selaras/backend/template"
)

// A returned template's sheets are read by one streaming pass over their
// XML rather than through excelize's cell functions, which unmarshal the
// whole worksheet first: the pass keeps only the cells of the structure,
// stops at the first sign of a sheet larger than a template can be, and
// sees what a cell is (type, formula, style) along with its value.

// xcell is one cell as the worksheet stores it.
type xcell struct {
	v       string // the value: text for strings, the raw number otherwise, a formula's cached result
	t       string // the type attribute: "", n, s, str, inlineStr, b, e, d
	s       int    // the style index
	formula string // the formula text; "=" for a shared formula's follower
}

var cellTypes = map[string]excelize.CellType{
	"b": excelize.CellTypeBool, "d": excelize.CellTypeDate, "n": excelize.CellTypeNumber, "e": excelize.CellTypeError,
	"s": excelize.CellTypeSharedString, "str": excelize.CellTypeFormula, "inlineStr": excelize.CellTypeInlineString,
}

// sheetPath finds the part holding a sheet through the workbook's relationships.
func sheetPath(f *excelize.File, sheet string) (string, bool) {
	wb, ok := pkgBytes(f, "xl/workbook.xml")
	if !ok {
		return "", false
	}
	var w struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if xml.Unmarshal(wb, &w) != nil {
		return "", false
	}
	rels, ok := pkgBytes(f, "xl/_rels/workbook.xml.rels")
	if !ok {
		return "", false
	}
	var r struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(rels, &r) != nil {
		return "", false
	}
	for _, s := range w.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, rel := range r.Rels {
			if rel.ID == s.RID {
				if strings.HasPrefix(rel.Target, "/") {
					return strings.TrimPrefix(rel.Target, "/"), true
				}
				return path.Join("xl", rel.Target), true
			}
		}
	}
	return "", false
}

func pkgBytes(f *excelize.File, name string) ([]byte, bool) {
	v, ok := f.Pkg.Load(name)
	if !ok {
		return nil, false
	}
	b, ok := v.([]byte)
	return b, ok
}

// sharedStrings reads the workbook's string table (rich text runs joined,
// phonetic hints left out).
func sharedStrings(f *excelize.File) ([]string, error) {
	b, ok := pkgBytes(f, "xl/sharedStrings.xml")
	if !ok {
		return nil, nil
	}
	sb, err := readPart(b, func() *sstBuilder { return &sstBuilder{} })
	if err != nil {
		return nil, err
	}
	return sb.out, nil
}

// sstBuilder collects the string table's entries.
type sstBuilder struct {
	out  []string
	cur  []byte
	inT  bool
	skip int // inside phonetic hints (rPh)
}

func (sb *sstBuilder) start(name string, _ attrs) error {
	switch name {
	case "si":
		sb.cur = sb.cur[:0]
	case "t":
		sb.inT = sb.skip == 0
	case "rPh":
		sb.skip++
	}
	return nil
}

func (sb *sstBuilder) chars(data []byte) error {
	if sb.inT {
		sb.cur = append(sb.cur, data...)
	}
	return nil
}

func (sb *sstBuilder) end(name string) error {
	switch name {
	case "si":
		sb.out = append(sb.out, string(sb.cur))
	case "t":
		sb.inT = false
	case "rPh":
		sb.skip--
	}
	return nil
}

// readSheet reads sheet up to row last and width columns, noting the first
// non-empty cell outside them and the merged ranges.
func readSheet(f *excelize.File, sheet string, sst []string, last, width int) (*grid, error) {
	p, ok := sheetPath(f, sheet)
	if !ok {
		return nil, fault.New(fault.FileNotXlsx, "")
	}
	b, ok := pkgBytes(f, p)
	if !ok {
		return nil, fault.New(fault.FileNotXlsx, "")
	}
	sb, err := readPart(b, func() *sheetBuilder { return newSheetBuilder(sst, last, width) })
	if err != nil {
		return nil, err
	}
	return sb.g, nil
}

// sheetBuilder turns a worksheet's elements, in document order, into a grid
// of the cells of the structure.
type sheetBuilder struct {
	g            *grid
	sst          []string
	last         int
	row, col     int
	c            xcell
	in           string // the element whose text is being read: v, f, t
	text         []byte
	inCell, inIS bool
}

func newSheetBuilder(sst []string, last, width int) *sheetBuilder {
	return &sheetBuilder{sst: sst, last: last, g: &grid{last: last, width: width, rows: make([][]xcell, 0, min(last, 1024))}}
}

func (sb *sheetBuilder) start(name string, a attrs) error {
	switch name {
	case "row":
		if sb.inCell { // a row inside a cell
			return fault.New(fault.FileNotXlsx, "")
		}
		next := sb.row + 1
		if v := a.get("r"); v != "" {
			var err error
			if next, err = strconv.Atoi(v); err != nil || next <= sb.row || next > excelize.TotalRows {
				return fault.New(fault.FileNotXlsx, "")
			}
		}
		sb.row, sb.col = next, 0
		if sb.row > sb.last+maxRowsPastTable {
			return fault.New(fault.SheetTooLarge, "", "cell", "baris "+strconv.Itoa(sb.row), "max", strconv.Itoa(sb.last))
		}
	case "c":
		if sb.row == 0 { // a cell outside any row
			return fault.New(fault.FileNotXlsx, "")
		}
		sb.col++
		if ref := a.get("r"); ref != "" {
			cc, rr, err := cellCoords(ref)
			if err != nil || rr != sb.row || cc < sb.col {
				return fault.New(fault.FileNotXlsx, "")
			}
			sb.col = cc
		}
		if sb.col > maxColumns {
			return fault.New(fault.SheetTooLarge, "", "cell", template.CellName(min(sb.col, excelize.MaxColumns), sb.row), "max", strconv.Itoa(sb.last))
		}
		sb.c, sb.inCell = xcell{t: a.get("t")}, true
		if s := a.get("s"); s != "" {
			sb.c.s, _ = strconv.Atoi(s)
		}
	case "v", "f":
		if sb.inCell {
			sb.in = name
			sb.text = sb.text[:0]
			if name == "f" {
				sb.c.formula = "="
			}
		}
	case "is":
		sb.inIS = sb.inCell
		sb.text = sb.text[:0]
	case "t":
		if sb.inIS {
			sb.in = "t"
		}
	case "mergeCell":
		if ref := a.get("ref"); ref != "" {
			sb.g.merges = append(sb.g.merges, ref)
			if len(sb.g.merges) > 10*maxColumns {
				return fault.New(fault.SheetTooLarge, "", "cell", short(ref), "max", strconv.Itoa(sb.last))
			}
		}
	}
	return nil
}

func (sb *sheetBuilder) chars(data []byte) error {
	if sb.in == "" {
		return nil
	}
	if len(sb.text)+len(data) > 1<<16 {
		return fault.New(fault.SheetTooLarge, "", "cell", template.CellName(sb.col, sb.row), "max", strconv.Itoa(sb.last))
	}
	sb.text = append(sb.text, data...)
	return nil
}

func (sb *sheetBuilder) end(name string) error {
	switch name {
	case "v":
		if sb.in == "v" {
			sb.c.v, sb.in = string(sb.text), ""
		}
	case "f":
		if sb.in == "f" {
			if len(sb.text) > 0 {
				sb.c.formula = string(sb.text)
			}
			sb.in = ""
		}
	case "t":
		if sb.in == "t" {
			sb.in = ""
		}
	case "is":
		if sb.inIS {
			sb.c.v, sb.inIS = string(sb.text), false
		}
	case "c":
		if !sb.inCell {
			return nil
		}
		sb.inCell = false
		if sb.c.t == "s" {
			i, err := strconv.Atoi(sb.c.v)
			if err != nil || i < 0 || i >= len(sb.sst) {
				return fault.New(fault.FileNotXlsx, "")
			}
			sb.c.v = sb.sst[i]
		}
		sb.g.put(sb.row, sb.col, sb.c)
	}
	return nil
}

// cellCoords is excelize.CellNameToCoordinates, quicker for the plain
// references spreadsheet programs write ("F8": capitals, then digits with
// no leading zero); any other is left to excelize.
func cellCoords(ref string) (col, row int, err error) {
	i := 0
	for ; i < len(ref) && i < 3 && 'A' <= ref[i] && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A'+1)
	}
	j := i
	for ; j < len(ref) && j-i < 7 && '0' <= ref[j] && ref[j] <= '9'; j++ {
		row = row*10 + int(ref[j]-'0')
	}
	if i == 0 || j == i || j != len(ref) || ref[i] == '0' || col > excelize.MaxColumns || row > excelize.TotalRows {
		return excelize.CellNameToCoordinates(ref)
	}
	return col, row, nil
}
