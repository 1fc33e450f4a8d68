package xlsx

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/demo"
	"selaras/backend/demo/demotest"
	"selaras/backend/harmonise"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/store/storetest"
	"selaras/backend/xlsx/xlsxtest"
)

// when is the clock the workbooks are written at.
var when = xlsxtest.When

// exportDemo writes the demo's Babel matrix and opens it back.
func exportDemo(t *testing.T, years []int, mutate func(*profile.Profile)) (*excelize.File, harmonise.Matrix) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	s := storetest.OpenAt(t, demotest.DSN(t))
	m, err := harmonise.Compute(ctx, s, "19", years)
	require.NoError(t, err)
	p, err := profile.Get(ctx, s)
	require.NoError(t, err)
	if mutate != nil {
		mutate(&p)
	}
	out := filepath.Join(dir, "Matriks-Target.xlsx")
	var ticks []int
	require.NoError(t, ExportTargets(ctx, out, m, p, when, func(done, total int) { ticks = append(ticks, done) }))
	assert.Len(t, ticks, len(m.Rows))
	f := xlsxtest.Open(t, out)
	return f, m
}

func TestTargetMatrixSheet(t *testing.T) {
	f, m := exportDemo(t, []int{2024, 2025}, nil)
	assert.Equal(t, []string{"Matriks Target 2024", "Matriks Target 2025"}, f.GetSheetList())
	sh := "Matriks Target 2025"

	// Kop, titles and the demo mark, then the headers. The sheet prints in
	// pages across, so they start past the six repeated columns: those
	// would carry a clipped piece of them onto every later page.
	for cell, want := range map[string]string{
		"A1": "",
		"G1": "PEMERINTAH PROVINSI KEPULAUAN BANGKA BELITUNG",
		"G2": "DINAS KOPERASI DAN UKM PROVINSI KEPULAUAN BANGKA BELITUNG",
		"G3": "Pangkalpinang, Kepulauan Bangka Belitung",
		"G6": "MATRIKS TARGET INDIKATOR KINERJA KOPERASI DAN UKM",
		"G7": "Provinsi Kepulauan Bangka Belitung · Tahun 2025",
		"G8": demoMark,
	} {
		v, _ := f.GetCellValue(sh, cell)
		assert.Equal(t, want, v, cell)
	}
	num := locate(t, f, sh, 1, "(1)")
	head := itoa(num - 2)
	v, _ := f.GetCellValue(sh, "G"+head)
	assert.Equal(t, "Kabupaten Bangka", v)
	v, _ = f.GetCellValue(sh, "H"+itoa(num-1))
	assert.Equal(t, "Realisasi", v)
	v, _ = f.GetCellValue(sh, "C"+itoa(num))
	assert.Equal(t, "(3)", v)
	merges, err := f.GetMergeCells(sh)
	require.NoError(t, err)
	var ranges []string
	for _, mc := range merges {
		ranges = append(ranges, mc.GetStartAxis()+":"+mc.GetEndAxis())
	}
	assert.Contains(t, ranges, "G"+head+":I"+head, "a regency's three columns share its name")
	assert.Contains(t, ranges, "E"+head+":F"+head)
	assert.Contains(t, ranges, "A"+head+":A"+itoa(num-1))

	// Codes are text; the provincial target is a number with a % display format.
	r := xlsxtest.Row(t, f, sh, "KOP.01")
	// The row number is centred under No, not pushed against the code.
	sid, err := f.GetCellStyle(sh, "A"+itoa(r))
	require.NoError(t, err)
	style, err := f.GetStyle(sid)
	require.NoError(t, err)
	assert.Equal(t, "center", style.Alignment.Horizontal)
	// The notes column fills its page across, so its notes wrap to few lines.
	last, err := f.GetCols(sh)
	require.NoError(t, err)
	notes := col(len(last))
	notesHead, _ := f.GetCellValue(sh, notes+itoa(num-2))
	assert.Equal(t, "Catatan Harmonisasi", notesHead)
	w, err := f.GetColWidth(sh, notes)
	require.NoError(t, err)
	assert.Greater(t, w, 80.0)
	codeCell := "B" + itoa(r)
	typ, err := f.GetCellType(sh, codeCell)
	require.NoError(t, err)
	assert.NotEqual(t, excelize.CellTypeNumber, typ)
	raw, err := f.GetCellValue(sh, "F"+itoa(r), excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, "17.65", raw)
	shown, _ := f.GetCellValue(sh, "F"+itoa(r))
	assert.Equal(t, "17.65%", shown, "excelize renders with the en-US separators; Excel uses the user's locale")

	// A summed indicator has a live SUM over the regency target columns.
	rh := xlsxtest.Row(t, f, sh, "UKM.05")
	rollCol := col(6 + 7*3 + 1)
	formula, err := f.GetCellFormula(sh, rollCol+itoa(rh))
	require.NoError(t, err)
	var row harmonise.Row
	for _, x := range m.Rows {
		if x.Indicator.Code == "UKM.05" && x.Year == 2025 {
			row = x
		}
	}
	if row.RollUp.Complete {
		assert.True(t, strings.HasPrefix(formula, "SUM(G"+itoa(rh)+",J"+itoa(rh)), formula)
	} else {
		assert.Empty(t, formula, "an incomplete roll-up is the engine's value, not a formula over blanks")
	}
	gap, err := f.GetCellFormula(sh, col(6+7*3+2)+itoa(r))
	require.NoError(t, err)
	assert.Equal(t, rollCol+itoa(r)+"-F"+itoa(r), gap)

	// Frozen panes; F4 landscape split into pages across at a readable
	// scale, never inside a regency's columns; headings and the national and
	// provincial targets repeated on every page.
	panes, err := f.GetPanes(sh)
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 4, panes.XSplit)
	assert.Equal(t, num, panes.YSplit)
	pl, err := f.GetPageLayout(sh)
	require.NoError(t, err)
	assert.Equal(t, "landscape", *pl.Orientation)
	assert.Equal(t, 14, *pl.Size, "F4 is printed on Folio 8.5 x 13 in")
	require.NotNil(t, pl.AdjustTo)
	assert.GreaterOrEqual(t, int(*pl.AdjustTo), minScale)
	assert.LessOrEqual(t, int(*pl.AdjustTo), 100)
	found := false
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm.Print_Titles" && n.Scope == sh {
			found = true
			assert.Equal(t, "'Matriks Target 2025'!$A:$F,'Matriks Target 2025'!$"+head+":$"+itoa(num), n.RefersTo)
		}
	}
	assert.True(t, found, "header rows repeat on every printed page")
	hf, err := f.GetHeaderFooter(sh)
	require.NoError(t, err)
	assert.Contains(t, hf.OddFooter, "Halaman &P dari &N")
	assert.Contains(t, hf.OddHeader, demoMark)

	// Signature block with the head of office.
	rows, err := f.GetRows(sh)
	require.NoError(t, err)
	text := ""
	for _, rr := range rows {
		text += strings.Join(rr, "|") + "\n"
	}
	assert.Contains(t, text, "Pangkalpinang, 23 Februari 2024")
	assert.Contains(t, text, "Riza Aryani")
	assert.Contains(t, text, "Koperasi")
}

func TestA4AndUserText(t *testing.T) {
	f, _ := exportDemo(t, []int{2025}, func(p *profile.Profile) {
		p.PaperSize = profile.A4
		p.HeadName = "=HYPERLINK(\"x\")"
	})
	sh := "Matriks Target 2025"
	pl, err := f.GetPageLayout(sh)
	require.NoError(t, err)
	assert.Equal(t, 9, *pl.Size)
	rows, err := f.GetRows(sh)
	require.NoError(t, err)
	for i, r := range rows {
		for j, v := range r {
			if strings.HasPrefix(v, "=HYPERLINK") {
				c := cellName(j+1, i+1)
				formula, err := f.GetCellFormula(sh, c)
				require.NoError(t, err)
				assert.Empty(t, formula, "user text is never written as a formula")
				return
			}
		}
	}
	t.Fatal("head of office name not found")
}

func TestCancelledExportLeavesNoFile(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	dir := t.TempDir()
	s := storetest.OpenAt(t, demotest.DSN(t))
	m, err := harmonise.Compute(context.Background(), s, "19", []int{2025})
	require.NoError(t, err)
	out := filepath.Join(dir, "out.xlsx")
	err = ExportTargets(ctx, out, m, demo.Profile(), when, func(done, _ int) {
		if done == 3 {
			cancel()
		}
	})
	assert.True(t, errors.Is(err, context.Canceled), "got %v", err)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		assert.False(t, strings.HasSuffix(e.Name(), ".xlsx"), "left behind: %s", e.Name())
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// A flag's regencies are named while the list stays short; a longer list
// would make the row (on every page across) several lines taller.
func TestRegencyNotes(t *testing.T) {
	m := harmonise.Matrix{}
	row := harmonise.Row{}
	for i, name := range []string{"Kabupaten Bangka", "Kabupaten Belitung", "Kota Pangkal Pinang", "Kabupaten Bangka Barat"} {
		m.Regencies = append(m.Regencies, region.Region{Name: name})
		c := harmonise.Cell{Flags: []harmonise.Flag{harmonise.BelowNational}}
		if i < 2 {
			c.Flags = append(c.Flags, harmonise.Falling)
		}
		row.Regencies = append(row.Regencies, c)
	}
	assert.Equal(t, []string{
		"Di bawah target nasional: 4 kab/kota",
		"Target turun dari tahun sebelumnya: Kab. Bangka, Kab. Belitung",
	}, regencyNotes(m, row))
}
