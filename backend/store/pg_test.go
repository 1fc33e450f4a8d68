package store_test

import (
	"context"
	"database/sql"
	"net/url"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

func exec(t *testing.T, dsn, q string) {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Exec(q)
	require.NoError(t, err)
}

// publicTables counts the tables in the public schema of the database at
// dsn, read over a connection of its own.
func publicTables(t *testing.T, dsn string) int {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	defer db.Close()
	var n int
	require.NoError(t, db.QueryRow("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").Scan(&n))
	return n
}

// listening waits until a listener of the database at dsn has run its
// LISTEN: a change written before that would never be told to it. The
// listener's connection is idle on that statement once it is in place.
func listening(t *testing.T, dsn string) {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	defer db.Close()
	require.Eventually(t, func() bool {
		var n int
		err := db.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
AND application_name LIKE '%-listen' AND state = 'idle' AND query = 'LISTEN selaras_change'`).Scan(&n)
		return err == nil && n > 0
	}, 10*time.Second, 10*time.Millisecond, "the other PC never started listening")
}

func TestSharedWorkspaceOpensMigrated(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	dsn := storetest.NewDatabase(t)
	s := storetest.OpenAt(t, dsn)
	assert.Equal(t, store.Postgres, s.Engine())
	v, err := s.Version(ctx)
	require.NoError(t, err)
	assert.Equal(t, store.SchemaVersion(), v)
	assert.NotContains(t, s.Path(), "selaras-test", "the password is never shown")

	// Opening again migrates nothing and keeps the data.
	require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error { return store.SetMeta(ctx, tx, "k", "v") }))
	again := storetest.OpenAt(t, dsn)
	got, err := again.Meta(ctx, "k")
	require.NoError(t, err)
	assert.Equal(t, "v", got)
}

func TestSharedWorkspaceRefusesNewerAndForeign(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()

	newer := storetest.NewDatabase(t)
	s, err := store.Open(ctx, newer, store.Options{})
	require.NoError(t, err)
	s.Close()
	exec(t, newer, "INSERT INTO schema_migrations(version, name, applied_at) VALUES (999, 'future', 'x')")
	_, err = store.Open(ctx, newer, store.Options{})
	assert.True(t, fault.Is(err, fault.NewerSchema), "%v", err)

	foreign := storetest.NewDatabase(t)
	exec(t, foreign, "CREATE TABLE invoices (id int)")
	_, err = store.Open(ctx, foreign, store.Options{})
	assert.True(t, fault.Is(err, fault.NotDatabase), "%v", err)
	assert.Contains(t, fault.Message(err, fault.EN), "not a Selaras workspace")
	// Nothing was written into someone else's database.
	assert.Equal(t, 1, publicTables(t, foreign))
}

func TestSharedAuditAndLiveChanges(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	dsn := storetest.NewDatabase(t)
	a := storetest.OpenAt(t, dsn)
	b := storetest.OpenAt(t, dsn)

	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	got := make(chan store.Change, 16)
	go b.Listen(lctx, func(c store.Change) { got <- c })
	listening(t, dsn)

	require.NoError(t, a.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO profile(id, province_code, office_name, working_year) VALUES (1, '19', 'Dinas', 2025)`)
		return err
	}))
	select {
	case c := <-got:
		assert.Equal(t, "profile", c.Table)
		assert.Equal(t, "insert", c.Action)
		assert.False(t, c.Own, "written by another Store")
		assert.Equal(t, storetest.AuditUser(a, ""), c.By)
	case <-time.After(5 * time.Second):
		t.Fatal("the change did not reach the other PC")
	}
	log, err := b.Audit(ctx, store.AuditQuery{Table: "profile"})
	require.NoError(t, err)
	require.Len(t, log, 1)
	assert.Equal(t, "1", log[0].RowKey)
	assert.Equal(t, storetest.AuditUser(a, "whatever the profile says"), log[0].UserName, "the role, not the profile's name")
	assert.Contains(t, log[0].NewValues, `"office_name":"Dinas"`)
}

func TestSharedReaderOpensReadOnly(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	role := "reader_" + strings.ReplaceAll(strings.ToLower(t.Name()), "/", "_")
	exec(t, storetest.PG(), `DROP ROLE IF EXISTS `+role)
	exec(t, storetest.PG(), `CREATE ROLE `+role+` LOGIN PASSWORD 'baca-saja'`)
	t.Cleanup(func() { exec(t, storetest.PG(), `DROP ROLE IF EXISTS `+role) })
	dsn := storetest.NewDatabase(t)
	s, err := store.Open(ctx, dsn, store.Options{})
	require.NoError(t, err)
	s.Close()
	exec(t, dsn, `GRANT SELECT ON ALL TABLES IN SCHEMA public TO `+role)

	u, err := url.Parse(dsn)
	require.NoError(t, err)
	u.User = url.UserPassword(role, "baca-saja")
	r := storetest.OpenAt(t, u.String())
	assert.True(t, r.ReadOnly())
	_, err = r.Meta(ctx, "workspace_kind")
	require.NoError(t, err, "a reader reads")
	err = r.Tx(ctx, func(tx *sql.Tx) error { return store.SetMeta(ctx, tx, "k", "v") })
	assert.True(t, fault.Is(err, fault.ReadOnlyRole), "%v", err)
	assert.Contains(t, fault.Message(err, fault.ID), "sebagai pembaca")
}

// Queries go to a server in one round trip each, their parameters and
// results as text: what comes back is exactly what went in, also from a
// server set to round its floats in text (extra_float_digits 0).
func TestSharedWorkspaceReadsExactValuesInText(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	dsn := storetest.NewDatabase(t)
	exec(t, dsn, `DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET extra_float_digits = 0', current_database()); END $$`)
	s, err := store.Open(ctx, dsn, store.Options{})
	require.NoError(t, err)
	defer s.Close()
	third := 1.0 / 3
	sum := 0.1 + 0.2 // 0.30000000000000004: rounded to 15 digits it would read 0.3
	blob := []byte{0, 1, 2, 0x5c, 0x78, 0xff}
	var (
		f1, f2 float64
		b      []byte
		n      int64
		yes    int
		text   string
	)
	require.NoError(t, s.Read().QueryRowContext(ctx, `SELECT CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION),
  CAST(? AS BYTEA), CAST(? AS BIGINT), 1 = 1, CAST(? AS TEXT)`, third, sum, blob, int64(1)<<62+1, `kutip ' "dan" \x garis`).
		Scan(&f1, &f2, &b, &n, &yes, &text))
	assert.Equal(t, third, f1)
	assert.Equal(t, sum, f2)
	assert.Equal(t, blob, b)
	assert.Equal(t, int64(1)<<62+1, n)
	assert.Equal(t, 1, yes, "a comparison reads 0/1 on both engines")
	assert.Equal(t, `kutip ' "dan" \x garis`, text)
}

// A shared workspace dials a few connections in the background once open,
// and the pool takes them when a screen reads several things at once,
// instead of paying for each new connection then.
func TestSharedWorkspaceDialsConnectionsAhead(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	dsn := storetest.NewDatabase(t)
	s := storetest.OpenAt(t, dsn)
	var origin string
	require.NoError(t, s.Read().QueryRowContext(ctx, "SELECT current_setting('application_name')").Scan(&origin))
	// Counted from outside, so that counting takes none of the store's.
	look, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	defer look.Close()
	count := func() int {
		var n int
		require.NoError(t, look.QueryRowContext(ctx, "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", origin).Scan(&n))
		return n
	}
	require.Eventually(t, func() bool { return count() == 4 }, 10*time.Second, 50*time.Millisecond,
		"the opening connection and the three dialled ahead")
	// Four reads at once: the pool hands out the connections dialled
	// ahead, and dials none.
	conns := make([]*sql.Conn, 4)
	for i := range conns {
		c, err := s.Read().Conn(ctx)
		require.NoError(t, err)
		require.NoError(t, c.PingContext(ctx))
		conns[i] = c
	}
	assert.Equal(t, 4, count())
	for _, c := range conns {
		require.NoError(t, c.Close())
	}
}
