package shared

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"selaras/backend/fault"
	"selaras/backend/store"
	"selaras/backend/workspace"
)

// Progress is told each table once its rows are copied.
type Progress func(table string, rows int64)

// Meta keys a pulled copy carries (see workspace.Info.OfflineCopyOf).
const (
	KeyCopyOf = workspace.KeyOfflineCopyOf
	KeyCopyAt = workspace.KeyOfflineCopyAt
)

// Push copies the workspace file from into the PostgreSQL database at to,
// every table with its ids and the audit log as it was, in one transaction.
// to must be empty: blank, or holding no more than the reference data a
// fresh workspace ships (the nomenclature, the challenge categories), which
// the file's own replaces. A database with anything else is refused
// untouched, naming what it holds.
func Push(ctx context.Context, from, to string, progress Progress) error {
	if store.IsPostgres(from) {
		return fault.New(fault.SharedNeedsFile, "", "path", store.Redact(from))
	}
	if !store.IsPostgres(to) {
		return fault.New(fault.SharedNeedsServer, "", "path", to)
	}
	if _, err := os.Stat(from); err != nil {
		return fault.New(fault.NoDatabase, "", "path", from)
	}
	src, err := workspace.Open(ctx, from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := store.Open(ctx, to, store.Options{})
	if err != nil {
		return err
	}
	defer dst.Close()
	tables, err := src.Tables(ctx)
	if err != nil {
		return err
	}
	return dst.Tx(ctx, func(tx *sql.Tx) error {
		// Checked inside the transaction that writes, so nothing can slip in
		// between the check and the copy.
		if err := checkEmpty(ctx, tx, dst.Path(), tables); err != nil {
			return err
		}
		return copyTables(ctx, src.Read(), tx, store.Postgres, tables, progress)
	})
}

// Pull makes a new workspace file at to from the shared workspace at from:
// a separate copy for working offline, which says so (where it came from and
// when) and never writes back. An existing file is never overwritten, and a
// copy that fails leaves no file.
func Pull(ctx context.Context, from, to string, progress Progress) (err error) {
	if !store.IsPostgres(from) {
		return fault.New(fault.SharedNeedsServer, "", "path", from)
	}
	if store.IsPostgres(to) {
		return fault.New(fault.SharedNeedsFile, "", "path", store.Redact(to))
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if _, err := os.Stat(to + suffix); err == nil {
			return fault.New(fault.FileExists, "", "path", to+suffix)
		}
	}
	src, err := store.Open(ctx, from, store.Options{})
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := store.Open(ctx, to, store.Options{})
	if err != nil {
		return err
	}
	defer func() {
		cerr := dst.Close()
		if err == nil {
			err = cerr
		}
		if err != nil {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				_ = os.Remove(to + suffix)
			}
		}
	}()
	tables, err := dst.Tables(ctx)
	if err != nil {
		return err
	}
	return dst.Tx(ctx, func(tx *sql.Tx) error {
		if err := store.Empty(ctx, tx, store.SQLite, tables); err != nil {
			return err
		}
		if err := copyTables(ctx, src.Read(), tx, store.SQLite, tables, progress); err != nil {
			return err
		}
		if err := store.SetMeta(ctx, tx, KeyCopyOf, src.Path()); err != nil {
			return err
		}
		return store.SetMeta(ctx, tx, KeyCopyAt, time.Now().UTC().Format(time.RFC3339))
	})
}

// checkEmpty refuses a target holding more than a fresh workspace's
// reference data, then empties it. meta and audit_log are not looked at:
// nothing a person does leaves a row only there.
func checkEmpty(ctx context.Context, tx *sql.Tx, shown string, tables []store.Table) error {
	base, err := baseline(ctx)
	if err != nil {
		return err
	}
	var found []string
	for _, t := range tables {
		if t.Name == "meta" || t.Name == "audit_log" {
			continue
		}
		var n int64
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+store.Quote(t.Name)).Scan(&n); err != nil {
			return fmt.Errorf("shared: push: count %s: %w", t.Name, err)
		}
		if n > base[t.Name] {
			found = append(found, t.Name+": "+strconv.FormatInt(n, 10))
		}
	}
	if len(found) > 0 {
		return fault.New(fault.SharedNotEmpty, "", "path", shown, "found", strings.Join(found, ", "))
	}
	return store.Empty(ctx, tx, store.Postgres, tables)
}

// baseline counts the rows of a freshly opened blank workspace: the
// reference data the migrations and workspace.Open put in every workspace.
func baseline(ctx context.Context) (map[string]int64, error) {
	dir, err := os.MkdirTemp("", "selaras-baseline-")
	if err != nil {
		return nil, fmt.Errorf("shared: baseline: %w", err)
	}
	defer os.RemoveAll(dir)
	s, err := workspace.Open(ctx, filepath.Join(dir, "blank.db"))
	if err != nil {
		return nil, err
	}
	defer s.Close()
	tables, err := s.Tables(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for _, t := range tables {
		var n int64
		if err := s.Read().QueryRowContext(ctx, "SELECT count(*) FROM "+store.Quote(t.Name)).Scan(&n); err != nil {
			return nil, fmt.Errorf("shared: baseline %s: %w", t.Name, err)
		}
		out[t.Name] = n
	}
	return out, nil
}

// copyTables copies every row of tables from src into the emptied target
// inside tx, parents first, then replaces the audit lines the triggers
// wrote while copying with the source's own log.
func copyTables(ctx context.Context, src *sql.DB, tx *sql.Tx, engine store.Engine, tables []store.Table, progress Progress) error {
	var audit *store.Table
	for i, t := range tables {
		if t.Name == "audit_log" {
			audit = &tables[i]
			continue
		}
		if err := copyTable(ctx, src, tx, engine, t, progress); err != nil {
			return err
		}
	}
	if audit != nil {
		if _, err := tx.ExecContext(ctx, "DELETE FROM audit_log"); err != nil {
			return fmt.Errorf("shared: copy audit_log: %w", err)
		}
		if err := copyTable(ctx, src, tx, engine, *audit, progress); err != nil {
			return err
		}
	}
	return nil
}

// maxArgs keeps one INSERT under both engines' limit on placeholders.
const maxArgs = 30000

func copyTable(ctx context.Context, src *sql.DB, tx *sql.Tx, engine store.Engine, t store.Table, progress Progress) error {
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = store.Quote(c)
	}
	keys := make([]string, len(t.Key))
	for i, c := range t.Key {
		keys[i] = store.Quote(c)
	}
	rows, err := src.QueryContext(ctx, "SELECT "+strings.Join(cols, ", ")+" FROM "+store.Quote(t.Name)+
		" ORDER BY "+strings.Join(keys, ", "))
	if err != nil {
		return fmt.Errorf("shared: copy %s: %w", t.Name, err)
	}
	defer rows.Close()
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	per := max(1, min(500, maxArgs/len(cols)))
	head := "INSERT INTO " + store.Quote(t.Name) + " (" + strings.Join(cols, ", ") + ") VALUES "
	insert := func(batch [][]any) error {
		if len(batch) == 0 {
			return nil
		}
		args := make([]any, 0, len(batch)*len(cols))
		for _, r := range batch {
			args = append(args, r...)
		}
		q := head + strings.TrimSuffix(strings.Repeat(row+", ", len(batch)), ", ")
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("shared: copy %s: %w", t.Name, err)
		}
		return nil
	}
	// Rows stream through in batches (the audit log of a busy office is
	// large); only a tree is held whole, to put parents first.
	var batch, tree [][]any
	var n int64
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("shared: copy %s: %w", t.Name, err)
		}
		n++
		if t.Parent != "" {
			tree = append(tree, vals)
			continue
		}
		if batch = append(batch, vals); len(batch) == per {
			if err := insert(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("shared: copy %s: %w", t.Name, err)
	}
	rows.Close()
	if t.Parent != "" {
		if batch, err = parentsFirst(t, tree); err != nil {
			return err
		}
	}
	for start := 0; start < len(batch); start += per {
		if err := insert(batch[start:min(start+per, len(batch))]); err != nil {
			return err
		}
	}
	if err := store.ResetIdentity(ctx, tx, engine, t.Name); err != nil {
		return err
	}
	if progress != nil {
		progress(t.Name, n)
	}
	return ctx.Err()
}

// parentsFirst orders the rows of a tree (nomenclature, central items) so
// each comes after the row it points to.
func parentsFirst(t store.Table, rows [][]any) ([][]any, error) {
	pi, ki := -1, -1
	for i, c := range t.Columns {
		if c == t.Parent {
			pi = i
		}
		if len(t.Key) == 1 && c == t.Key[0] {
			ki = i
		}
	}
	if pi < 0 || ki < 0 {
		return rows, nil
	}
	key := func(v any) string { return fmt.Sprint(v) }
	done := map[string]bool{}
	out := make([][]any, 0, len(rows))
	for len(rows) > 0 {
		var rest [][]any
		for _, r := range rows {
			if r[pi] == nil || done[key(r[pi])] {
				done[key(r[ki])] = true
				out = append(out, r)
			} else {
				rest = append(rest, r)
			}
		}
		if len(rest) == len(rows) {
			return nil, errors.New("shared: copy " + t.Name + ": a row points to a parent that is not there")
		}
		rows = rest
	}
	return out, nil
}
