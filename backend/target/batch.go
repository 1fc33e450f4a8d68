package target

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"selaras/backend/store"
)

// How a batch reaches the database. A returned template writes thousands
// of values in one transaction: one statement per value (each firing its
// audit triggers, each a round trip to a PostgreSQL server) was most of an
// import's time. So the stored values are read in one query per region and
// year, and the changed ones are written many rows per statement: on
// PostgreSQL one upsert of arrays (unnest), elsewhere upserts of up to
// rowsPerUpsert rows, prepared once per size. Each row still fires its own
// audit trigger, so every change keeps its line in the audit log.

// stmts are a batch's statements, prepared once per transaction.
type stmts struct {
	tx                *sql.Tx
	arrays            bool // one upsert of arrays (PostgreSQL)
	load, upsert, del *sql.Stmt
	rows              map[int]*sql.Stmt // multi-row upserts by their number of rows
	complete          bool              // loadAll read every stored value the batch can touch
}

// maxPlaces bounds loadAll: a returned template covers one region and year;
// a batch spread over many places reads its values one by one instead.
const maxPlaces = 16

// rowsPerUpsert is a multi-row upsert's size: 13 parameters a row, far
// below SQLite's 32,766 and PostgreSQL's 65,535 per statement.
const rowsPerUpsert = 500

// arrays reports whether the writer is a PostgreSQL workspace, which takes
// a batch as one upsert of arrays. A transaction bound by store.InTx does
// not say; it gets the multi-row statements both engines run.
func arrays(w store.Writer) bool {
	e, ok := w.(interface{ Engine() store.Engine })
	return ok && e.Engine() == store.Postgres
}

func prepare(ctx context.Context, tx *sql.Tx, arrays bool) (*stmts, error) {
	st := stmts{tx: tx, arrays: arrays, rows: map[int]*sql.Stmt{}}
	var err error
	if st.load, err = tx.PrepareContext(ctx, loadSQL); err == nil {
		if st.upsert, err = tx.PrepareContext(ctx, upsertSQL); err == nil {
			st.del, err = tx.PrepareContext(ctx, deleteSQL)
		}
	}
	if err != nil {
		st.close()
		return nil, fmt.Errorf("target: prepare: %w", err)
	}
	return &st, nil
}

func (st *stmts) close() {
	for _, s := range []*sql.Stmt{st.load, st.upsert, st.del} {
		if s != nil {
			s.Close()
		}
	}
	for _, s := range st.rows {
		s.Close()
	}
}

// writeCols are the columns a batch writes: cols and the version the row
// will have.
const writeCols = cols + ", version"

const (
	loadSQL = "SELECT " + readCols + " FROM indicator_value WHERE indicator_id = ? AND region_code = ? AND year = ?"
	// The delete and the upsert's update name the version the batch read, so
	// a row changed meanwhile by another writer (PostgreSQL lets two read the
	// same version) matches nothing and is refused instead of overwritten; a
	// new row's 0 never matches a row inserted meanwhile (versions start at 1).
	deleteSQL = "DELETE FROM indicator_value WHERE indicator_id = ? AND region_code = ? AND year = ? AND version = ?"
	upsertSQL = `INSERT INTO indicator_value(` + cols + `) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(indicator_id, region_code, year) DO UPDATE SET target = excluded.target, target_num = excluded.target_num,
  target_den = excluded.target_den, realisation = excluded.realisation, real_num = excluded.real_num,
  real_den = excluded.real_den, baseline = excluded.baseline, source = excluded.source, note = excluded.note,
  version = indicator_value.version + 1
WHERE indicator_value.version = ?`
	// The batched upserts: each row carries the version it will have (the
	// one read + 1: a new row starts at 1), so the update can name the
	// version read for every row of the statement at once. A row changed
	// meanwhile is neither updated nor returned.
	upsertRowsTail = `
ON CONFLICT(indicator_id, region_code, year) DO UPDATE SET target = excluded.target, target_num = excluded.target_num,
  target_den = excluded.target_den, realisation = excluded.realisation, real_num = excluded.real_num,
  real_den = excluded.real_den, baseline = excluded.baseline, source = excluded.source, note = excluded.note,
  version = excluded.version
WHERE indicator_value.version = excluded.version - 1
RETURNING indicator_id, region_code, year`
	upsertArraysSQL = `INSERT INTO indicator_value(` + writeCols + `)
SELECT * FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],
  ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::text[], ?::bigint[])` + upsertRowsTail
)

// upsertRows is the prepared upsert of n rows.
func (st *stmts) upsertRows(ctx context.Context, n int) (*sql.Stmt, error) {
	if s, ok := st.rows[n]; ok {
		return s, nil
	}
	row := "(?" + strings.Repeat(", ?", strings.Count(writeCols, ",")) + ")"
	q := "INSERT INTO indicator_value(" + writeCols + ") VALUES " + row + strings.Repeat(", "+row, n-1) + upsertRowsTail
	s, err := st.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("target: prepare: %w", err)
	}
	st.rows[n] = s
	return s, nil
}

// putAll upserts vals (none of them empty), each over the version it was
// read at. It returns the key of a value another writer changed meanwhile,
// nil when every one was written.
func (st *stmts) putAll(ctx context.Context, vals []Value) (*Key, error) {
	if len(vals) == 0 {
		return nil, nil
	}
	if st.arrays {
		return st.putArrays(ctx, vals)
	}
	for from := 0; from < len(vals); from += rowsPerUpsert {
		part := vals[from:min(from+rowsPerUpsert, len(vals))]
		s, err := st.upsertRows(ctx, len(part))
		if err != nil {
			return nil, err
		}
		args := make([]any, 0, len(part)*13)
		for _, v := range part {
			args = append(args, v.IndicatorID, v.Region, v.Year, v.Target, v.TargetNum, v.TargetDen, v.Realisation,
				v.RealNum, v.RealDen, v.Baseline, v.Source, v.Note, v.Version+1)
		}
		rows, err := s.QueryContext(ctx, args...)
		if k, err := unwritten(rows, err, part); k != nil || err != nil {
			return k, err
		}
	}
	return nil, nil
}

// putArrays upserts vals in one statement, a column to an array.
func (st *stmts) putArrays(ctx context.Context, vals []Value) (*Key, error) {
	n := len(vals)
	ids, years, versions := make([]int64, n), make([]int64, n), make([]int64, n)
	regions, sources, notes := make([]string, n), make([]string, n), make([]string, n)
	var figures [7][]*float64
	for i := range figures {
		figures[i] = make([]*float64, n)
	}
	for i, v := range vals {
		ids[i], regions[i], years[i], versions[i] = v.IndicatorID, v.Region, int64(v.Year), v.Version+1
		sources[i], notes[i] = v.Source, v.Note
		for j, x := range []*float64{v.Target, v.TargetNum, v.TargetDen, v.Realisation, v.RealNum, v.RealDen, v.Baseline} {
			figures[j][i] = x
		}
	}
	rows, err := st.tx.QueryContext(ctx, upsertArraysSQL, ids, regions, years, figures[0], figures[1], figures[2], figures[3],
		figures[4], figures[5], figures[6], sources, notes, versions)
	return unwritten(rows, err, vals)
}

// unwritten reads the keys an upsert returned (those it wrote) and names
// the first of vals it did not write.
func unwritten(rows *sql.Rows, err error, vals []Value) (*Key, error) {
	if err != nil {
		return nil, fmt.Errorf("target: save: %w", err)
	}
	defer rows.Close()
	written := make(map[Key]bool, len(vals))
	for rows.Next() {
		var k Key
		if err := rows.Scan(&k.IndicatorID, &k.Region, &k.Year); err != nil {
			return nil, fmt.Errorf("target: save: %w", err)
		}
		written[k] = true
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("target: save: %w", err)
	}
	if len(written) == len(vals) {
		return nil, nil
	}
	for _, v := range vals {
		if k := v.Key(); !written[k] {
			return &k, nil
		}
	}
	return nil, errors.New("target: save: more rows written than sent")
}

// clearAll deletes the rows of vals (all of them cleared), each at the
// version it was read at, returning the key of one changed meanwhile.
func (st *stmts) clearAll(ctx context.Context, vals []Value) (*Key, error) {
	for _, v := range vals {
		err := st.put(ctx, v)
		if errors.Is(err, errStale) {
			k := v.Key()
			return &k, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return nil, nil
}

// loadAll reads, one query per region and year, the stored values a batch
// may change: looking each up by its key was half of a 10,000-row import.
func (st *stmts) loadAll(ctx context.Context, tx *sql.Tx, edits []Edit) (map[Key]Value, error) {
	type place struct {
		region string
		year   int
	}
	places := map[place]bool{}
	for _, e := range edits {
		places[place{strings.TrimSpace(e.Region), e.Year}] = true
		if len(places) > maxPlaces {
			return nil, nil
		}
	}
	out := map[Key]Value{}
	for p := range places {
		rows, err := tx.QueryContext(ctx, "SELECT "+readCols+" FROM indicator_value WHERE region_code = ? AND year = ?", p.region, p.year)
		if err != nil {
			return nil, fmt.Errorf("target: load: %w", err)
		}
		for rows.Next() {
			var v Value
			if err := rows.Scan(&v.IndicatorID, &v.Region, &v.Year, &v.Target, &v.TargetNum, &v.TargetDen,
				&v.Realisation, &v.RealNum, &v.RealDen, &v.Baseline, &v.Source, &v.Note, &v.Version); err != nil {
				rows.Close()
				return nil, fmt.Errorf("target: load: %w", err)
			}
			out[Key{v.IndicatorID, v.Region, v.Year}] = v
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("target: load: %w", err)
		}
	}
	st.complete = true
	return out, nil
}

func (st *stmts) loadOne(ctx context.Context, k Key) (Value, error) {
	v := Value{IndicatorID: k.IndicatorID, Region: k.Region, Year: k.Year}
	err := st.load.QueryRowContext(ctx, k.IndicatorID, k.Region, k.Year).Scan(&v.IndicatorID, &v.Region, &v.Year, &v.Target, &v.TargetNum, &v.TargetDen,
		&v.Realisation, &v.RealNum, &v.RealDen, &v.Baseline, &v.Source, &v.Note, &v.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return v, nil
	}
	if err != nil {
		return v, fmt.Errorf("target: load: %w", err)
	}
	return v, nil
}

func (v Value) empty() bool {
	return v.Target == nil && v.TargetNum == nil && v.TargetDen == nil && v.Realisation == nil && v.RealNum == nil &&
		v.RealDen == nil && v.Baseline == nil && v.Note == ""
}

// errStale is put's answer when the row is no longer at v.Version.
var errStale = errors.New("target: changed meanwhile")

// put upserts v over the stored row at v.Version (0: none), or deletes the
// row when every part has been cleared. It returns errStale when another
// writer changed the row since it was read.
func (st *stmts) put(ctx context.Context, v Value) error {
	if v.empty() {
		if v.Version == 0 {
			return nil // no row, nothing to clear
		}
		res, err := st.del.ExecContext(ctx, v.IndicatorID, v.Region, v.Year, v.Version)
		if err != nil {
			return fmt.Errorf("target: clear: %w", err)
		}
		return stale(res)
	}
	res, err := st.upsert.ExecContext(ctx, v.IndicatorID, v.Region, v.Year, v.Target, v.TargetNum, v.TargetDen, v.Realisation,
		v.RealNum, v.RealDen, v.Baseline, v.Source, v.Note, v.Version)
	if err != nil {
		return fmt.Errorf("target: save: %w", err)
	}
	return stale(res)
}

func stale(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("target: save: %w", err)
	}
	if n == 0 {
		return errStale
	}
	return nil
}
