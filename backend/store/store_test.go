package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
)

func open(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path, Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// closedWorkspace makes a workspace file at the current schema in the
// test's temp dir and closes it: what a later migration starts from.
func closedWorkspace(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "selaras.db")
	s, err := Open(context.Background(), path, Options{})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	return path
}

// openWithProfile opens a migrated workspace at path that holds an office
// profile, as every workspace in use does.
func openWithProfile(t *testing.T, path string) *Store {
	t.Helper()
	s := open(t, path)
	insertProfile(t, s, "op")
	return s
}

func insertProfile(t *testing.T, s *Store, user string) {
	t.Helper()
	require.NoError(t, s.Tx(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO profile(id, province_code, office_name, working_year, user_name)
VALUES(1, '19', 'Dinas Koperasi dan UKM', 2025, ?)`, user)
		return err
	}))
}

func TestOpenSetsPragmasAndSchema(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "a", "selaras.db"))
	ctx := context.Background()
	var mode string
	require.NoError(t, s.Read().QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode))
	assert.Equal(t, "wal", mode)
	var fk, timeout int
	require.NoError(t, s.Read().QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk))
	require.NoError(t, s.Read().QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&timeout))
	assert.Equal(t, 1, fk)
	assert.Equal(t, 5000, timeout)
	v, err := s.Version(ctx)
	require.NoError(t, err)
	assert.Equal(t, SchemaVersion(), v)
}

func TestReaderIsReadOnly(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "selaras.db"))
	_, err := s.Read().Exec("INSERT INTO meta(key, value) VALUES('x', 'y')")
	assert.Error(t, err)
}

func TestReopenDoesNotMigrateAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "selaras.db")
	s, err := Open(context.Background(), path, Options{})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	s = open(t, path)
	var n int
	require.NoError(t, s.Read().QueryRow("SELECT count(*) FROM schema_migrations").Scan(&n))
	assert.Equal(t, len(migrations), n)
	_, err = os.Stat(filepath.Join(filepath.Dir(path), "backups"))
	assert.True(t, errors.Is(err, os.ErrNotExist), "no backup for an up-to-date database")
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return sha256.Sum256(b)
}

func TestNewerSchemaIsRefusedUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "selaras.db")
	s, err := Open(context.Background(), path, Options{})
	require.NoError(t, err)
	_, err = s.w.Exec("INSERT INTO schema_migrations(version, name, applied_at) VALUES(99, 'future', 'x')")
	require.NoError(t, err)
	_, err = s.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	require.NoError(t, err)
	require.NoError(t, s.Close())
	before := fileHash(t, path)

	_, err = Open(context.Background(), path, Options{})
	require.Error(t, err)
	assert.Equal(t, fault.NewerSchema, fault.CodeOf(err))
	msg := fault.Message(err, fault.ID)
	assert.Contains(t, msg, "versi yang lebih baru")
	assert.Contains(t, msg, "skema 99")
	assert.Contains(t, msg, path)
	assert.Equal(t, before, fileHash(t, path))
}

func TestNotADatabaseIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	require.NoError(t, os.WriteFile(path, []byte("this is a spreadsheet, honest"), 0o644))
	_, err := Open(context.Background(), path, Options{})
	require.Error(t, err)
	assert.Equal(t, fault.NotDatabase, fault.CodeOf(err))
	assert.Contains(t, fault.Message(err, fault.ID), "bukan basis data Selaras")
	b, _ := os.ReadFile(path)
	assert.Equal(t, "this is a spreadsheet, honest", string(b))
}

// withMigration appends a migration for the duration of a test.
func withMigration(t *testing.T, m migration) {
	t.Helper()
	saved := migrations
	migrations = append(append([]migration{}, saved...), m)
	t.Cleanup(func() { migrations = saved })
}

func TestMigrationBacksUpAndRotates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "selaras.db")
	s, err := Open(context.Background(), path, Options{})
	require.NoError(t, err)
	insertProfile(t, s, "operator")
	require.NoError(t, s.Close())

	backups := filepath.Join(dir, "bk")
	base := SchemaVersion()
	for i := 1; i <= 4; i++ {
		withMigration(t, migration{Version: base + i, Name: "step",
			SQLite: "CREATE TABLE t" + string(rune('0'+i)) + " (id INTEGER PRIMARY KEY, v TEXT) STRICT"})
		s, err := Open(context.Background(), path, Options{BackupDir: backups, KeepBackups: 2})
		require.NoError(t, err)
		require.NoError(t, s.Close())
	}
	entries, err := os.ReadDir(backups)
	require.NoError(t, err)
	require.Len(t, entries, 2, "only the newest backups are kept")
	assert.Contains(t, entries[0].Name(), "selaras-skema")

	// The newest backup holds the data as it was before the last migration.
	latest := filepath.Join(backups, entries[len(entries)-1].Name())
	b := open(t, latest) // opening migrates the copy, which is fine for reading it
	var office string
	require.NoError(t, b.Read().QueryRow("SELECT office_name FROM profile").Scan(&office))
	assert.Equal(t, "Dinas Koperasi dan UKM", office)
}

func TestFailedMigrationLeavesVersion(t *testing.T) {
	path := closedWorkspace(t)
	withMigration(t, migration{Version: SchemaVersion() + 1, Name: "broken",
		SQLite: "CREATE TABLE good (id INTEGER PRIMARY KEY); THIS IS NOT SQL"})
	_, err := Open(context.Background(), path, Options{})
	require.Error(t, err)

	migrations = migrations[:len(migrations)-1]
	s := open(t, path)
	v, err := s.Version(context.Background())
	require.NoError(t, err)
	assert.Equal(t, SchemaVersion(), v)
	var n int
	require.NoError(t, s.Read().QueryRow("SELECT count(*) FROM sqlite_master WHERE name = 'good'").Scan(&n))
	assert.Zero(t, n, "a failed migration leaves nothing behind")
}

func TestTxRollsBackOnError(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "selaras.db"))
	ctx := context.Background()
	boom := errors.New("boom")
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		if err := SetMeta(ctx, tx, "k", "v"); err != nil {
			return err
		}
		return boom
	})
	assert.ErrorIs(t, err, boom)
	v, err := s.Meta(ctx, "k")
	require.NoError(t, err)
	assert.Empty(t, v)

	require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error { return SetMeta(ctx, tx, "k", "v") }))
	v, err = s.Meta(ctx, "k")
	require.NoError(t, err)
	assert.Equal(t, "v", v)
}

func TestAuditRecordsEveryChange(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "selaras.db"))
	ctx := context.Background()
	insertProfile(t, s, "Sekretariat")
	exec := func(q string) {
		require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error { _, err := tx.Exec(q); return err }))
	}
	exec("UPDATE profile SET office_name = 'Dinas KUKM Babel' WHERE id = 1")
	exec("UPDATE profile SET office_name = 'Dinas KUKM Babel' WHERE id = 1") // no change: no entry
	exec("DELETE FROM profile")

	log, err := s.Audit(ctx, AuditQuery{Table: "profile"})
	require.NoError(t, err)
	require.Len(t, log, 3)
	del, upd, ins := log[0], log[1], log[2]
	assert.Equal(t, "insert", ins.Action)
	assert.Equal(t, "1", ins.RowKey)
	assert.Contains(t, ins.NewValues, `"office_name":"Dinas Koperasi dan UKM"`)
	assert.Equal(t, "Sekretariat", ins.UserName)
	assert.Empty(t, ins.OldValues)

	assert.Equal(t, "update", upd.Action)
	assert.Contains(t, upd.OldValues, `"office_name":"Dinas Koperasi dan UKM"`)
	assert.Contains(t, upd.NewValues, `"office_name":"Dinas KUKM Babel"`)
	assert.NotEmpty(t, upd.ChangedAt)

	assert.Equal(t, "delete", del.Action)
	assert.Contains(t, del.OldValues, `"working_year":2025`)
	assert.Empty(t, del.NewValues)
}

func TestAuditRollsBackWithTheChange(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "selaras.db"))
	ctx := context.Background()
	_ = s.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO profile(id, province_code, office_name, working_year) VALUES(1, '19', 'x', 2025)`)
		require.NoError(t, err)
		return errors.New("cancel")
	})
	log, err := s.Audit(ctx, AuditQuery{})
	require.NoError(t, err)
	assert.Empty(t, log)
}

func TestAuditFollowsNewColumns(t *testing.T) {
	path := closedWorkspace(t)
	withMigration(t, migration{Version: SchemaVersion() + 1, Name: "fax",
		SQLite: "ALTER TABLE profile ADD COLUMN fax TEXT NOT NULL DEFAULT ''", Audit: []string{"profile"}})
	s := open(t, path)
	insertProfile(t, s, "op")
	log, err := s.Audit(context.Background(), AuditQuery{Table: "profile"})
	require.NoError(t, err)
	require.Len(t, log, 1)
	assert.Contains(t, log[0].NewValues, `"fax":""`)
}

func TestBackup(t *testing.T) {
	dir := t.TempDir()
	s := openWithProfile(t, filepath.Join(dir, "selaras.db"))
	out := filepath.Join(dir, "copy", "backup.db")
	require.NoError(t, s.BackupTo(context.Background(), out))
	err := s.BackupTo(context.Background(), out)
	assert.Error(t, err, "an existing file is never overwritten")
	assert.Equal(t, fault.FileExists, fault.CodeOf(err))
	c := open(t, out)
	var office string
	require.NoError(t, c.Read().QueryRow("SELECT office_name FROM profile").Scan(&office))
	assert.Equal(t, "Dinas Koperasi dan UKM", office)
}

// BenchmarkOpenExisting is the database part of a cold start: opening an
// up-to-date workspace (goal: the whole first screen under 1.5 s).
func BenchmarkOpenExisting(b *testing.B) {
	path := filepath.Join(b.TempDir(), "selaras.db")
	s, err := Open(context.Background(), path, Options{})
	require.NoError(b, err)
	require.NoError(b, s.Close())
	for b.Loop() {
		s, err := Open(context.Background(), path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// A write through InTx joins the caller's transaction: it is undone with it.
func TestInTxJoinsTheCallersTransaction(t *testing.T) {
	ctx := context.Background()
	s := open(t, filepath.Join(t.TempDir(), "w.db"))
	write := func(w Writer, v string) error {
		return w.Tx(ctx, func(tx *sql.Tx) error { return SetMeta(ctx, tx, "t", v) })
	}
	require.NoError(t, write(s, "a"))
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		require.NoError(t, write(InTx(tx), "b"))
		return errors.New("roll back")
	})
	require.Error(t, err)
	v, err := s.Meta(ctx, "t")
	require.NoError(t, err)
	assert.Equal(t, "a", v)
}

// OnCommit hears each committed write of the store, not a rolled-back one,
// until removed.
func TestOnCommit(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "w.db"), Options{})
	require.NoError(t, err)
	defer s.Close()
	n := 0
	remove := s.OnCommit(func() { n++ })
	ctx := context.Background()
	require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error { return SetMeta(ctx, tx, "x", "1") }))
	assert.Error(t, s.Tx(ctx, func(tx *sql.Tx) error { return errors.New("no") }))
	assert.Equal(t, 1, n)
	remove()
	require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error { return SetMeta(ctx, tx, "x", "2") }))
	assert.Equal(t, 1, n)
}
