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

	"selaras/backend/demo/demotest"
	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/rakor"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
	"selaras/backend/xlsx/xlsxtest"
)

// demoStore opens the demo workspace and finds the Babel Renja meeting.
func demoStore(t *testing.T) (*store.Store, profile.Profile, int64) {
	t.Helper()
	ctx := context.Background()
	s := storetest.OpenAt(t, demotest.DSN(t))
	p, err := profile.Get(ctx, s)
	require.NoError(t, err)
	ms, err := rakor.ListMeetings(ctx, s)
	require.NoError(t, err)
	for _, m := range ms {
		if strings.Contains(m.Meeting.Title, "Penyusunan Rencana Kerja (Renja)") {
			return s, p, m.Meeting.ID
		}
	}
	t.Fatal("demo Renja meeting not found")
	return nil, p, 0
}

// exportBook exports the workbook req asks for and opens it back; it must
// hold the sheets named, in that order.
func exportBook(t *testing.T, s *store.Store, p profile.Profile, req WorkbookRequest, sheets ...string) *excelize.File {
	t.Helper()
	out := filepath.Join(t.TempDir(), "book.xlsx")
	last, total := 0, 0
	require.NoError(t, ExportWorkbook(context.Background(), s, out, req, p, when, func(done, tot int) {
		assert.Greater(t, done, last, "progress only moves forward")
		last, total = done, tot
	}))
	assert.Equal(t, total, last, "progress ends at its total")
	f := xlsxtest.Open(t, out)
	assert.Equal(t, sheets, f.GetSheetList())
	return f
}

func locate(t *testing.T, f *excelize.File, sheet string, col int, want string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	for i, r := range rows {
		if len(r) >= col && r[col-1] == want {
			return i + 1
		}
	}
	t.Fatalf("%q not found in column %d of %s", want, col, sheet)
	return 0
}

func get(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	require.NoError(t, err)
	return v
}

// assertCells checks the text of the cells of a sheet, each named as Excel
// names it (A1), in one comparison that names every cell that differs.
func assertCells(t *testing.T, f *excelize.File, sheet string, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for cell := range want {
		got[cell] = get(t, f, sheet, cell)
	}
	assert.Equal(t, want, got, sheet)
}

func TestProgramMatrixSheet(t *testing.T) {
	s, p, _ := demoStore(t)
	ctx := context.Background()
	tree, err := program.BuildTree(ctx, s, program.Filter{Year: 2025, Province: "19"})
	require.NoError(t, err)
	require.Positive(t, tree.Total.Lines)

	sh := "Matriks Program 2025"
	f := exportBook(t, s, p, WorkbookRequest{Province: "19", Years: []int{2025}, Sheets: []Sheet{SheetProgram}}, sh)
	assertCells(t, f, sh, map[string]string{
		"A1": "PEMERINTAH PROVINSI KEPULAUAN BANGKA BELITUNG",
		"A2": "DINAS KOPERASI DAN UKM PROVINSI KEPULAUAN BANGKA BELITUNG",
		"A7": "Provinsi Kepulauan Bangka Belitung · Tahun 2025",
		// Two header rows (year groups merged, Catatan Penting between them as
		// Permendagri 86/2017 has it), then (1)..(10).
		"A10": "Kode",
		"D10": "Rencana Tahun 2025",
		"H10": "Catatan Penting",
		"I10": "Prakiraan Maju Tahun 2026",
		"F11": "Kebutuhan Dana / Pagu Indikatif (Rp)",
		"A12": "(1)",
		"J12": "(10)",
	})
	merges, err := f.GetMergeCells(sh)
	require.NoError(t, err)
	var ranges []string
	for _, m := range merges {
		ranges = append(ranges, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	assert.Subset(t, ranges, []string{"A10:A11", "B10:B11", "C10:C11", "D10:G10", "H10:H11", "I10:J10", "A1:J1"})

	// The urusan row totals everything with SUBTOTAL, cached with the exact sum.
	r := locate(t, f, sh, 1, "2.17")
	assert.Equal(t, 13, r, "the urusan is the first body row")
	formula, err := f.GetCellFormula(sh, "F13")
	require.NoError(t, err)
	last := 13 + rows(program.Node{Children: tree.Programs}) - 1
	assert.Equal(t, "SUBTOTAL(9,F14:F"+strconv.Itoa(last)+")", formula)
	raw, err := f.GetCellValue(sh, "F13", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	assert.Equal(t, strconv.FormatInt(tree.Total.Pagu, 10), raw)

	// Codes are text; each program row sums its own block.
	pr := locate(t, f, sh, 1, tree.Programs[0].Item.Code)
	typ, err := f.GetCellType(sh, "A"+strconv.Itoa(pr))
	require.NoError(t, err)
	assert.NotEqual(t, excelize.CellTypeNumber, typ)
	raw, _ = f.GetCellValue(sh, "F"+strconv.Itoa(pr), excelize.Options{RawCellValue: true})
	assert.Equal(t, strconv.FormatInt(tree.Programs[0].Sum.Pagu, 10), raw)

	// Program and kegiatan rows name the indicators their sub-kegiatan serve,
	// with the province's target (the nomenclature has none of its own).
	pr = locate(t, f, sh, 1, "2.17.06")
	assert.Equal(t, "Pertumbuhan koperasi: 17,65%\nKoperasi berkualitas: 21,27%", get(t, f, sh, "C"+strconv.Itoa(pr)))
	kr := locate(t, f, sh, 1, "2.17.07.2.01")
	assert.Equal(t, "Pertumbuhan UKM: 0,59%\nUMKM on boarding: 840 unit usaha", get(t, f, sh, "C"+strconv.Itoa(kr)))
	assert.Empty(t, get(t, f, sh, "C13"), "the urusan row names no indicator")

	// The halal certification line: lokasi, target, Rupiah, source, next year.
	hr := locate(t, f, sh, 3, "Sertifikat halal yang diterbitkan bagi produk UMKM (sertifikat)")
	row := strconv.Itoa(hr)
	assert.Equal(t, "Kepulauan Bangka Belitung, 7 kabupaten/kota", get(t, f, sh, "D"+row))
	raw, _ = f.GetCellValue(sh, "E"+row, excelize.Options{RawCellValue: true})
	assert.Equal(t, "1000", raw)
	raw, _ = f.GetCellValue(sh, "F"+row, excelize.Options{RawCellValue: true})
	assert.Equal(t, "1250000000", raw)
	assert.Equal(t, "APBD Provinsi", get(t, f, sh, "G"+row))
	raw, _ = f.GetCellValue(sh, "J"+row, excelize.Options{RawCellValue: true})
	assert.Equal(t, "1500000000", raw)
	styleID, err := f.GetCellStyle(sh, "F"+row)
	require.NoError(t, err)
	style, err := f.GetStyle(styleID)
	require.NoError(t, err)
	require.NotNil(t, style.CustomNumFmt)
	assert.Equal(t, `"Rp"#,##0`, *style.CustomNumFmt)

	// Print setup: landscape F4 (the demo's paper), one page across at a
	// readable scale, headers repeated.
	layout, err := f.GetPageLayout(sh)
	require.NoError(t, err)
	assert.Equal(t, "landscape", *layout.Orientation)
	assert.Equal(t, paperCode(p.PaperSize), *layout.Size)
	require.NotNil(t, layout.AdjustTo)
	assert.GreaterOrEqual(t, int(*layout.AdjustTo), minScale)
	names := f.GetDefinedName()
	require.NotEmpty(t, names)
	assert.Equal(t, "'Matriks Program 2025'!$10:$12", names[0].RefersTo)
	panes, err := f.GetPanes(sh)
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 12, panes.YSplit)

	// The signature block closes the sheet.
	rowsAll, _ := f.GetRows(sh)
	var tail []string
	for _, r := range rowsAll[len(rowsAll)-6:] {
		tail = append(tail, strings.Join(r, ""))
	}
	assert.Contains(t, strings.Join(tail, "|"), p.HeadName)
}

func TestSyncMatrixSheet(t *testing.T) {
	s, p, _ := demoStore(t)
	sh := "Sinkronisasi 2025"
	f := exportBook(t, s, p, WorkbookRequest{Province: "19", Years: []int{2025}, Sheets: []Sheet{SheetSync}}, sh)
	assertCells(t, f, sh, map[string]string{
		"E10": "Pusat (Kementerian)",
		"H10": "Provinsi Kepulauan Bangka Belitung",
		"K10": "Kabupaten Bangka",
		"K11": "Sub Kegiatan",
		// Seven regencies of three columns after the ten fixed ones.
		"AE12": "(31)",
		"AF10": "Status Keselarasan",
	})

	rows, err := f.GetRows(sh)
	require.NoError(t, err)
	missing, planned := 0, 0
	for r, row := range rows {
		for c, v := range row {
			cell := cellName(c+1, r+1)
			switch {
			case v == missingText:
				missing++
				id, _ := f.GetCellStyle(sh, cell)
				st, _ := f.GetStyle(id)
				assert.Equal(t, []string{"FFC7CE"}, st.Fill.Color, cell)
			case strings.HasPrefix(v, "2.17."):
				planned++
			}
		}
	}
	assert.Positive(t, missing, "some level plans nothing in the demo")
	var statuses []string
	for _, row := range rows {
		if len(row) >= 32 && row[31] != "" && row[31] != "(32)" && row[31] != "Status Keselarasan" {
			statuses = append(statuses, row[31])
		}
	}
	assert.Contains(t, strings.Join(statuses, "|"), "Belum selaras: belum ada rencana di ")
	assert.Contains(t, strings.Join(statuses, "|"), "kabupaten/kota")
	assert.Positive(t, planned, "some sub-kegiatan are named")
}

func TestRakorSheets(t *testing.T) {
	s, p, id := demoStore(t)
	ctx := context.Background()
	// User text that looks like a formula stays text.
	_, err := rakor.SaveDecision(ctx, s, rakor.Decision{MeetingID: id, Text: "=HYPERLINK(\"http://x\")+1", OwnerUnit: "@bidang"})
	require.NoError(t, err)

	f := exportBook(t, s, p, WorkbookRequest{Sheets: []Sheet{SheetAttendance, SheetDecisions, SheetChallenges, SheetMinutes}, MeetingID: id},
		"Daftar Hadir", "Kesepakatan", "Permasalahan", "Berita Acara")

	parts, err := rakor.Participants(ctx, s, id)
	require.NoError(t, err)
	require.NotEmpty(t, parts)
	r := locate(t, f, "Daftar Hadir", 2, parts[0].Name)
	assert.Equal(t, "1.", get(t, f, "Daftar Hadir", "H"+strconv.Itoa(r)))
	assert.Contains(t, get(t, f, "Daftar Hadir", "A7"), "Jumat, 23 Februari 2024")

	r = locate(t, f, "Kesepakatan", 2, "=HYPERLINK(\"http://x\")+1")
	formula, err := f.GetCellFormula("Kesepakatan", "B"+strconv.Itoa(r))
	require.NoError(t, err)
	assert.Empty(t, formula)
	assert.Equal(t, "@bidang", get(t, f, "Kesepakatan", "C"+strconv.Itoa(r)))

	ds, err := rakor.Decisions(ctx, s, id)
	require.NoError(t, err)
	for _, d := range ds {
		if d.DueDate != "" {
			r := locate(t, f, "Kesepakatan", 2, d.Text)
			raw, _ := f.GetCellValue("Kesepakatan", "D"+strconv.Itoa(r), excelize.Options{RawCellValue: true})
			_, err := strconv.ParseFloat(raw, 64)
			assert.NoError(t, err, "due dates are Excel dates")
			break
		}
	}

	chs, err := rakor.Challenges(ctx, s, rakor.ChallengeFilter{MeetingID: id})
	require.NoError(t, err)
	require.NotEmpty(t, chs)
	locate(t, f, "Permasalahan", 3, chs[0].Description)

	ba, err := f.GetRows("Berita Acara")
	require.NoError(t, err)
	var text []string
	for _, r := range ba {
		text = append(text, strings.Join(r, " "))
	}
	all := strings.Join(text, "\n")
	assert.Contains(t, all, "BERITA ACARA")
	assert.Contains(t, all, "Pada hari ini Jumat tanggal dua puluh tiga bulan Februari tahun dua ribu dua puluh empat")
	assert.Contains(t, all, ds[0].Text)
	assert.Contains(t, all, p.HeadName)
}

func TestWorkbookWithEverySheet(t *testing.T) {
	s, p, id := demoStore(t)
	exportBook(t, s, p, WorkbookRequest{Province: "19", Years: []int{2025}, Sheets: AllSheets, MeetingID: id},
		"Matriks Target 2025", "Matriks Program 2025", "Sinkronisasi 2025", "Daftar Hadir", "Kesepakatan", "Permasalahan", "Berita Acara")
}

func TestWorkbookRefusals(t *testing.T) {
	s, p, _ := demoStore(t)
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "x.xlsx")
	err := ExportWorkbook(ctx, s, out, WorkbookRequest{Sheets: []Sheet{SheetMinutes}}, p, when, nil)
	assert.Equal(t, fault.Required, fault.CodeOf(err))
	assert.Equal(t, "Rapat wajib diisi.", fault.Message(err, fault.ID))
	err = ExportWorkbook(ctx, s, out, WorkbookRequest{Province: "99", Years: []int{2025}, Sheets: []Sheet{SheetProgram}}, p, when, nil)
	assert.Equal(t, fault.UnknownRegion, fault.CodeOf(err))
	_, statErr := os.Stat(out)
	assert.True(t, errors.Is(statErr, os.ErrNotExist), "nothing is written on error")

	_, err = ParseSheets("target, program,target")
	assert.NoError(t, err)
	_, err = ParseSheets("target,pivot")
	assert.Contains(t, fault.Message(err, fault.ID), `"pivot" tidak dikenal`)

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	err = ExportWorkbook(cctx, s, out, WorkbookRequest{Province: "19", Years: []int{2025}, Sheets: AllSheets[:3]}, p, when, nil)
	assert.ErrorIs(t, err, context.Canceled)
	_, statErr = os.Stat(out)
	assert.True(t, errors.Is(statErr, os.ErrNotExist))
}
