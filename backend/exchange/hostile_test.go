package exchange

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
	"selaras/backend/indicator"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/target"
	"selaras/backend/template"
	"selaras/backend/xlsx/xlsxtest"
)

func valueOf(t *testing.T, fx fixture, code string) target.Value {
	t.Helper()
	ctx := context.Background()
	inds, err := indicator.List(ctx, fx.s.Read())
	require.NoError(t, err)
	vals, err := target.Load(ctx, fx.s.Read(), target.Filter{Years: []int{2025}, Regions: []string{"19.01"}})
	require.NoError(t, err)
	for _, i := range inds {
		if i.Code == code {
			for _, v := range vals {
				if v.IndicatorID == i.ID {
					return v
				}
			}
		}
	}
	return target.Value{}
}

func TestRatioFilledByParts(t *testing.T) {
	fx := newFixture(t)
	r := strconv.Itoa(rowOf(t, fx.path, "KOP.01"))
	f, err := excelize.OpenFile(fx.path)
	require.NoError(t, err)
	formula, _ := f.GetCellFormula(template.ValuesSheet, "F"+r)
	assert.Contains(t, formula, "G"+r+"/H"+r+"*100", "the target is computed from its parts")
	style, _ := f.GetCellStyle(template.ValuesSheet, "F"+r)
	st, _ := f.GetStyle(style)
	assert.True(t, st.Protection == nil || st.Protection.Locked, "the computed target is not an input")
	require.NoError(t, f.Close())

	xlsxtest.Edit(t, fx.path, func(f *excelize.File) {
		require.NoError(t, f.SetCellStr(template.ValuesSheet, "G"+r, "125"))
		require.NoError(t, f.SetCellStr(template.ValuesSheet, "H"+r, "1.450"))
	})
	p := importOnce(t, fx, fx.path)
	shown := map[string]string{}
	for _, c := range p.Changes {
		if c.Sheet == template.ValuesSheet {
			shown[c.Cell] = c.Kind + ":" + c.New
		}
	}
	assert.Equal(t, "ubah:8,620689655172415", shown["F"+r], "the preview shows the target that will be stored")
	v := valueOf(t, fx, "KOP.01")
	assert.InDelta(t, 125.0/1450*100, *v.Target, 1e-9)
	assert.Equal(t, 1450.0, *v.TargetDen)

	again, err := ReadImport(context.Background(), fx.s, fx.path, ImportOptions{})
	require.NoError(t, err)
	assert.Zero(t, again.New+again.Changed+again.Cleared, "the same file twice changes nothing")
	assert.Empty(t, again.Edits)
}

func TestRatioPartsCleared(t *testing.T) {
	fx := newFixture(t)
	r := strconv.Itoa(rowOf(t, fx.path, "KOP.01"))
	require.NotNil(t, valueOf(t, fx, "KOP.01").TargetNum, "the demo has parts")
	xlsxtest.Edit(t, fx.path, func(f *excelize.File) {
		require.NoError(t, f.SetCellStr(template.ValuesSheet, "G"+r, "-"))
		require.NoError(t, f.SetCellValue(template.ValuesSheet, "H"+r, nil))
	})
	p := importOnce(t, fx, fx.path)
	kinds := map[string]string{}
	for _, c := range p.Changes {
		if c.Sheet == template.ValuesSheet {
			kinds[c.Cell] = c.Kind
		}
	}
	assert.Equal(t, "hapus", kinds["F"+r])
	assert.Equal(t, "hapus", kinds["G"+r])
	assert.Equal(t, "hapus", kinds["H"+r])
	v := valueOf(t, fx, "KOP.01")
	assert.Nil(t, v.Target)
	assert.Nil(t, v.TargetNum)
	again, err := ReadImport(context.Background(), fx.s, fx.path, ImportOptions{})
	require.NoError(t, err)
	assert.Zero(t, again.New+again.Changed+again.Cleared)
}

func TestRatioTargetWithoutPartsKept(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	// A ratio target typed in Selaras without parts.
	id := valueOf(t, fx, "KOP.02").IndicatorID
	_, err := target.Apply(ctx, fx.s, []target.Edit{{IndicatorID: id, Region: "19.01", Year: 2025, Field: target.FTarget, Text: "12,5"}}, "ketik")
	require.NoError(t, err)
	fx.writeTemplate(t, fx.path, time.Now()) // made now: based on what is stored
	r := strconv.Itoa(rowOf(t, fx.path, "KOP.02"))
	f, err := excelize.OpenFile(fx.path)
	require.NoError(t, err)
	cached, _ := f.GetCellValue(template.ValuesSheet, "F"+r, excelize.Options{RawCellValue: true})
	assert.Equal(t, "12.5", cached, "the formula caches the stored target")
	typ, _ := f.GetCellType(template.ValuesSheet, "F"+r)
	assert.NotEqual(t, excelize.CellTypeFormula, typ, "cached as a number, not text")
	require.NoError(t, f.Close())
	p, err := ReadImport(ctx, fx.s, fx.path, ImportOptions{})
	require.NoError(t, err)
	assert.Zero(t, p.New+p.Changed+p.Cleared)
}

// TestRatioLegacyTemplate: a template made before the ratio target became
// a formula carries the old typed target beside the parts; the parts decide,
// and the same file twice changes nothing.
func TestRatioLegacyTemplate(t *testing.T) {
	fx := newFixture(t)
	r := strconv.Itoa(rowOf(t, fx.path, "KOP.01"))
	old := valueOf(t, fx, "KOP.01").Target
	require.NotNil(t, old)
	xlsxtest.Edit(t, fx.path, func(f *excelize.File) {
		setMeta(t, f, "ratio_target", "")
		require.NoError(t, f.SetCellFormula(template.ValuesSheet, "F"+r, ""))
		require.NoError(t, f.SetCellFloat(template.ValuesSheet, "F"+r, *old, -1, 64))
		require.NoError(t, f.SetCellInt(template.ValuesSheet, "G"+r, 50))
		require.NoError(t, f.SetCellInt(template.ValuesSheet, "H"+r, 400))
	})
	importOnce(t, fx, fx.path)
	assert.InDelta(t, 12.5, *valueOf(t, fx, "KOP.01").Target, 1e-9)
	again, err := ReadImport(context.Background(), fx.s, fx.path, ImportOptions{})
	require.NoError(t, err)
	assert.Zero(t, again.New+again.Changed+again.Cleared)
}

func TestStructureRefusals(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(t *testing.T, fx fixture, f *excelize.File)
		want  []string
	}{
		{"row added below the table", func(t *testing.T, fx fixture, f *excelize.File) {
			last := len(mustRows(t, f, template.ValuesSheet))
			require.NoError(t, f.SetCellStr(template.ValuesSheet, "B"+strconv.Itoa(last+2), "KOP.99"))
			require.NoError(t, f.SetCellInt(template.ValuesSheet, "F"+strconv.Itoa(last+2), 17))
		}, []string{`sel B`, "di luar tabel templat"}},
		{"text right of the table", func(t *testing.T, fx fixture, f *excelize.File) {
			require.NoError(t, f.SetCellStr(template.ValuesSheet, "M"+strconv.Itoa(template.FirstRow), "catatan samping"))
		}, []string{`sel M8`, "di luar tabel templat"}},
		{"row added below the blank plan rows", func(t *testing.T, fx fixture, f *excelize.File) {
			last := len(mustRows(t, f, template.PlanSheet))
			require.NoError(t, f.SetCellStr(template.PlanSheet, "D"+strconv.Itoa(last+1), "Pelatihan tambahan"))
		}, []string{`lembar "Rencana Program" sel D`, "di bawah baris kosong rencana"}},
		{"duplicated indicator row", func(t *testing.T, fx fixture, f *excelize.File) {
			r := xlsxtest.Row(t, f, template.ValuesSheet, "KOP.04")
			require.NoError(t, f.SetCellStr(template.ValuesSheet, "B"+strconv.Itoa(r+1), "KOP.04"))
		}, []string{"berisi kode KOP.04", "susunan templat telah diubah"}},
		{"merged input cells", func(t *testing.T, fx fixture, f *excelize.File) {
			r := strconv.Itoa(xlsxtest.Row(t, f, template.ValuesSheet, "UKM.05"))
			require.NoError(t, f.MergeCell(template.ValuesSheet, "F"+r, "J"+r))
		}, []string{"digabung (merge)", "F"}},
		{"negative row count on the hidden sheet", func(t *testing.T, fx fixture, f *excelize.File) {
			setMeta(t, f, "rows", -3)
		}, []string{"data templat (tersembunyi) rusak", "rows"}},
		{"huge row count on the hidden sheet", func(t *testing.T, fx fixture, f *excelize.File) {
			setMeta(t, f, "rows", "99999999999")
		}, []string{"rusak"}},
		{"huge plan row count", func(t *testing.T, fx fixture, f *excelize.File) {
			setMeta(t, f, "plan_rows", 1<<40)
		}, []string{"plan_rows"}},
		{"year on the hidden sheet", func(t *testing.T, fx fixture, f *excelize.File) {
			setMeta(t, f, "year", "20x5")
		}, []string{"year"}},
		{"ratio target typed as a percentage", func(t *testing.T, fx fixture, f *excelize.File) {
			r := strconv.Itoa(xlsxtest.Row(t, f, template.ValuesSheet, "KOP.01"))
			require.NoError(t, f.SetCellFormula(template.ValuesSheet, "F"+r, ""))
			require.NoError(t, f.SetCellStr(template.ValuesSheet, "F"+r, "17,65"))
		}, []string{"isi pembilang (kolom G) dan penyebut (kolom H)"}},
		{"one ratio part", func(t *testing.T, fx fixture, f *excelize.File) {
			r := strconv.Itoa(xlsxtest.Row(t, f, template.ValuesSheet, "KOP.01"))
			require.NoError(t, f.SetCellValue(template.ValuesSheet, "H"+r, nil))
		}, []string{"pembilang dan penyebut bersama-sama"}},
		{"many problems are counted, not listed", func(t *testing.T, fx fixture, f *excelize.File) {
			rows := mustRows(t, f, template.ValuesSheet)
			for r := template.FirstRow; r <= len(rows); r++ {
				for _, c := range []string{"I", "J"} {
					require.NoError(t, f.SetCellStr(template.ValuesSheet, c+strconv.Itoa(r), "banyak"))
				}
			}
		}, []string{"dan 14 masalah lain"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fx := newFixture(t)
			before := fx.state(t)
			xlsxtest.Edit(t, fx.path, func(f *excelize.File) { tt.spoil(t, fx, f) })
			_, err := ReadImport(context.Background(), fx.s, fx.path, ImportOptions{})
			require.Error(t, err)
			var ie *ImportError
			require.ErrorAs(t, err, &ie)
			assert.LessOrEqual(t, len(ie.Problems), maxProblems+1)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			for _, p := range ie.Problems {
				assert.NotEmpty(t, p.Message(fault.EN))
			}
			assert.Equal(t, before, fx.state(t), "nothing is written")
		})
	}
}

// setMeta sets a key of the hidden sheet, as a tampering user would.
func setMeta(t *testing.T, f *excelize.File, key string, v any) {
	t.Helper()
	for i, row := range mustRows(t, f, template.MetaSheet) {
		if len(row) > 0 && row[0] == key {
			require.NoError(t, f.SetCellValue(template.MetaSheet, "B"+strconv.Itoa(i+1), v))
			return
		}
	}
	t.Fatalf("no %s on the hidden sheet", key)
}

func mustRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	return rows
}

// hostileFiles builds the hostile workbooks an office may send (huge, zipped bombs, formulas, odd encodings), each in dir.
func hostileFiles(t testing.TB, tpl, dir string) map[string]string {
	files := map[string]string{}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	// A zip bomb that says so: 2 GB of zeros declared in the directory.
	files["zip bomb (declared)"] = filepath.Join(dir, "bomb-declared.xlsx")
	rezipTB(t, tpl, files["zip bomb (declared)"], nil, func(zw *zip.Writer) {
		var buf bytes.Buffer
		fw, _ := flate.NewWriter(&buf, flate.BestCompression)
		zeros := make([]byte, 1<<20)
		for i := 0; i < 64; i++ {
			_, _ = fw.Write(zeros)
		}
		must(fw.Close())
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/media/bomb.bin", Method: zip.Deflate,
			CompressedSize64: uint64(buf.Len()), UncompressedSize64: 2 << 30, CRC32: 0})
		must(err)
		_, err = w.Write(buf.Bytes())
		must(err)
	})
	// A zip bomb that lies: 200 MB of zeros declared as 1 KB.
	files["zip bomb (lying)"] = filepath.Join(dir, "bomb-lying.xlsx")
	rezipTB(t, tpl, files["zip bomb (lying)"], func(name string, data []byte) []byte {
		if name == "xl/worksheets/sheet1.xml" {
			return bytes.Repeat([]byte(" "), 200<<20)
		}
		return data
	}, nil)
	patchSize(t, files["zip bomb (lying)"], "xl/worksheets/sheet1.xml", 1024)
	// A million junk rows under the table.
	files["a million rows"] = filepath.Join(dir, "million.xlsx")
	rezipTB(t, tpl, files["a million rows"], func(name string, data []byte) []byte {
		if name != "xl/worksheets/sheet1.xml" {
			return data
		}
		var b bytes.Buffer
		for r := 100; r < 1_000_100; r++ {
			fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><v>1</v></c></row>`, r, r)
		}
		return bytes.Replace(data, []byte("</sheetData>"), append(b.Bytes(), "</sheetData>"...), 1)
	}, nil)
	// Password-protected: an OLE compound file holding an EncryptedPackage.
	files["password-protected"] = filepath.Join(dir, "sandi.xlsx")
	ole := append(append([]byte{}, oleMagic...), make([]byte, 504)...)
	ole = append(ole, utf16("EncryptedPackage")...)
	must(os.WriteFile(files["password-protected"], ole, 0o644))
	files["old .xls"] = filepath.Join(dir, "lama.xls")
	must(os.WriteFile(files["old .xls"], append(append([]byte{}, oleMagic...), make([]byte, 1024)...), 0o644))
	files["not a file"] = dir
	files["missing file"] = filepath.Join(dir, "tidak-ada.xlsx")
	return files
}

func rezipTB(t testing.TB, from, to string, fn func(string, []byte) []byte, extra func(*zip.Writer)) {
	zr, err := zip.OpenReader(from)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if fn != nil {
			data = fn(e.Name, data)
		}
		w, err := zw.Create(e.Name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write(data)
	}
	if extra != nil {
		extra(zw)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// patchSize rewrites an entry's declared uncompressed size in the central
// directory, as a lying zip bomb does.
func patchSize(t testing.TB, path, entry string, size uint32) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sig := []byte{0x50, 0x4b, 0x01, 0x02}
	for i := bytes.Index(b, sig); i >= 0 && i+46 < len(b); {
		nameLen := int(b[i+28]) | int(b[i+29])<<8
		extraLen := int(b[i+30]) | int(b[i+31])<<8
		commentLen := int(b[i+32]) | int(b[i+33])<<8
		if string(b[i+46:i+46+nameLen]) == entry {
			b[i+24], b[i+25], b[i+26], b[i+27] = byte(size), byte(size>>8), byte(size>>16), byte(size>>24)
		}
		next := bytes.Index(b[i+46+nameLen+extraLen+commentLen:], sig)
		if next < 0 {
			break
		}
		i += 46 + nameLen + extraLen + commentLen + next
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestHostileFiles(t *testing.T) {
	fx := newFixture(t)
	files := hostileFiles(t, fx.path, t.TempDir())
	want := map[string]string{
		"zip bomb (declared)": "terlalu besar",
		"zip bomb (lying)":    "bukan berkas Excel",
		"a million rows":      "terlalu banyak baris",
		"password-protected":  "dilindungi kata sandi",
		"old .xls":            "Excel lama (.xls)",
		"not a file":          "bukan berkas biasa",
		"missing file":        "tidak ditemukan",
	}
	for name, path := range files {
		t.Run(name, func(t *testing.T) {
			before := fx.state(t)
			_, err := ReadImport(context.Background(), fx.s, path, ImportOptions{})
			require.Error(t, err)
			var ie *ImportError
			require.ErrorAs(t, err, &ie)
			assert.Contains(t, err.Error(), want[name])
			assert.NotContains(t, err.Error(), "no such file", "no operating-system English")
			assert.NotEmpty(t, ie.Problems[0].Message(fault.EN))
			assert.Equal(t, before, fx.state(t))
		})
	}
}

func TestImportWhileDatabaseBusy(t *testing.T) {
	fx := newFixture(t)
	if fx.s.Engine() == store.Postgres {
		t.Skip("a SQLite file's write lock; a shared workspace's writers wait for each other")
	}
	ctx := context.Background()
	typeInto(t, fx, "UKM.05", map[string]any{"F": 999})
	p, err := ReadImport(ctx, fx.s, fx.path, ImportOptions{})
	require.NoError(t, err)
	// Another process holds the write lock, as a second import would.
	other, err := sql.Open("sqlite", fx.s.Path())
	require.NoError(t, err)
	defer other.Close()
	conn, err := other.Conn(ctx)
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.ExecContext(ctx, "BEGIN IMMEDIATE")
	require.NoError(t, err)
	defer conn.ExecContext(ctx, "ROLLBACK")
	_, err = CommitImport(ctx, fx.s, p)
	require.Error(t, err)
	assert.True(t, fault.Is(err, fault.ImportBusy), "%v", err)
	assert.Contains(t, fault.Message(err, fault.ID), "tunggu sampai selesai")
	assert.NotContains(t, fault.Message(err, fault.ID), "kesalahan internal")
}

func TestProblemsNameLongTextShortly(t *testing.T) {
	fx := newFixture(t)
	typeInto(t, fx, "UKM.05", map[string]any{"F": strings.Repeat("teks panjang yang ditempel ", 500)})
	_, err := ReadImport(context.Background(), fx.s, fx.path, ImportOptions{})
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 600)
	assert.Contains(t, err.Error(), "…")
}

func TestOtherWorkingYearIsSaid(t *testing.T) {
	fx := newFixture(t)
	p, err := ReadImport(context.Background(), fx.s, fx.path, ImportOptions{WorkingYear: 2026})
	require.NoError(t, err)
	require.Len(t, p.Notices, 1)
	assert.Contains(t, p.Notices[0].Message(fault.ID), "Templat ini untuk tahun 2025, bukan tahun kerja 2026")
	assert.Contains(t, p.Notices[0].Message(fault.EN), "not the working year 2026")
}

// TestCodeTwiceRefusedWhateverTheHiddenSheetSays: a row's code relabelled
// as another row's, with the hidden sheet's checksum recomputed to match,
// would make two rows write one value (the second silently winning). A code
// twice in the table is refused; so is a plan line listed twice.
func TestCodeTwiceRefusedWhateverTheHiddenSheetSays(t *testing.T) {
	t.Run("values sheet", func(t *testing.T) {
		fx := newFixture(t)
		before := fx.state(t)
		xlsxtest.Edit(t, fx.path, func(f *excelize.File) {
			four, five := xlsxtest.Row(t, f, template.ValuesSheet, "KOP.04"), xlsxtest.Row(t, f, template.ValuesSheet, "KOP.05")
			require.NoError(t, f.SetCellStr(template.ValuesSheet, "B"+strconv.Itoa(five), "KOP.04"))
			require.NoError(t, f.SetCellInt(template.ValuesSheet, "F"+strconv.Itoa(four), 100))
			require.NoError(t, f.SetCellInt(template.ValuesSheet, "F"+strconv.Itoa(five), 200))
			var codes []string
			for r := template.FirstRow; r < len(mustRows(t, f, template.ValuesSheet))+1; r++ {
				v, err := f.GetCellValue(template.ValuesSheet, "B"+strconv.Itoa(r))
				require.NoError(t, err)
				codes = append(codes, v)
			}
			setMeta(t, f, "checksum", template.StructureSum(template.Version, "19.01", 2025, codes))
		})
		_, err := ReadImport(context.Background(), fx.s, fx.path, ImportOptions{})
		require.Error(t, err)
		var ie *ImportError
		require.ErrorAs(t, err, &ie)
		assert.Contains(t, err.Error(), "berisi kode KOP.04")
		assert.Contains(t, err.Error(), "susunan templat telah diubah")
		assert.Equal(t, before, fx.state(t), "nothing is written")
	})
	t.Run("plan sheet", func(t *testing.T) {
		fx := newFixture(t)
		ctx := context.Background()
		lines, _, err := template.PlanInput(ctx, fx.s, region.Region{Code: "19.01", Level: region.Regency}, 2025)
		require.NoError(t, err)
		require.NotEmpty(t, lines, "the demo plans for Kabupaten Bangka")
		before := fx.state(t)
		// The row after the listed lines claims the first line's id, and the
		// hidden sheet lists one line more.
		xlsxtest.Edit(t, fx.path, func(f *excelize.File) {
			first, twin := strconv.Itoa(template.PlanFirstRow), strconv.Itoa(template.PlanFirstRow+len(lines))
			for _, c := range []string{"D", "E", "F", "H", "I", "J", "K", "L"} { // the first line's figures, copied
				v, err := f.GetCellValue(template.PlanSheet, c+first)
				require.NoError(t, err)
				require.NoError(t, f.SetCellStr(template.PlanSheet, c+twin, v))
			}
			require.NoError(t, f.SetCellValue(template.PlanSheet, "M"+twin, lines[0].ID))
			require.NoError(t, f.SetCellStr(template.PlanSheet, "B"+twin, lines[0].SubKegiatanCode))
			require.NoError(t, f.SetCellStr(template.PlanSheet, "G"+first, "Rp 100 juta"))
			require.NoError(t, f.SetCellStr(template.PlanSheet, "G"+twin, "Rp 200 juta"))
			listed := append(append([]program.PlanLine{}, lines...), program.PlanLine{ID: lines[0].ID, SubKegiatanCode: lines[0].SubKegiatanCode})
			setMeta(t, f, "plan_rows", len(listed))
			setMeta(t, f, "plan_checksum", template.PlanSum("19.01", 2025, listed))
		})
		_, err = ReadImport(ctx, fx.s, fx.path, ImportOptions{})
		require.Error(t, err)
		var ie *ImportError
		require.ErrorAs(t, err, &ie)
		assert.Contains(t, err.Error(), "susunan lembar rencana telah diubah")
		assert.Equal(t, before, fx.state(t), "nothing is written")
	})
}

// TestVersionOneTemplate: a template from before the plan sheet (version 1:
// the values sheet and the hidden sheet only) still imports.
func TestVersionOneTemplate(t *testing.T) {
	fx := newFixture(t)
	r := strconv.Itoa(rowOf(t, fx.path, "UKM.05"))
	xlsxtest.Edit(t, fx.path, func(f *excelize.File) {
		var codes []string
		for row := template.FirstRow; row <= len(mustRows(t, f, template.ValuesSheet)); row++ {
			v, err := f.GetCellValue(template.ValuesSheet, "B"+strconv.Itoa(row))
			require.NoError(t, err)
			codes = append(codes, v)
		}
		setMeta(t, f, template.KeyVersion, 1)
		setMeta(t, f, template.KeyChecksum, template.StructureSum(1, "19.01", 2025, codes))
		setMeta(t, f, template.KeyPlanRows, "")
		setMeta(t, f, template.KeyPlanChecksum, "")
		require.NoError(t, f.DeleteSheet(template.PlanSheet))
		require.NoError(t, f.SetCellInt(template.ValuesSheet, "F"+r, 321))
	})
	p := importOnce(t, fx, fx.path)
	assert.Empty(t, p.PlanLines)
	assert.Equal(t, 321.0, *valueOf(t, fx, "UKM.05").Target)
	again, err := ReadImport(context.Background(), fx.s, fx.path, ImportOptions{})
	require.NoError(t, err)
	assert.Zero(t, again.New+again.Changed+again.Cleared, "the same file twice changes nothing")
}
