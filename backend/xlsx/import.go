package xlsx

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"selaras/backend/indicator"
	"selaras/backend/number"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/target"
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
	Sheet     string       `json:"sheet"`
	Cell      string       `json:"cell"`
	Code      string       `json:"code"`
	Indicator string       `json:"indicator"`
	Field     target.Field `json:"field"`
	Old       string       `json:"old"`
	New       string       `json:"new"`
	Kind      string       `json:"kind"` // baru, ubah, hapus, tetap
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
}

// ImportOptions constrain what a workbook may contain.
type ImportOptions struct {
	Province string // the region must be this province or one of its regencies ("" = any)
	Year     int    // the template must be of this year (0 = any)
}

func refuse(file string, ps ...Problem) error { return &ImportError{File: file, Problems: ps} }

func whole(msg, en string) Problem { return Problem{Message: msg, MessageEN: en} }

// ReadImport opens a returned template, checks that it is one of ours and
// unchanged in structure, reads every input cell and compares it with the
// workspace. It writes nothing.
func ReadImport(ctx context.Context, s *store.Store, path string, opt ImportOptions) (Preview, error) {
	name := filepath.Base(path)
	raw, err := os.Open(path)
	if err != nil {
		return Preview{}, refuse(name, whole("berkas tidak dapat dibuka: "+err.Error(), "the file cannot be opened: "+err.Error()))
	}
	defer raw.Close()
	h := sha256.New()
	if _, err := io.Copy(h, raw); err != nil {
		return Preview{}, refuse(name, whole("berkas tidak dapat dibaca", "the file cannot be read"))
	}
	hash := hex.EncodeToString(h.Sum(nil))
	f, err := excelize.OpenFile(path)
	if err != nil {
		return Preview{}, refuse(name, whole("bukan berkas Excel (.xlsx) atau berkasnya rusak/terpotong",
			"not an Excel (.xlsx) file, or the file is damaged or truncated"))
	}
	defer f.Close()

	meta := map[string]string{}
	if idx, _ := f.GetSheetIndex(MetaSheet); idx < 0 {
		return Preview{}, refuse(name, whole("ini bukan templat Selaras (lembar data templat tidak ada); buat templat dari Selaras lalu isi",
			"this is not a Selaras template (its template data sheet is missing)"))
	}
	rows, err := f.GetRows(MetaSheet)
	if err != nil {
		return Preview{}, refuse(name, whole("lembar data templat rusak", "the template data sheet is damaged"))
	}
	for _, r := range rows {
		if len(r) >= 2 {
			meta[r[0]] = r[1]
		}
	}
	version, _ := strconv.Atoi(meta["template_version"])
	if version != 1 && version != TemplateVersion {
		return Preview{}, refuse(name, whole(fmt.Sprintf("versi templat %q tidak dikenal oleh Selaras ini", meta["template_version"]),
			fmt.Sprintf("template version %q is not known to this Selaras", meta["template_version"])))
	}
	reg, ok := region.Default().Lookup(meta["region"])
	if !ok {
		return Preview{}, refuse(name, whole(fmt.Sprintf("wilayah templat %q tidak dikenal", meta["region"]), fmt.Sprintf("unknown template region %q", meta["region"])))
	}
	year, _ := strconv.Atoi(meta["year"])
	if opt.Province != "" && reg.ProvinceCode != opt.Province {
		return Preview{}, refuse(name, whole(fmt.Sprintf("templat ini untuk %s, di luar provinsi ruang kerja ini", reg.Name),
			fmt.Sprintf("this template is for %s, outside this workspace's province", reg.Name)))
	}
	if opt.Year != 0 && year != opt.Year {
		return Preview{}, refuse(name, whole(fmt.Sprintf("templat ini untuk tahun %d, bukan %d", year, opt.Year),
			fmt.Sprintf("this template is for %d, not %d", year, opt.Year)))
	}

	inds, err := indicator.List(ctx, s.Read())
	if err != nil {
		return Preview{}, err
	}
	byCode := map[string]indicator.Indicator{}
	for _, i := range inds {
		byCode[i.Code] = i
	}
	sh := ValuesSheet
	if idx, _ := f.GetSheetIndex(sh); idx < 0 {
		return Preview{}, refuse(name, whole("lembar \""+sh+"\" tidak ada", "sheet \""+sh+"\" is missing"))
	}
	n, _ := strconv.Atoi(meta["rows"])
	codes := make([]string, n)
	for i := range codes {
		codes[i], _ = f.GetCellValue(sh, cellName(2, tplFirstRow+i))
	}
	var headers []string
	for i := range tplColumns {
		v, _ := f.GetCellValue(sh, cellName(i+1, tplHeadRow))
		headers = append(headers, v)
	}
	if structureSum(version, reg.Code, year, codes) != meta["checksum"] || !sameHeaders(headers) {
		return Preview{}, refuse(name, Problem{Sheet: sh, Message: "susunan templat telah diubah (baris, kolom, kode, atau judul); isi ulang pada templat asli",
			MessageEN: "the template's layout was changed (rows, columns, codes or headings); fill in the original template"})
	}

	current, err := target.Load(ctx, s.Read(), target.Filter{Years: []int{year}, Regions: []string{reg.Code}})
	if err != nil {
		return Preview{}, err
	}
	cur := map[int64]target.Value{}
	for _, v := range current {
		cur[v.IndicatorID] = v
	}
	p := Preview{File: name, Hash: hash, Region: reg, Year: year, Changes: []Change{}, Edits: []target.Edit{},
		SourceNote: "impor:" + name + "#" + hash[:12]}
	var problems []Problem
	var cellOf []string
	for i, code := range codes {
		r := tplFirstRow + i
		ind, ok := byCode[code]
		if !ok {
			problems = append(problems, Problem{Sheet: sh, Cell: cellName(2, r),
				Message:   fmt.Sprintf("indikator %s tidak ada lagi di katalog ruang kerja ini", code),
				MessageEN: fmt.Sprintf("indicator %s is no longer in this workspace's catalogue", code)})
			continue
		}
		for c, column := range tplColumns {
			if column.field == "" {
				continue
			}
			isPart := column.field == target.FTargetNum || column.field == target.FTargetDen
			if isPart && ind.Kind != indicator.Ratio {
				continue
			}
			cell := cellName(c+1, r)
			text, val, prob := readCell(f, sh, cell, column.field == target.FNote)
			if prob != nil {
				problems = append(problems, *prob)
				continue
			}
			old := oldText(cur[ind.ID], column.field)
			ch := Change{Sheet: sh, Cell: cell, Code: code, Indicator: ind.Name, Field: column.field, Old: old, New: text}
			switch {
			case old == text || sameNumber(old, text):
				ch.Kind = "tetap"
				p.Unchanged++
			case old == "":
				ch.Kind = "baru"
				p.New++
			case text == "":
				ch.Kind = "hapus"
				p.Cleared++
			default:
				ch.Kind = "ubah"
				p.Changed++
			}
			p.Changes = append(p.Changes, ch)
			if ch.Kind != "tetap" {
				p.Edits = append(p.Edits, target.Edit{IndicatorID: ind.ID, Region: reg.Code, Year: year, Field: column.field, Text: val})
				cellOf = append(cellOf, cell)
			}
		}
	}
	p.PlanLines = []program.PlanLine{}
	if version >= 2 {
		lines, subs, err := planInput(ctx, s, reg, year)
		if err != nil {
			return Preview{}, err
		}
		pr, err := readPlanSheet(f, meta, reg, year, lines, subs)
		if err != nil {
			return Preview{}, refuse(name, Problem{Sheet: PlanSheet, Message: "susunan lembar rencana telah diubah (baris, kolom, kode, atau judul); isi ulang pada templat asli",
				MessageEN: "the plan sheet's layout was changed (rows, columns, codes or headings); fill in the original template"})
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

func sameHeaders(h []string) bool {
	for i, c := range tplColumns {
		if i >= len(h) || h[i] != c.title {
			return false
		}
	}
	return true
}

// readCell returns the value as display text and as the text handed to
// target.Apply. Numeric cells are exact; text cells are read the way people
// type numbers, and an ambiguous one ("1.311": thousand or decimal?) is
// refused rather than guessed.
func readCell(f *excelize.File, sh, cell string, note bool) (string, string, *Problem) {
	raw, err := f.GetCellValue(sh, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		return "", "", &Problem{Sheet: sh, Cell: cell, Message: "sel tidak dapat dibaca", MessageEN: "the cell cannot be read"}
	}
	raw = strings.TrimSpace(raw)
	if note || raw == "" {
		return raw, raw, nil
	}
	typ, _ := f.GetCellType(sh, cell)
	if typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset {
		if v, err := strconv.ParseFloat(raw, 64); err == nil && !math.IsInf(v, 0) && !math.IsNaN(v) {
			return canonical(v), canonical(v), nil
		}
	}
	n, err := number.Parse(raw)
	if err != nil {
		var ne *number.Error
		if errors.As(err, &ne) {
			return "", "", &Problem{Sheet: sh, Cell: cell, Message: ne.Indonesian(), MessageEN: ne.English()}
		}
		return "", "", &Problem{Sheet: sh, Cell: cell, Message: err.Error(), MessageEN: err.Error()}
	}
	if n.Ambiguous {
		return "", "", &Problem{Sheet: sh, Cell: cell,
			Message:   fmt.Sprintf("%q bisa berarti ribuan atau desimal; tulis %s atau %s", raw, number.Format(n.Value, 0), strings.Replace(raw, ".", ",", 1)),
			MessageEN: fmt.Sprintf("%q could mean thousands or decimals; write it unambiguously", raw)}
	}
	s := canonical(n.Value)
	if n.Percent {
		s += "%"
	}
	return canonical(n.Value), s, nil
}

// sameNumber treats values equal to 12 significant digits as unchanged:
// Excel keeps 15 digits, so a computed ratio comes back slightly shorter.
func sameNumber(a, b string) bool {
	x, err1 := number.Parse(a)
	y, err2 := number.Parse(b)
	if err1 != nil || err2 != nil || x.Percent != y.Percent {
		return false
	}
	d := math.Abs(x.Value - y.Value)
	return d <= 1e-12*math.Max(1, math.Max(math.Abs(x.Value), math.Abs(y.Value)))
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
func CommitImport(ctx context.Context, s *store.Store, p Preview) (int, error) {
	planned := 0
	n, err := target.ApplyWith(ctx, s, p.Edits, p.SourceNote, func(tx *sql.Tx, _ int) error {
		for _, l := range p.PlanLines {
			if _, err := program.WritePlanLine(ctx, tx, l); err != nil {
				return fmt.Errorf("%s %s: %w", PlanSheet, l.SubKegiatanCode, err)
			}
			planned++
		}
		return logSubmission(ctx, tx, p, time.Now())
	})
	if err != nil {
		return 0, err
	}
	return n + planned, nil
}
