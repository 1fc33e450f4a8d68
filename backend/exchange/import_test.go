package exchange

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/demo/demotest"
	"selaras/backend/number"
	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
	"selaras/backend/target"
	"selaras/backend/template"
	"selaras/backend/xlsx"
	"selaras/backend/xlsx/xlsxtest"
)

// when is the clock the workbooks are written at.
var when = xlsxtest.When

type fixture struct {
	s    *store.Store
	dir  string
	path string // a fresh template for Kabupaten Bangka, 2025
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	dir := t.TempDir()
	s := storetest.OpenAt(t, demotest.DSN(t))
	fx := fixture{s, dir, filepath.Join(dir, "Templat-Kabupaten-Bangka-2025.xlsx")}
	fx.writeTemplate(t, fx.path, time.Now()) // made now: based on what is stored
	return fx
}

// writeTemplate writes Kabupaten Bangka's 2025 template of what the
// workspace holds to path, made at made.
func (fx fixture) writeTemplate(t *testing.T, path string, made time.Time) {
	t.Helper()
	ctx := context.Background()
	p, err := profile.Get(ctx, fx.s)
	require.NoError(t, err)
	in, err := xlsx.LoadTemplateInput(ctx, fx.s, p, "19.01", 2025)
	require.NoError(t, err)
	require.NoError(t, xlsx.WriteTemplate(ctx, path, in, made))
}

// state is everything an import could change, to prove a refusal wrote nothing.
func (fx fixture) state(t *testing.T) string {
	t.Helper()
	vals, err := target.Load(context.Background(), fx.s.Read(), target.Filter{})
	require.NoError(t, err)
	log, err := fx.s.Audit(context.Background(), store.AuditQuery{Limit: 100000})
	require.NoError(t, err)
	subs, err := Submissions(context.Background(), fx.s, 2025)
	require.NoError(t, err)
	return strings.Repeat("v", len(vals)) + "|" + strings.Repeat("a", len(log)) + "|" + strings.Repeat("s", len(subs))
}

// typeInto types cells into code's row of the fixture template's values
// sheet (xlsxtest.TypeInto) and returns the template's path.
func typeInto(t *testing.T, fx fixture, code string, cells map[string]any) string {
	t.Helper()
	xlsxtest.TypeInto(t, fx.path, template.ValuesSheet, code, cells)
	return fx.path
}

// importOnce previews the template at path and commits it, as a regency's
// return is imported.
func importOnce(t *testing.T, fx fixture, path string) Preview {
	t.Helper()
	p, err := ReadImport(context.Background(), fx.s, path, ImportOptions{})
	require.NoError(t, err)
	_, err = CommitImport(context.Background(), fx.s, p)
	require.NoError(t, err)
	return p
}

func rowOf(t *testing.T, path, code string) int {
	f := xlsxtest.Open(t, path)
	return xlsxtest.Row(t, f, template.ValuesSheet, code)
}

func TestTemplateLayout(t *testing.T) {
	fx := newFixture(t)
	f := xlsxtest.Open(t, fx.path)
	assert.Equal(t, []string{template.ValuesSheet, template.PlanSheet, template.GuideSheet, template.MetaSheet}, f.GetSheetList())
	vis, err := f.GetSheetVisible(template.MetaSheet)
	require.NoError(t, err)
	assert.False(t, vis)
	v, _ := f.GetCellValue(template.ValuesSheet, "A3")
	assert.Equal(t, "Kabupaten Bangka · Tahun 2025", v)
	dvs, err := f.GetDataValidations(template.ValuesSheet)
	require.NoError(t, err)
	assert.NotEmpty(t, dvs, "percent and number cells are validated")
	// Input cells are unlocked, descriptive ones locked.
	r := xlsxtest.Row(t, f, template.ValuesSheet, "UKM.05")
	in, _ := f.GetCellStyle(template.ValuesSheet, "F"+strconv.Itoa(r))
	code, _ := f.GetCellStyle(template.ValuesSheet, "B"+strconv.Itoa(r))
	sIn, _ := f.GetStyle(in)
	sCode, _ := f.GetStyle(code)
	require.NotNil(t, sIn.Protection)
	assert.False(t, sIn.Protection.Locked)
	assert.True(t, sCode.Protection == nil || sCode.Protection.Locked)
	assert.Equal(t, 49, sCode.NumFmt, "codes are text")
}

func TestImportFilledTemplate(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	halal, growth := rowOf(t, fx.path, "UKM.05"), rowOf(t, fx.path, "KOP.01")
	xlsxtest.Edit(t, fx.path, func(f *excelize.File) {
		require.NoError(t, f.SetCellValue(template.ValuesSheet, "F"+strconv.Itoa(halal), 175))     // a number cell
		require.NoError(t, f.SetCellValue(template.ValuesSheet, "I"+strconv.Itoa(halal), "150"))   // text typed as text
		require.NoError(t, f.SetCellValue(template.ValuesSheet, "G"+strconv.Itoa(growth), "12,5")) // Indonesian decimal
		require.NoError(t, f.SetCellValue(template.ValuesSheet, "H"+strconv.Itoa(growth), "80"))
		require.NoError(t, f.SetCellValue(template.ValuesSheet, "K"+strconv.Itoa(growth), "=usulan")) // user text, not a formula
	})
	p, err := ReadImport(ctx, fx.s, fx.path, ImportOptions{Province: "19", Year: 2025})
	require.NoError(t, err)
	assert.Equal(t, "19.01", p.Region.Code)
	assert.Equal(t, 2025, p.Year)
	assert.Positive(t, p.Changed+p.New)
	assert.Positive(t, p.Unchanged, "prefilled values come back unchanged")
	kinds := map[string]string{}
	for _, c := range p.Changes {
		kinds[c.Cell] = c.Kind + ":" + c.Old + "->" + c.New
	}
	assert.Contains(t, kinds["F"+strconv.Itoa(halal)], "175")
	assert.Equal(t, "baru:->150", kinds["I"+strconv.Itoa(halal)])

	n, err := CommitImport(ctx, fx.s, p)
	require.NoError(t, err)
	assert.Positive(t, n)
	vals, err := target.Load(ctx, fx.s.Read(), target.Filter{Years: []int{2025}, Regions: []string{"19.01"}})
	require.NoError(t, err)
	var sawGrowth bool
	for _, v := range vals {
		if v.Note == "=usulan" {
			sawGrowth = true
			assert.InDelta(t, 15.625, *v.Target, 1e-9, "the ratio is computed from 12,5 / 80")
			assert.True(t, strings.HasPrefix(v.Source, "impor:Templat-Kabupaten-Bangka-2025.xlsx#"), v.Source)
		}
	}
	assert.True(t, sawGrowth)
}

func TestImportRefusals(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(t *testing.T, fx fixture) string // returns the file to import
		opt   ImportOptions
		want  []string // each must appear in the error
	}{
		{"bad number names sheet and cell", func(t *testing.T, fx fixture) string {
			return typeInto(t, fx, "UKM.05", map[string]any{"F": "12,3,4"})
		}, ImportOptions{}, []string{`lembar "Target Indikator" sel F`, "pemisah desimal lebih dari satu"}},
		{"ambiguous number is reported with both readings, not guessed", func(t *testing.T, fx fixture) string {
			return typeInto(t, fx, "UKM.05", map[string]any{"F": "1,311"})
		}, ImportOptions{}, []string{`"1,311" bisa dibaca 1,311 atau 1.311`}},
		{"percent sign on a count", func(t *testing.T, fx fixture) string {
			return typeInto(t, fx, "UKM.05", map[string]any{"F": "15%"})
		}, ImportOptions{}, []string{"indikator ini bukan persen"}},
		{"zero denominator", func(t *testing.T, fx fixture) string {
			return typeInto(t, fx, "KOP.01", map[string]any{"G": 5, "H": 0})
		}, ImportOptions{}, []string{"tidak boleh nol"}},
		{"edited structure", func(t *testing.T, fx fixture) string {
			return typeInto(t, fx, "KOP.01", map[string]any{"B": "KOP.99"})
		}, ImportOptions{}, []string{"susunan templat telah diubah"}},
		{"foreign workbook", func(t *testing.T, fx fixture) string {
			f := excelize.NewFile()
			p := filepath.Join(fx.dir, "rekap.xlsx")
			require.NoError(t, f.SetCellValue("Sheet1", "A1", "Rekap"))
			require.NoError(t, f.SaveAs(p))
			return p
		}, ImportOptions{}, []string{"bukan templat Selaras"}},
		{"another year", func(t *testing.T, fx fixture) string { return fx.path }, ImportOptions{Year: 2026}, []string{"tahun 2025, bukan 2026"}},
		{"another province", func(t *testing.T, fx fixture) string { return fx.path }, ImportOptions{Province: "62"}, []string{"di luar provinsi"}},
		{"truncated file", func(t *testing.T, fx fixture) string {
			b, err := os.ReadFile(fx.path)
			require.NoError(t, err)
			p := filepath.Join(fx.dir, "potong.xlsx")
			require.NoError(t, os.WriteFile(p, b[:len(b)/2], 0o644))
			return p
		}, ImportOptions{}, []string{"bukan berkas Excel"}},
		{"not xlsx at all", func(t *testing.T, fx fixture) string {
			p := filepath.Join(fx.dir, "catatan.xlsx")
			require.NoError(t, os.WriteFile(p, []byte("kode;nilai\nKOP.01;17,65\n"), 0o644))
			return p
		}, ImportOptions{}, []string{"bukan berkas Excel"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fx := newFixture(t)
			before := fx.state(t)
			path := tt.spoil(t, fx)
			_, err := ReadImport(context.Background(), fx.s, path, tt.opt)
			require.Error(t, err)
			var ie *ImportError
			require.ErrorAs(t, err, &ie)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.Equal(t, before, fx.state(t), "nothing is written")
		})
	}
}

func TestUnchangedTemplateHasNothingToSave(t *testing.T) {
	fx := newFixture(t)
	p, err := ReadImport(context.Background(), fx.s, fx.path, ImportOptions{})
	require.NoError(t, err)
	assert.Zero(t, p.New+p.Changed+p.Cleared, "computed ratios survive Excel's 15 digits: %+v", p.Changes)
	assert.Empty(t, p.Edits)
}

func TestSubmissionBoard(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	board, err := Board(ctx, fx.s, "19", 2025)
	require.NoError(t, err)
	require.Len(t, board, 7)
	for _, b := range board {
		assert.False(t, b.Returned, b.Region.Name)
	}

	// A commit that fails rolls its board entry back with the values.
	p, err := ReadImport(ctx, fx.s, fx.path, ImportOptions{})
	require.NoError(t, err)
	bad := p
	bad.Edits = []target.Edit{{IndicatorID: 999999, Region: "19.01", Year: 2025, Field: target.FTarget, Text: "1"}}
	before := fx.state(t)
	_, err = CommitImport(ctx, fx.s, bad)
	require.Error(t, err)
	assert.Equal(t, before, fx.state(t), "nothing is written")

	// An unchanged template still counts as returned.
	n, err := CommitImport(ctx, fx.s, p)
	require.NoError(t, err)
	assert.Zero(t, n)
	typeInto(t, fx, "UKM.05", map[string]any{"F": 175})
	p2 := importOnce(t, fx, fx.path)

	board, err = Board(ctx, fx.s, "19", 2025)
	require.NoError(t, err)
	assert.Equal(t, "19.01", board[0].Region.Code)
	assert.True(t, board[0].Returned)
	assert.Equal(t, 2, board[0].Imports)
	require.NotNil(t, board[0].Latest)
	assert.Equal(t, "Templat-Kabupaten-Bangka-2025.xlsx", board[0].Latest.File)
	assert.Equal(t, p2.Hash, board[0].Latest.Hash)
	assert.Equal(t, p2.New+p2.Changed, board[0].Latest.New+board[0].Latest.Changed)
	assert.Positive(t, board[0].Latest.New+board[0].Latest.Changed)
	assert.Equal(t, "Sekretariat (demo)", board[0].Latest.Operator)
	assert.False(t, board[1].Returned)

	// The board entry is in the audit log like any other change.
	log, err := fx.s.Audit(ctx, store.AuditQuery{Table: "import_log", Limit: 10})
	require.NoError(t, err)
	assert.Len(t, log, 2)
}

func TestTemplatePlanSheet(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	lines, subs, err := template.PlanInput(ctx, fx.s, region.Region{Code: "19.01", Level: region.Regency}, 2025)
	require.NoError(t, err)
	require.NotEmpty(t, lines, "the demo plans for Kabupaten Bangka")
	require.NotEmpty(t, subs)

	f, err := excelize.OpenFile(fx.path)
	require.NoError(t, err)
	v, _ := f.GetCellValue(template.PlanSheet, "B"+strconv.Itoa(template.PlanFirstRow))
	assert.Equal(t, lines[0].SubKegiatanCode, v)
	raw, _ := f.GetCellValue(template.PlanSheet, "G"+strconv.Itoa(template.PlanFirstRow), excelize.Options{RawCellValue: true})
	assert.Equal(t, strconv.FormatInt(lines[0].Pagu, 10), raw)
	visible, err := f.GetColVisible(template.PlanSheet, "M")
	require.NoError(t, err)
	assert.False(t, visible, "the id column is hidden")
	newRow := strconv.Itoa(template.PlanFirstRow + len(lines))
	formula, _ := f.GetCellFormula(template.PlanSheet, "C"+newRow)
	assert.Contains(t, formula, "VLOOKUP(B"+newRow)
	dvs, err := f.GetDataValidations(template.PlanSheet)
	require.NoError(t, err)
	var lists []string
	for _, dv := range dvs {
		if dv.Type == "list" {
			lists = append(lists, dv.Sqref+"="+dv.Formula1)
		}
	}
	assert.Len(t, lists, 2, "codes of new rows and sources of funds are chosen from lists")
	assert.Contains(t, strings.Join(lists, " "), "APBD Kabupaten/Kota")
	require.NoError(t, f.Close())

	// Change the pagu of the first line, add a line, and import.
	sub := subs[len(subs)-1]
	xlsxtest.Edit(t, fx.path, func(f *excelize.File) {
		require.NoError(t, f.SetCellValue(template.PlanSheet, "G"+strconv.Itoa(template.PlanFirstRow), "Rp 175 juta"))
		require.NoError(t, f.SetCellValue(template.PlanSheet, "B"+newRow, sub.Code))
		require.NoError(t, f.SetCellValue(template.PlanSheet, "D"+newRow, "=Pelaku UMKM yang dilatih"))
		require.NoError(t, f.SetCellValue(template.PlanSheet, "E"+newRow, "orang"))
		require.NoError(t, f.SetCellValue(template.PlanSheet, "F"+newRow, 40))
		require.NoError(t, f.SetCellValue(template.PlanSheet, "G"+newRow, 90000000))
		require.NoError(t, f.SetCellValue(template.PlanSheet, "H"+newRow, "APBD Kabupaten/Kota"))
	})
	p, err := ReadImport(ctx, fx.s, fx.path, ImportOptions{Province: "19", Year: 2025})
	require.NoError(t, err)
	require.Len(t, p.PlanLines, 2)
	kinds := map[string]string{}
	for _, c := range p.Changes {
		kinds[c.Cell] = c.Kind + ":" + c.Old + "->" + c.New
	}
	assert.Equal(t, "ubah:Rp"+number.Format(float64(lines[0].Pagu), 0)+"->Rp175.000.000", kinds["G"+strconv.Itoa(template.PlanFirstRow)])
	assert.Equal(t, "baru:->Rp90.000.000", kinds["G"+newRow])

	n, err := CommitImport(ctx, fx.s, p)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	after, _, err := template.PlanInput(ctx, fx.s, region.Region{Code: "19.01", Level: region.Regency}, 2025)
	require.NoError(t, err)
	require.Len(t, after, len(lines)+1)
	byID := map[int64]program.PlanLine{}
	for _, l := range after {
		byID[l.ID] = l
	}
	assert.Equal(t, int64(175_000_000), byID[lines[0].ID].Pagu)
	var added program.PlanLine
	for _, l := range after {
		if l.SubKegiatanID == sub.ID && l.OutputIndicator == "=Pelaku UMKM yang dilatih" {
			added = l
		}
	}
	assert.Equal(t, int64(90_000_000), added.Pagu)
	assert.Equal(t, program.APBDKabKota, added.SumberDana)
	assert.Equal(t, program.Usulan, added.Status)
}

func TestTemplatePlanRefusals(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	lines, _, err := template.PlanInput(ctx, fx.s, region.Region{Code: "19.01", Level: region.Regency}, 2025)
	require.NoError(t, err)
	newRow := strconv.Itoa(template.PlanFirstRow + len(lines))
	xlsxtest.Edit(t, fx.path, func(f *excelize.File) {
		require.NoError(t, f.SetCellValue(template.PlanSheet, "G"+strconv.Itoa(template.PlanFirstRow), "1.500.000,50")) // cents
		require.NoError(t, f.SetCellValue(template.PlanSheet, "H"+strconv.Itoa(template.PlanFirstRow), "APBN murni"))   // unknown source
		require.NoError(t, f.SetCellValue(template.PlanSheet, "D"+newRow, "Keluaran tanpa kode"))                       // no code
	})
	before := fx.state(t)
	_, err = ReadImport(ctx, fx.s, fx.path, ImportOptions{})
	require.Error(t, err)
	msg := err.Error()
	assert.Contains(t, msg, `sumber dana "APBN murni" tidak dikenal`)
	assert.Contains(t, msg, "kode sub kegiatan wajib diisi")
	assert.Contains(t, msg, `lembar "Rencana Program" sel B`+newRow)
	assert.Equal(t, before, fx.state(t))

	// A line added with rupiah cents names its cell.
	fx = newFixture(t)
	xlsxtest.Edit(t, fx.path, func(f *excelize.File) {
		require.NoError(t, f.SetCellValue(template.PlanSheet, "G"+strconv.Itoa(template.PlanFirstRow), "1.500.000,50"))
	})
	_, err = ReadImport(ctx, fx.s, fx.path, ImportOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `sel G`+strconv.Itoa(template.PlanFirstRow))
	assert.Contains(t, err.Error(), "rupiah bulat")

	// Moving a listed line breaks the structure.
	fx = newFixture(t)
	xlsxtest.Edit(t, fx.path, func(f *excelize.File) {
		require.NoError(t, f.SetCellValue(template.PlanSheet, "M"+strconv.Itoa(template.PlanFirstRow), 999999))
	})
	_, err = ReadImport(ctx, fx.s, fx.path, ImportOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "susunan lembar rencana telah diubah")
}

// Every value an import changes has its audit line, made by the person
// who imports, with the file as its source.
func TestImportAuditsEveryValue(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	codes := []string{"UKM.05", "KOP.04", "KOP.05", "UKM.01"}
	xlsxtest.Edit(t, fx.path, func(f *excelize.File) {
		for i, code := range codes {
			require.NoError(t, f.SetCellInt(template.ValuesSheet, "J"+strconv.Itoa(xlsxtest.Row(t, f, template.ValuesSheet, code)), int64(900+i)))
		}
	})
	before, err := fx.s.Audit(ctx, store.AuditQuery{Table: "indicator_value", Limit: 100000})
	require.NoError(t, err)
	p, err := ReadImport(ctx, fx.s, fx.path, ImportOptions{})
	require.NoError(t, err)
	require.Len(t, p.Edits, len(codes))
	_, err = CommitImport(ctx, fx.s, p)
	require.NoError(t, err)
	after, err := fx.s.Audit(ctx, store.AuditQuery{Table: "indicator_value", Limit: 100000})
	require.NoError(t, err)
	require.Len(t, after, len(before)+len(codes))
	// The person recorded is the one a typed edit records.
	typed, err := target.Apply(ctx, fx.s, []target.Edit{{IndicatorID: p.Edits[0].IndicatorID, Region: "19.01", Year: 2025,
		Field: target.FNote, Text: "diketik"}}, "ketik")
	require.NoError(t, err)
	require.Equal(t, 1, typed)
	last, err := fx.s.Audit(ctx, store.AuditQuery{Table: "indicator_value", Limit: 1})
	require.NoError(t, err)
	for _, e := range after[:len(codes)] {
		assert.Contains(t, e.NewValues, p.SourceNote)
		assert.NotEmpty(t, e.UserName)
		assert.Equal(t, last[0].UserName, e.UserName)
	}
}

// An import racing a typed edit of one of its cells on a shared workspace
// is refused as a conflict, naming who changed it, and writes nothing.
func TestImportRacingATypedEditIsAConflict(t *testing.T) {
	fx := newFixture(t)
	if fx.s.Engine() != store.Postgres {
		t.Skip("two writers at once: a shared workspace (SQLite has one writer)")
	}
	ctx := context.Background()
	typeInto(t, fx, "UKM.05", map[string]any{"F": 4321})
	p, err := ReadImport(ctx, fx.s, fx.path, ImportOptions{})
	require.NoError(t, err)
	require.Len(t, p.Edits, 1)
	halal := p.Edits[0]
	stored := valueOf(t, fx, "UKM.05")

	other := storetest.OpenAt(t, fx.s.DSN())
	before, err := fx.s.Audit(ctx, store.AuditQuery{Limit: 100000})
	require.NoError(t, err)
	committed := make(chan error, 1)
	err = other.Tx(ctx, func(tx *sql.Tx) error {
		// The typed edit holds the row until its transaction ends…
		_, err := target.Apply(ctx, store.InTx(tx), []target.Edit{{IndicatorID: halal.IndicatorID, Region: "19.01", Year: 2025,
			Field: target.FTarget, Text: "1234", Version: &stored.Version}}, "ketik")
		if err != nil {
			return err
		}
		// …while the import reads the version before it and waits on the row.
		go func() { _, err := CommitImport(ctx, fx.s, p); committed <- err }()
		deadline := time.Now().Add(20 * time.Second)
		for {
			var waiting int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity
WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&waiting); err != nil {
				return err
			}
			if waiting > 0 {
				return nil
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("the import never waited on the row")
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
	require.NoError(t, err)
	err = <-committed
	be, ok := target.ErrBatch(err)
	require.True(t, ok, "got %v", err)
	require.Len(t, be.Cells, 1)
	require.NotNil(t, be.Cells[0].Conflict)
	assert.Equal(t, stored.Version+1, be.Cells[0].Conflict.Version)
	assert.Equal(t, 1234.0, *valueOf(t, fx, "UKM.05").Target, "the typed value stands")
	after, err := fx.s.Audit(ctx, store.AuditQuery{Limit: 100000})
	require.NoError(t, err)
	assert.Len(t, after, len(before)+1, "the typed edit's audit line, nothing of the import")
	subs, err := Submissions(ctx, fx.s, 2025)
	require.NoError(t, err)
	assert.Empty(t, subs, "the submission rolled back with the values")
}

// A regency that types into the workspace shows on the board as typed
// directly, with who and when, beside the returned templates; the rest
// have filled in nothing.
func TestBoardShowsDirectTyping(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	board, err := Board(ctx, fx.s, "19", 2025)
	require.NoError(t, err)
	for _, b := range board {
		assert.Nil(t, b.Direct, b.Region.Name)
		assert.True(t, b.Nothing, b.Region.Name)
	}
	var ind int64
	require.NoError(t, fx.s.Read().QueryRowContext(ctx, "SELECT min(id) FROM indicator WHERE kind <> 'ratio'").Scan(&ind))
	_, err = target.Apply(ctx, fx.s, []target.Edit{{IndicatorID: ind, Region: "19.02", Year: 2025, Field: target.FTarget, Text: "321"}}, "ketik")
	require.NoError(t, err)
	_, err = target.Apply(ctx, fx.s, []target.Edit{{IndicatorID: ind, Region: "19.03", Year: 2026, Field: target.FTarget, Text: "5"}}, "ketik")
	require.NoError(t, err)
	importOnce(t, fx, fx.path)

	board, err = Board(ctx, fx.s, "19", 2025)
	require.NoError(t, err)
	assert.True(t, board[0].Returned)
	assert.Nil(t, board[0].Direct, "an imported template is not typing")
	assert.False(t, board[0].Nothing)
	require.NotNil(t, board[1].Direct)
	assert.Equal(t, "19.02", board[1].Region.Code)
	assert.Equal(t, 1, board[1].Direct.Cells)
	assert.NotEmpty(t, board[1].Direct.At)
	assert.False(t, board[1].Nothing)
	assert.True(t, board[2].Nothing, "another year's typing does not count")
}

// Templates sent are recorded, and the board then counts what came back
// since the latest went out: a regency that typed before it was sent has
// filled in nothing since; one never sent a template keeps the plain
// wording.
func TestBoardCountsSinceTheTemplateWasSent(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	var ind int64
	require.NoError(t, fx.s.Read().QueryRowContext(ctx, "SELECT min(id) FROM indicator WHERE kind <> 'ratio'").Scan(&ind))
	typeIn := func(code string) {
		t.Helper()
		_, err := target.Apply(ctx, fx.s, []target.Edit{{IndicatorID: ind, Region: code, Year: 2025, Field: target.FTarget, Text: "321"}}, "ketik")
		require.NoError(t, err)
	}
	typeIn("19.03")
	time.Sleep(5 * time.Millisecond)
	regs, err := xlsx.TemplateRegions("--region", "19.01", "19.02", "19.03")
	require.NoError(t, err)
	dir := t.TempDir()
	_, err = xlsx.WriteTemplates(ctx, fx.s, regs, 2025, func(r region.Region, y int) string {
		return filepath.Join(dir, xlsx.TemplateFileName(r, y))
	}, nil)
	require.NoError(t, err)

	var n int
	var file, sum, at string
	require.NoError(t, fx.s.Read().QueryRowContext(ctx, "SELECT count(*) FROM template_sent WHERE year = 2025").Scan(&n))
	assert.Equal(t, 3, n)
	require.NoError(t, fx.s.Read().QueryRowContext(ctx,
		"SELECT file_name, checksum, sent_at FROM template_sent WHERE region_code = '19.02'").Scan(&file, &sum, &at))
	assert.Equal(t, xlsx.TemplateFileName(regs[1], 2025), file)
	assert.Len(t, sum, 32)
	assert.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`, at)

	board, err := Board(ctx, fx.s, "19", 2025)
	require.NoError(t, err)
	for _, b := range board[:3] {
		assert.NotEmpty(t, b.SentAt, b.Region.Name)
		assert.True(t, b.Nothing, b.Region.Name)
	}
	require.NotNil(t, board[2].Direct, "typed before the template went out: still shown")
	assert.Empty(t, board[3].SentAt)
	assert.True(t, board[3].Nothing)

	time.Sleep(5 * time.Millisecond)
	typeIn("19.02")
	importOnce(t, fx, fx.path)
	board, err = Board(ctx, fx.s, "19", 2025)
	require.NoError(t, err)
	assert.False(t, board[0].Nothing, "returned after it was sent")
	assert.False(t, board[1].Nothing, "typed after it was sent")
	assert.True(t, board[2].Nothing, "typed only before it was sent")
}
