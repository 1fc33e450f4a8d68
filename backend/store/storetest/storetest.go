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
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver for the admin connection
	"github.com/stretchr/testify/require"

	"selaras/backend/store"
)

// Open returns a migrated store on a fresh workspace, closed with the test.
// On PostgreSQL the database is a copy of one migrated once per test binary.
func Open(t testing.TB) *store.Store {
	t.Helper()
	dsn := Seeded(t, "selaras.db", func(ctx context.Context, dsn string) error {
		s, err := store.Open(ctx, dsn, store.Options{})
		if err != nil {
			return err
		}
		return s.Close()
	})
	return OpenAt(t, dsn)
}

// OpenAt opens the workspace at dsn (a file or a database URL) for t,
// migrating it if need be, and closes it with the test.
func OpenAt(t testing.TB, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), dsn, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// Seeded is where a fresh workspace that seed has written goes (seed gets
// a fresh DSN and must close what it opens), e.g. the demo. On SQLite seed
// writes name in the test's temp dir. On PostgreSQL seed runs once per test
// binary and name into a template database, and each test gets a copy
// (CREATE DATABASE ... TEMPLATE): building the demo per test was most of
// the PostgreSQL run's time.
func Seeded(t testing.TB, name string, seed func(ctx context.Context, dsn string) error) string {
	t.Helper()
	ctx := context.Background()
	if PG() == "" {
		path := filepath.Join(t.TempDir(), name)
		require.NoError(t, seed(ctx, path))
		return path
	}
	tpl, err := seedTemplate(ctx, name, seed)
	require.NoError(t, err, "template %s", name)
	return createDatabase(t, tpl)
}

// templates are the seeded databases of this test binary, by name.
var templates sync.Map // name -> *seededTemplate

type seededTemplate struct {
	once sync.Once
	db   string
	err  error
}

// templatePrefix names a template database with the pid of the test binary
// that made it, so a later binary can drop those whose process is gone.
const templatePrefix = "tpl_"

func seedTemplate(ctx context.Context, name string, seed func(ctx context.Context, dsn string) error) (string, error) {
	v, _ := templates.LoadOrStore(name, &seededTemplate{})
	st := v.(*seededTemplate)
	st.once.Do(func() {
		db, err := sql.Open("pgx", PG())
		if err != nil {
			st.err = err
			return
		}
		defer db.Close()
		dropStaleTemplates(ctx, db)
		st.db = fmt.Sprintf("%s%d_%s", templatePrefix, os.Getpid(), randomHex())
		if _, st.err = db.ExecContext(ctx, `CREATE DATABASE "`+st.db+`"`); st.err != nil {
			return
		}
		if st.err = seed(ctx, withDatabase(PG(), st.db)); st.err != nil {
			return
		}
		// Nobody connects to it again: a copy needs it idle.
		_, st.err = db.ExecContext(ctx, `ALTER DATABASE "`+st.db+`" ALLOW_CONNECTIONS false`)
	})
	return st.db, st.err
}

// dropStaleTemplates drops the template databases of test binaries that
// have ended (a test binary has no hook to drop its own at exit).
func dropStaleTemplates(ctx context.Context, db *sql.DB) {
	rows, err := db.QueryContext(ctx, `SELECT datname FROM pg_database WHERE datname LIKE '`+templatePrefix+`%'`)
	if err != nil {
		return
	}
	var stale []string
	for rows.Next() {
		var name string
		if rows.Scan(&name) != nil {
			continue
		}
		pid, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(name, templatePrefix), "_", 2)[0])
		if err == nil && !alive(pid) {
			stale = append(stale, name)
		}
	}
	rows.Close()
	for _, name := range stale {
		_, _ = db.ExecContext(ctx, `DROP DATABASE IF EXISTS "`+name+`" WITH (FORCE)`)
	}
}

// alive reports whether process pid may still run (when unsure: yes).
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return !errors.Is(p.Signal(syscall.Signal(0)), os.ErrProcessDone)
}

func randomHex() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func withDatabase(admin, name string) string {
	u, err := url.Parse(admin)
	if err != nil {
		return ""
	}
	u.Path = "/" + name
	return u.String()
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
	return createDatabase(t, "")
}

// NewDatabaseAs creates an empty database made the way an office's server
// might make it: clause is what follows CREATE DATABASE name (for example
// "TEMPLATE template0 LC_COLLATE 'id_ID.UTF-8' LC_CTYPE 'id_ID.UTF-8'").
// Dropped when the test ends.
func NewDatabaseAs(t testing.TB, clause string) string {
	t.Helper()
	return create(t, clause)
}

// createDatabase creates a database, a copy of template ("" = an empty
// one), dropped when the test ends, and returns its URL.
func createDatabase(t testing.TB, template string) string {
	t.Helper()
	if template != "" {
		// FILE_COPY is what PostgreSQL before 15 always did (and has no
		// word for); 15's default, WAL_LOG, is slower for a small copy.
		clause := `TEMPLATE "` + template + `"`
		if serverVersion(t) >= 150000 {
			clause = `STRATEGY FILE_COPY ` + clause
		}
		return create(t, clause)
	}
	return create(t, "")
}

// serverVersion is the test server's server_version_num (150004 for 15.4).
func serverVersion(t testing.TB) int {
	t.Helper()
	db, err := sql.Open("pgx", PG())
	require.NoError(t, err)
	defer db.Close()
	var v int
	require.NoError(t, db.QueryRow(`SELECT current_setting('server_version_num')::int`).Scan(&v))
	return v
}

func create(t testing.TB, clause string) string {
	t.Helper()
	admin := PG()
	require.NotEmpty(t, admin, "SELARAS_TEST_PG is not set")
	name := "t_" + randomHex()
	db, err := sql.Open("pgx", admin)
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Exec(`CREATE DATABASE "` + name + `" ` + clause)
	require.NoError(t, err)
	t.Cleanup(func() {
		db, err := sql.Open("pgx", admin)
		if err != nil {
			return
		}
		defer db.Close()
		_, _ = db.Exec(`DROP DATABASE IF EXISTS "` + name + `" WITH (FORCE)`)
	})
	u := withDatabase(admin, name)
	require.NotEmpty(t, u, "SELARAS_TEST_PG is not a URL")
	return u
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

// NeedPG returns the test server's superuser URL for a test of a shared
// workspace, skipping the test when none is set, unless SELARAS_REQUIRE_PG
// says one must be (CI): then it fails.
func NeedPG(t testing.TB) string {
	t.Helper()
	if PG() == "" {
		if os.Getenv("SELARAS_REQUIRE_PG") != "" {
			t.Fatal("SELARAS_REQUIRE_PG is set but SELARAS_TEST_PG is not: start scripts/pg-test.sh")
		}
		t.Skip("no PostgreSQL test server (SELARAS_TEST_PG)")
	}
	return PG()
}

// Seconds is how long a load test runs: the whole seconds in the
// environment variable name (make sets a meeting's minute), else def for a
// quick local run.
func Seconds(t testing.TB, name string, def time.Duration) time.Duration {
	t.Helper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	require.NoError(t, err, name)
	require.Positive(t, n, name)
	return time.Duration(n) * time.Second
}

// AtOnce runs f(0) to f(n-1) each in its own goroutine, as desks or phones
// writing at the same moment, and returns each one's error.
func AtOnce(n int, f func(i int) error) []error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { errs[i] = f(i) })
	}
	wg.Wait()
	return errs
}
