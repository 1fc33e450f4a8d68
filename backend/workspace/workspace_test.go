package workspace

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/indicator"
	"selaras/backend/program"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// Create makes a workspace of each kind with the starter catalogue and the
// 2.17 nomenclature; Open finds the same kind and origin after a restart.
func TestCreateAndOpen(t *testing.T) {
	ctx := context.Background()
	for _, kind := range []Kind{Demo, Office} {
		t.Run(string(kind), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ruang.db")
			s, err := Create(ctx, path, kind)
			require.NoError(t, err)
			created, err := Describe(ctx, s)
			require.NoError(t, err)
			assert.Equal(t, path, created.Path)
			assert.Equal(t, kind, created.Kind)
			assert.False(t, created.ReadOnly)
			assert.Positive(t, created.SchemaVersion)
			at, err := time.Parse(time.RFC3339, created.CreatedAt)
			require.NoError(t, err, "created_at is RFC 3339: %q", created.CreatedAt)
			assert.WithinDuration(t, time.Now(), at, time.Minute)

			inds, err := indicator.List(ctx, s.Read())
			require.NoError(t, err)
			assert.NotEmpty(t, inds, "starter catalogue installed")
			items, err := program.ListItems(ctx, s.Read())
			require.NoError(t, err)
			assert.NotEmpty(t, items, "2.17 nomenclature installed")
			require.NoError(t, s.Close())

			s, err = Open(ctx, path)
			require.NoError(t, err)
			defer s.Close()
			reopened, err := Describe(ctx, s)
			require.NoError(t, err)
			assert.Equal(t, created, reopened)
		})
	}
}

// A file made without a kind (an older Selaras, or a copy) counts as the
// office's own, never as the demo that "Reset demo" may overwrite.
func TestDescribeDefaultsToOffice(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lama.db")
	s := storetest.OpenAt(t, path)
	info, err := Describe(ctx, s)
	require.NoError(t, err)
	assert.Equal(t, Office, info.Kind)
	assert.Empty(t, info.CreatedAt)
}

// Create never overwrites a file that is there, whatever it holds.
func TestCreateRefusesExistingFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "selaras.db")
	require.NoError(t, os.WriteFile(path, []byte("not mine"), 0o600))
	_, err := Create(ctx, path, Office)
	require.Error(t, err)
	assert.Equal(t, fault.FileExists, fault.CodeOf(err))
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "not mine", string(got))
}

// The automatic backup is taken once per day.
func TestDailyBackup(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "selaras.db")
	s, err := Create(ctx, path, Office)
	require.NoError(t, err)
	defer s.Close()
	daily := func() int {
		bs, err := store.ListBackups(path)
		require.NoError(t, err)
		n := 0
		for _, b := range bs {
			if b.Reason == store.Daily {
				n++
			}
		}
		return n
	}
	now := time.Now()
	require.NoError(t, DailyBackup(ctx, s, now))
	assert.Equal(t, 1, daily())
	require.NoError(t, DailyBackup(ctx, s, now))
	assert.Equal(t, 1, daily(), "none again the same day")
}

// Two PCs pressing "Buat ruang kerja bersama" on one empty database at the
// same moment: one sets it up, the other is told it holds a workspace
// already, and the starter data is there once.
func TestTwoPCsCreateOneSharedWorkspace(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	dsn := storetest.NewDatabase(t)
	errs := make(chan error, 2)
	for range 2 {
		go func() {
			s, err := Create(ctx, dsn, Office)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	var codes []fault.Code
	for range 2 {
		if err := <-errs; err != nil {
			codes = append(codes, fault.CodeOf(err))
		}
	}
	assert.Equal(t, []fault.Code{fault.ServerNotEmpty}, codes)
	s, err := Open(ctx, dsn)
	require.NoError(t, err)
	defer s.Close()
	var indicators, distinct int
	require.NoError(t, s.Read().QueryRowContext(ctx, "SELECT count(*), count(DISTINCT code) FROM indicator").Scan(&indicators, &distinct))
	assert.Positive(t, indicators)
	assert.Equal(t, distinct, indicators)
}
