package template

import (
	"selaras/backend/indicator"
	"selaras/backend/target"
)

// Unit is what a template input cell holds: it decides how the cell's text
// and number format are read back, what is plausible, and which validation
// rule the cell gets in the workbook.
type Unit int

const (
	UnitText     Unit = iota // free text (notes, names)
	UnitCount                // whole, not negative: koperasi, UMKM, sertifikat
	UnitRupiah               // rupiah, not negative
	UnitPercent              // a percentage 0..100
	UnitPart                 // a ratio's numerator: may be negative (growth)
	UnitDen                  // a ratio's denominator: above zero
	UnitDecimal              // a plain quantity, not negative (ratio values that are not percentages, plan targets)
	UnitRatioPct             // a ratio's value in percent: any sign (growth), no upper bound
)

// Units are the units of figures, each with its own validation rule.
var Units = []Unit{UnitCount, UnitRupiah, UnitPercent, UnitPart, UnitDen, UnitDecimal, UnitRatioPct}

// MaxInput bounds every figure: beyond it a figure is a pasted ID or a typo.
const MaxInput = 1e15

// UnitFor is the unit of an indicator's field on the values sheet.
func UnitFor(ind indicator.Indicator, f target.Field) Unit {
	switch {
	case f == target.FNote:
		return UnitText
	case f == target.FTargetNum:
		return UnitPart
	case f == target.FTargetDen:
		return UnitDen
	}
	switch ind.Kind {
	case indicator.Count:
		return UnitCount
	case indicator.Rupiah:
		return UnitRupiah
	case indicator.Percent:
		return UnitPercent
	case indicator.Ratio:
		if ind.IsPercent() {
			return UnitRatioPct
		}
	}
	return UnitDecimal
}

// PlanUnit is how a plan column is read: quantities, whole rupiah, or text.
func PlanUnit(field string) Unit {
	switch field {
	case "target", "targetNext":
		return UnitDecimal
	case "pagu", "paguNext":
		return UnitRupiah
	}
	return UnitText
}

// Whole: counted things, no fraction.
func (u Unit) Whole() bool { return u == UnitCount }

// Amount: quantities and money, where a dot before three digits groups
// thousands ("1.311 koperasi", "Rp 1.500").
func (u Unit) Amount() bool {
	return u == UnitCount || u == UnitRupiah || u == UnitPart || u == UnitDen
}

// Percent: a value typed as a percentage.
func (u Unit) Percent() bool { return u == UnitPercent || u == UnitRatioPct }

// Bounds are the plausible values of a unit (inclusive), lowOpen when the
// lower bound itself is refused. The reader enforces them; Rule gives the
// workbook the same.
func (u Unit) Bounds() (lo, hi float64, lowOpen bool) {
	switch u {
	case UnitPercent:
		return 0, 100, false
	case UnitPart, UnitRatioPct:
		return -MaxInput, MaxInput, false
	case UnitDen:
		return 0, MaxInput, true
	}
	return 0, MaxInput, false
}

// Rule is a data validation of the workbook: the range Excel accepts
// (decimal, between Lo and Hi) and the message it shows on anything else.
type Rule struct {
	Lo, Hi      float64
	Title, Text string
}

// Rule is the validation of a unit's input cells: its Bounds, with an
// open lower bound written as the smallest figure above it (a validation
// range cannot leave out its end).
func (u Unit) Rule() Rule {
	lo, hi, open := u.Bounds()
	if open {
		lo = 0.000001
	}
	r := Rule{Lo: lo, Hi: hi}
	switch u {
	case UnitCount:
		r.Title, r.Text = "Jumlah", "Isi bilangan bulat nol atau lebih, misalnya 1.311. Kosongkan bila tidak ada angka."
	case UnitRupiah:
		r.Title, r.Text = "Rupiah", "Isi rupiah nol atau lebih, misalnya 1.500.000.000."
	case UnitPercent:
		r.Title, r.Text = "Nilai persen", "Isi angka persen antara 0 dan 100, misalnya 17,65."
	case UnitPart:
		r.Title, r.Text = "Pembilang", "Isi angka, misalnya 1.311 (boleh negatif untuk pertumbuhan)."
	case UnitDen:
		r.Title, r.Text = "Penyebut", "Isi angka lebih dari nol, misalnya 8.450."
	case UnitRatioPct:
		r.Title, r.Text = "Nilai persen", "Isi angka persen, misalnya 17,65 (boleh negatif untuk pertumbuhan)."
	default:
		r.Title, r.Text = "Angka", "Isi angka nol atau lebih, misalnya 17,65."
	}
	return r
}

// PlanNumberRule is the validation of the plan sheet's figures (target,
// pagu and their n+1): zero or more. Rupiah are read as whole on import.
var PlanNumberRule = Rule{Lo: 0, Hi: MaxInput, Title: "Angka", Text: "Isi dengan angka nol atau lebih, misalnya 1.500.000."}

// The plan sheet's drop-down lists: the sub-kegiatan code of a new row and
// the source of funds of every row.
var (
	PlanCodeRule = Rule{Title: "Kode sub kegiatan", Text: "Pilih kode sub kegiatan dari daftar."}
	PlanFundRule = Rule{Title: "Sumber dana", Text: "Pilih sumber dana dari daftar."}
)
