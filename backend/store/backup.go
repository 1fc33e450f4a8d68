package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"selaras/backend/atomicfile"
	"selaras/backend/fault"
)

// Reason says why a backup was taken; it is part of the file name.
type Reason string

const (
	Manual        Reason = "manual" // "Cadangkan sekarang", selaras backup
	Daily         Reason = "harian" // first start of the day
	BeforeImport  Reason = "impor"  // before a template import is written
	BeforeMigrate Reason = "skema"  // before the schema changes (name carries the old schema: skema3)
	BeforeRestore Reason = "pulih"  // the state a restore replaced, so it can be undone
	DamagedCopy   Reason = "rusak"  // a damaged file moved aside for inspection
	stampLayout          = "20060102-150405.000"
)

// Rotation: how many backups of each reason are kept (0 keeps all).
var keep = map[Reason]int{Daily: 7, BeforeImport: 10, BeforeRestore: 10, BeforeMigrate: 5}

// Backup is one backup file of a workspace.
type Backup struct {
	Path   string    `json:"path"`
	Name   string    `json:"name"`
	Reason Reason    `json:"reason"`
	Taken  time.Time `json:"-"`
	When   string    `json:"taken"` // Taken as RFC 3339, for the frontend
	Size   int64     `json:"size"`
}

// BackupDir is the folder of a workspace's backups: "backups" beside it.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

func baseName(dbPath string) string {
	return strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
}

// parseBackup reads "<base>-<reason>-<yyyymmdd>-<hhmmss.000>.db".
func parseBackup(base, name string) (Reason, time.Time, bool) {
	rest, ok := strings.CutPrefix(name, base+"-")
	if !ok || !strings.HasSuffix(rest, ".db") {
		return "", time.Time{}, false
	}
	parts := strings.Split(strings.TrimSuffix(rest, ".db"), "-")
	if len(parts) != 3 {
		return "", time.Time{}, false
	}
	t, err := time.ParseInLocation(stampLayout, parts[1]+"-"+parts[2], time.Local)
	if err != nil {
		return "", time.Time{}, false
	}
	r := Reason(parts[0])
	if strings.HasPrefix(parts[0], string(BeforeMigrate)) {
		r = BeforeMigrate
	}
	switch r {
	case Manual, Daily, BeforeImport, BeforeMigrate, BeforeRestore, DamagedCopy:
		return r, t, true
	}
	return "", time.Time{}, false
}

// ListBackups lists the backups of the workspace at dbPath, newest first.
func ListBackups(dbPath string) ([]Backup, error) {
	return listBackups(BackupDir(dbPath), baseName(dbPath))
}

func listBackups(dir, base string) ([]Backup, error) {
	out := []Backup{}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return out, fmt.Errorf("store: list backups: %w", err)
	}
	for _, e := range entries {
		reason, taken, ok := parseBackup(base, e.Name())
		if e.IsDir() || !ok {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(dir, e.Name()), Name: e.Name(), Reason: reason, Taken: taken,
			When: taken.Format(time.RFC3339), Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Taken.After(out[j].Taken) })
	return out, nil
}

// TakeBackup writes a verified copy into the backups folder, named after
// the reason and the time, and rotates the older backups of that reason.
func (s *Store) TakeBackup(ctx context.Context, reason Reason) (Backup, error) {
	if s.Engine() == Postgres {
		return Backup{}, fault.New(fault.SharedBackup, "", "path", s.path)
	}
	if s.readOnly { // nothing can change, and its folder may not take a file
		return Backup{}, fault.New(fault.ReadOnlyWorkspace, "", "path", s.path)
	}
	dir := s.opt.backupDir(s.path)
	base := baseName(s.path)
	tag := string(reason)
	if reason == BeforeMigrate {
		v, err := s.Version(ctx)
		if err != nil {
			return Backup{}, err
		}
		tag += strconv.Itoa(v)
	}
	now := time.Now()
	name := fmt.Sprintf("%s-%s-%s.db", base, tag, now.Format(stampLayout))
	out := filepath.Join(dir, name)
	if err := s.BackupTo(ctx, out); err != nil {
		return Backup{}, err
	}
	n := keep[reason]
	if reason == BeforeMigrate && s.opt.KeepBackups > 0 {
		n = s.opt.KeepBackups
	}
	if err := rotate(dir, base, reason, n); err != nil {
		return Backup{}, err
	}
	info, err := os.Stat(out)
	if err != nil {
		return Backup{}, fmt.Errorf("store: backup: %w", err)
	}
	taken, _ := time.ParseInLocation(stampLayout, now.Format(stampLayout), time.Local)
	return Backup{Path: out, Name: name, Reason: reason, Taken: taken, When: taken.Format(time.RFC3339), Size: info.Size()}, nil
}

// HasBackupSince reports whether a backup of reason was taken at or after t.
func (s *Store) HasBackupSince(reason Reason, t time.Time) (bool, error) {
	list, err := listBackups(s.opt.backupDir(s.path), baseName(s.path))
	if err != nil {
		return false, err
	}
	for _, b := range list {
		if b.Reason == reason && !b.Taken.Before(t) {
			return true, nil
		}
	}
	return false, nil
}

func rotate(dir, base string, reason Reason, n int) error {
	if n <= 0 {
		return nil
	}
	list, err := listBackups(dir, base)
	if err != nil {
		return err
	}
	var errs []error
	kept := 0
	for _, b := range list { // newest first
		if b.Reason != reason {
			continue
		}
		if kept++; kept > n {
			errs = append(errs, os.Remove(b.Path))
		}
	}
	return errors.Join(errs...)
}

// BackupTo writes a consistent, self-contained copy of the database to out
// (one file, no -wal or -shm needed), which must not exist yet. The copy
// is written under a temporary name in out's folder, checked
// (integrity_check, schema version, the same tables), flushed to disk and
// only then renamed to out: a backup killed midway leaves nothing at out.
func (s *Store) BackupTo(ctx context.Context, out string) error {
	if _, err := os.Stat(out); err == nil {
		return fault.New(fault.FileExists, "", "path", out)
	}
	return s.copyTo(ctx, out)
}

// SaveCopy is BackupTo for a file the user chose in a save dialog, which
// has already asked whether to replace an existing file: it replaces it.
func (s *Store) SaveCopy(ctx context.Context, out string) error {
	return s.copyTo(ctx, out)
}

func (s *Store) copyTo(ctx context.Context, out string) error {
	if s.Engine() == Postgres {
		return fault.New(fault.SharedBackup, "", "path", s.path)
	}
	atomicfile.Clean(filepath.Dir(out), time.Minute)
	tmp, err := atomicfile.Create(out)
	if err != nil {
		return err
	}
	defer tmp.Abort()
	if err := tmp.CloseTemp(); err != nil {
		return err
	}
	db := s.w
	if db == nil { // read-only: a connection of its own, as query_only forbids VACUUM INTO
		ro, err := sql.Open("sqlite", copyDSN(s.path, s.immutable))
		if err != nil {
			return fmt.Errorf("store: backup: %w", err)
		}
		defer ro.Close()
		db = ro
	}
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp.TempName()); err != nil {
		return explainSQLite(atomicfile.Explain(fmt.Errorf("store: backup: %w", err), out), s.path)
	}
	want, err := tableCount(ctx, db)
	if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	if err := verify(ctx, tmp.TempName(), want); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	return tmp.Commit()
}

func tableCount(ctx context.Context, db queryer) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'index', 'trigger', 'view')").Scan(&n)
	return n, err
}

// Verify checks that path is an intact Selaras workspace this version can
// open: integrity_check passes, the schema version is known, the core
// tables exist. It changes nothing.
func Verify(ctx context.Context, path string) error {
	return verify(ctx, path, -1)
}

// verify checks path; objects >= 0 also requires that many schema objects.
func verify(ctx context.Context, path string, objects int) error {
	bad := func(err error) error { return fault.Wrap(err, fault.BadBackup, "", "path", path) }
	if err := checkHeader(path); err != nil {
		return bad(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return bad(err)
	}
	if info.Size() == 0 {
		return bad(errors.New("empty file"))
	}
	db, err := sql.Open("sqlite", roDSN(path))
	if err != nil {
		return bad(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	res, err := checkResult(ctx, db, "PRAGMA integrity_check")
	if err != nil {
		return bad(err)
	}
	if res != "ok" {
		return bad(errors.New(res))
	}
	v, err := currentVersion(ctx, db)
	if err != nil {
		return bad(err)
	}
	if v > SchemaVersion() {
		return fault.New(fault.NewerSchema, "", "path", path, "have", strconv.Itoa(v), "want", strconv.Itoa(SchemaVersion()))
	}
	if v < 1 {
		return bad(errors.New("no schema version"))
	}
	var core int
	if err := db.QueryRowContext(ctx,
		"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'profile', 'schema_migrations')").Scan(&core); err != nil {
		return bad(err)
	}
	if core != 3 {
		return bad(errors.New("core tables missing"))
	}
	if objects >= 0 {
		n, err := tableCount(ctx, db)
		if err != nil {
			return bad(err)
		}
		if n != objects {
			return bad(fmt.Errorf("%d schema objects, want %d", n, objects))
		}
	}
	return nil
}

// Restore replaces the workspace file at dbPath with a copy of from, after
// checking from. The workspace must be closed. The old file's -wal and -shm
// are removed first (they belong to the old file and would corrupt the new
// one); the copy goes in under a temporary name and is renamed into place,
// so a restore killed midway leaves the old file or the new one, whole.
func Restore(ctx context.Context, dbPath, from string) error {
	if err := Verify(ctx, from); err != nil {
		return err
	}
	atomicfile.Clean(filepath.Dir(dbPath), time.Minute)
	tmp, err := atomicfile.Create(dbPath)
	if err != nil {
		return err
	}
	defer tmp.Abort()
	src, err := os.Open(from)
	if err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	defer src.Close()
	if _, err := tmp.ReadFrom(src); err != nil {
		return atomicfile.Explain(fmt.Errorf("store: restore: %w", err), dbPath)
	}
	if err := tmp.CloseTemp(); err != nil {
		return atomicfile.Explain(err, dbPath)
	}
	if err := Verify(ctx, tmp.TempName()); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return atomicfile.Explain(fmt.Errorf("store: restore: %w", err), dbPath+suffix)
		}
	}
	return tmp.Commit()
}

// SetAside moves a (damaged) workspace file and its -wal and -shm into the
// backups folder, named "<base>-rusak-<time>.db", so it can be inspected
// later and a backup restored in its place. It returns the new path.
func SetAside(dbPath string) (string, error) {
	dir := BackupDir(dbPath)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", atomicfile.Explain(err, dir)
	}
	out := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.db", baseName(dbPath), DamagedCopy, time.Now().Format(stampLayout)))
	for _, suffix := range []string{"", "-wal", "-shm"} {
		err := os.Rename(dbPath+suffix, out+suffix)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", atomicfile.Explain(fmt.Errorf("store: set aside: %w", err), dbPath)
		}
	}
	return out, nil
}

// NewestGoodBackup is the newest backup of dbPath that passes Verify
// (damaged copies set aside are never chosen).
func NewestGoodBackup(ctx context.Context, dbPath string) (Backup, error) {
	list, err := ListBackups(dbPath)
	if err != nil {
		return Backup{}, err
	}
	for _, b := range list {
		if b.Reason != DamagedCopy && Verify(ctx, b.Path) == nil {
			return b, nil
		}
	}
	return Backup{}, fault.New(fault.NoBackup, "", "path", dbPath)
}

func isCorrupt(err error) bool {
	c := sqliteCode(err)
	return c == sqliteCorrupt || c == sqliteNotADB
}

// explainSQLite replaces the driver's wording ("attempt to write a
// readonly database (8)") with a message that says why.
func explainSQLite(err error, path string) error {
	switch sqliteCode(err) {
	case sqliteReadOnly:
		return fault.Wrap(err, fault.ReadOnlyWorkspace, "", "path", path)
	case sqliteCorrupt:
		return fault.Wrap(err, fault.Damaged, "", "path", path)
	case sqliteFull:
		return fault.Wrap(err, fault.DiskFull, "", "path", path)
	}
	return err
}
