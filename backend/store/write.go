package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Unique returns refusal when another row of table than id already holds
// value in col: the check every aggregate with a unique code makes before
// writing. table and col are the caller's constants, never user input.
func Unique(ctx context.Context, tx *sql.Tx, table, col string, value any, id int64, refusal error) error {
	var other int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM "+table+" WHERE "+col+" = ? AND id <> ?", value, id).Scan(&other)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: unique %s.%s: %w", table, col, err)
	}
	return refusal
}

// Insert runs an INSERT into a table with an id column and returns the new
// row's id (RETURNING, which both engines know; PostgreSQL has no
// LastInsertId).
func Insert(ctx context.Context, tx *sql.Tx, insert string, args ...any) (int64, error) {
	var id int64
	if err := tx.QueryRowContext(ctx, insert+" RETURNING id", args...).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: insert: %w", err)
	}
	return id, nil
}

// InsertOrUpdate runs insert with args when id is 0, else update with args
// and then id, and returns the row's id. An update that matches no row
// returns sql.ErrNoRows, for the caller to name what was not found.
func InsertOrUpdate(ctx context.Context, tx *sql.Tx, id int64, insert, update string, args ...any) (int64, error) {
	if id == 0 {
		return Insert(ctx, tx, insert, args...)
	}
	res, err := tx.ExecContext(ctx, update, append(args, id)...)
	if err != nil {
		return 0, fmt.Errorf("store: update: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return 0, fmt.Errorf("store: update: %w", err)
	} else if n == 0 {
		return 0, sql.ErrNoRows
	}
	return id, nil
}

// LockRow holds the row of table with id until tx ends and reports whether
// it exists: writers that number a parent's children (max + 1) take the
// parent first. A shared workspace's writers then wait for each other; a
// SQLite file has one writer at a time anyway. The update changes nothing,
// so no audit row is written. table is the caller's constant.
func LockRow(ctx context.Context, tx *sql.Tx, table string, id int64) (bool, error) {
	res, err := tx.ExecContext(ctx, "UPDATE "+table+" SET id = id WHERE id = ?", id)
	if err != nil {
		return false, fmt.Errorf("store: lock %s: %w", table, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: lock %s: %w", table, err)
	}
	return n > 0, nil
}

// LockSetup makes two PCs setting up one shared workspace at the same
// moment take turns until tx ends: the second then finds the first's work
// done instead of colliding with it. A SQLite file's write transaction has
// the file to itself already.
func LockSetup(ctx context.Context, tx *sql.Tx, engine Engine) error {
	if engine != Postgres {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(?)", setupLockKey); err != nil {
		return fmt.Errorf("store: lock setup: %w", err)
	}
	return nil
}

// setupLockKey is the advisory lock of a workspace's setup (pgLockKey is
// the migrations').
const setupLockKey = 73170017

// DeleteRow removes the row of table with id inside tx, or returns notFound
// when no row has that id: the delete door of every aggregate. table is the
// caller's constant, never user input.
func DeleteRow(ctx context.Context, tx *sql.Tx, table string, id int64, notFound error) error {
	res, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("store: delete %s: %w", table, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: delete %s: %w", table, err)
	} else if n == 0 {
		return notFound
	}
	return nil
}

// Record is an aggregate as its write door sees it: it tidies itself in
// place and checks what needs no database.
type Record[T any] interface {
	*T
	Normalize()
	Validate() error
}

// Save is the shape of an aggregate's one write door: normalize x, validate
// what needs no database, then check against the database and write inside
// w (write does both, on x in place). It returns x as written.
func Save[T any, P Record[T]](ctx context.Context, w Writer, x T, write func(tx *sql.Tx, x P) error) (T, error) {
	p := P(&x)
	p.Normalize()
	var zero T
	if err := p.Validate(); err != nil {
		return zero, err
	}
	if err := w.Tx(ctx, func(tx *sql.Tx) error { return write(tx, p) }); err != nil {
		return zero, err
	}
	return x, nil
}
