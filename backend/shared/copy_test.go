package shared_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/demo/demotest"
	"selaras/backend/fault"
	"selaras/backend/rakor"
	"selaras/backend/shared"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
	"selaras/backend/workspace"
)

// contents is each table's row count and a hash of its rows in key order.
func contents(t *testing.T, path string) map[string]string {
	t.Helper()
	ctx := context.Background()
	s := storetest.OpenAt(t, path)
	tables, err := s.Tables(ctx)
	require.NoError(t, err)
	out := map[string]string{}
	for _, tb := range tables {
		cols := make([]string, len(tb.Columns))
		for i, c := range tb.Columns {
			cols[i] = store.Quote(c)
		}
		q := "SELECT " + strings.Join(cols, ", ") + " FROM " + store.Quote(tb.Name) + " ORDER BY " + strings.Join(cols, ", ")
		if tb.Name == "meta" { // the pulled copy says where it came from
			q = "SELECT key, value FROM meta WHERE key NOT LIKE 'offline_copy_%' ORDER BY key"
		}
		rows, err := s.Read().Query(q)
		require.NoError(t, err)
		h := sha256.New()
		n := 0
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if tb.Name == "meta" {
				ptrs = ptrs[:2]
			}
			require.NoError(t, rows.Scan(ptrs...))
			fmt.Fprintf(h, "%#v\n", vals)
			n++
		}
		require.NoError(t, rows.Err())
		rows.Close()
		out[tb.Name] = fmt.Sprintf("%d rows %s", n, hex.EncodeToString(h.Sum(nil))[:16])
	}
	return out
}

func TestPushThenPullGivesTheSameWorkspace(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	dir := t.TempDir()
	from := demotest.File(t, dir)
	dsn := storetest.NewDatabase(t)
	require.NoError(t, shared.Init(ctx, dsn), "push goes into a just-initialised database")

	var pushed []string
	require.NoError(t, shared.Push(ctx, from, dsn, func(table string, n int64) { pushed = append(pushed, table) }))
	assert.Contains(t, pushed, "audit_log")
	assert.Less(t, indexOf(pushed, "meeting"), indexOf(pushed, "decision"), "parents first")

	to := filepath.Join(dir, "luring.db")
	var pulled []string
	require.NoError(t, shared.Pull(ctx, dsn, to, func(table string, n int64) { pulled = append(pulled, table) }))
	assert.Equal(t, pushed, pulled)

	want, got := contents(t, from), contents(t, to)
	assert.Equal(t, want, got)
	assert.Greater(t, len(want), 20)
	assert.NotEqual(t, "0 rows", want["audit_log"][:6])

	copyWS, err := workspace.Open(ctx, to)
	require.NoError(t, err)
	defer copyWS.Close()
	info, err := workspace.Describe(ctx, copyWS)
	require.NoError(t, err)
	assert.Equal(t, store.Redact(dsn), info.OfflineCopyOf)
	assert.NotContains(t, info.OfflineCopyOf, "selaras-test", "never the password")
	assert.NotEmpty(t, info.OfflineCopyAt)
	assert.Equal(t, workspace.Demo, info.Kind, "the demo stays marked as the demo")

	// The server takes new rows after the copied ids.
	srv := storetest.OpenAt(t, dsn)
	var maxID int64
	require.NoError(t, srv.Read().QueryRowContext(ctx, "SELECT max(id) FROM meeting").Scan(&maxID))
	m, err := rakor.SaveMeeting(ctx, srv, rakor.Meeting{Kind: rakor.Rakor, Title: "Rakor sesudah pindah",
		StartDate: "2025-03-01", PlanningYear: 2025})
	require.NoError(t, err)
	assert.Equal(t, maxID+1, m.ID)

	err = shared.Pull(ctx, dsn, to, nil)
	assert.Equal(t, fault.FileExists, fault.CodeOf(err), "an existing file is never overwritten")
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func TestPushRefusesADatabaseWithData(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	from := demotest.File(t, t.TempDir())
	dsn := storetest.NewDatabase(t)
	require.NoError(t, shared.Push(ctx, from, dsn, nil), "a blank database takes a push")
	before := serverCounts(t, dsn)

	err := shared.Push(ctx, from, dsn, nil)
	require.Equal(t, fault.SharedNotEmpty, fault.CodeOf(err), "%v", err)
	msg := fault.Message(err, fault.ID)
	assert.Contains(t, msg, "meeting: ")
	assert.Contains(t, msg, "indicator_value: ")
	assert.NotContains(t, msg, "selaras-test")
	assert.Equal(t, before, serverCounts(t, dsn), "nothing written")

	assert.Equal(t, fault.SharedNeedsServer, fault.CodeOf(shared.Push(ctx, from, from, nil)))
	assert.Equal(t, fault.SharedNeedsFile, fault.CodeOf(shared.Push(ctx, dsn, dsn, nil)))
	assert.Equal(t, fault.NoDatabase, fault.CodeOf(shared.Push(ctx, from+".missing", dsn, nil)))
}

func TestPushCutShortLeavesTheServerEmpty(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	from := demotest.File(t, t.TempDir())
	dsn := storetest.NewDatabase(t)
	require.NoError(t, shared.Init(ctx, dsn))
	before := serverCounts(t, dsn)

	cut, cancel := context.WithCancel(ctx)
	copied := 0
	err := shared.Push(cut, from, dsn, func(table string, n int64) {
		if copied++; copied == 5 {
			cancel()
		}
	})
	require.Error(t, err)
	assert.Equal(t, 5, copied)
	assert.Equal(t, before, serverCounts(t, dsn), "the server holds what init left, nothing of the cut push")
	require.NoError(t, shared.Push(ctx, from, dsn, nil), "and takes the push again")
}

func TestPullCutShortLeavesNoFile(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	dsn := storetest.NewDatabase(t)
	require.NoError(t, shared.Init(ctx, dsn))
	to := filepath.Join(t.TempDir(), "luring.db")
	cut, cancel := context.WithCancel(ctx)
	err := shared.Pull(cut, dsn, to, func(string, int64) { cancel() })
	require.Error(t, err)
	for _, suffix := range []string{"", "-wal", "-shm"} {
		_, err := os.Stat(to + suffix)
		assert.ErrorIs(t, err, os.ErrNotExist, suffix)
	}
}

// serverCounts is the row count of every table of the shared workspace.
func serverCounts(t *testing.T, dsn string) map[string]int64 {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	defer db.Close()
	rows, err := db.Query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
	require.NoError(t, err)
	var names []string
	for rows.Next() {
		var n string
		require.NoError(t, rows.Scan(&n))
		names = append(names, n)
	}
	rows.Close()
	out := map[string]int64{}
	for _, n := range names {
		var c int64
		require.NoError(t, db.QueryRow(`SELECT count(*) FROM "`+n+`"`).Scan(&c))
		out[n] = c
	}
	return out
}
