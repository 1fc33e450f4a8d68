package store

// The PostgreSQL connection as the domain packages see it: database/sql over
// pgx, with the two differences that would otherwise leak into every query
// smoothed here. Placeholders are written "?" (or "?1") everywhere and become
// "$n"; booleans travel as the 0/1 integers the schema stores, both ways.

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/stdlib"
)

type pgConnector struct{ driver.Connector }

func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &pgConn{conn.(*stdlib.Conn)}, nil
}

type pgConn struct{ *stdlib.Conn }

func (c *pgConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	q, err := rebind(query)
	if err != nil {
		return nil, err
	}
	return c.Conn.PrepareContext(ctx, q)
}

func (c *pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	q, err := rebind(query)
	if err != nil {
		return nil, err
	}
	return c.Conn.ExecContext(ctx, q, args)
}

func (c *pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	q, err := rebind(query)
	if err != nil {
		return nil, err
	}
	rows, err := c.Conn.QueryContext(ctx, q, args)
	if err != nil {
		return nil, err
	}
	return pgRows{rows.(*stdlib.Rows)}, nil
}

// CheckNamedValue sends a Go bool as the 0/1 the INTEGER columns hold.
func (c *pgConn) CheckNamedValue(v *driver.NamedValue) error {
	if b, ok := v.Value.(bool); ok {
		v.Value = boolInt(b)
	}
	return c.Conn.CheckNamedValue(v)
}

// pgRows reads a boolean result (a comparison in a SELECT list) as 0/1, as
// SQLite gives it, so one Scan target serves both engines.
type pgRows struct{ *stdlib.Rows }

func (r pgRows) Next(dest []driver.Value) error {
	if err := r.Rows.Next(dest); err != nil {
		return err
	}
	for i, v := range dest {
		if b, ok := v.(bool); ok {
			dest[i] = boolInt(b)
		}
	}
	return nil
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// rebind turns "?" placeholders into "$1", "$2"… and "?3" into "$3",
// leaving alone what PostgreSQL reads as text: quoted strings ('…', E'…'
// with its backslash escapes), quoted identifiers, dollar-quoted bodies
// ($$…$$, $tag$…$tag$) and comments (-- and nested /* */). A query that
// mixes "?" with "?N" is refused: SQLite numbers a "?" after "?N" from N,
// this rewriting from the count of "?" before it, so the same query would
// bind differently on the two engines. So is one whose quote or comment
// never ends, where nothing can tell a placeholder from text.
func rebind(q string) (string, error) {
	if !strings.Contains(q, "?") {
		return q, nil
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	numbered := false
	for i := 0; i < len(q); i++ {
		c := q[i]
		end := -1
		switch {
		case c == '\'' || c == '"':
			escapes := c == '\'' && i > 0 && (q[i-1] == 'E' || q[i-1] == 'e') && (i < 2 || !isIdentByte(q[i-2]))
			end = quoted(q, i, c, escapes)
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			end = strings.IndexByte(q[i:], '\n')
			if end < 0 {
				end = len(q)
			} else {
				end += i
			}
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			end = blockComment(q, i)
		case c == '$' && (i == 0 || !isIdentByte(q[i-1])):
			if tag := dollarTag(q, i); tag != "" {
				j := strings.Index(q[i+len(tag):], tag)
				if j < 0 {
					return "", fmt.Errorf("store: query has an unterminated %s quote", tag)
				}
				end = i + len(tag) + j + len(tag)
			}
		case c == '?':
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			b.WriteByte('$')
			if j > i+1 {
				numbered = true
				b.WriteString(q[i+1 : j])
				i = j - 1
			} else {
				n++
				b.WriteString(strconv.Itoa(n))
			}
			if numbered && n > 0 {
				return "", fmt.Errorf("store: query mixes ? and ?N placeholders: %.60q", q)
			}
			continue
		}
		if end < 0 {
			if c == '\'' || c == '"' || c == '/' && i+1 < len(q) && q[i+1] == '*' {
				return "", fmt.Errorf("store: query has an unterminated quote or comment: %.60q", q)
			}
			b.WriteByte(c)
			continue
		}
		b.WriteString(q[i:end])
		i = end - 1
	}
	return b.String(), nil
}

// quoted is the index just past the quote opened at q[i], or -1.
func quoted(q string, i int, quote byte, escapes bool) int {
	for j := i + 1; j < len(q); j++ {
		switch {
		case escapes && q[j] == '\\':
			j++
		case q[j] == quote && j+1 < len(q) && q[j+1] == quote: // doubled inside
			j++
		case q[j] == quote:
			return j + 1
		}
	}
	return -1
}

// blockComment is the index just past the /* */ comment at q[i] (they
// nest in PostgreSQL), or -1.
func blockComment(q string, i int) int {
	depth := 0
	for j := i; j+1 < len(q); j++ {
		switch {
		case q[j] == '/' && q[j+1] == '*':
			depth++
			j++
		case q[j] == '*' && q[j+1] == '/':
			depth--
			j++
			if depth == 0 {
				return j + 1
			}
		}
	}
	return -1
}

// dollarTag is the opening "$tag$" or "$$" at q[i], or "" when q[i] is not
// one ("$1" is a parameter).
func dollarTag(q string, i int) string {
	j := i + 1
	for j < len(q) && (isIdentByte(q[j]) && !(j == i+1 && q[j] >= '0' && q[j] <= '9')) {
		j++
	}
	if j < len(q) && q[j] == '$' {
		return q[i : j+1]
	}
	return ""
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
