// Package store owns the SQLite workspace file: opening it with the right
// pragmas, migrating its schema (with a backup first), transactions, and the
// audit log that records every change to user data.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"selaras/backend/fault"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is an open workspace database. Writes go through one connection so
// SQLite never sees two writers; reads use a small pool of read-only ones.
type Store struct {
	path string
	w    *sql.DB
	r    *sql.DB
}

// Options tune Open.
type Options struct {
	// BackupDir is where the pre-migration backups go; default "<db dir>/backups".
	BackupDir string
	// KeepBackups is how many backups are kept; default 5.
	KeepBackups int
}

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	// busy_timeout first: it must apply before the other pragmas touch the file.
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	if readOnly {
		q.Add("_pragma", "query_only(ON)")
	}
	q.Set("_txlock", "immediate")
	return "file:" + filepath.ToSlash(path) + "?" + q.Encode()
}

// Open opens (creating if needed) the workspace at path and migrates it to
// the current schema. A database from a newer Selaras is refused untouched.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("store: open: empty path")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("store: open: %w", err)
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("store: open: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	s := &Store{path: path, w: w}
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fault.Wrap(err, fault.NotDatabase, "", "path", path)
	}
	if err := s.migrate(ctx, opt); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open reader: %w", err)
	}
	r.SetMaxOpenConns(4)
	s.r = r
	return s, nil
}

// checkHeader refuses a non-empty file that is not SQLite before the driver
// gets a chance to treat it as a fresh database.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fault.Wrap(err, fault.NotDatabase, "", "path", path)
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := f.Read(head)
	if n == 0 {
		return nil
	}
	if n < 16 || string(head) != "SQLite format 3\x00" {
		return fault.New(fault.NotDatabase, "", "path", path, "cause", "bukan berkas SQLite")
	}
	return nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes both connection pools.
func (s *Store) Close() error {
	var errs []error
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil {
		errs = append(errs, s.w.Close())
	}
	return errors.Join(errs...)
}

// Read returns the read-only pool for queries.
func (s *Store) Read() *sql.DB { return s.r }

// Tx runs fn in a write transaction, committing if fn returns nil and rolling
// back otherwise (also on panic).
func (s *Store) Tx(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// Backup writes a consistent copy of the database to out (VACUUM INTO), which
// must not exist yet.
func (s *Store) Backup(ctx context.Context, out string) error {
	return vacuumInto(ctx, s.w, out)
}

func vacuumInto(ctx context.Context, db *sql.DB, out string) error {
	if _, err := os.Stat(out); err == nil {
		return fault.New(fault.Invalid, out, "reason", "berkas sudah ada")
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", out); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	return nil
}

// Meta reads a workspace metadata value ("" when unset).
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.r.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: meta %s: %w", key, err)
	}
	return v, nil
}

// SetMeta writes a workspace metadata value inside tx.
func SetMeta(ctx context.Context, tx *sql.Tx, key, value string) error {
	_, err := tx.ExecContext(ctx,
		"INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value)
	if err != nil {
		return fmt.Errorf("store: set meta %s: %w", key, err)
	}
	return nil
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
