// Package exchange is the way back of the templates: a workbook a regency
// returns is guarded (size, zip, hidden sheet), read cell by cell as people
// type figures, compared with the workspace into a preview of every change,
// and committed in one transaction with its submission logged for the board.
// The template's layout is backend/template's, the contract it shares with
// the writer (backend/xlsx); this package does not know the writer.
package exchange

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/target"
	"selaras/backend/template"
)

// Problem is one reason an import is refused, located by sheet and cell.
// The sentence is a Text, worded where it leaves the backend (the binding
// layer, the CLI) in the user's language.
type Problem struct {
	Sheet string     `json:"sheet"`
	Cell  string     `json:"cell"`
	Text  fault.Text `json:"text"`
}

// Message words the problem in lang, without its place.
func (p Problem) Message(lang fault.Lang) string { return fault.Render(p.Text, lang) }

// Located words the problem in lang with its sheet and cell.
func (p Problem) Located(lang fault.Lang) string {
	switch {
	case p.Sheet == "":
		return p.Message(lang)
	case p.Cell == "":
		return fault.Say(lang, fault.ProblemAtSheet, "sheet", p.Sheet, "message", p.Message(lang))
	}
	return fault.Say(lang, fault.ProblemAtCell, "sheet", p.Sheet, "cell", p.Cell, "message", p.Message(lang))
}

// ImportError lists every problem of a workbook; nothing was written.
type ImportError struct {
	File     string
	Problems []Problem
}

func (e *ImportError) Error() string { return e.Message(fault.ID) }

// Message words the refusal in lang: the file, then each problem on its own
// line with its place.
func (e *ImportError) Message(lang fault.Lang) string {
	var b strings.Builder
	b.WriteString(fault.Say(lang, fault.ImportRefusedList, "file", e.File))
	for _, p := range e.Problems {
		b.WriteString("\n- " + p.Located(lang))
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
	// Typed: the stored value was changed after the template was made and
	// the template would change it: a conflict (see Preview.Conflicts).
	Typed *Typed `json:"typed,omitempty"`
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
	// Conflicts are the cells whose stored value changed after the template
	// was made: kept as stored unless TakeTemplate.
	Conflicts []Conflict `json:"conflicts"`
	// TakeTemplate writes the template's value over the conflicting cells.
	TakeTemplate bool `json:"takeTemplate"`
	// catalogue is the indicator catalogue the preview was checked
	// against: the commit reads it again only if it changed since.
	catalogue target.Catalogue
}

// ImportOptions constrain what a workbook may contain.
type ImportOptions struct {
	Province    string // the region must be this province or one of its regencies ("" = any)
	Year        int    // the template must be of this year (0 = any)
	WorkingYear int    // a template of another year is imported with a notice (0 = no notice)
}

// maxProblems are listed; the rest are counted.
const maxProblems = 20

// enoughProblems stops reading: more would only cost time.
const enoughProblems = 4 * maxProblems

func refuse(file string, ps ...Problem) error {
	if len(ps) > maxProblems {
		more := fault.New(fault.MoreProblems, "", "n", strconv.Itoa(len(ps)-maxProblems))
		ps = append(ps[:maxProblems:maxProblems], Problem{Text: more.Text})
	}
	return &ImportError{File: file, Problems: ps}
}

func whole(code fault.Code, kv ...string) Problem { return problem("", "", fault.New(code, "", kv...)) }

// problem renders a coded message for a sheet and cell, in both languages.
func problem(sheet, cell string, err error) Problem {
	return Problem{Sheet: sheet, Cell: cell, Text: fault.TextOf(err)}
}

// refusal is a workbook refused before its cells are all compared, with
// the problems that say why.
type refusal []Problem

func (r refusal) Error() string { return fmt.Sprintf("exchange: refused (%d problems)", len(r)) }

// fail turns a refusal into the ImportError of the file; any other error
// (the database's) passes as it is.
func fail(file string, err error) error {
	var r refusal
	if errors.As(err, &r) {
		return refuse(file, r...)
	}
	return err
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
	wb, err := openTemplate(path)
	if err != nil {
		return Preview{}, fail(name, err)
	}
	defer wb.f.Close()
	h, err := wb.header(opt)
	if err != nil {
		return Preview{}, fail(name, err)
	}
	cat, err := target.CachedCatalogue(ctx, s)
	if err != nil {
		return Preview{}, err
	}
	vs, err := wb.valuesSheet(h)
	if err != nil {
		return Preview{}, fail(name, err)
	}
	current, err := target.Load(ctx, s.Read(), target.Filter{Years: []int{h.year}, Regions: []string{h.region.Code}})
	if err != nil {
		return Preview{}, err
	}
	p = Preview{File: name, Hash: wb.hash, Region: h.region, Year: h.year, Changes: []Change{}, Edits: []target.Edit{},
		SourceNote: "impor:" + name + "#" + wb.hash[:12], PlanLines: []program.PlanLine{}, Notices: []Problem{}, Conflicts: []Conflict{}, catalogue: cat}
	if opt.WorkingYear != 0 && h.year != opt.WorkingYear {
		p.Notices = append(p.Notices, problem("", "", fault.New(fault.OtherYear, "", "year", strconv.Itoa(h.year), "working", strconv.Itoa(opt.WorkingYear))))
	}
	cellOf, problems := vs.compare(cat.Indicators(), current, &p)
	if h.version >= 2 && len(problems) <= enoughProblems {
		plan, err := wb.planSheet(ctx, s, h, problems)
		if err != nil {
			return Preview{}, fail(name, err)
		}
		problems = append(problems, plan.problems...)
		p.Changes = append(p.Changes, plan.changes...)
		p.PlanLines = plan.lines
		for _, ch := range plan.changes {
			p.count(ch.Kind)
		}
	}
	if len(problems) > 0 {
		return Preview{}, refuse(name, problems...)
	}
	// The same checks a typed value gets (ratio parts, zero denominators, ...).
	if err := target.Check(ctx, s.Read(), cat, p.Edits, current); err != nil {
		if be, ok := target.ErrBatch(err); ok {
			for _, c := range be.Cells {
				problems = append(problems, Problem{Sheet: template.ValuesSheet, Cell: cellOf[c.Index], Text: c.Text})
			}
			return Preview{}, refuse(name, problems...)
		}
		return Preview{}, err
	}
	if err := p.markConflicts(ctx, s, wb.meta[template.KeyCreatedAt]); err != nil {
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

// header is what the hidden sheet says the workbook is, checked against
// what the import accepts.
type header struct {
	version int
	region  region.Region
	year    int
	rows    int  // indicator rows of the values sheet
	legacy  bool // a ratio's target was typed, not a formula over its parts
}

// header reads the hidden sheet: a template of ours, of a version this
// Selaras reads, for a region and year the import accepts.
func (wb *workbook) header(opt ImportOptions) (header, error) {
	meta := wb.meta
	version, _ := strconv.Atoi(meta[template.KeyVersion])
	if version != 1 && version != template.Version {
		return header{}, refusal{whole(fault.TemplateVersion, "version", short(meta[template.KeyVersion]))}
	}
	reg, ok := region.Default().Lookup(meta[template.KeyRegion])
	if !ok {
		return header{}, refusal{whole(fault.TemplateRegion, "region", short(meta[template.KeyRegion]))}
	}
	year, err := metaInt(meta, template.KeyYear, profile.MinYear, profile.MaxYear)
	if err != nil {
		return header{}, refusal{problem(template.MetaSheet, "", err)}
	}
	if opt.Province != "" && reg.ProvinceCode != opt.Province {
		return header{}, refusal{whole(fault.TemplateOtherProv, "region", reg.Name)}
	}
	if opt.Year != 0 && year != opt.Year {
		return header{}, refusal{whole(fault.TemplateYear, "year", strconv.Itoa(year), "want", strconv.Itoa(opt.Year))}
	}
	rows, err := metaInt(meta, template.KeyRows, 0, maxTplRows)
	if err != nil {
		return header{}, refusal{problem(template.MetaSheet, "", err)}
	}
	return header{version: version, region: reg, year: year, rows: rows, legacy: meta[template.KeyRatioTarget] != template.RatioFormula}, nil
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
	edits, _ := p.edits()
	n, err = target.ApplyChecked(ctx, s, p.catalogue, edits, p.SourceNote, func(tx *sql.Tx, _ int) error {
		for _, l := range p.PlanLines {
			if _, err := program.SavePlanLine(ctx, store.InTx(tx), l); err != nil {
				return fmt.Errorf("%s %s: %w", template.PlanSheet, l.SubKegiatanCode, err)
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
