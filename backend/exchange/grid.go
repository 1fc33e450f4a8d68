package exchange

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
	"selaras/backend/template"
)

// grid is a template sheet's cells up to the last row its structure has,
// read by readSheet.
type grid struct {
	rows    [][]xcell // rows[r-1]
	last    int       // the last row of the structure
	width   int       // the columns of the structure
	extra   string    // the first non-empty cell outside the structure
	extraAt string
	merges  []string
}

func (g *grid) put(r, c int, x xcell) {
	if r > g.last || c > g.width {
		if v := strings.TrimSpace(x.v); g.extra == "" && (v != "" || x.formula != "") {
			if v == "" {
				v = x.formula
			}
			g.extra, g.extraAt = v, template.CellName(c, r)
		}
		return
	}
	for len(g.rows) < r {
		g.rows = append(g.rows, nil)
	}
	row := g.rows[r-1]
	if row == nil {
		row = make([]xcell, g.width)
		g.rows[r-1] = row
	}
	row[c-1] = x
}

func (g *grid) cell(r, c int) xcell {
	if r < 1 || r > len(g.rows) || c < 1 || c > len(g.rows[r-1]) {
		return xcell{}
	}
	return g.rows[r-1][c-1]
}

func (g *grid) at(r, c int) string { return g.cell(r, c).v }

// outside reports the first entry outside the structure.
func (g *grid) outside(sheet string, code fault.Code) []Problem {
	if g.extra == "" {
		return nil
	}
	return []Problem{problem(sheet, g.extraAt, fault.New(code, "", "value", short(g.extra)))}
}

// mergedInputs refuses merged blocks below the title: one value copied into
// several input cells would be read several times.
func (g *grid) mergedInputs(sheet string, headRow int) []Problem {
	var out []Problem
	for _, m := range g.merges {
		from, to, _ := strings.Cut(m, ":")
		_, r1, err1 := excelize.CellNameToCoordinates(from)
		_, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil || r2 >= headRow || r1 >= headRow {
			out = append(out, problem(sheet, short(from), fault.New(fault.CellMerged, "", "range", short(m))))
		}
	}
	return out
}

// cellReader turns a grid cell into a rawCell, knowing the workbook's
// number formats (cached per style).
type cellReader struct {
	f      *excelize.File
	styles map[int]bool
}

func (rd cellReader) raw(x xcell) rawCell {
	c := rawCell{value: x.v, formula: x.formula, typ: cellTypes[x.t]}
	if x.s > 0 && (x.v != "" || x.formula != "") {
		pct, ok := rd.styles[x.s]
		if !ok {
			if st, err := rd.f.GetStyle(x.s); err == nil && st != nil {
				custom := ""
				if st.CustomNumFmt != nil {
					custom = *st.CustomNumFmt
				}
				pct = isPercentFormat(st.NumFmt, custom)
			}
			rd.styles[x.s] = pct
		}
		c.pctFmt = pct
	}
	return c
}
