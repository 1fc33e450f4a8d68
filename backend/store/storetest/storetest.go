// Package storetest opens a real, migrated workspace for a test: a SQLite
// file in the test's temp dir, or, when SELARAS_TEST_PG names a PostgreSQL
// server (a superuser URL, see scripts/pg-test.sh), a fresh database on it
// that is dropped when the test ends. The whole suite runs on both engines
// by running it twice.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver for the admin connection
	"github.com/stretchr/testify/require"

	"selaras/backend/store"
)

// Open returns a migrated store on a fresh workspace, closed with the test.
func Open(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), DSN(t, "selaras.db"), store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// PG is the superuser URL of the test server, "" when the tests run on
// SQLite only.
func PG() string { return os.Getenv("SELARAS_TEST_PG") }

// DSN is where a fresh workspace for the test goes: name in the test's temp
// dir, or a new empty database on the test server.
func DSN(t testing.TB, name string) string {
	t.Helper()
	if PG() == "" {
		return filepath.Join(t.TempDir(), name)
	}
	return NewDatabase(t)
}

// NewDatabase creates an empty database on the test server and returns its
// URL; the database is dropped when the test ends. It fails the test when
// SELARAS_TEST_PG is unset.
func NewDatabase(t testing.TB) string {
	t.Helper()
	admin := PG()
	require.NotEmpty(t, admin, "SELARAS_TEST_PG is not set")
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "t_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", admin)
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Exec(`CREATE DATABASE "` + name + `"`)
	require.NoError(t, err)
	t.Cleanup(func() {
		db, err := sql.Open("pgx", admin)
		if err != nil {
			return
		}
		defer db.Close()
		_, _ = db.Exec(`DROP DATABASE IF EXISTS "` + name + `" WITH (FORCE)`)
	})
	u, err := url.Parse(admin)
	require.NoError(t, err)
	u.Path = "/" + name
	return u.String()
}

// AuditUser is who the audit log names for a change made through s by an
// operator whose profile names them profileName: that name on a SQLite
// file, the connected role on a shared workspace.
func AuditUser(s *store.Store, profileName string) string {
	if s.Engine() != store.Postgres {
		return profileName
	}
	u, err := url.Parse(PG())
	if err != nil {
		return ""
	}
	return u.User.Username()
}
