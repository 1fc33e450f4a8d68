package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"selaras/backend/indicator"
	"selaras/backend/target"
	"selaras/backend/template"
)

// ratioFormula is a ratio's Target cell: numerator / denominator × scale
// while both are filled in, else the stored target (a value typed in
// Selaras without parts) or nothing. It returns the formula and the value
// it gives now, to be cached with it.
func ratioFormula(ind indicator.Indicator, cur target.Value, r int) (string, *float64) {
	g, h := cellName(template.NumCol, r), cellName(template.DenCol, r)
	fallback, cached := `""`, (*float64)(nil)
	if cur.Target != nil && (cur.TargetNum == nil || cur.TargetDen == nil) {
		fallback = strconv.FormatFloat(*cur.Target, 'f', -1, 64)
		cached = cur.Target
	}
	if cur.TargetNum != nil && cur.TargetDen != nil && *cur.TargetDen != 0 {
		v := *cur.TargetNum / *cur.TargetDen * ind.Scale
		cached = &v
	}
	scale := strconv.FormatFloat(ind.Scale, 'f', -1, 64)
	return fmt.Sprintf(`IF(AND(ISNUMBER(%[1]s),ISNUMBER(%[2]s)),IF(%[2]s=0,"",%[1]s/%[2]s*%[3]s),%[4]s)`, g, h, scale, fallback), cached
}

// addInputValidations gives each unit's input cells one validation rule,
// the same bounds the import enforces; no cell is under two rules.
func addInputValidations(f *excelize.File, sheet string, cells map[template.Unit][]string) error {
	for _, u := range template.Units {
		list := cells[u]
		if len(list) == 0 {
			continue
		}
		rl := u.Rule()
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(strings.Join(list, " "))
		if err := dv.SetRange(rl.Lo, rl.Hi, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, rl.Title, rl.Text)
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// guideLines is the Petunjuk sheet: what may be typed in each kind of cell.
func guideLines(in TemplateInput, now time.Time) []string {
	return []string{
		"PETUNJUK PENGISIAN",
		"1. Isi hanya sel berwarna kuning pada lembar \"" + template.ValuesSheet + "\" untuk " + in.Region.Name + ", tahun " + strconv.Itoa(in.Year) + ".",
		"2. Jumlah (unit, orang, sertifikat): bilangan bulat, ribuan dengan titik: 1.311 atau 1311. Bukan 1.311,5 dan bukan bilangan negatif.",
		"3. Rupiah: 1.500.000.000, Rp 1.500.000.000, 1,5 miliar atau 1,5 M (pagu pada lembar rencana: rupiah bulat).",
		"4. Persen: angka antara 0 dan 100 dengan koma desimal: 17,65 atau 17,65%. Sel berformat persen yang menampilkan 17,65% dibaca 17,65.",
		"5. Indikator rasio (mis. pertumbuhan koperasi): isi Pembilang Target dan Penyebut Target (mis. 125 dan 1.450). " +
			"Kolom Target berwarna abu-abu dihitung otomatis dari keduanya; jangan mengetik persennya di sana. Kosongkan keduanya untuk menghapus target.",
		"6. Tidak ada angka: biarkan sel kosong, atau tulis - (tanda hubung), n/a, atau tidak ada. Jangan menulis 0 bila maksudnya tidak ada data.",
		"7. Angka seperti 1.311 dibaca seribu tiga ratus sebelas. Bila sebuah angka bisa dibaca dua cara (mis. 1,311 pada kolom jumlah), " +
			"Selaras menolaknya dan menyebutkan kedua bacaan; tulis ulang tanpa keraguan.",
		"8. Rumus boleh dipakai di sel kuning; Selaras membaca hasil tersimpannya. Simpan berkas di Excel/LibreOffice agar hasilnya tersimpan.",
		"9. Jangan menambah, menghapus, menggabung (merge), mengurutkan, atau memindahkan baris dan kolom; jangan mengubah kode, nama indikator, " +
			"atau nama lembar; lembar tersembunyi jangan dihapus. Isian di luar tabel ditolak.",
		"10. Pada lembar \"" + template.PlanSheet + "\", perbarui target, pagu indikatif (rupiah bulat), sumber dana, lokasi dan prakiraan maju " +
			"rencana yang ada; tambahkan rencana baru di baris kosong dengan memilih kode sub kegiatan dari daftar.",
		"11. Kirim kembali berkas ini ke sekretariat Dinas Koperasi dan UKM Provinsi untuk diimpor. Berkas yang sama boleh diimpor dua kali; " +
			"impor kedua tidak mengubah apa pun.",
		"Dibuat oleh Selaras pada " + LongDate(now) + ".",
	}
}

// formulaText matches a formula cell excelize wrote with a numeric result
// cached as text (t="str").
var formulaText = regexp.MustCompile(`(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?) t="str"(><f>[^<]*</f><v>-?[0-9][0-9.eE+-]*</v></c>)`)

// numericFormulaCache rewrites the worksheets of a workbook so numeric
// formula results are cached as numbers.
func numericFormulaCache(b []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		rc, err := e.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if strings.HasPrefix(e.Name, "xl/worksheets/") && strings.HasSuffix(e.Name, ".xml") {
			data = formulaText.ReplaceAll(data, []byte("$1$2"))
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: zip.Deflate, Modified: e.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
