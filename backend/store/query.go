package store

// The query helpers every package reads with: the conditions of a filtered
// list (Where), the rows of a list (QueryAll) or a link table (EachLink), and
// the error of a one-row read (NoRow).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Where gathers the optional conditions of a filtered query and their
// arguments, in order, so a list function states only its filters.
type Where struct {
	conds []string
	args  []any
}

// Add appends a condition and the arguments of its placeholders.
func (w *Where) Add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// In appends "column IN (?, ...)" for values; no values adds nothing.
func In[T any](w *Where, column string, values []T) {
	if len(values) == 0 {
		return
	}
	w.Add(column+" IN ("+Placeholders(len(values))+")", anys(values)...)
}

// AddRegion appends the condition for the region code and every region
// under it ("19" and each "19.xx").
func (w *Where) AddRegion(column, code string) {
	cond, args := RegionScope(column, code)
	w.Add(cond, args...)
}

// RegionScope is the condition for the region code and every region under
// it. A range rather than LIKE so an index on the column is used: '/' is the
// character after '.', so the range holds every "19.xx".
func RegionScope(column, code string) (string, []any) {
	return "(" + column + " = ? OR (" + column + " > ? AND " + column + " < ?))", []any{code, code + ".", code + "/"}
}

// Lower folds ASCII letters to lower case and leaves every other character
// as it is: what lower() of a text column does on both engines (SQLite's
// lower(), and PostgreSQL's under the columns' COLLATE "C"). A value compared
// with lower(column) is folded here rather than by lower(?), which a server
// would fold by its own locale.
func Lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// And joins the conditions with AND; "1 = 1" when there are none.
func (w *Where) And() string {
	if len(w.conds) == 0 {
		return "1 = 1"
	}
	return strings.Join(w.conds, " AND ")
}

// Or joins the conditions with OR, for a group Added to another Where.
func (w *Where) Or() string { return strings.Join(w.conds, " OR ") }

// Clause is " WHERE " and the conditions, or "" when there are none.
func (w *Where) Clause() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + w.And()
}

// Args are the arguments of every condition, in order.
func (w *Where) Args() []any { return w.args }

// Placeholders is "?,?,..." for n values.
func Placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func anys[T any](values []T) []any {
	out := make([]any, len(values))
	for i, v := range values {
		out[i] = v
	}
	return out
}

// Querier is what reads run on: the read pool, the write pool or a
// transaction.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// EachLink runs a query of (owner id, linked id) rows, the rows of a link
// table, and hands each pair to add.
func EachLink(ctx context.Context, q Querier, add func(owner, linked int64), query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var owner, linked int64
		if err := rows.Scan(&owner, &linked); err != nil {
			return err
		}
		add(owner, linked)
	}
	return rows.Err()
}

// Links reads a link table into list: each (owner id, linked id) row of
// query appends the linked id to the ids of its owner, which of names with
// its id; rows of owners not in list are passed over.
func Links[T any](ctx context.Context, q Querier, list []T, of func(*T) (id int64, ids *[]int64), query string, args ...any) error {
	pos := make(map[int64]int, len(list))
	for i := range list {
		id, _ := of(&list[i])
		pos[id] = i
	}
	return EachLink(ctx, q, func(owner, linked int64) {
		if i, ok := pos[owner]; ok {
			_, ids := of(&list[i])
			*ids = append(*ids, linked)
		}
	}, query, args...)
}

// Row is what a scan function reads: a *sql.Row or the current row of
// *sql.Rows.
type Row = interface{ Scan(...any) error }

// QueryAll runs a query and reads every row with scan, into a slice that is
// never nil (a list with no rows is [] in JSON).
func QueryAll[T any](ctx context.Context, q Querier, scan func(Row) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// NoRow is the error of a read of one row that failed: missing when there
// is no such row, else err with what was being read.
func NoRow(err, missing error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return missing
	}
	return fmt.Errorf("%s: %w", what, err)
}

// Raw is one row's columns as the driver gives them, scanned without
// conversion: database/sql converts a column into a typed destination
// through reflection for every named type and int, a cost paid per column
// and row on reads of thousands of rows. Both engines' drivers give
// int64 (or int32), float64, string (or []byte) and nil.
type Raw struct {
	v    []any
	dest []any
}

// NewRaw makes a Raw for n columns.
func NewRaw(n int) *Raw {
	r := &Raw{v: make([]any, n), dest: make([]any, n)}
	for i := range r.v {
		r.dest[i] = &r.v[i]
	}
	return r
}

// Scan reads the row's columns.
func (r *Raw) Scan(row Row) error { return row.Scan(r.dest...) }

// Int is column i as an integer (0 when NULL).
func (r *Raw) Int(i int) (int64, error) {
	switch x := r.v[i].(type) {
	case int64:
		return x, nil
	case int32:
		return int64(x), nil
	case nil:
		return 0, nil
	}
	return 0, fmt.Errorf("store: column %d: an integer of type %T", i, r.v[i])
}

// Float is column i as a number; ok is false when it is NULL.
func (r *Raw) Float(i int) (f float64, ok bool, err error) {
	switch x := r.v[i].(type) {
	case float64:
		return x, true, nil
	case int64:
		return float64(x), true, nil
	case nil:
		return 0, false, nil
	}
	return 0, false, fmt.Errorf("store: column %d: a number of type %T", i, r.v[i])
}

// Null reports whether column i is NULL.
func (r *Raw) Null(i int) bool { return r.v[i] == nil }

// Text is column i as text ("" when NULL).
func (r *Raw) Text(i int) (string, error) {
	switch x := r.v[i].(type) {
	case string:
		return x, nil
	case []byte:
		return string(x), nil
	case nil:
		return "", nil
	}
	return "", fmt.Errorf("store: column %d: a text of type %T", i, r.v[i])
}
