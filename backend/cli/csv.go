package cli

import (
	"encoding/csv"
	"regexp"
	"strconv"
	"strings"
)

// Output formats of the commands that print tables.
const (
	formatCSV    = "csv"     // for Excel set to Indonesian: BOM, ';', decimal comma, formulas neutralised
	formatCSVRFC = "csv-rfc" // for scripts: RFC 4180 with ',', decimal point, values exactly as stored
	formatJSON   = "json"
)

// formatHelp is the --format flag's description.

// table writes a command's rows in one of the two CSV flavours.
//
// The Excel flavour starts with a UTF-8 byte-order mark (without it Excel
// reads UTF-8 as the ANSI code page), separates with ';' and writes decimal
// commas, as Excel set to Indonesian expects, and neutralises formulas:
// a field starting with = + - @, a tab or a carriage return gets a leading
// single quote (OWASP, CSV injection), so a decision text such as
// =HYPERLINK(...) or -2+3+cmd|' /C calc'!A0 stays text. A field that is a
// plain number (-2,5 or -12) is left alone: Excel reads it as a number and
// never as a formula, and quoting it would turn figures into text.
type table struct {
	w     *csv.Writer
	excel bool
}

func newTable(env Env, format string) *table {
	t := &table{w: csv.NewWriter(env.Stdout), excel: format == formatCSV}
	if t.excel {
		_, _ = env.Stdout.Write([]byte("\uFEFF"))
		t.w.Comma = ';'
		t.w.UseCRLF = true
	}
	return t
}

// plainNumber is a number as our commands print it, in either flavour.
var plainNumber = regexp.MustCompile(`^[-+]?[0-9]+([.,][0-9]+)?$`)

// Neutralise makes a field safe to open in a spreadsheet (see table).
func Neutralise(field string) string {
	if field == "" || plainNumber.MatchString(field) {
		return field
	}
	switch field[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + field
	}
	return field
}

// row writes one record; write errors surface at flush.
func (t *table) row(fields ...string) {
	if t.excel {
		for i, f := range fields {
			fields[i] = Neutralise(f)
		}
	}
	_ = t.w.Write(fields)
}

// num prints a figure, "" for none: a decimal comma for Excel, a point for scripts.
func (t *table) num(p *float64) string {
	if p == nil {
		return ""
	}
	s := strconv.FormatFloat(*p, 'f', -1, 64)
	if t.excel {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func (t *table) flush() error {
	t.w.Flush()
	return t.w.Error()
}
