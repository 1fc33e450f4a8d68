package workspace

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// createdBy reads the meta the test changes, as a stand-in for any figure.
func createdBy(t *testing.T, path string) string {
	t.Helper()
	s := storetest.OpenAt(t, path)
	v, err := s.Meta(context.Background(), "created_by")
	require.NoError(t, err)
	return v
}

func setCreatedBy(t *testing.T, path, v string) {
	t.Helper()
	s := storetest.OpenAt(t, path)
	require.NoError(t, s.Tx(context.Background(), func(tx *sql.Tx) error {
		return store.SetMeta(context.Background(), tx, "created_by", v)
	}))
}

// A restore keeps what it replaces: a healthy workspace is backed up first
// (restoring that backup undoes the restore), a damaged one is moved
// aside; release comes after that and before the file is replaced. A bad
// source changes nothing and releases nothing.
func TestRestoreKeepsWhatItReplaces(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "selaras.db")
	s, err := Create(ctx, path, Office)
	require.NoError(t, err)
	b, err := s.TakeBackup(ctx, store.Manual)
	require.NoError(t, err)
	require.NoError(t, s.Close())
	setCreatedBy(t, path, "diubah")

	released := 0
	r, err := Restore(ctx, path, b.Path, func() { released++ })
	require.NoError(t, err)
	assert.Equal(t, 1, released)
	assert.NotEqual(t, "diubah", createdBy(t, path))
	require.NotNil(t, r.Before)
	assert.Equal(t, store.BeforeRestore, r.Before.Reason)
	assert.Equal(t, "diubah", createdBy(t, r.Before.Path), "the replaced state is kept")
	assert.Empty(t, r.SetAside)

	junk := filepath.Join(dir, "junk.db")
	require.NoError(t, os.WriteFile(junk, []byte("bukan ruang kerja"), 0o644))
	released = 0
	_, err = Restore(ctx, path, junk, func() { released++ })
	assert.True(t, fault.Is(err, fault.BadBackup), "%v", err)
	assert.Zero(t, released, "refused before anything changed")

	// Damaged in the middle: set aside, then replaced.
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	require.NoError(t, err)
	info, err := f.Stat()
	require.NoError(t, err)
	_, err = f.WriteAt(bytes.Repeat([]byte{0xA5}, 8192), info.Size()/2)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	r, err = Restore(ctx, path, b.Path, func() { released++ })
	require.NoError(t, err)
	assert.Equal(t, 1, released)
	assert.Nil(t, r.Before)
	assert.FileExists(t, r.SetAside)
	assert.Contains(t, filepath.Base(r.SetAside), "-rusak-")
	assert.NoError(t, store.Verify(ctx, path))
}

// What only a file has is refused for a shared workspace before any
// connection, without its password; a missing file is never created.
func TestFileWorkflowsRefuseSharedAndMissing(t *testing.T) {
	ctx := context.Background()
	url := "postgres://kabid:rahasia@127.0.0.1:1/selaras"
	err := NeedsFile(url)
	assert.True(t, fault.Is(err, fault.SharedBackup))
	assert.NotContains(t, fault.Message(err, fault.ID), "rahasia")
	_, err = Restore(ctx, url, "x.db", nil)
	assert.True(t, fault.Is(err, fault.SharedBackup))
	assert.NoError(t, NeedsFile(filepath.Join(t.TempDir(), "a.db")))

	missing := filepath.Join(t.TempDir(), "hilang.db")
	_, err = OpenExisting(ctx, missing)
	assert.True(t, fault.Is(err, fault.NoDatabase))
	assert.NoFileExists(t, missing)
	_, err = OpenExisting(ctx, t.TempDir())
	assert.True(t, fault.Is(err, fault.NoDatabase), "a folder is no workspace")

	assert.Equal(t, "Ruang-kerja-Selaras-2025-02-23.db", CopyName(time.Date(2025, 2, 23, 10, 0, 0, 0, time.Local)))
}
