package store

// A read of thousands of rows pays the drivers per column: modernc's
// conversion (a type check, a copy and a lock per column and row) and pgx's
// parse of each row's message. Packed has the engine write the whole result
// as one text value instead, read in one call and cut up here: numbers are
// parsed in place and texts are slices of that one value, with no
// allocation per row or column.
//
// Each field is written as the engines write the value as text, followed
// by ','; a number that is NULL is empty; a text is its length in bytes,
// ':' and its bytes, so no character inside it needs escaping. Both
// engines write a float so it parses back to the same float64 (SQLite
// since 3.43, PostgreSQL since 12).

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// PackCol is one column of a packed row: an SQL expression and whether it
// is text.
type PackCol struct {
	Expr string
	Text bool
}

// Num is a numeric column of a packed row.
func Num(expr string) PackCol { return PackCol{Expr: expr} }

// Txt is a text column of a packed row.
func Txt(expr string) PackCol { return PackCol{Expr: expr, Text: true} }

// PackRow is the SQL expression of one row's columns as one text: concat()
// (SQLite 3.44, PostgreSQL) writes a NULL as the empty text.
func PackRow(cols ...PackCol) string {
	var b strings.Builder
	b.WriteString("concat(")
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		if c.Text {
			b.WriteString("octet_length(" + c.Expr + "), ':', ")
		}
		b.WriteString(c.Expr + ", ','")
	}
	b.WriteString(")")
	return b.String()
}

// PackAll is the aggregate of packed rows into one value; string_agg is
// SQLite's (3.44) and PostgreSQL's.
func PackAll(row string) string { return "string_agg(" + row + ", '')" }

// ReadPacked runs a query whose one row holds one packed result (PackAll)
// and returns its reader; no rows, or NULL (an aggregate of none), is an
// empty result.
func ReadPacked(ctx context.Context, q Querier, query string, args ...any) (*Packed, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var v any
	if rows.Next() {
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	switch x := v.(type) {
	case string:
		return &Packed{s: x}, nil
	case []byte:
		return &Packed{s: string(x)}, nil
	case nil:
		return &Packed{}, nil
	}
	return nil, fmt.Errorf("store: a packed result of type %T", v)
}

// Packed reads a packed result field by field, in the order of its
// columns. The first error sticks: the reads after it return zero values,
// and Err reports it.
type Packed struct {
	s   string
	pos int
	err error
}

// Reset makes p read s: a packed row or result read some other way (one
// column of each row).
func (p *Packed) Reset(s string) { *p = Packed{s: s} }

// Pos is where the next field starts, for Seek.
func (p *Packed) Pos() int { return p.pos }

// Seek makes the field at pos (from Pos) the next one read.
func (p *Packed) Seek(pos int) {
	if p.err == nil {
		p.pos = pos
	}
}

// Skip passes fields without reading them, of the kinds in kinds: 'n' a
// number, 't' a text.
func (p *Packed) Skip(kinds string) {
	for i := 0; i < len(kinds); i++ {
		if kinds[i] == 't' {
			p.Text()
		} else {
			p.field()
		}
	}
}

// More reports whether another row follows.
func (p *Packed) More() bool { return p.err == nil && p.pos < len(p.s) }

// Err is the first error met.
func (p *Packed) Err() error { return p.err }

func (p *Packed) fail(what string) {
	if p.err == nil {
		p.err = fmt.Errorf("store: packed result: %s at byte %d", what, p.pos)
	}
}

// field is the text up to the next ',', which it passes.
func (p *Packed) field() string {
	if p.err != nil {
		return ""
	}
	i := strings.IndexByte(p.s[p.pos:], ',')
	if i < 0 {
		p.fail("a field without its end")
		return ""
	}
	f := p.s[p.pos : p.pos+i]
	p.pos += i + 1
	return f
}

// Int is the next field as an integer; ok is false when it is NULL.
func (p *Packed) Int() (n int64, ok bool) {
	f := p.field()
	if f == "" {
		return 0, false
	}
	n, err := strconv.ParseInt(f, 10, 64)
	if err != nil {
		p.fail("an integer " + strconv.Quote(f))
		return 0, false
	}
	return n, true
}

// Float is the next field as a number; ok is false when it is NULL.
func (p *Packed) Float() (x float64, ok bool) {
	f := p.field()
	if f == "" {
		return 0, false
	}
	x, err := strconv.ParseFloat(f, 64)
	if err != nil {
		p.fail("a number " + strconv.Quote(f))
		return 0, false
	}
	return x, true
}

// Text is the next field as text ("" when NULL): a slice of the result.
func (p *Packed) Text() string {
	if p.err != nil {
		return ""
	}
	i := strings.IndexByte(p.s[p.pos:], ':')
	if i < 0 {
		p.fail("a text without its length")
		return ""
	}
	n := 0
	if i > 0 {
		v, err := strconv.Atoi(p.s[p.pos : p.pos+i])
		if err != nil || v < 0 {
			p.fail("a text length")
			return ""
		}
		n = v
	}
	start := p.pos + i + 1
	end := start + n
	if end >= len(p.s) || p.s[end] != ',' {
		p.fail("a text of the wrong length")
		return ""
	}
	p.pos = end + 1
	return p.s[start:end]
}
