package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
)

func problemOf(t *testing.T, err error) Problem {
	t.Helper()
	require.Error(t, err)
	var p Problem
	require.NoError(t, json.Unmarshal([]byte(err.Error()), &p), "a bound method rejects with a Problem: %v", err)
	return p
}

// realSQLiteError returns what the driver says when query runs on the real
// file at path opened with dsn (its query part).
func realSQLiteError(t *testing.T, path, dsn, query string) error {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+dsn)
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Exec(query)
	require.Error(t, err)
	return err
}

// holdWriteLock takes the write lock of the SQLite file at path from a
// connection of its own, as another process would, until release.
func holdWriteLock(t *testing.T, path string) (release func()) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	require.NoError(t, err)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	require.NoError(t, err)
	_, err = conn.ExecContext(ctx, "BEGIN IMMEDIATE")
	require.NoError(t, err)
	released := false
	release = func() {
		if released {
			return
		}
		released = true
		_, err := conn.ExecContext(ctx, "ROLLBACK")
		assert.NoError(t, err)
		assert.NoError(t, conn.Close())
		assert.NoError(t, db.Close())
	}
	t.Cleanup(release)
	return release
}

// The driver's refusals reach the user as what to do, in both languages,
// never as "attempt to write a readonly database" or "database is locked".
func TestDoorMapsDriverRefusals(t *testing.T) {
	a := newApp(t, Options{Demo: true})
	path := a.workspacePath()
	require.NotEmpty(t, path)

	// A write lock held by another process (an import, another PC).
	release := holdWriteLock(t, path)
	busy := realSQLiteError(t, path, "?_pragma=busy_timeout(0)", "CREATE TABLE busy_probe (x)")
	release()

	// A read-only file: the driver's own words for a write into it.
	ro := filepath.Join(t.TempDir(), "ro.db")
	_ = realSQLiteError(t, ro, "", "CREATE TABLE t (x); CREATE TABLE t (x)") // creates the file
	readOnly := realSQLiteError(t, ro, "?mode=ro", "INSERT INTO t VALUES (1)")

	cases := []struct {
		name   string
		err    error
		code   fault.Code
		id, en string
	}{
		{"held write lock", fmt.Errorf("store: begin: %w", busy), fault.DatabaseBusy,
			"sedang dipakai oleh proses lain", "is busy in another process"},
		{"read-only file", readOnly, fault.ReadOnlyWorkspace,
			"hanya dapat dibaca", "is read-only"},
		{"driver text without its type", errors.New("rakor: save: database disk image is malformed (11)"), fault.Damaged,
			"rusak", "is damaged"},
		{"disk full in words", errors.New("store: commit: database or disk is full"), fault.DiskFull,
			"Disk penuh", "The disk is full"},
		{"a bug", errors.New("SQL logic error: no such table: x (1)"), fault.Unexpected,
			"Terjadi kesalahan internal (rujukan ", "An internal error occurred (reference "},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, lang := range []string{"id", "en"} {
				require.NoError(t, (&Settings{a}).SetLanguage(lang))
				p := problemOf(t, a.fail(tc.err))
				assert.Equal(t, tc.code, p.Code)
				want := tc.id
				if lang == "en" {
					want = tc.en
				}
				assert.Contains(t, p.Message, want)
				for _, raw := range []string{"SQL logic error", "readonly database", "database is locked", "SQLITE_", "malformed", "(1)"} {
					assert.NotContains(t, p.Message, raw)
				}
			}
		})
	}
}

// End to end: a save while another process holds the workspace's write
// lock past the busy timeout says so, and the user can save again after.
func TestSaveWhileAnotherProcessWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the 5 s busy timeout")
	}
	a := newApp(t, Options{Demo: true})
	s := &Settings{a}
	p, err := s.Profile()
	require.NoError(t, err)

	release := holdWriteLock(t, a.workspacePath())
	_, err = s.SaveProfile(p)
	pr := problemOf(t, err)
	assert.Equal(t, fault.DatabaseBusy, pr.Code)
	assert.Contains(t, pr.Message, "Ruang kerja "+a.workspacePath()+" sedang dipakai oleh proses lain")

	release()
	_, err = s.SaveProfile(p)
	assert.NoError(t, err)
}
