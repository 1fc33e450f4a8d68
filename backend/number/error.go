package number

import "strings"

// Reason says why a cell is not a number.
type Reason string

const (
	ReasonEmpty    Reason = "empty"    // nothing but spaces
	ReasonSyntax   Reason = "syntax"   // not a number, or stray letters or symbols
	ReasonDecimal  Reason = "decimal"  // more than one decimal separator
	ReasonGrouping Reason = "grouping" // thousands separators not grouping by 3
	ReasonScale    Reason = "scale"    // unknown word after the number
	ReasonRange    Reason = "range"    // too large, or not finite
)

// Error is a cell that could not be read as a number.
type Error struct {
	Input  string // the cell, surrounding spaces removed
	Reason Reason
}

// ErrEmpty is returned for an empty or whitespace-only cell. It is an *Error
// so callers that render *Error messages need no special case.
var ErrEmpty = &Error{Reason: ReasonEmpty}

type text struct{ id, en string }

// reasons holds the user-facing wording; users are office staff, so it names
// the fix rather than the grammar.
var reasons = map[Reason]text{
	ReasonEmpty:  {"isian kosong", "the cell is empty"},
	ReasonSyntax: {"ada huruf atau tanda yang bukan bagian dari angka", "it contains letters or symbols that are not part of a number"},
	ReasonDecimal: {"pemisah desimal lebih dari satu",
		"more than one decimal separator"},
	ReasonGrouping: {"pemisah ribuan harus memisahkan kelompok 3 angka, misalnya 1.234.567",
		"thousands separators must split the digits into groups of 3, e.g. 1.234.567"},
	ReasonScale: {"kata di belakang angka tidak dikenal; gunakan ribu (rb), juta (jt), miliar (M) atau triliun (T)",
		"unknown word after the number; use ribu (rb), juta (jt), miliar (M) or triliun (T)"},
	ReasonRange: {"angkanya terlalu besar (lebih dari satu juta triliun)",
		"the number is too large (more than 10^18)"},
}

func (e *Error) Error() string {
	return "number: " + quote(e.Input) + ": " + reasons[e.Reason].en
}

// Indonesian is the message for the user, e.g.
// "17,6,5" bukan angka yang dikenali: pemisah desimal lebih dari satu.
func (e *Error) Indonesian() string {
	if e.Reason == ReasonEmpty {
		return reasons[ReasonEmpty].id
	}
	return quote(e.Input) + " bukan angka yang dikenali: " + e.reason().id
}

// English is the message for a user who chose English.
func (e *Error) English() string {
	if e.Reason == ReasonEmpty {
		return reasons[ReasonEmpty].en
	}
	return quote(e.Input) + " is not a recognised number: " + e.reason().en
}

func (e *Error) reason() text {
	if t, ok := reasons[e.Reason]; ok {
		return t
	}
	return reasons[ReasonSyntax]
}

// quote wraps s in double quotes for a message. Unlike %q it keeps the text
// readable: the non-breaking spaces of a copied cell show as spaces, not
// "\u00a0", and only control characters are replaced.
func quote(s string) string {
	return `"` + strings.Map(func(r rune) rune {
		switch {
		case isSpace(r):
			return ' '
		case r < ' ' || r == 0x7f:
			return '\uFFFD'
		}
		return r
	}, s) + `"`
}
