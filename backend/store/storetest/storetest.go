// Package storetest opens a real, migrated workspace in a test's temp dir.
package storetest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"selaras/backend/store"
)

// Open returns a migrated store on a fresh SQLite file, closed with the test.
func Open(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "selaras.db"), store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}
