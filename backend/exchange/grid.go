package exchange

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
	"selaras/backend/xlsx"
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
			g.extra, g.extraAt = v, xlsx.CellName(c, r)
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
			out = append(out, problem(sheet, xlsx.CellName(2, first+i), fault.New(fault.RowMoved, "", "row", strconv.Itoa(first+i),
				"code", short(c), "want", fmt.Sprintf("kode lain (%s sudah ada di baris %d)", short(c), first+j),
				"wantEn", fmt.Sprintf("another code (%s is already in row %d)", short(c), first+j))))
			continue
		}
		seen[c] = i
	}
	return append(out, problem(sheet, "", fault.New(fault.LayoutChanged, "")))
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

// readMeta reads the hidden sheet's key/value rows (columns A:B; the
// sub-kegiatan list beside them is not needed here).
func readMeta(f *excelize.File, sst []string) (map[string]string, error) {
	g, err := readSheet(f, xlsx.MetaSheet, sst, 100000, 2)
	if err != nil {
		return nil, fault.Wrap(err, fault.TemplateMeta, "", "what", "tidak terbaca", "whatEn", "unreadable")
	}
	meta := map[string]string{}
	for r := 1; r <= min(len(g.rows), 50); r++ {
		if k := g.at(r, 1); k != "" {
			meta[k] = g.at(r, 2)
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
