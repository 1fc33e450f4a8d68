package fault

import (
	"errors"

	"selaras/backend/number"
)

// A cell or field the number parser could not read (backend/number): the
// parser says why with a Reason, the catalogue words it.
const (
	NumberEmpty Code = "number_empty"
	// "{input}" is not a recognised number: {why}.
	NumberRefused  Code = "number_refused"
	NumberSyntax   Code = "number_syntax"
	NumberDecimal  Code = "number_decimal"
	NumberGrouping Code = "number_grouping"
	NumberScale    Code = "number_scale"
	NumberRange    Code = "number_range"
)

var numberReasons = map[number.Reason]Code{
	number.ReasonSyntax:   NumberSyntax,
	number.ReasonDecimal:  NumberDecimal,
	number.ReasonGrouping: NumberGrouping,
	number.ReasonScale:    NumberScale,
	number.ReasonRange:    NumberRange,
}

// WithNumber sets the argument k of e to why the parser refused a text
// (err from number.Parse): "\"17,6,5\" bukan angka yang dikenali: pemisah
// desimal lebih dari satu", worded in the user's language. The parser's
// input becomes {input} and its reason {why}.
func (e *Error) WithNumber(k string, err error) *Error {
	var ne *number.Error
	switch {
	case !errors.As(err, &ne):
		e.Args["input"] = err.Error()
		return e.WithCode(k, NumberRefused).WithCode("why", NumberSyntax)
	case ne.Reason == number.ReasonEmpty:
		return e.WithCode(k, NumberEmpty)
	}
	why, ok := numberReasons[ne.Reason]
	if !ok {
		why = NumberSyntax
	}
	e.Args["input"] = ne.Shown()
	return e.WithCode(k, NumberRefused).WithCode("why", why)
}
