package exchange

import (
	"time"

	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
	"selaras/backend/indicator"
	"selaras/backend/template"
	"selaras/backend/xlsx/xlsxtest"
)

func TestReadValueByKind(t *testing.T) {
	num := func(v string) rawCell { return rawCell{typ: excelize.CellTypeNumber, value: v} }
	txt := func(v string) rawCell { return rawCell{typ: excelize.CellTypeSharedString, value: v} }
	tests := []struct {
		name string
		cell rawCell
		u    template.Unit
		want string // the stored text, or "!" + a piece of the Indonesian message
	}{
		{"count with thousands dot", txt("1.311"), template.UnitCount, "1.311"},
		{"count with two dots", txt("1.311.000"), template.UnitCount, "1.311.000"},
		{"count plain", txt("1311"), template.UnitCount, "1.311"},
		{"count numeric", num("1311"), template.UnitCount, "1.311"},
		{"count decimal refused", txt("1.234,56"), template.UnitCount, "!harus bilangan bulat"},
		{"count numeric decimal refused", num("12.5"), template.UnitCount, "!harus bilangan bulat"},
		{"count comma is ambiguous", txt("1,311"), template.UnitCount, "!bisa dibaca 1,311 atau 1.311"},
		{"count negative", txt("-5"), template.UnitCount, "!tidak boleh negatif"},
		{"count negative numeric", num("-5"), template.UnitCount, "!tidak boleh negatif"},
		{"count percent sign", txt("15%"), template.UnitCount, "!bukan persen"},
		{"count percent format", rawCell{typ: excelize.CellTypeNumber, value: "0.15", pctFmt: true}, template.UnitCount, "!bukan persen"},
		{"dash is empty", txt("-"), template.UnitCount, ""},
		{"en dash is empty", txt("–"), template.UnitCount, ""},
		{"em dash is empty", txt("—"), template.UnitCount, ""},
		{"n/a is empty", txt("n/a"), template.UnitCount, ""},
		{"NA is empty", txt("NA"), template.UnitCount, ""},
		{"tidak ada is empty", txt("Tidak ada"), template.UnitCount, ""},
		{"blank is empty", txt("   "), template.UnitCount, ""},
		{"boolean refused", rawCell{typ: excelize.CellTypeBool, value: "1"}, template.UnitCount, "!TRUE (benar/salah) bukan angka"},
		{"error value refused", rawCell{typ: excelize.CellTypeError, value: "#DIV/0!"}, template.UnitCount, "!galat #DIV/0!"},
		{"beyond validation", txt("2.000.000.000.000.000"), template.UnitCount, "!di luar rentang"},
		{"rupiah dots", txt("Rp 1.500.000.000"), template.UnitRupiah, "1.500.000.000"},
		{"rupiah short dot", txt("1.500"), template.UnitRupiah, "1.500"},
		{"rupiah miliar", txt("1,5 miliar"), template.UnitRupiah, "1.500.000.000"},
		{"rupiah comma ambiguous", txt("1,500"), template.UnitRupiah, "!bisa dibaca 1,5 atau 1.500"},
		{"rupiah negative", txt("(1.500)"), template.UnitRupiah, "!tidak boleh negatif"},
		{"percent comma", txt("17,65"), template.UnitPercent, "17,65"},
		{"percent sign", txt("17,65%"), template.UnitPercent, "17,65"},
		{"percent format shows what it holds", rawCell{typ: excelize.CellTypeNumber, value: "0.1765", pctFmt: true}, template.UnitPercent, "17,65"},
		{"percent numeric", num("17.65"), template.UnitPercent, "17,65"},
		{"percent English decimal", txt("17.65"), template.UnitPercent, "17,65"},
		{"percent above 100", txt("150"), template.UnitPercent, "!di luar rentang"},
		{"percent negative", txt("-3"), template.UnitPercent, "!tidak boleh negatif"},
		{"percent thousands shape names both readings", txt("1.311"), template.UnitPercent, "!bisa dibaca 1.311 atau 1,311"},
		{"percent comma three digits is decimal", txt("1,311"), template.UnitPercent, "1,311"},
		{"ratio percent may be negative", txt("-2,5"), template.UnitRatioPct, "-2,5"},
		{"numerator thousands", txt("1.311"), template.UnitPart, "1.311"},
		{"numerator negative (growth)", txt("-12"), template.UnitPart, "-12"},
		{"denominator zero", txt("0"), template.UnitDen, "!penyebut tidak boleh nol"},
		{"denominator negative", txt("-8"), template.UnitDen, "!tidak boleh negatif"},
		{"decimal ambiguous", txt("1.311"), template.UnitDecimal, "!bisa dibaca 1.311 atau 1,311"},
		{"formula with cached value", rawCell{typ: excelize.CellTypeUnset, value: "142", formula: "SUM(A1:A3)"}, template.UnitCount, "142"},
		{"formula without cached value", rawCell{formula: "SUM(A1:A3)"}, template.UnitCount, "!rumus =SUM(A1:A3) belum punya nilai tersimpan"},
		{"formula giving text", rawCell{typ: excelize.CellTypeFormula, value: "abc", formula: `"abc"`}, template.UnitCount, "!bukan angka"},
		{"long text shortened", txt("angka ini sangat panjang sekali karena disalin dari laporan tahunan dinas koperasi"), template.UnitCount, "!… (82)"},
		{"text unit keeps text", txt("  usulan baru "), template.UnitText, "usulan baru"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := readValue(tt.cell, tt.u)
			if len(tt.want) > 0 && tt.want[0] == '!' {
				require.Error(t, err, "read as %q", v.text)
				assert.Contains(t, fault.Message(err, fault.ID), tt.want[1:])
				assert.NotEmpty(t, fault.Message(err, fault.EN))
				return
			}
			if err != nil {
				t.Fatalf("refused: %s", fault.Message(err, fault.ID))
			}
			assert.Equal(t, tt.want, v.text)
		})
	}
}

// kindFixture is a demo workspace with a percent indicator too, and its template.
func kindFixture(t *testing.T) fixture {
	t.Helper()
	fx := newFixture(t)
	ctx := context.Background()
	pct := indicator.Indicator{Code: "TST.PCT", Name: "Persentase uji", Kind: indicator.Percent, Aggregation: indicator.NoRollUp, Decimals: 2}
	pct.Normalize()
	_, err := indicator.Save(ctx, fx.s, pct)
	require.NoError(t, err)
	fx.writeTemplate(t, fx.path, time.Now()) // made now: based on what is stored
	return fx
}

// TestReadByKindOnTemplates writes each case into a real template the way
// Excel or LibreOffice would store it, and imports it.
func TestReadByKindOnTemplates(t *testing.T) {
	fx := kindFixture(t)
	pctStyle := func(f *excelize.File) int {
		id, err := f.NewStyle(&excelize.Style{NumFmt: 10, Protection: &excelize.Protection{Locked: false}})
		require.NoError(t, err)
		return id
	}
	tests := []struct {
		name  string
		code  string
		col   string
		write func(f *excelize.File, cell string)
		want  string // New of the change, or "!" + message piece
	}{
		{"count typed as text with dots", "UKM.05", "F", func(f *excelize.File, c string) { _ = f.SetCellStr(template.ValuesSheet, c, "1.311") }, "1.311"},
		{"count as number", "UKM.05", "F", func(f *excelize.File, c string) { _ = f.SetCellInt(template.ValuesSheet, c, 1311) }, "1.311"},
		{"count dash", "UKM.05", "F", func(f *excelize.File, c string) { _ = f.SetCellStr(template.ValuesSheet, c, "-") }, ""},
		{"count boolean", "UKM.05", "F", func(f *excelize.File, c string) { _ = f.SetCellBool(template.ValuesSheet, c, true) }, "!benar/salah"},
		{"count decimal", "UKM.05", "F", func(f *excelize.File, c string) { _ = f.SetCellStr(template.ValuesSheet, c, "1.234,56") }, "!bilangan bulat"},
		{"count negative", "UKM.05", "F", func(f *excelize.File, c string) { _ = f.SetCellInt(template.ValuesSheet, c, -4) }, "!negatif"},
		{"percent format", "TST.PCT", "F", func(f *excelize.File, c string) {
			_ = f.SetCellFloat(template.ValuesSheet, c, 0.1765, -1, 64)
			_ = f.SetCellStyle(template.ValuesSheet, c, c, pctStyle(f))
		}, "17,65"},
		{"percent text", "TST.PCT", "F", func(f *excelize.File, c string) { _ = f.SetCellStr(template.ValuesSheet, c, "17,65%") }, "17,65"},
		{"percent of 150", "TST.PCT", "F", func(f *excelize.File, c string) { _ = f.SetCellInt(template.ValuesSheet, c, 150) }, "!di luar rentang"},
		{"rupiah text", "KOP.05", "F", func(f *excelize.File, c string) { _ = f.SetCellStr(template.ValuesSheet, c, "Rp 2,5 miliar") }, "2.500.000.000"},
		{"formula with cached value", "UKM.05", "F", func(f *excelize.File, c string) {
			_ = f.SetCellInt(template.ValuesSheet, c, 142)
			_ = f.SetCellFormula(template.ValuesSheet, c, "100+42")
		}, "142"},
		{"formula without cached value", "UKM.05", "F", func(f *excelize.File, c string) {
			_ = f.SetCellValue(template.ValuesSheet, c, nil) // as Excel leaves a formula never calculated: no <v>
			_ = f.SetCellFormula(template.ValuesSheet, c, "100+42")
		}, "!belum punya nilai tersimpan"},
		{"parts on a count", "UKM.05", "G", func(f *excelize.File, c string) { _ = f.SetCellInt(template.ValuesSheet, c, 5) }, "!hanya untuk indikator rasio"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "Templat.xlsx")
			copyFile(t, fx.path, path)
			cell := tt.col + strconv.Itoa(rowOf(t, path, tt.code))
			xlsxtest.Edit(t, path, func(f *excelize.File) { tt.write(f, cell) })
			p, err := ReadImport(context.Background(), fx.s, path, ImportOptions{})
			if tt.want != "" && tt.want[0] == '!' {
				require.Error(t, err)
				assert.Contains(t, err.Error(), `sel `+cell+`:`)
				assert.Contains(t, err.Error(), tt.want[1:])
				return
			}
			require.NoError(t, err)
			var got *Change
			for i := range p.Changes {
				if p.Changes[i].Sheet == template.ValuesSheet && p.Changes[i].Cell == cell {
					got = &p.Changes[i]
				}
			}
			require.NotNil(t, got, "no change for %s", cell)
			assert.Equal(t, tt.want, got.New)
			assert.Equal(t, tt.name == "formula with cached value", got.Formula)
		})
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(to, b, 0o644))
}

// TestTemplateCells: formula cells cache what they compute, validation
// rules never overlap, and the guide explains each kind of cell.
func TestTemplateCells(t *testing.T) {
	fx := kindFixture(t)
	f := xlsxtest.Open(t, fx.path)
	for _, sh := range []string{template.ValuesSheet, template.PlanSheet} {
		dvs, err := f.GetDataValidations(sh)
		require.NoError(t, err)
		seen := map[string]string{}
		for _, dv := range dvs {
			for _, ref := range strings.Fields(dv.Sqref) {
				from, to, ok := strings.Cut(ref, ":")
				if !ok {
					to = from
				}
				c1, r1, err := excelize.CellNameToCoordinates(from)
				require.NoError(t, err)
				c2, r2, err := excelize.CellNameToCoordinates(to)
				require.NoError(t, err)
				for c := c1; c <= c2; c++ {
					for r := r1; r <= r2; r++ {
						cell := template.CellName(c, r)
						assert.Empty(t, seen[cell], "%s %s is under two rules", sh, cell)
						seen[cell] = dv.Sqref
					}
				}
			}
		}
	}
	// The plan sheet's name look-ups of blank rows cache "", not a stale value.
	blank := 0
	for r := template.PlanFirstRow; r <= template.PlanFirstRow+template.PlanBlankRows+5; r++ {
		cell := "C" + strconv.Itoa(r)
		if formula, _ := f.GetCellFormula(template.PlanSheet, cell); formula != "" {
			blank++
			v, _ := f.GetCellValue(template.PlanSheet, cell, excelize.Options{RawCellValue: true})
			assert.Empty(t, v, "%s caches %q", cell, v)
		}
	}
	assert.Equal(t, template.PlanBlankRows, blank)
	// A percent indicator is validated 0..100 and read so.
	r := strconv.Itoa(xlsxtest.Row(t, f, template.ValuesSheet, "TST.PCT"))
	dvs, err := f.GetDataValidations(template.ValuesSheet)
	require.NoError(t, err)
	var pctRule string
	for _, dv := range dvs {
		if strings.Contains(" "+dv.Sqref+" ", " F"+r+" ") {
			pctRule = dv.Formula1 + ".." + dv.Formula2
		}
	}
	assert.Equal(t, "0..100", pctRule)
	guide := mustRows(t, f, template.GuideSheet)
	var text strings.Builder
	for _, g := range guide {
		text.WriteString(strings.Join(g, " "))
	}
	for _, w := range []string{"1.311", "17,65%", "Pembilang Target", "tanda hubung", "1,5 miliar"} {
		assert.Contains(t, text.String(), w)
	}
}
