package xlsx

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
	"selaras/backend/indicator"
	"selaras/backend/number"
	"selaras/backend/target"
)

// unit is what a template input cell holds; it decides how the cell's text
// and number format are read and what is plausible.
type unit int

const (
	uText     unit = iota // free text (notes, names)
	uCount                // whole, not negative: koperasi, UMKM, sertifikat
	uRupiah               // rupiah, not negative
	uPercent              // a percentage 0..100
	uPart                 // a ratio's numerator: may be negative (growth)
	uDen                  // a ratio's denominator: above zero
	uDecimal              // a plain quantity, not negative (ratio values that are not percentages, plan targets)
	uRatioPct             // a ratio's value in percent: any sign (growth), no upper bound
)

// maxInput is the template's validation bound: beyond it a figure is a
// pasted ID or a typo.
const maxInput = 1e15

// unitFor is the unit of an indicator's field in the values sheet.
func unitFor(ind indicator.Indicator, f target.Field) unit {
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

func (u unit) whole() bool { return u == uCount }

// amount: quantities and money, where a dot before three digits groups
// thousands ("1.311 koperasi", "Rp 1.500").
func (u unit) amount() bool { return u == uCount || u == uRupiah || u == uPart || u == uDen }

func (u unit) percent() bool { return u == uPercent || u == uRatioPct }

// bounds are the plausible values of a unit (inclusive), lowOpen when the
// lower bound itself is refused.
func (u unit) bounds() (lo, hi float64, lowOpen bool) {
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

// rawCell is one cell as the workbook stores it.
type rawCell struct {
	typ     excelize.CellType
	value   string // the raw value; for a formula its cached result
	formula string
	pctFmt  bool // a number format that shows a percentage (0.1765 shows 17,65%)
}

// cellValue is what a cell is read as.
type cellValue struct {
	text    string   // the value as stored and shown in the preview; "" when empty
	num     *float64 // nil when empty or text
	formula bool     // read from a formula's cached value
}

// emptyMarks are what offices write for "no figure".
var emptyMarks = map[string]bool{
	"-": true, "--": true, "–": true, "—": true, "n/a": true, "na": true, "#n/a": true, "tidak ada": true,
	"tdk ada": true, "belum ada": true, "kosong": true, "t/a": true,
}

func isEmptyMark(s string) bool { return emptyMarks[strings.ToLower(s)] }

// readValue reads one input cell the way the office meant it, or says why not.
func readValue(c rawCell, u unit) (cellValue, *fault.Error) {
	out := cellValue{formula: c.formula != ""}
	// excelize cannot tell a formula never calculated from one giving "";
	// in an input cell both are refused rather than read as "no figure".
	if c.formula != "" && strings.TrimSpace(c.value) == "" {
		return out, fault.New(fault.CellFormulaNoValue, "", "formula", short("="+c.formula))
	}
	raw := strings.TrimSpace(c.value)
	if u == uText {
		if c.typ == excelize.CellTypeBool {
			raw = strings.ToUpper(map[string]string{"1": "TRUE", "0": "FALSE"}[raw])
		}
		out.text = raw
		return out, nil
	}
	switch c.typ {
	case excelize.CellTypeBool:
		return out, fault.New(fault.CellBoolean, "", "value", map[string]string{"1": "TRUE", "0": "FALSE"}[raw])
	case excelize.CellTypeError:
		return out, fault.New(fault.CellErrorValue, "", "value", short(raw))
	case excelize.CellTypeDate:
		return out, fault.New(fault.CellDate, "", "value", short(raw))
	}
	if raw == "" || isEmptyMark(raw) {
		return out, nil
	}
	var v float64
	numeric := false
	if c.typ == excelize.CellTypeNumber || c.typ == excelize.CellTypeUnset || (c.formula != "" && c.typ != excelize.CellTypeFormula) {
		if x, err := strconv.ParseFloat(raw, 64); err == nil {
			if math.IsInf(x, 0) || math.IsNaN(x) {
				return out, fault.New(fault.CellOutOfRange, "", "value", short(raw), "min", number.Format(-maxInput, 0), "max", number.Format(maxInput, 0))
			}
			v, numeric = x, true
			if c.pctFmt {
				if !u.percent() {
					return out, fault.New(fault.CellPercentNotAllowed, "", "value", number.Format(roundSig(x*100), -1)+"%")
				}
				v = roundSig(x * 100)
			}
		}
	}
	if !numeric {
		n, err := number.Parse(raw)
		if err != nil {
			if ne, ok := err.(*number.Error); ok {
				ne = &number.Error{Input: short(raw), Reason: ne.Reason}
				return out, fault.New(fault.CellNotNumber, "", "value", short(raw), "reason", ne.Indonesian(), "reasonEn", ne.English())
			}
			return out, fault.New(fault.CellNotNumber, "", "value", short(raw), "reason", "", "reasonEn", "")
		}
		if n.Percent && !u.percent() {
			return out, fault.New(fault.CellPercentNotAllowed, "", "value", short(raw))
		}
		v = n.Value
		if n.Ambiguous {
			// The other reading: "1.311" is also 1,311; "1,311" is also 1.311 the English way.
			alt := v * 1000
			if strings.Contains(raw, ".") {
				alt = v / 1000
			}
			okMine, okAlt := fits(v, u) == nil, fits(alt, u) == nil
			if u.amount() && strings.Contains(raw, ".") {
				okAlt = false // an amount's dots are thousands
			}
			if okAlt {
				return out, fault.New(fault.CellAmbiguous, "", "value", short(raw), "a", number.Format(v, -1), "b", number.Format(alt, -1),
					"hint", ambiguityHint(v, alt, okMine, okAlt, u), "hintEn", ambiguityHintEN(v, alt, okMine, okAlt, u))
			}
		}
	}
	if err := fits(v, u); err != nil {
		err.Args["value"] = short(raw)
		if numeric {
			err.Args["value"] = number.Format(v, -1)
		}
		return out, err
	}
	out.num = &v
	out.text = number.Format(v, -1)
	return out, nil
}

// fits checks a value against its unit; the value argument is filled in by the caller.
func fits(v float64, u unit) *fault.Error {
	lo, hi, lowOpen := u.bounds()
	if v < 0 && lo >= 0 {
		return fault.New(fault.CellNegative, "", "value", "")
	}
	if u.whole() && v != math.Trunc(v) {
		return fault.New(fault.CellNotWhole, "", "value", "")
	}
	if v < lo || v > hi || (lowOpen && v == lo) {
		if u == uDen && v == 0 {
			return fault.New(fault.CellZeroDenominator, "", "value", "")
		}
		return fault.New(fault.CellOutOfRange, "", "value", "", "min", number.Format(lo, -1), "max", number.Format(hi, -1))
	}
	return nil
}

func ambiguityHint(v, alt float64, okMine, okAlt bool, u unit) string {
	w := func(x float64) string { return number.Format(x, -1) }
	switch {
	case okMine && okAlt:
		return "tulis " + w(v) + " (tanpa titik: " + strconv.FormatFloat(v, 'f', -1, 64) + ") atau " + w(alt) + " sesuai maksudnya"
	case okAlt:
		return "jika maksudnya " + w(alt) + ", tulis " + w(alt) + plainHint(alt)
	}
	return "tulis angkanya tanpa pemisah ribuan"
}

func ambiguityHintEN(v, alt float64, okMine, okAlt bool, u unit) string {
	w := func(x float64) string { return number.Format(x, -1) }
	switch {
	case okMine && okAlt:
		return "write " + w(v) + " (or " + strconv.FormatFloat(v, 'f', -1, 64) + ") or " + w(alt) + ", whichever is meant"
	case okAlt:
		return "if " + w(alt) + " is meant, write " + w(alt) + plainHint(alt)
	}
	return "write the number without thousands separators"
}

func plainHint(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) >= 1000 {
		return " (" + strconv.FormatFloat(x, 'f', -1, 64) + ")"
	}
	return ""
}

// roundSig rounds to 15 significant digits, the precision Excel keeps, so
// 0,1765 × 100 is 17,65 and not 17,650000000000002.
func roundSig(x float64) float64 {
	y, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
	if err != nil {
		return x
	}
	return y
}

// short cuts a cell's text for a message: a pasted paragraph must not
// swamp the list of problems.
func short(s string) string {
	const max = 40
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "… (" + strconv.Itoa(len(r)) + " karakter)"
}

// isPercentFormat reports whether a number format shows a percentage: the
// built-in 9 and 10, or a custom code with a % outside quotes.
func isPercentFormat(id int, custom string) bool {
	if id == 9 || id == 10 {
		return true
	}
	quoted := false
	for i := 0; i < len(custom); i++ {
		switch custom[i] {
		case '"':
			quoted = !quoted
		case '\\':
			i++
		case '%':
			if !quoted {
				return true
			}
		}
	}
	return false
}
