package app

import (
	"context"
	"database/sql"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/rakor"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
	"selaras/backend/workspace"
)

// events collects what an App emits.
type events struct {
	mu  sync.Mutex
	got []LiveChange
}

func (e *events) emit(name string, data ...any) {
	if name != LiveEvent || len(data) != 1 {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.got = append(e.got, data[0].(LiveChange))
}

func (e *events) list() []LiveChange {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]LiveChange(nil), e.got...)
}

// A burst of changes is one event naming each table once; this app's own
// writes are not news, a resync always is.
func TestCoalescerFoldsABurst(t *testing.T) {
	tests := []struct {
		name    string
		changes []store.Change
		want    []LiveChange
	}{
		{"an import of many values", append(repeat(store.Change{Table: "indicator_value"}, 10000), store.Change{Table: "import_log"}),
			[]LiveChange{{Tables: []string{"import_log", "indicator_value"}}}},
		{"own writes only", repeat(store.Change{Table: "decision", Own: true}, 5), nil},
		{"own and others'", []store.Change{{Table: "decision", Own: true}, {Table: "meeting"}},
			[]LiveChange{{Tables: []string{"meeting"}}}},
		{"a resync", []store.Change{{Resync: true}, {Table: "decision"}},
			[]LiveChange{{Tables: []string{"decision"}, Resync: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e events
			var flushes []func()
			c := &coalescer{window: liveWindow, emit: func(ch LiveChange) { e.emit(LiveEvent, ch) },
				later: func(d time.Duration, f func()) { flushes = append(flushes, f) }}
			for _, ch := range tt.changes {
				c.add(ch)
			}
			for _, f := range flushes { // the window ends
				f()
			}
			assert.Equal(t, tt.want, e.list())
		})
	}
}

func repeat(c store.Change, n int) []store.Change {
	out := make([]store.Change, n)
	for i := range out {
		out[i] = c
	}
	return out
}

// Two apps on one shared workspace: a meeting started in one is an event in
// the other within a second, and not in the one that wrote it.
func TestLiveChangesReachTheOtherApp(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	dsn := storetest.NewDatabase(t)
	s, err := workspace.Create(ctx, dsn, workspace.Office)
	require.NoError(t, err)
	require.NoError(t, s.Close())

	start := func(e *events) *App {
		a, err := New(Options{ConfigDir: t.TempDir(), DB: dsn})
		require.NoError(t, err)
		a.SetEmitter(e.emit)
		a.Startup(ctx)
		t.Cleanup(func() { a.Shutdown(ctx) })
		_, err = a.store()
		require.NoError(t, err)
		return a
	}
	var ea, eb events
	a := start(&ea)
	start(&eb)
	// Both are listening once their LISTEN connections are up.
	db, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	defer db.Close()
	require.Eventually(t, func() bool {
		var n int
		err := db.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE '%-listen' AND query LIKE 'LISTEN%'`).Scan(&n)
		return err == nil && n == 2
	}, 10*time.Second, 20*time.Millisecond)

	_, err = (&Rakor{a}).StartMeeting(rakor.Meeting{Kind: rakor.Rakor, Title: "Rakor bersama", StartDate: "2026-02-23", PlanningYear: 2027})
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		for _, c := range eb.list() {
			for _, tb := range c.Tables {
				if tb == "meeting" {
					return true
				}
			}
		}
		return false
	}, time.Second, 10*time.Millisecond, "the other app hears of the meeting: %v %v", ea.list(), eb.list())
	time.Sleep(2 * liveWindow)
	assert.Empty(t, ea.list(), "the app that wrote it is not told")
	assert.Len(t, eb.list(), 1, "one write, one event")
}
