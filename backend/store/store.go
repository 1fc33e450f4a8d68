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
	"strconv"
	"strings"
	"sync"
	"time"

	"selaras/backend/atomicfile"
	"selaras/backend/fault"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is an open workspace database. Writes go through one connection so
// SQLite never sees two writers; reads use a small pool of read-only ones.
// A read-only store (file or folder write-protected) has no writer: Tx
// refuses with a message that says why.
type Store struct {
	path      string
	w         *sql.DB
	r         *sql.DB
	readOnly  bool
	immutable bool // read-only and read as an unchanging file
	opt       Options

	engine Engine // "" is SQLite
	dsn    string // a shared workspace's URL, password included (never shown)
	origin string // application_name of a shared workspace's connections
	link   Link   // how a shared workspace's connection travels

	commitMu sync.Mutex
	onCommit map[int]func() // told after each commit of this store (OnCommit)
	nextSub  int

	memos memos // what Cached keeps, by key
}

// OnCommit calls fn after each write transaction of this store commits,
// on the committing goroutine, so fn must be quick (a wake-up, not work);
// remove stops it. Writes by other PCs to a shared workspace are heard
// through Listen instead.
func (s *Store) OnCommit(fn func()) (remove func()) {
	s.commitMu.Lock()
	defer s.commitMu.Unlock()
	if s.onCommit == nil {
		s.onCommit = map[int]func(){}
	}
	id := s.nextSub
	s.nextSub++
	s.onCommit[id] = fn
	return func() {
		s.commitMu.Lock()
		defer s.commitMu.Unlock()
		delete(s.onCommit, id)
	}
}

func (s *Store) committed() {
	s.commitMu.Lock()
	defer s.commitMu.Unlock()
	for _, fn := range s.onCommit {
		fn()
	}
}

// Options tune Open.
type Options struct {
	// BackupDir is where backups go; default "<db dir>/backups".
	BackupDir string
	// KeepBackups is how many pre-migration backups are kept; default 5.
	KeepBackups int
	// CheckTimeout bounds the quick_check at open on a big file; default 3 s.
	// A check cut short is not taken as damage.
	CheckTimeout time.Duration
}

func (o Options) backupDir(path string) string {
	if o.BackupDir != "" {
		return o.BackupDir
	}
	return BackupDir(path)
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
	} else {
		// The writer's page cache holds a large transaction (a 10,000-value
		// import and its audit lines) without spilling pages to the WAL
		// midway, only to write them again at the commit.
		q.Add("_pragma", "cache_size(-32768)")
	}
	q.Set("_txlock", "immediate")
	return "file:" + filepath.ToSlash(path) + "?" + q.Encode()
}

// roDSN opens a file strictly read-only and without the WAL switch, so
// looking at a file (to check its version or health) never changes a byte.
func roDSN(path string) string { return roDSNImmutable(path, false) }

func roDSNImmutable(path string, immutable bool) string { return roDSNWith(path, immutable, true) }

// copyDSN opens a read-only file for VACUUM INTO, which query_only forbids.
func copyDSN(path string, immutable bool) string { return roDSNWith(path, immutable, false) }

// roDSNWith may also declare the file immutable: a WAL database in a
// folder we cannot write has no -shm to coordinate readers through, and
// SQLite can read it only as an unchanging file.
func roDSNWith(path string, immutable, queryOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	if queryOnly {
		q.Add("_pragma", "query_only(ON)")
	}
	q.Set("mode", "ro")
	if immutable {
		q.Set("immutable", "1")
	}
	return "file:" + filepath.ToSlash(path) + "?" + q.Encode()
}

// Open opens (creating if needed) the workspace at path and migrates it to
// the current schema. Before anything can write, the file is looked at
// read-only: a database from a newer Selaras or a damaged one is refused
// untouched, and a write-protected one opens read-only.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("store: open: empty path")
	}
	if IsPostgres(path) {
		return openPostgres(ctx, path, opt)
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	if info, err := os.Stat(path); err == nil && info.Size() > 0 {
		p, err := probe(ctx, path, opt.CheckTimeout)
		if err != nil {
			return nil, err
		}
		if p.version > SchemaVersion() {
			return nil, fault.New(fault.NewerSchema, "", "path", path,
				"have", strconv.Itoa(p.version), "want", strconv.Itoa(SchemaVersion()))
		}
		if !p.writable {
			if p.version < SchemaVersion() {
				// An old schema needs a migration, which a read-only file cannot take.
				return nil, fault.New(fault.ReadOnlyWorkspace, "", "path", path)
			}
			return openReadOnly(path, p.immutable, opt)
		}
	} else if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, atomicfile.Explain(fmt.Errorf("store: open: %w", err), filepath.Dir(path))
	}
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("store: open: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	s := &Store{path: path, w: w, opt: opt}
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, explainSQLite(fault.Wrap(err, fault.NotDatabase, "", "path", path), path)
	}
	if err := s.migrate(ctx, opt); err != nil {
		w.Close()
		return nil, explainSQLite(err, path)
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

func openReadOnly(path string, immutable bool, opt Options) (*Store, error) {
	r, err := sql.Open("sqlite", roDSNImmutable(path, immutable))
	if err != nil {
		return nil, fmt.Errorf("store: open read-only: %w", err)
	}
	r.SetMaxOpenConns(4)
	return &Store{path: path, r: r, readOnly: true, immutable: immutable, opt: opt}, nil
}

// probed is what a read-only look at an existing file found.
type probed struct {
	version   int
	writable  bool
	immutable bool // read it as an unchanging file (see roDSNImmutable)
}

// probe reads the schema version and runs a quick_check with a strictly
// read-only connection (no WAL switch, no journal), and tells whether the
// file and its folder can be written.
func probe(ctx context.Context, path string, timeout time.Duration) (probed, error) {
	p := probed{writable: writable(path)}
	// Nothing can change a file we cannot write but whose -wal is empty or
	// gone, unless its owner does: reading it as immutable is then safe.
	if wal, err := os.Stat(path + "-wal"); !p.writable && (err != nil || wal.Size() == 0) {
		p.immutable = true
	}
	db, err := sql.Open("sqlite", roDSNImmutable(path, p.immutable))
	if err != nil {
		return p, fmt.Errorf("store: probe: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if p.version, err = currentVersion(ctx, db); err != nil {
		return p, explainSQLite(fault.Wrap(err, fault.NotDatabase, "", "path", path), path)
	}
	if err := quickCheck(ctx, db, path, timeout); err != nil {
		return p, err
	}
	return p, nil
}

// quickCheck runs PRAGMA quick_check, bounded in time: on a very big file
// a check cut short is not taken as damage (the full integrity_check runs
// on every backup).
func quickCheck(ctx context.Context, db *sql.DB, path string, timeout time.Duration) error {
	if timeout <= 0 {
		timeout = 3 * time.Second
	}
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	res, err := checkResult(cctx, db, "PRAGMA quick_check")
	switch {
	case cctx.Err() != nil && ctx.Err() == nil:
		return nil
	case err != nil && isCorrupt(err):
		return fault.Wrap(err, fault.Damaged, "", "path", path)
	case err != nil:
		return explainSQLite(fault.Wrap(err, fault.NotDatabase, "", "path", path), path)
	case res != "ok":
		return fault.Wrap(errors.New(res), fault.Damaged, "", "path", path)
	}
	return nil
}

// checkResult runs quick_check or integrity_check and joins the rows it
// reports ("ok" when healthy).
func checkResult(ctx context.Context, db *sql.DB, pragma string) (string, error) {
	rows, err := db.QueryContext(ctx, pragma)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return "", err
		}
		out = append(out, line)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return strings.Join(out, "; "), nil
}

// writable reports whether the database file and its folder (where SQLite
// keeps its -wal and -shm files) accept writes.
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	t, err := atomicfile.Create(path)
	if err != nil {
		return false
	}
	t.Abort()
	return true
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
		return fault.New(fault.NotDatabase, "", "path", path).WithCode("cause", fault.NotSQLite)
	}
	return nil
}

// Path is the database file, or a shared workspace's URL without its
// password.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the workspace opened read-only (file or folder
// write-protected): it can be looked at and exported, not changed.
func (s *Store) ReadOnly() bool { return s.readOnly }

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
	if s.readOnly {
		if s.Engine() == Postgres {
			return fault.New(fault.ReadOnlyRole, "", "path", s.path)
		}
		return fault.New(fault.ReadOnlyWorkspace, "", "path", s.path)
	}
	defer func() { err = explainSQLite(err, s.path) }()
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
	s.committed()
	return nil
}

// Writer is where an aggregate's one exported write function writes: the
// store itself (the write opens and commits its own transaction) or a
// transaction already under way (InTx), so one function validates and writes
// whether or not its caller batches several writes (pocketbase's
// transaction-bound app, reduced to what we need).
type Writer interface {
	Tx(ctx context.Context, fn func(tx *sql.Tx) error) error
}

// InTx binds a Writer to tx: its Tx runs fn inside tx, and the caller that
// opened tx commits or rolls back.
func InTx(tx *sql.Tx) Writer { return boundTx{tx} }

type boundTx struct{ tx *sql.Tx }

func (b boundTx) Tx(_ context.Context, fn func(tx *sql.Tx) error) error { return fn(b.tx) }

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

// Metas reads several workspace metadata values in one query (one round
// trip to a server); a key not set reads "".
func (s *Store) Metas(ctx context.Context, keys ...string) (map[string]string, error) {
	out := make(map[string]string, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
		out[k] = ""
	}
	rows, err := s.r.QueryContext(ctx, "SELECT key, value FROM meta WHERE key IN (?"+strings.Repeat(", ?", len(keys)-1)+")", args...)
	if err != nil {
		return nil, fmt.Errorf("store: meta: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("store: meta: %w", err)
		}
		out[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: meta: %w", err)
	}
	return out, nil
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
