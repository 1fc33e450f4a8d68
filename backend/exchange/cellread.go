package exchange

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
	"selaras/backend/number"
	"selaras/backend/template"
)

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
func readValue(c rawCell, u template.Unit) (cellValue, *fault.Error) {
	out := cellValue{formula: c.formula != ""}
	// excelize cannot tell a formula never calculated from one giving "";
	// in an input cell both are refused rather than read as "no figure".
	if c.formula != "" && strings.TrimSpace(c.value) == "" {
		return out, fault.New(fault.CellFormulaNoValue, "", "formula", short("="+c.formula))
	}
	raw := strings.TrimSpace(c.value)
	if u == template.UnitText {
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
				return out, fault.New(fault.CellOutOfRange, "", "value", short(raw), "min", number.Format(-template.MaxInput, 0), "max", number.Format(template.MaxInput, 0))
			}
			v, numeric = x, true
			if c.pctFmt {
				if !u.Percent() {
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
				err = &number.Error{Input: short(raw), Reason: ne.Reason}
			}
			return out, fault.New(fault.CellNotNumber, "", "value", short(raw)).WithNumber("reason", err)
		}
		if n.Percent && !u.Percent() {
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
			if u.Amount() && strings.Contains(raw, ".") {
				okAlt = false // an amount's dots are thousands
			}
			if okAlt {
				return out, fault.New(fault.CellAmbiguous, "", "value", short(raw), "a", number.Format(v, -1), "b", number.Format(alt, -1),
					"plain", strconv.FormatFloat(v, 'f', -1, 64), "plainB", plainHint(alt)).WithCode("hint", ambiguityHint(okMine, okAlt))
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
func fits(v float64, u template.Unit) *fault.Error {
	lo, hi, lowOpen := u.Bounds()
	if v < 0 && lo >= 0 {
		return fault.New(fault.CellNegative, "", "value", "")
	}
	if u.Whole() && v != math.Trunc(v) {
		return fault.New(fault.CellNotWhole, "", "value", "")
	}
	if v < lo || v > hi || (lowOpen && v == lo) {
		if u == template.UnitDen && v == 0 {
			return fault.New(fault.CellZeroDenominator, "", "value", "")
		}
		return fault.New(fault.CellOutOfRange, "", "value", "", "min", number.Format(lo, -1), "max", number.Format(hi, -1))
	}
	return nil
}

// ambiguityHint is how to write the number meant: either reading ({a} or
// {b}), the other one ({b}), or without separators.
func ambiguityHint(okMine, okAlt bool) fault.Code {
	switch {
	case okMine && okAlt:
		return fault.HintEither
	case okAlt:
		return fault.HintOther
	}
	return fault.HintPlain
}

// plainHint is {b} without separators, " (1311000)", when it helps.
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
	return string(r[:max]) + "… (" + strconv.Itoa(len(r)) + ")"
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
