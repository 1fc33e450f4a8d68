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

// Reasons lists every reason, for the catalogue's test that each is worded.
var Reasons = []Reason{ReasonEmpty, ReasonSyntax, ReasonDecimal, ReasonGrouping, ReasonScale, ReasonRange}

// Error is for logs; the user reads the reason worded by backend/fault's
// catalogue (fault.WithNumber), in the user's language.
func (e *Error) Error() string {
	return "number: " + quote(e.Input) + ": " + string(e.Reason)
}

// Shown is the input as a message quotes it: the non-breaking spaces of a
// copied cell as spaces, control characters replaced.
func (e *Error) Shown() string {
	q := quote(e.Input)
	return q[1 : len(q)-1]
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
