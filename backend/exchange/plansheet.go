package exchange

import (
	"errors"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/xlsx"
)

// planRead is what the plan sheet brings: the lines to write and the changes shown.
type planRead struct {
	lines    []program.PlanLine
	changes  []Change
	problems []Problem
	counts   [4]int // new, changed, cleared, unchanged
}

// errPlanLayout: the plan sheet is missing or its rows, ids or headings changed.
var errPlanLayout = errors.New("xlsx: plan sheet layout changed")

// readPlanSheet compares the plan sheet with the region's current lines.
func readPlanSheet(f *excelize.File, sst []string, meta map[string]string, reg region.Region, year int,
	current []program.PlanLine, subs []program.Item) (planRead, error) {
	var out planRead
	sh := xlsx.PlanSheet
	if idx, _ := f.GetSheetIndex(sh); idx < 0 {
		return out, errPlanLayout
	}
	n, err := metaInt(meta, "plan_rows", 0, maxPlanRows)
	if err != nil {
		return out, err
	}
	cols := xlsx.PlanColumns(year)
	g, err := readSheet(f, sh, sst, xlsx.PlanFirstRow+n+xlsx.PlanBlankRows-1, len(cols))
	if err != nil {
		return out, err
	}
	byID := map[int64]program.PlanLine{}
	for _, l := range current {
		byID[l.ID] = l
	}
	// The structure: the listed lines (id and code) and the headings.
	listed := make([]program.PlanLine, n)
	for i := range listed {
		r := xlsx.PlanFirstRow + i
		id, _ := strconv.ParseInt(strings.TrimSpace(g.at(r, xlsx.PlanIDCol)), 10, 64)
		listed[i] = program.PlanLine{ID: id, SubKegiatanCode: g.at(r, 2)}
	}
	sameHeads := true
	for i, c := range cols {
		sameHeads = sameHeads && g.at(xlsx.PlanHeadRow, i+1) == c.Title
	}
	if xlsx.PlanSum(reg.Code, year, listed) != meta["plan_checksum"] || !sameHeads {
		return out, errPlanLayout
	}
	out.problems = append(out.problems, g.outside(sh, fault.RowOutsidePlan)...)
	out.problems = append(out.problems, g.mergedInputs(sh, xlsx.PlanHeadRow)...)
	rd := cellReader{f: f, styles: map[int]bool{}}
	subByCode := map[string]program.Item{}
	for _, it := range subs {
		subByCode[it.Code] = it
	}
	funds := map[string]program.SumberDana{}
	for _, d := range program.AllSumberDana {
		funds[strings.ToLower(d.Label())] = d
		funds[string(d)] = d
	}
	for i := 0; i < n+xlsx.PlanBlankRows; i++ {
		r := xlsx.PlanFirstRow + i
		cells := map[string]string{}
		formula := map[string]bool{}
		cellOf := map[string]string{}
		empty := true
		for c, column := range cols {
			if column.Field == "" {
				continue
			}
			cell := xlsx.CellName(c+1, r)
			cellOf[column.Field] = cell
			v, ferr := readValue(rd.raw(g.cell(r, c+1)), xlsx.PlanUnit(column.Field))
			if ferr != nil {
				out.problems = append(out.problems, problem(sh, cell, ferr))
				continue
			}
			cells[column.Field], formula[column.Field] = v.text, v.formula
			if v.text != "" && column.Field != "code" {
				empty = false
			}
		}
		isNew := i >= n
		if isNew && empty && cells["code"] == "" {
			continue
		}
		var base program.PlanLine
		if isNew {
			sub, ok := subByCode[cells["code"]]
			if !ok {
				err := fault.New(fault.PlanCodeUnknown, "", "code", cells["code"])
				if cells["code"] == "" {
					err = fault.New(fault.PlanCodeRequired, "")
				}
				out.problems = append(out.problems, problem(sh, cellOf["code"], err))
				continue
			}
			base = program.PlanLine{SubKegiatanID: sub.ID, SubKegiatanCode: sub.Code, Region: reg.Code, Year: year, Status: program.Usulan}
		} else {
			l, ok := byID[listed[i].ID]
			if !ok {
				out.problems = append(out.problems, problem(sh, xlsx.CellName(2, r), fault.New(fault.PlanLineGone, "")))
				continue
			}
			base = l
		}
		fund, ok := funds[strings.ToLower(strings.TrimSpace(cells["sumberDana"]))]
		if !ok && cells["sumberDana"] != "" {
			out.problems = append(out.problems, problem(sh, cellOf["sumberDana"], fault.New(fault.PlanFundUnknown, "", "value", cells["sumberDana"])))
			continue
		}
		in := program.PlanLineInput{ID: base.ID, SubKegiatanID: base.SubKegiatanID, Region: base.Region, Year: base.Year,
			OutputIndicator: cells["outputIndicator"], OutputUnit: cells["outputUnit"], Target: cells["target"], Pagu: cells["pagu"],
			SumberDana: fund, Lokasi: cells["lokasi"], Bidang: base.Bidang, Catatan: cells["catatan"], TargetNext: cells["targetNext"],
			PaguNext: cells["paguNext"], Status: base.Status, StatusReason: base.StatusReason, CentralID: base.CentralID}
		l, err := in.Parse()
		if err == nil {
			l.Normalize()
			err = l.Validate()
		}
		if err != nil {
			cell := xlsx.CellName(2, r)
			if c, ok := cellOf[fault.FieldOf(err)]; ok { // the field's JSON name is the column's
				cell = c
			}
			out.problems = append(out.problems, Problem{Sheet: sh, Cell: cell, Message: fault.Message(err, fault.ID), MessageEN: fault.Message(err, fault.EN)})
			continue
		}
		l.SubKegiatanCode = base.SubKegiatanCode
		changed := false
		for _, column := range cols {
			if column.Field == "" || column.Field == "code" {
				continue
			}
			old := xlsx.PlanText(base, column.Field, isNew)
			now := xlsx.PlanText(l, column.Field, false)
			ch := Change{Sheet: sh, Cell: cellOf[column.Field], Code: base.SubKegiatanCode, Indicator: l.OutputIndicator,
				Field: "plan." + column.Field, Old: old, New: now, Formula: formula[column.Field]}
			switch {
			case old == now:
				ch.Kind = "tetap"
				out.counts[3]++
			case old == "":
				ch.Kind = "baru"
				out.counts[0]++
			case now == "":
				ch.Kind = "hapus"
				out.counts[2]++
			default:
				ch.Kind = "ubah"
				out.counts[1]++
			}
			changed = changed || ch.Kind != "tetap"
			out.changes = append(out.changes, ch)
		}
		if changed {
			out.lines = append(out.lines, l)
		}
	}
	return out, nil
}
