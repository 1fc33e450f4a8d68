package xlsx

import (
	"context"

	"selaras/backend/indicator"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/target"
)

// The shape of a template, shared by its writer (here) and its reader
// (backend/exchange, which imports this package; nothing here imports it
// back): the kinds of input cell and their bounds, the rows and columns of
// each sheet, and the checksums of the structure. The writer's files keep
// their unexported names; the reader uses these.

// Unit is what a template input cell holds; it decides how the cell's text
// and number format are read and what is plausible, and which validation
// rule the writer gives the cell.
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

// MaxInput is the template's validation bound: beyond it a figure is a
// pasted ID or a typo.
const MaxInput = 1e15

// The writer's names for the same.
type unit = Unit

const (
	uText     = UnitText
	uCount    = UnitCount
	uRupiah   = UnitRupiah
	uPercent  = UnitPercent
	uPart     = UnitPart
	uDen      = UnitDen
	uDecimal  = UnitDecimal
	uRatioPct = UnitRatioPct
	maxInput  = MaxInput
)

// UnitFor is the unit of an indicator's field in the values sheet.
func UnitFor(ind indicator.Indicator, f target.Field) Unit {
	switch {
	case f == target.FNote:
		return uText
	case f == target.FTargetNum:
		return uPart
	case f == target.FTargetDen:
		return uDen
	}
	switch ind.Kind {
	case indicator.Count:
		return uCount
	case indicator.Rupiah:
		return uRupiah
	case indicator.Percent:
		return uPercent
	case indicator.Ratio:
		if ind.IsPercent() {
			return uRatioPct
		}
	}
	return uDecimal
}

func unitFor(ind indicator.Indicator, f target.Field) Unit { return UnitFor(ind, f) }

// Whole: counted things, no fraction.
func (u Unit) Whole() bool { return u == uCount }

// Amount: quantities and money, where a dot before three digits groups
// thousands ("1.311 koperasi", "Rp 1.500").
func (u Unit) Amount() bool { return u == uCount || u == uRupiah || u == uPart || u == uDen }

// Percent: a value typed as a percentage.
func (u Unit) Percent() bool { return u == uPercent || u == uRatioPct }

// Bounds are the plausible values of a unit (inclusive), lowOpen when the
// lower bound itself is refused.
func (u Unit) Bounds() (lo, hi float64, lowOpen bool) {
	switch u {
	case uPercent:
		return 0, 100, false
	case uPart, uRatioPct:
		return -maxInput, maxInput, false
	case uDen:
		return 0, maxInput, true
	}
	return 0, maxInput, false
}

// PlanUnit is how a plan column is read: quantities, whole rupiah, or text.
func PlanUnit(field string) Unit {
	switch field {
	case "target", "targetNext":
		return uDecimal
	case "pagu", "paguNext":
		return uRupiah
	}
	return uText
}

// The values sheet and the plan sheet.
const (
	TemplateHeadRow  = tplHeadRow
	TemplateFirstRow = tplFirstRow
	PlanHeadRow      = planHeadRow
	PlanFirstRow     = planFirstRow
	PlanBlankRows    = planBlankRows
	PlanIDCol        = planIDCol
)

// Column is one column of a template sheet: Field is what the regency fills
// in ("" for a locked descriptive column).
type Column struct {
	Title string
	Field string
}

// TemplateColumns are the values sheet's columns.
func TemplateColumns() []Column {
	out := make([]Column, len(tplColumns))
	for i, c := range tplColumns {
		out[i] = Column{c.title, string(c.field)}
	}
	return out
}

// PlanColumns are the plan sheet's columns for a year (its n+1 headings).
func PlanColumns(year int) []Column {
	cols := planColumns(year)
	out := make([]Column, len(cols))
	for i, c := range cols {
		out[i] = Column{c.title, c.field}
	}
	return out
}

// StructureSum hashes what must not change in the values sheet between
// export and import.
func StructureSum(version int, regionCode string, year int, codes []string) string {
	return structureSum(version, regionCode, year, codes)
}

// PlanSum hashes the plan sheet's listed lines (ids and codes).
func PlanSum(regionCode string, year int, lines []program.PlanLine) string {
	return planSum(regionCode, year, lines)
}

// PlanText shows a plan field the way the sheet and the preview show it; a
// new line (none) has no old values.
func PlanText(l program.PlanLine, field string, none bool) string { return planText(l, field, none) }

// PlanInput is a region's plan lines of the year and the sub-kegiatan it
// may add lines for, as its template lists them.
func PlanInput(ctx context.Context, s *store.Store, reg region.Region, year int) ([]program.PlanLine, []program.Item, error) {
	return planInput(ctx, s, reg, year)
}

// CellName is "G12" for column 7, row 12.
func CellName(col, row int) string { return cellName(col, row) }
