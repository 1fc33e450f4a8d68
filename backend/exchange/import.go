// Package exchange is the way back of the templates: a workbook a regency
// returns is guarded (size, zip, hidden sheet), read cell by cell as people
// type figures, compared with the workspace into a preview of every change,
// and committed in one transaction with its submission logged for the board.
// The template's shape comes from its writer, backend/xlsx (layout.go).
package exchange

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"selaras/backend/fault"
	"selaras/backend/indicator"
	"selaras/backend/number"
	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/target"
	"selaras/backend/xlsx"
)

// Problem is one reason an import is refused, located by sheet and cell.
type Problem struct {
	Sheet     string `json:"sheet"`
	Cell      string `json:"cell"`
	Message   string `json:"message"`
	MessageEN string `json:"messageEn"`
}

// ImportError lists every problem of a workbook; nothing was written.
type ImportError struct {
	File     string
	Problems []Problem
}

func (e *ImportError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s tidak dapat diimpor; tidak ada data yang diubah:", e.File)
	for _, p := range e.Problems {
		b.WriteString("\n- ")
		if p.Sheet != "" {
			fmt.Fprintf(&b, "lembar \"%s\"", p.Sheet)
			if p.Cell != "" {
				fmt.Fprintf(&b, " sel %s", p.Cell)
			}
			b.WriteString(": ")
		}
		b.WriteString(p.Message)
	}
	return b.String()
}

// Change is one value as the import would set it.
type Change struct {
	Sheet     string `json:"sheet"`
	Cell      string `json:"cell"`
	Code      string `json:"code"`
	Indicator string `json:"indicator"`
	// Field is a value's field (a target.Field such as "targetNum") or a
	// plan line's ("plan.pagu"), so a plain string.
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
	Kind  string `json:"kind"` // baru, ubah, hapus, tetap
	// Formula: the value is a formula's saved result (typed by the regency,
	// or the ratio computed from its numerator and denominator).
	Formula bool `json:"formula"`
}

// Preview is a validated import, shown to the user before it is committed.
type Preview struct {
	File       string        `json:"file"`
	Hash       string        `json:"hash"`
	Region     region.Region `json:"region"`
	Year       int           `json:"year"`
	Changes    []Change      `json:"changes"`
	New        int           `json:"new"`
	Changed    int           `json:"changed"`
	Cleared    int           `json:"cleared"`
	Unchanged  int           `json:"unchanged"`
	Edits      []target.Edit `json:"edits"`
	SourceNote string        `json:"sourceNote"`
	// PlanLines are the plan lines the template adds or changes.
	PlanLines []program.PlanLine `json:"planLines"`
	// Notices are said before importing but do not refuse it (another year).
	Notices []Problem `json:"notices"`
}

// ImportOptions constrain what a workbook may contain.
type ImportOptions struct {
	Province    string // the region must be this province or one of its regencies ("" = any)
	Year        int    // the template must be of this year (0 = any)
	WorkingYear int    // a template of another year is imported with a notice (0 = no notice)
}

// tplColumns are the values sheet's columns, as the writer lays them out.
var tplColumns = xlsx.TemplateColumns()

// maxProblems are listed; the rest are counted.
const maxProblems = 20

func refuse(file string, ps ...Problem) error {
	if len(ps) > maxProblems {
		more := fault.New(fault.MoreProblems, "", "n", strconv.Itoa(len(ps)-maxProblems))
		ps = append(ps[:maxProblems:maxProblems], Problem{Message: fault.Message(more, fault.ID), MessageEN: fault.Message(more, fault.EN)})
	}
	return &ImportError{File: file, Problems: ps}
}

func whole(code fault.Code, kv ...string) Problem { return problem("", "", fault.New(code, "", kv...)) }

// problem renders a coded message for a sheet and cell, in both languages.
func problem(sheet, cell string, err error) Problem {
	return Problem{Sheet: sheet, Cell: cell, Message: fault.Message(err, fault.ID), MessageEN: fault.Message(err, fault.EN)}
}

// ReadImport opens a returned template, checks that it is one of ours and
// unchanged in structure, reads every input cell by its indicator's kind and
// compares it with the workspace. It writes nothing, and no file, however
// hostile, gets past it as a panic.
func ReadImport(ctx context.Context, s *store.Store, path string, opt ImportOptions) (p Preview, err error) {
	name := baseName(path)
	defer func() {
		if r := recover(); r != nil {
			p, err = Preview{}, refuse(name, problem("", "", fault.New(fault.ImportCrash, "", "cause", short(fmt.Sprint(r)))))
		}
		if isBusy(err) {
			err = fault.Wrap(err, fault.ImportBusy, "")
		}
	}()
	f, hash, err := openWorkbook(path)
	if err != nil {
		return Preview{}, refuse(name, problem("", "", err))
	}
	defer f.Close()

	if idx, _ := f.GetSheetIndex(xlsx.MetaSheet); idx < 0 {
		return Preview{}, refuse(name, whole(fault.NotATemplate))
	}
	sst, err := sharedStrings(f)
	if err != nil {
		return Preview{}, refuse(name, problem("", "", fault.Wrap(err, fault.FileNotXlsx, "")))
	}
	meta, err := readMeta(f, sst)
	if err != nil {
		return Preview{}, refuse(name, problem(xlsx.MetaSheet, "", err))
	}
	version, _ := strconv.Atoi(meta["template_version"])
	if version != 1 && version != xlsx.TemplateVersion {
		return Preview{}, refuse(name, whole(fault.TemplateVersion, "version", short(meta["template_version"])))
	}
	reg, ok := region.Default().Lookup(meta["region"])
	if !ok {
		return Preview{}, refuse(name, whole(fault.TemplateRegion, "region", short(meta["region"])))
	}
	year, err := metaInt(meta, "year", profile.MinYear, profile.MaxYear)
	if err != nil {
		return Preview{}, refuse(name, problem(xlsx.MetaSheet, "", err))
	}
	if opt.Province != "" && reg.ProvinceCode != opt.Province {
		return Preview{}, refuse(name, whole(fault.TemplateOtherProv, "region", reg.Name))
	}
	if opt.Year != 0 && year != opt.Year {
		return Preview{}, refuse(name, whole(fault.TemplateYear, "year", strconv.Itoa(year), "want", strconv.Itoa(opt.Year)))
	}
	n, err := metaInt(meta, "rows", 0, maxTplRows)
	if err != nil {
		return Preview{}, refuse(name, problem(xlsx.MetaSheet, "", err))
	}

	inds, err := indicator.List(ctx, s.Read())
	if err != nil {
		return Preview{}, err
	}
	byCode := map[string]indicator.Indicator{}
	for _, i := range inds {
		byCode[i.Code] = i
	}
	sh := xlsx.ValuesSheet
	if idx, _ := f.GetSheetIndex(sh); idx < 0 {
		return Preview{}, refuse(name, whole(fault.SheetMissing, "sheet", sh))
	}
	grid, err := readSheet(f, sh, sst, xlsx.TemplateFirstRow+n-1, len(tplColumns))
	if err != nil {
		return Preview{}, refuse(name, problem(sh, "", err))
	}
	codes := make([]string, n)
	for i := range codes {
		codes[i] = grid.at(xlsx.TemplateFirstRow+i, 2)
	}
	var headers []string
	for i := range tplColumns {
		headers = append(headers, grid.at(xlsx.TemplateHeadRow, i+1))
	}
	if xlsx.StructureSum(version, reg.Code, year, codes) != meta["checksum"] || !sameHeaders(headers) {
		return Preview{}, refuse(name, layoutProblems(sh, codes, xlsx.TemplateFirstRow)...)
	}
	var problems []Problem
	problems = append(problems, grid.outside(sh, fault.RowOutsideTable)...)
	problems = append(problems, grid.mergedInputs(sh, xlsx.TemplateHeadRow)...)

	current, err := target.Load(ctx, s.Read(), target.Filter{Years: []int{year}, Regions: []string{reg.Code}})
	if err != nil {
		return Preview{}, err
	}
	cur := map[int64]target.Value{}
	for _, v := range current {
		cur[v.IndicatorID] = v
	}
	p = Preview{File: name, Hash: hash, Region: reg, Year: year, Changes: []Change{}, Edits: []target.Edit{},
		SourceNote: "impor:" + name + "#" + hash[:12], Notices: []Problem{}}
	if opt.WorkingYear != 0 && year != opt.WorkingYear {
		p.Notices = append(p.Notices, problem("", "", fault.New(fault.OtherYear, "", "year", strconv.Itoa(year), "working", strconv.Itoa(opt.WorkingYear))))
	}
	rd := cellReader{f: f, styles: map[int]bool{}}
	var cellOf []string
	for i, code := range codes {
		r := xlsx.TemplateFirstRow + i
		ind, ok := byCode[code]
		if !ok {
			problems = append(problems, problem(sh, xlsx.CellName(2, r), fault.New(fault.IndicatorGone, "", "code", short(code))))
			continue
		}
		row := valueRow{ind: ind, old: cur[ind.ID], r: r, legacy: meta["ratio_target"] != "formula"}
		for c, column := range tplColumns {
			field := target.Field(column.Field)
			if field == "" {
				continue
			}
			cell := xlsx.CellName(c+1, r)
			isPart := field == target.FTargetNum || field == target.FTargetDen
			if isPart && ind.Kind != indicator.Ratio {
				if v := grid.at(r, c+1); (strings.TrimSpace(v) != "" && !isEmptyMark(strings.TrimSpace(v))) || grid.cell(r, c+1).formula != "" {
					problems = append(problems, problem(sh, cell, fault.New(fault.PartsNotRatio, "", "value", short(v))))
				}
				continue
			}
			if field == target.FTarget && ind.Kind == indicator.Ratio {
				row.derived = rd.raw(grid.cell(r, c+1))
				row.derivedCell = cell
				continue
			}
			v, ferr := readValue(rd.raw(grid.cell(r, c+1)), xlsx.UnitFor(ind, field))
			if ferr != nil {
				problems = append(problems, problem(sh, cell, ferr))
				continue
			}
			row.cells = append(row.cells, readCellOf{field: field, cell: cell, v: v})
		}
		changes, edits, probs := row.compare(sh)
		problems = append(problems, probs...)
		for _, ch := range changes {
			p.count(ch.Kind)
		}
		p.Changes = append(p.Changes, changes...)
		for _, e := range edits {
			p.Edits = append(p.Edits, target.Edit{IndicatorID: ind.ID, Region: reg.Code, Year: year, Field: e.field, Text: e.text})
			cellOf = append(cellOf, e.cell)
		}
		if len(problems) > 4*maxProblems {
			break // enough to show; reading on only costs time
		}
	}
	p.PlanLines = []program.PlanLine{}
	if version >= 2 && len(problems) <= 4*maxProblems {
		lines, subs, err := xlsx.PlanInput(ctx, s, reg, year)
		if err != nil {
			return Preview{}, err
		}
		pr, err := readPlanSheet(f, sst, meta, reg, year, lines, subs)
		if err != nil && !errors.Is(err, errPlanLayout) {
			return Preview{}, refuse(name, append(problems, problem(xlsx.PlanSheet, "", err))...)
		}
		if err != nil {
			return Preview{}, refuse(name, problem(xlsx.PlanSheet, "", fault.New(fault.PlanLayoutChanged, "")))
		}
		problems = append(problems, pr.problems...)
		p.Changes = append(p.Changes, pr.changes...)
		p.PlanLines = pr.lines
		p.New, p.Changed, p.Cleared, p.Unchanged = p.New+pr.counts[0], p.Changed+pr.counts[1], p.Cleared+pr.counts[2], p.Unchanged+pr.counts[3]
	}
	if len(problems) > 0 {
		return Preview{}, refuse(name, problems...)
	}
	// The same checks a typed value gets (ratio parts, zero denominators, ...).
	if err := target.Validate(ctx, s, p.Edits); err != nil {
		if be, ok := target.ErrBatch(err); ok {
			for _, c := range be.Cells {
				problems = append(problems, Problem{Sheet: sh, Cell: cellOf[c.Index], Message: c.Message, MessageEN: c.MessageEN})
			}
			return Preview{}, refuse(name, problems...)
		}
		return Preview{}, err
	}
	return p, nil
}

func (p *Preview) count(kind string) {
	switch kind {
	case "tetap":
		p.Unchanged++
	case "baru":
		p.New++
	case "hapus":
		p.Cleared++
	default:
		p.Changed++
	}
}

func sameHeaders(h []string) bool {
	for i, c := range tplColumns {
		if i >= len(h) || h[i] != c.Title {
			return false
		}
	}
	return true
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

// compare turns a row into changes and edits. A ratio indicator is filled
// by its numerator and denominator; its Target is computed from them (a
// formula in the template), so the file cannot carry a value contradicting
// its parts and importing it twice changes nothing.
func (row valueRow) compare(sh string) ([]Change, []pendingEdit, []Problem) {
	var changes []Change
	var edits []pendingEdit
	mk := func(c readCellOf, old string) Change {
		ch := Change{Sheet: sh, Cell: c.cell, Code: row.ind.Code, Indicator: row.ind.Name, Field: string(c.field), Old: old, New: c.v.text, Formula: c.v.formula}
		ch.Kind = changeKind(old, c.v.text)
		return ch
	}
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
		ch := mk(c, oldText(row.old, c.field))
		changes = append(changes, ch)
		if ch.Kind != "tetap" {
			edits = append(edits, pendingEdit{c.field, c.cell, c.v.text})
		}
	}
	if row.ind.Kind != indicator.Ratio || num == nil || den == nil {
		return changes, edits, nil
	}
	// The ratio: parts, then the target they give.
	hasNum, hasDen := num.v.num != nil, den.v.num != nil
	if hasNum != hasDen {
		missing := num.cell
		if hasNum {
			missing = den.cell
		}
		return changes, edits, []Problem{problem(sh, missing, fault.New(fault.RatioOnePart, ""))}
	}
	var derived *float64
	if hasNum && *den.v.num != 0 {
		d := *num.v.num / *den.v.num * row.ind.Scale
		derived = &d
	}
	// The Target cell must be the template's formula, or a value equal to
	// what the parts give (a row pasted as values).
	// Templates made before the target became a formula (no ratio_target on
	// the hidden sheet) carry an old typed target beside the parts: there
	// the parts decide whenever both are filled in.
	legacyIgnored := row.legacy && hasNum
	if !legacyIgnored && row.derived.formula == "" && strings.TrimSpace(row.derived.value) != "" && !isEmptyMark(strings.TrimSpace(row.derived.value)) {
		typed, err := readValue(row.derived, xlsx.UnitRatioPct)
		// A row pasted as values keeps the target its parts give; a legacy
		// template's untouched target equals the stored one.
		same := err == nil && typed.num != nil && ((derived != nil && sameNumber(*typed.num, *derived)) ||
			(!hasNum && row.old.Target != nil && sameNumber(*typed.num, *row.old.Target)))
		if !same {
			return changes, edits, []Problem{problem(sh, row.derivedCell, fault.New(fault.RatioValueTyped, "",
				"value", short(strings.TrimSpace(row.derived.value)), "num", "G", "den", "H"))}
		}
	}
	oldNum, oldDen := oldText(row.old, target.FTargetNum), oldText(row.old, target.FTargetDen)
	chNum, chDen := mk(*num, oldNum), mk(*den, oldDen)
	oldTarget := oldText(row.old, target.FTarget)
	tgt := Change{Sheet: sh, Cell: row.derivedCell, Code: row.ind.Code, Indicator: row.ind.Name, Field: string(target.FTarget),
		Old: oldTarget, New: oldTarget, Kind: "tetap", Formula: true}
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
	changes = append(changes, tgt, chNum, chDen)
	return changes, edits, nil
}

func changeKind(old, now string) string {
	switch {
	case old == now || sameText(old, now):
		return "tetap"
	case old == "":
		return "baru"
	case now == "":
		return "hapus"
	}
	return "ubah"
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

// CommitImport writes a previewed import in one transaction, with the file
// name and hash as the source of every value, and records the submission on
// the board in the same transaction. A template returned without changes
// is recorded too: the regency has answered.
func CommitImport(ctx context.Context, s *store.Store, p Preview) (n int, err error) {
	defer func() { // the transaction has rolled back; say so rather than crash
		if r := recover(); r != nil {
			n, err = 0, fault.New(fault.CommitCrash, "", "cause", short(fmt.Sprint(r)))
		}
	}()
	planned := 0
	n, err = target.ApplyWith(ctx, s, p.Edits, p.SourceNote, func(tx *sql.Tx, _ int) error {
		for _, l := range p.PlanLines {
			if _, err := program.SavePlanLine(ctx, store.InTx(tx), l); err != nil {
				return fmt.Errorf("%s %s: %w", xlsx.PlanSheet, l.SubKegiatanCode, err)
			}
			planned++
		}
		return logSubmission(ctx, tx, p, time.Now())
	})
	if isBusy(err) {
		return 0, fault.Wrap(err, fault.ImportBusy, "")
	}
	if err != nil {
		return 0, err
	}
	return n + planned, nil
}
