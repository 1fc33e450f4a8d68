package exchange

import (
	"bytes"
	"encoding/xml"
	"io"
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
	d := xml.NewDecoder(bytes.NewReader(b))
	var out []string
	var cur strings.Builder
	inT, skip := false, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "si":
				cur.Reset()
			case "t":
				inT = skip == 0
			case "rPh":
				skip++
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "si":
				out = append(out, cur.String())
			case "t":
				inT = false
			case "rPh":
				skip--
			}
		case xml.CharData:
			if inT {
				cur.Write(e)
			}
		}
	}
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
	g := &grid{last: last, width: width, rows: make([][]xcell, 0, min(last, 1024))}
	d := xml.NewDecoder(bytes.NewReader(b))
	bad := func(err error) error { return fault.Wrap(err, fault.FileNotXlsx, "") }
	row, col := 0, 0
	var c xcell
	var in string // the element whose text is being read: v, f, t
	var text strings.Builder
	inCell, inIS := false, false
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, bad(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "row":
				next := row + 1
				if v := attr(e, "r"); v != "" {
					if next, err = strconv.Atoi(v); err != nil || next <= row || next > excelize.TotalRows {
						return nil, fault.New(fault.FileNotXlsx, "")
					}
				}
				row, col = next, 0
				if row > last+maxRowsPastTable {
					return nil, fault.New(fault.SheetTooLarge, "", "cell", "baris "+strconv.Itoa(row), "max", strconv.Itoa(last))
				}
			case "c":
				col++
				if ref := attr(e, "r"); ref != "" {
					cc, rr, err := excelize.CellNameToCoordinates(ref)
					if err != nil || rr != row || cc < col {
						return nil, fault.New(fault.FileNotXlsx, "")
					}
					col = cc
				}
				if col > maxColumns {
					return nil, fault.New(fault.SheetTooLarge, "", "cell", template.CellName(min(col, excelize.MaxColumns), row), "max", strconv.Itoa(last))
				}
				c, inCell = xcell{t: attr(e, "t")}, true
				if s := attr(e, "s"); s != "" {
					c.s, _ = strconv.Atoi(s)
				}
			case "v", "f":
				if inCell {
					in = e.Name.Local
					text.Reset()
					if in == "f" {
						c.formula = "="
					}
				}
			case "is":
				inIS = inCell
				text.Reset()
			case "t":
				if inIS {
					in = "t"
				}
			case "mergeCell":
				if ref := attr(e, "ref"); ref != "" {
					g.merges = append(g.merges, ref)
					if len(g.merges) > 10*maxColumns {
						return nil, fault.New(fault.SheetTooLarge, "", "cell", short(ref), "max", strconv.Itoa(last))
					}
				}
			}
		case xml.CharData:
			if in != "" {
				if text.Len()+len(e) > 1<<16 {
					return nil, fault.New(fault.SheetTooLarge, "", "cell", template.CellName(col, row), "max", strconv.Itoa(last))
				}
				text.Write(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "v":
				if in == "v" {
					c.v, in = text.String(), ""
				}
			case "f":
				if in == "f" {
					if s := text.String(); s != "" {
						c.formula = s
					}
					in = ""
				}
			case "t":
				if in == "t" {
					in = ""
				}
			case "is":
				if inIS {
					c.v, inIS = text.String(), false
				}
			case "c":
				if !inCell {
					continue
				}
				inCell = false
				if c.t == "s" {
					i, err := strconv.Atoi(c.v)
					if err != nil || i < 0 || i >= len(sst) {
						return nil, fault.New(fault.FileNotXlsx, "")
					}
					c.v = sst[i]
				}
				g.put(row, col, c)
			}
		}
	}
	return g, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}
