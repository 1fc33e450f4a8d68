package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
)

// grid is a template sheet's raw cell values up to the last row its
// structure has, read in one streaming pass that stops at the first sign of
// a sheet larger than a template can be.
type grid struct {
	rows    [][]string // rows[r-1]
	last    int        // the last row of the structure
	width   int        // the columns of the structure
	extra   string     // the first non-empty cell outside the structure
	extraAt string
}

func (g *grid) at(r, c int) string {
	if r < 1 || r > len(g.rows) || c < 1 || c > len(g.rows[r-1]) {
		return ""
	}
	return g.rows[r-1][c-1]
}

// readGrid reads sheet up to row last and width columns. Text outside them
// is noted (the first one) for outside; a sheet going far beyond them is
// refused outright.
func readGrid(f *excelize.File, sheet string, last, width int) (*grid, error) {
	g := &grid{last: last, width: width}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fault.Wrap(err, fault.FileNotXlsx, "")
	}
	defer rows.Close()
	r := 0
	for rows.Next() {
		r++
		if r > last+maxRowsPastTable {
			return nil, fault.New(fault.SheetTooLarge, "", "cell", "baris "+strconv.Itoa(r), "max", strconv.Itoa(last))
		}
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fault.Wrap(err, fault.FileNotXlsx, "")
		}
		if len(cols) > maxColumns {
			return nil, fault.New(fault.SheetTooLarge, "", "cell", cellName(len(cols), r), "max", strconv.Itoa(last))
		}
		if g.extra == "" {
			start := width
			if r > last {
				start = 0
			}
			for c := start; c < len(cols); c++ {
				if v := strings.TrimSpace(cols[c]); v != "" {
					g.extra, g.extraAt = v, cellName(c+1, r)
					break
				}
			}
		}
		if r <= last {
			if len(cols) > width {
				cols = cols[:width]
			}
			g.rows = append(g.rows, cols)
		}
	}
	if err := rows.Error(); err != nil {
		return nil, fault.Wrap(err, fault.FileNotXlsx, "")
	}
	return g, nil
}

// outside reports the first entry outside the structure.
func (g *grid) outside(sheet string, code fault.Code) []Problem {
	if g.extra == "" {
		return nil
	}
	return []Problem{problem(sheet, g.extraAt, fault.New(code, "", "value", short(g.extra)))}
}

// mergedInputs refuses merged blocks below the title: one value copied into
// several input cells would be read several times.
func mergedInputs(f *excelize.File, sheet string, headRow int) []Problem {
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		return []Problem{problem(sheet, "", fault.Wrap(err, fault.FileNotXlsx, ""))}
	}
	var out []Problem
	for _, m := range merges {
		_, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		_, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r2 >= headRow || r1 >= headRow {
			rng := m.GetStartAxis() + ":" + m.GetEndAxis()
			out = append(out, problem(sheet, m.GetStartAxis(), fault.New(fault.CellMerged, "", "range", short(rng))))
		}
	}
	return out
}

// layoutProblems explains a changed values sheet: a code twice, or the
// generic refusal.
func layoutProblems(sheet string, codes []string, first int) []Problem {
	seen := map[string]int{}
	var out []Problem
	for i, c := range codes {
		if c == "" {
			continue
		}
		if j, ok := seen[c]; ok {
			out = append(out, problem(sheet, cellName(2, first+i), fault.New(fault.RowMoved, "", "row", strconv.Itoa(first+i),
				"code", short(c), "want", fmt.Sprintf("kode lain (%s sudah ada di baris %d)", short(c), first+j))))
			continue
		}
		seen[c] = i
	}
	return append(out, Problem{Sheet: sheet, Message: "susunan templat telah diubah (baris, kolom, kode, atau judul); isi ulang pada templat asli",
		MessageEN: "the template's layout was changed (rows, columns, codes or headings); fill in the original template"})
}

// cellReader adds to a grid value what excelize knows of the cell: its
// type, formula and number format (cached per style).
type cellReader struct {
	f      *excelize.File
	sheet  string
	styles map[int]bool
}

func (rd cellReader) raw(cell, value string) rawCell {
	c := rawCell{value: value}
	c.formula, _ = rd.f.GetCellFormula(rd.sheet, cell)
	if value == "" && c.formula == "" {
		return c
	}
	c.typ, _ = rd.f.GetCellType(rd.sheet, cell)
	if id, err := rd.f.GetCellStyle(rd.sheet, cell); err == nil && id > 0 {
		pct, ok := rd.styles[id]
		if !ok {
			if st, err := rd.f.GetStyle(id); err == nil && st != nil {
				custom := ""
				if st.CustomNumFmt != nil {
					custom = *st.CustomNumFmt
				}
				pct = isPercentFormat(st.NumFmt, custom)
			}
			rd.styles[id] = pct
		}
		c.pctFmt = pct
	}
	return c
}

// readMeta reads the hidden sheet's key/value rows (the first 50 rows of
// columns A:B; the sub-kegiatan list beside them is not needed here).
func readMeta(f *excelize.File) (map[string]string, error) {
	rows, err := f.Rows(MetaSheet)
	if err != nil {
		return nil, fault.Wrap(err, fault.TemplateMeta, "", "what", "tidak terbaca")
	}
	defer rows.Close()
	meta := map[string]string{}
	for r := 0; r < 50 && rows.Next(); r++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fault.Wrap(err, fault.TemplateMeta, "", "what", "tidak terbaca")
		}
		if len(cols) >= 2 && cols[0] != "" {
			meta[cols[0]] = cols[1]
		}
	}
	return meta, nil
}

// metaInt reads a whole number of the hidden sheet within [lo, hi]; a
// tampered sheet must not make the import allocate or loop on it.
func metaInt(meta map[string]string, key string, lo, hi int) (int, error) {
	v, err := strconv.Atoi(strings.TrimSpace(meta[key]))
	if err != nil || v < lo || v > hi {
		return 0, fault.New(fault.TemplateMeta, "", "what", fmt.Sprintf("%s = %q", key, short(meta[key])))
	}
	return v, nil
}
