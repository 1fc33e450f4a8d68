package store

// What copying a whole workspace between the engines needs to know of the
// dialects (selaras workspace push/pull, backend/shared): the tables of a
// workspace file read from its own schema, emptying tables, and setting a
// PostgreSQL identity after rows were copied with their ids.

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
)

// Table is one table of the workspace schema as a copy needs it.
type Table struct {
	Name    string
	Columns []string
	Key     []string // primary key columns: the order rows are read in
	Parent  string   // a column referencing this same table (a tree), "" if none
}

// Tables lists the tables of a workspace file, parents before the tables
// that reference them, read from the file's own schema so that a new
// migration's tables come along. schema_migrations is left out: both sides
// of a copy are migrated by Open; so is generation, each side's own count
// of its changes (a copy bumps it by writing, never sets it back).
func (s *Store) Tables(ctx context.Context) ([]Table, error) {
	if s.Engine() != SQLite {
		return nil, fmt.Errorf("store: tables: read from a workspace file")
	}
	db := s.r
	names, err := QueryAll(ctx, db, func(r Row) (string, error) {
		var n string
		return n, r.Scan(&n)
	}, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
AND name NOT IN ('schema_migrations', 'generation') ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("store: tables: %w", err)
	}
	byName := map[string]*Table{}
	parents := map[string][]string{}
	for _, n := range names {
		t := &Table{Name: n}
		rows, err := db.QueryContext(ctx, "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", n)
		if err != nil {
			return nil, fmt.Errorf("store: tables %s: %w", n, err)
		}
		pk := map[int]string{}
		for rows.Next() {
			var c string
			var k int
			if err := rows.Scan(&c, &k); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: tables %s: %w", n, err)
			}
			t.Columns = append(t.Columns, c)
			if k > 0 {
				pk[k] = c
			}
		}
		rows.Close()
		for i := 1; i <= len(pk); i++ {
			t.Key = append(t.Key, pk[i])
		}
		if len(t.Key) == 0 {
			t.Key = t.Columns
		}
		rows, err = db.QueryContext(ctx, `SELECT "table", "from" FROM pragma_foreign_key_list(?)`, n)
		if err != nil {
			return nil, fmt.Errorf("store: tables %s: %w", n, err)
		}
		for rows.Next() {
			var ref, from string
			if err := rows.Scan(&ref, &from); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: tables %s: %w", n, err)
			}
			if ref == n {
				t.Parent = from
			} else {
				parents[n] = append(parents[n], ref)
			}
		}
		rows.Close()
		byName[n] = t
	}
	// Parents first (Kahn's order, by name among equals so runs repeat).
	var out []Table
	done := map[string]bool{}
	for len(out) < len(names) {
		progressed := false
		for _, n := range names {
			if done[n] {
				continue
			}
			ready := true
			for _, p := range parents[n] {
				if _, known := byName[p]; known && !done[p] {
					ready = false
				}
			}
			if ready {
				done[n] = true
				out = append(out, *byName[n])
				progressed = true
			}
		}
		if !progressed {
			return nil, fmt.Errorf("store: tables: foreign keys form a cycle")
		}
	}
	return out, nil
}

// Empty removes every row of tables inside tx, children first. On
// PostgreSQL one TRUNCATE does it without firing the audit triggers.
func Empty(ctx context.Context, tx *sql.Tx, engine Engine, tables []Table) error {
	if len(tables) == 0 {
		return nil
	}
	if engine == Postgres {
		names := make([]string, len(tables))
		for i, t := range tables {
			names[i] = quoteIdent(t.Name)
		}
		if _, err := tx.ExecContext(ctx, "TRUNCATE "+strings.Join(names, ", ")); err != nil {
			return fmt.Errorf("store: empty: %w", err)
		}
		return nil
	}
	for i := len(tables) - 1; i >= 0; i-- {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+quoteIdent(tables[i].Name)); err != nil {
			return fmt.Errorf("store: empty %s: %w", tables[i].Name, err)
		}
	}
	return nil
}

// ResetIdentity moves a PostgreSQL table's identity past the largest id
// copied into it, so the next insert does not collide. Nothing on SQLite,
// whose rowid follows the largest id by itself.
func ResetIdentity(ctx context.Context, tx *sql.Tx, engine Engine, table string) error {
	if engine != Postgres {
		return nil
	}
	cols, err := QueryAll(ctx, tx, func(r Row) (string, error) {
		var c string
		return c, r.Scan(&c)
	}, `SELECT column_name::text FROM information_schema.columns
WHERE table_schema = current_schema() AND table_name = ? AND is_identity = 'YES'`, table)
	if err != nil {
		return fmt.Errorf("store: identity %s: %w", table, err)
	}
	sort.Strings(cols)
	for _, c := range cols {
		q := fmt.Sprintf("SELECT setval(pg_get_serial_sequence(?, ?), max(%s)) FROM %s", quoteIdent(c), quoteIdent(table))
		if _, err := tx.ExecContext(ctx, q, quoteIdent(table), c); err != nil {
			return fmt.Errorf("store: identity %s: %w", table, err)
		}
	}
	return nil
}

// Quote is name as an SQL identifier, for statements built from the schema.
func Quote(name string) string { return quoteIdent(name) }
