// Package template is the contract of a regency template, the workbook the
// province sends to each regency and takes back filled in: its sheets, the
// rows and columns of each, the kinds of input cell with their bounds and
// validation rules, the hidden meta sheet and the checksums of the
// structure. backend/xlsx writes templates and backend/exchange reads them
// back; both depend on this package, neither on the other, so a change to
// the layout is made once, here, for both sides.
//
// The checksums hash the column titles, the codes and ids listed and the
// number of blank plan rows: a change to any of these makes every template
// already sent out unreadable, so they change only with Version.
package template

import "selaras/backend/target"

// Version is written on the hidden sheet. Version 2 added the plan sheet;
// version 1 templates (values sheet only) still import.
const Version = 2

// The sheets, in the order the workbook holds them.
const (
	ValuesSheet = "Target Indikator"
	PlanSheet   = "Rencana Program"
	GuideSheet  = "Petunjuk"
	MetaSheet   = "_selaras" // hidden: see Meta
)

// Column is one column of a template sheet.
type Column struct {
	Title string
	// Field is what the regency fills in: a target.Field on the values
	// sheet, a plan line's JSON field name on the plan sheet; "" for a
	// locked, descriptive column.
	Field string
	// Width fits one landscape page across at 8 pt or more: names and
	// notes wrap, headings wrap, and the writer widens a column for a
	// prefilled figure.
	Width float64
	// Number: the column holds a figure (widened to fit, never ###).
	Number bool
}

// The values sheet: one row per indicator from FirstRow, the headings on
// HeadRow and their numbers (1)(2)... under them. Columns are 1-based.
const (
	HeadRow  = 6
	FirstRow = 8

	NoCol          = 1
	CodeCol        = 2
	NameCol        = 3
	UnitCol        = 4
	ProvincialCol  = 5 // the province's target, shown for reference
	TargetCol      = 6 // a ratio's is a locked formula over NumCol and DenCol
	NumCol         = 7
	DenCol         = 8
	RealisationCol = 9
	BaselineCol    = 10
	NoteCol        = 11
)

// ValueColumns are the values sheet's columns, NoCol first.
func ValueColumns() []Column {
	return []Column{
		{"No", "", 4, false}, {"Kode", "", 10, false}, {"Indikator Kinerja", "", 26, false}, {"Satuan", "", 9, false},
		{"Target Provinsi", "", 12, true},
		{"Target", string(target.FTarget), 12, true}, {"Pembilang Target", string(target.FTargetNum), 11, true},
		{"Penyebut Target", string(target.FTargetDen), 11, true},
		{"Realisasi", string(target.FRealisation), 12, true}, {"Baseline", string(target.FBaseline), 11, true},
		{"Catatan", string(target.FNote), 18, false},
	}
}

// The plan sheet (version 2): the region's plan lines of the year with
// their figures open for editing from PlanFirstRow, then PlanBlankRows
// blank rows where the regency adds lines by choosing a sub-kegiatan code.
// The hidden PlanIDCol holds each listed line's id.
const (
	PlanHeadRow   = 6
	PlanFirstRow  = 8
	PlanBlankRows = 15

	PlanCodeCol = 2
	PlanNameCol = 3 // a new row's is a look-up of its code on the meta sheet
	PlanFundCol = 8
	PlanIDCol   = 13
)

// PlanColumns are the plan sheet's columns for a year (its n+1 headings).
func PlanColumns(year int) []Column {
	return []Column{
		{"No", "", 4, false}, {"Kode Sub Kegiatan", "code", 17, false}, {"Sub Kegiatan", "", 26, false},
		{"Indikator Keluaran", "outputIndicator", 24, false}, {"Satuan", "outputUnit", 9, false},
		{"Target", "target", 10, true}, {"Pagu Indikatif (Rp)", "pagu", 16, true}, {"Sumber Dana", "sumberDana", 15, false},
		{"Lokasi", "lokasi", 14, false}, {"Catatan", "catatan", 18, false},
		{"Target " + itoa(year+1), "targetNext", 10, true}, {"Pagu " + itoa(year+1) + " (Rp)", "paguNext", 16, true},
		{"ID", "", 6, false},
	}
}

// Titles are the columns' headings.
func Titles(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Title
	}
	return out
}

// CellName is "G12" for column 7, row 12; "" outside a worksheet.
func CellName(col, row int) string {
	if col < 1 || col > maxCols || row < 1 || row > maxRows {
		return ""
	}
	var b [12]byte // "XFD1048576"
	i := len(b)
	for n := row; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	for c := col; c > 0; c = (c - 1) / 26 {
		i--
		b[i] = byte('A' + (c-1)%26)
	}
	return string(b[i:])
}

// A worksheet's size (Excel 2007 and later).
const (
	maxCols = 16384
	maxRows = 1048576
)
