package exchange

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"selaras/backend/fault"
	"selaras/backend/indicator"
	"selaras/backend/number"
	"selaras/backend/target"
	"selaras/backend/template"
)

// valuesSheet is a returned values sheet whose structure is the one sent
// out: its cells, and the indicator code of each row.
type valuesSheet struct {
	wb     *workbook
	g      *grid
	h      header
	cols   []template.Column
	codes  []string
	reader cellReader
	cells  []readCellOf // a row's input cells, reused row by row
}

// valuesSheet reads the values sheet and checks its structure: the rows
// the hidden sheet counts, each code once, and the headings and codes its
// checksum was made of. A code twice is refused whatever the hidden sheet
// says: two rows would write one value, the second silently winning.
func (wb *workbook) valuesSheet(h header) (*valuesSheet, error) {
	sh := template.ValuesSheet
	if idx, _ := wb.f.GetSheetIndex(sh); idx < 0 {
		return nil, refusal{whole(fault.SheetMissing, "sheet", sh)}
	}
	cols := template.ValueColumns()
	g, err := readSheet(wb.f, sh, wb.sst, template.FirstRow+h.rows-1, len(cols))
	if err != nil {
		return nil, refusal{problem(sh, "", err)}
	}
	codes := make([]string, h.rows)
	for i := range codes {
		codes[i] = g.at(template.FirstRow+i, template.CodeCol)
	}
	twice := codesTwice(sh, codes, template.FirstRow, template.CodeCol)
	if len(twice) > 0 || template.StructureSum(h.version, h.region.Code, h.year, codes) != wb.meta[template.KeyChecksum] ||
		!sameHeadings(g, cols, template.HeadRow) {
		return nil, refusal(append(twice, problem(sh, "", fault.New(fault.LayoutChanged, ""))))
	}
	return &valuesSheet{wb: wb, g: g, h: h, cols: cols, codes: codes, reader: cellReader{f: wb.f, styles: map[int]bool{}}}, nil
}

// codesTwice names each row (from first) whose code an earlier row has.
func codesTwice(sheet string, codes []string, first, codeCol int) []Problem {
	seen := map[string]int{}
	var out []Problem
	for i, c := range codes {
		if c == "" {
			continue
		}
		if j, ok := seen[c]; ok {
			out = append(out, problem(sheet, template.CellName(codeCol, first+i), fault.New(fault.CodeTwice, "",
				"row", strconv.Itoa(first+i), "code", short(c), "first", strconv.Itoa(first+j))))
			continue
		}
		seen[c] = i
	}
	return out
}

// compare reads every row against the stored values of the region and
// year, adding the changes and edits to p. It returns the problems, and
// the cell of each edit (by its index in p.Edits) for a refusal of it.
func (vs *valuesSheet) compare(inds []indicator.Indicator, current []target.Value, p *Preview) (cellOf []string, problems []Problem) {
	sh := template.ValuesSheet
	problems = append(problems, vs.g.outside(sh, fault.RowOutsideTable)...)
	problems = append(problems, vs.g.mergedInputs(sh, template.HeadRow)...)
	byCode := make(map[string]indicator.Indicator, len(inds))
	for _, i := range inds {
		byCode[i.Code] = i
	}
	stored := make(map[int64]target.Value, len(current))
	for _, v := range current {
		stored[v.IndicatorID] = v
	}
	// A change for every input cell: grown once, not by doubling.
	p.Changes = slices.Grow(p.Changes, len(vs.codes)*(len(vs.cols)-template.TargetCol+1))
	var edits []pendingEdit // reused row by row
	for i, code := range vs.codes {
		r := template.FirstRow + i
		ind, ok := byCode[code]
		if !ok {
			problems = append(problems, problem(sh, template.CellName(template.CodeCol, r), fault.New(fault.IndicatorGone, "", "code", short(code))))
			continue
		}
		row, probs := vs.row(ind, stored[ind.ID], r)
		problems = append(problems, probs...)
		from := len(p.Changes)
		p.Changes, edits, probs = row.compare(sh, p.Changes, edits[:0])
		problems = append(problems, probs...)
		for _, ch := range p.Changes[from:] {
			p.count(ch.Kind)
		}
		for _, e := range edits {
			p.Edits = append(p.Edits, target.Edit{IndicatorID: ind.ID, Region: vs.h.region.Code, Year: vs.h.year, Field: e.field, Text: e.text})
			cellOf = append(cellOf, e.cell)
		}
		if len(problems) > enoughProblems {
			break
		}
	}
	return cellOf, problems
}

// row reads the input cells of an indicator's row r, each by its unit.
func (vs *valuesSheet) row(ind indicator.Indicator, old target.Value, r int) (valueRow, []Problem) {
	sh := template.ValuesSheet
	row := valueRow{ind: ind, old: old, r: r, legacy: vs.h.legacy, cells: vs.cells[:0]}
	defer func() { vs.cells = row.cells }()
	var problems []Problem
	for c, column := range vs.cols {
		field := target.Field(column.Field)
		if field == "" {
			continue
		}
		cell, x := template.CellName(c+1, r), vs.g.cell(r, c+1)
		isPart := field == target.FTargetNum || field == target.FTargetDen
		switch {
		case isPart && ind.Kind != indicator.Ratio:
			if v := strings.TrimSpace(x.v); (v != "" && !isEmptyMark(v)) || x.formula != "" {
				problems = append(problems, problem(sh, cell, fault.New(fault.PartsNotRatio, "", "value", short(x.v))))
			}
		case field == target.FTarget && ind.Kind == indicator.Ratio:
			row.derived, row.derivedCell = vs.reader.raw(x), cell
		default:
			v, err := readValue(vs.reader.raw(x), template.UnitFor(ind, field))
			if err != nil {
				problems = append(problems, problem(sh, cell, err))
				continue
			}
			row.cells = append(row.cells, readCellOf{field: field, cell: cell, v: v})
		}
	}
	return row, problems
}

// readCellOf is one input cell of a values row as read.
type readCellOf struct {
	field target.Field
	cell  string
	v     cellValue
}

type pendingEdit struct {
	field target.Field
	cell  string
	text  string
}

// valueRow is one indicator's row of the values sheet.
type valueRow struct {
	ind         indicator.Indicator
	old         target.Value
	r           int
	cells       []readCellOf
	derived     rawCell // a ratio's Target cell: a formula over its parts
	derivedCell string
	legacy      bool // a template from before the ratio target was a formula
}

func (row valueRow) change(sh string, c readCellOf, old string) Change {
	return Change{Sheet: sh, Cell: c.cell, Code: row.ind.Code, Indicator: row.ind.Name, Field: string(c.field), Old: old,
		New: c.v.text, Formula: c.v.formula, Kind: changeKind(old, c.v.text)}
}

// compare turns a row into changes and edits, appended to those given (one
// slice for the whole sheet, not one a row). A ratio indicator is filled
// by its numerator and denominator; its Target is computed from them (a
// formula in the template), so the file cannot carry a value contradicting
// its parts and importing it twice changes nothing.
func (row valueRow) compare(sh string, changes []Change, edits []pendingEdit) ([]Change, []pendingEdit, []Problem) {
	var num, den *readCellOf
	for i := range row.cells {
		c := row.cells[i]
		switch c.field {
		case target.FTargetNum:
			num = &row.cells[i]
			continue
		case target.FTargetDen:
			den = &row.cells[i]
			continue
		}
		ch := row.change(sh, c, oldText(row.old, c.field))
		changes = append(changes, ch)
		if ch.Kind != "tetap" {
			edits = append(edits, pendingEdit{c.field, c.cell, c.v.text})
		}
	}
	if row.ind.Kind != indicator.Ratio || num == nil || den == nil {
		return changes, edits, nil
	}
	ratio, more, err := row.ratio(sh, *num, *den)
	if err != nil {
		return changes, edits, []Problem{*err}
	}
	return append(changes, ratio...), append(edits, more...), nil
}

// ratio compares a ratio's parts, and the target they give, with the
// stored ones: the changes of the target, numerator and denominator, and
// the edits (both parts, or the target cleared with them).
func (row valueRow) ratio(sh string, num, den readCellOf) ([]Change, []pendingEdit, *Problem) {
	hasNum, hasDen := num.v.num != nil, den.v.num != nil
	if hasNum != hasDen {
		missing := num.cell
		if hasNum {
			missing = den.cell
		}
		p := problem(sh, missing, fault.New(fault.RatioOnePart, ""))
		return nil, nil, &p
	}
	var derived *float64
	if hasNum && *den.v.num != 0 {
		d := *num.v.num / *den.v.num * row.ind.Scale
		derived = &d
	}
	if p := row.checkTyped(sh, derived, hasNum); p != nil {
		return nil, nil, p
	}
	oldNum, oldDen := oldText(row.old, target.FTargetNum), oldText(row.old, target.FTargetDen)
	chNum, chDen := row.change(sh, num, oldNum), row.change(sh, den, oldDen)
	oldTarget := oldText(row.old, target.FTarget)
	tgt := Change{Sheet: sh, Cell: row.derivedCell, Code: row.ind.Code, Indicator: row.ind.Name, Field: string(target.FTarget),
		Old: oldTarget, New: oldTarget, Kind: "tetap", Formula: true}
	var edits []pendingEdit
	switch {
	case hasNum && (chNum.Kind != "tetap" || chDen.Kind != "tetap"):
		edits = append(edits, pendingEdit{target.FTargetNum, num.cell, num.v.text}, pendingEdit{target.FTargetDen, den.cell, den.v.text})
		if derived != nil {
			tgt.New = canonical(*derived)
		}
	case !hasNum && (oldNum != "" || oldDen != ""):
		// Parts cleared: the target they gave goes too.
		edits = append(edits, pendingEdit{target.FTarget, row.derivedCell, ""})
		tgt.New = ""
	}
	tgt.Kind = changeKind(tgt.Old, tgt.New)
	return []Change{tgt, chNum, chDen}, edits, nil
}

// checkTyped refuses a ratio's Target cell that is neither the template's
// formula nor a value equal to what the parts give (a row pasted as
// values). Templates made before the target became a formula (no
// ratio_target on the hidden sheet) carry an old typed target beside the
// parts: there the parts decide whenever both are filled in.
func (row valueRow) checkTyped(sh string, derived *float64, hasNum bool) *Problem {
	v := strings.TrimSpace(row.derived.value)
	if (row.legacy && hasNum) || row.derived.formula != "" || v == "" || isEmptyMark(v) {
		return nil
	}
	typed, err := readValue(row.derived, template.UnitRatioPct)
	// A row pasted as values keeps the target its parts give; a legacy
	// template's untouched target equals the stored one.
	same := err == nil && typed.num != nil && ((derived != nil && sameNumber(*typed.num, *derived)) ||
		(!hasNum && row.old.Target != nil && sameNumber(*typed.num, *row.old.Target)))
	if same {
		return nil
	}
	p := problem(sh, row.derivedCell, fault.New(fault.RatioValueTyped, "", "value", short(v),
		"num", colName(template.NumCol), "den", colName(template.DenCol)))
	return &p
}

// colName is "G" for column 7.
func colName(c int) string { return strings.TrimRight(template.CellName(c, 1), "1") }

// changeKind compares a value's texts as figures: the same number written
// shorter is no change; otherwise as planKind.
func changeKind(old, now string) string {
	if sameText(old, now) {
		return "tetap"
	}
	return planKind(old, now)
}

// sameText treats numbers equal to 12 significant digits as unchanged:
// Excel keeps 15 digits, so a computed ratio comes back slightly shorter.
func sameText(a, b string) bool {
	x, err1 := number.Parse(a)
	y, err2 := number.Parse(b)
	if err1 != nil || err2 != nil || x.Percent != y.Percent {
		return false
	}
	return sameNumber(x.Value, y.Value)
}

func sameNumber(x, y float64) bool {
	return math.Abs(x-y) <= 1e-12*math.Max(1, math.Max(math.Abs(x), math.Abs(y)))
}

// canonical writes a number the way number.Parse reads it back exactly.
func canonical(v float64) string { return number.Format(v, -1) }

func oldText(v target.Value, f target.Field) string {
	if f == target.FNote {
		return v.Note
	}
	if p := v.Number(f); p != nil {
		return canonical(*p)
	}
	return ""
}
