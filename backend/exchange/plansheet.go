package exchange

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"selaras/backend/fault"
	"selaras/backend/program"
	"selaras/backend/store"
	"selaras/backend/template"
)

// planRead is what the plan sheet brings: the lines to write and the changes shown.
type planRead struct {
	lines    []program.PlanLine
	changes  []Change
	problems []Problem
}

// errPlanLayout: the plan sheet is missing or its rows, ids or headings changed.
var errPlanLayout = errors.New("exchange: plan sheet layout changed")

// planSheet compares a version 2 template's plan sheet with the region's
// current lines. A sheet whose structure changed is refused on its own;
// one that cannot be read at all is refused with the values sheet's
// problems found so far.
func (wb *workbook) planSheet(ctx context.Context, s *store.Store, h header, problems []Problem) (planRead, error) {
	current, subs, err := template.PlanInput(ctx, s, h.region, h.year)
	if err != nil {
		return planRead{}, err
	}
	ps, err := wb.planLayout(h, current)
	switch {
	case errors.Is(err, errPlanLayout):
		return planRead{}, refusal{problem(template.PlanSheet, "", fault.New(fault.PlanLayoutChanged, ""))}
	case err != nil:
		return planRead{}, refusal(append(problems, problem(template.PlanSheet, "", err)))
	}
	return ps.read(subs), nil
}

// planRows is a returned plan sheet whose structure is the one sent out.
type planRows struct {
	g      *grid
	h      header
	cols   []template.Column
	listed []program.PlanLine // the workspace's line of each listed row
	n      int                // listed rows; the blank ones follow
	reader cellReader
}

// planLayout reads the plan sheet and checks its structure: the rows the
// hidden sheet counts, each listed line once (two rows of one line would
// both write it, the second silently winning), and the headings and the
// ids and codes its checksum was made of.
func (wb *workbook) planLayout(h header, current []program.PlanLine) (*planRows, error) {
	sh := template.PlanSheet
	if idx, _ := wb.f.GetSheetIndex(sh); idx < 0 {
		return nil, errPlanLayout
	}
	n, err := metaInt(wb.meta, template.KeyPlanRows, 0, maxPlanRows)
	if err != nil {
		return nil, err
	}
	cols := template.PlanColumns(h.year)
	g, err := readSheet(wb.f, sh, wb.sst, template.PlanFirstRow+n+template.PlanBlankRows-1, len(cols))
	if err != nil {
		return nil, err
	}
	listed := make([]program.PlanLine, n)
	seen := make(map[int64]bool, n)
	for i := range listed {
		r := template.PlanFirstRow + i
		id, _ := strconv.ParseInt(strings.TrimSpace(g.at(r, template.PlanIDCol)), 10, 64)
		if seen[id] {
			return nil, errPlanLayout
		}
		seen[id] = true
		listed[i] = program.PlanLine{ID: id, SubKegiatanCode: g.at(r, template.PlanCodeCol)}
	}
	if template.PlanSum(h.region.Code, h.year, listed) != wb.meta[template.KeyPlanChecksum] || !sameHeadings(g, cols, template.PlanHeadRow) {
		return nil, errPlanLayout
	}
	byID := make(map[int64]program.PlanLine, len(current))
	for _, l := range current {
		byID[l.ID] = l
	}
	for i, l := range listed {
		listed[i] = byID[l.ID] // ID 0: deleted in the workspace since
	}
	return &planRows{g: g, h: h, cols: cols, listed: listed, n: n, reader: cellReader{f: wb.f, styles: map[int]bool{}}}, nil
}

// read compares each listed row with its line and each filled blank row
// with nothing.
func (ps *planRows) read(subs []program.Item) planRead {
	sh := template.PlanSheet
	var out planRead
	out.problems = append(out.problems, ps.g.outside(sh, fault.RowOutsidePlan)...)
	out.problems = append(out.problems, ps.g.mergedInputs(sh, template.PlanHeadRow)...)
	subByCode := make(map[string]program.Item, len(subs))
	for _, it := range subs {
		subByCode[it.Code] = it
	}
	for i := 0; i < ps.n+template.PlanBlankRows; i++ {
		r := template.PlanFirstRow + i
		row, probs := ps.row(r)
		out.problems = append(out.problems, probs...)
		isNew := i >= ps.n
		if isNew && row.empty && row.text["code"] == "" {
			continue
		}
		var base program.PlanLine
		if isNew {
			sub, ok := subByCode[row.text["code"]]
			if !ok {
				err := fault.New(fault.PlanCodeUnknown, "", "code", row.text["code"])
				if row.text["code"] == "" {
					err = fault.New(fault.PlanCodeRequired, "")
				}
				out.problems = append(out.problems, problem(sh, row.cell["code"], err))
				continue
			}
			base = program.PlanLine{SubKegiatanID: sub.ID, SubKegiatanCode: sub.Code, Region: ps.h.region.Code, Year: ps.h.year, Status: program.Usulan}
		} else {
			if ps.listed[i].ID == 0 {
				out.problems = append(out.problems, problem(sh, template.CellName(template.PlanCodeCol, r), fault.New(fault.PlanLineGone, "")))
				continue
			}
			base = ps.listed[i]
		}
		l, p := row.line(base)
		if p != nil {
			out.problems = append(out.problems, *p)
			continue
		}
		changes := ps.changes(row, base, l, isNew)
		out.changes = append(out.changes, changes...)
		for _, ch := range changes {
			if ch.Kind != "tetap" {
				out.lines = append(out.lines, l)
				break
			}
		}
	}
	return out
}

// planRow is one row of the plan sheet as read: each input field's text,
// cell, and whether it was a formula's result.
type planRow struct {
	r       int
	text    map[string]string
	cell    map[string]string
	formula map[string]bool
	empty   bool // nothing typed but (perhaps) the code
}

// row reads the input cells of row r, each by its column's unit; a cell
// that cannot be read is a problem, and reads as empty for the rest of the
// row's checks.
func (ps *planRows) row(r int) (planRow, []Problem) {
	row := planRow{r: r, text: map[string]string{}, cell: map[string]string{}, formula: map[string]bool{}, empty: true}
	var problems []Problem
	for c, column := range ps.cols {
		if column.Field == "" {
			continue
		}
		cell := template.CellName(c+1, r)
		row.cell[column.Field] = cell
		v, err := readValue(ps.reader.raw(ps.g.cell(r, c+1)), template.PlanUnit(column.Field))
		if err != nil {
			problems = append(problems, problem(template.PlanSheet, cell, err))
			continue
		}
		row.text[column.Field], row.formula[column.Field] = v.text, v.formula
		if v.text != "" && column.Field != "code" {
			row.empty = false
		}
	}
	return row, problems
}

// funds are the sources of funds by their label (any case) and their code.
var funds = func() map[string]program.SumberDana {
	out := map[string]program.SumberDana{}
	for _, d := range program.AllSumberDana {
		out[strings.ToLower(d.Label())] = d
		out[string(d)] = d
	}
	return out
}()

// line is base with the row's fields, checked as a plan line typed in
// Selaras is; a refusal names the cell of the field it is about.
func (row planRow) line(base program.PlanLine) (program.PlanLine, *Problem) {
	sh := template.PlanSheet
	fund, ok := funds[strings.ToLower(strings.TrimSpace(row.text["sumberDana"]))]
	if !ok && row.text["sumberDana"] != "" {
		p := problem(sh, row.cell["sumberDana"], fault.New(fault.PlanFundUnknown, "", "value", row.text["sumberDana"]))
		return program.PlanLine{}, &p
	}
	in := program.PlanLineInput{ID: base.ID, SubKegiatanID: base.SubKegiatanID, Region: base.Region, Year: base.Year,
		OutputIndicator: row.text["outputIndicator"], OutputUnit: row.text["outputUnit"], Target: row.text["target"], Pagu: row.text["pagu"],
		SumberDana: fund, Lokasi: row.text["lokasi"], Bidang: base.Bidang, Catatan: row.text["catatan"], TargetNext: row.text["targetNext"],
		PaguNext: row.text["paguNext"], Status: base.Status, StatusReason: base.StatusReason, CentralID: base.CentralID}
	l, err := in.Parse()
	if err == nil {
		l.Normalize()
		err = l.Validate()
	}
	if err != nil {
		cell := template.CellName(template.PlanCodeCol, row.r)
		if c, ok := row.cell[fault.FieldOf(err)]; ok { // the field's JSON name is the column's
			cell = c
		}
		p := problem(sh, cell, err)
		return program.PlanLine{}, &p
	}
	l.SubKegiatanCode = base.SubKegiatanCode
	return l, nil
}

// changes lists each input field of a row, old (nothing for a new line)
// against new.
func (ps *planRows) changes(row planRow, base, l program.PlanLine, isNew bool) []Change {
	var out []Change
	for _, column := range ps.cols {
		if column.Field == "" || column.Field == "code" {
			continue
		}
		old := template.PlanText(base, column.Field, isNew)
		now := template.PlanText(l, column.Field, false)
		out = append(out, Change{Sheet: template.PlanSheet, Cell: row.cell[column.Field], Code: base.SubKegiatanCode, Indicator: l.OutputIndicator,
			Field: "plan." + column.Field, Old: old, New: now, Formula: row.formula[column.Field], Kind: planKind(old, now)})
	}
	return out
}

// planKind compares a plan field's texts as shown, exactly: tetap, baru
// (was empty), hapus (now empty) or ubah.
func planKind(old, now string) string {
	switch {
	case old == now:
		return "tetap"
	case old == "":
		return "baru"
	case now == "":
		return "hapus"
	}
	return "ubah"
}
