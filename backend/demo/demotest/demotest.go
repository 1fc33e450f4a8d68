// Package demotest makes a fresh demo workspace for a test: on the engine
// the suite runs on (see storetest), or as a workspace file.
package demotest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"selaras/backend/demo"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// DSN is a fresh demo workspace for t on the suite's engine: a file, or a
// database on the PostgreSQL test server (its URL with the password). On
// PostgreSQL it is a copy of one built once per test binary (building it per
// test was most of the time of the packages that use it on the server).
func DSN(t testing.TB) string {
	t.Helper()
	return storetest.Seeded(t, "demo.db", func(ctx context.Context, dsn string) error {
		s, err := demo.Create(ctx, dsn)
		if err != nil {
			return err
		}
		return s.Close()
	})
}

// Open opens a fresh demo workspace for t (DSN).
func Open(t testing.TB) (*store.Store, error) {
	return store.Open(context.Background(), DSN(t), store.Options{})
}

// File makes the demo workspace as the file demo.db in dir, closed, on any
// engine: what a push to the server starts from, or a command reads.
func File(t testing.TB, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "demo.db")
	s, err := demo.Create(context.Background(), path)
	require.NoError(t, err)
	require.NoError(t, s.Close())
	return path
}
