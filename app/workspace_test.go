package app

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/profile"
	"selaras/backend/store"
)

func officeApp(t *testing.T, dir string) (*App, *Workspace, *Settings) {
	t.Helper()
	a := newApp(t, Options{ConfigDir: dir})
	a.headless = true
	return a, &Workspace{a}, &Settings{a}
}

// babelOffice opens an office workspace in dir with its profile saved.
func babelOffice(t *testing.T, dir string) (*App, *Workspace, *Settings) {
	t.Helper()
	a, w, s := officeApp(t, dir)
	_, err := w.OpenOffice()
	require.NoError(t, err)
	_, err = s.SaveProfile(profile.Profile{ProvinceCode: "19", OfficeName: "Dinas KUKM Babel", WorkingYear: 2025})
	require.NoError(t, err)
	return a, w, s
}

func TestBackupRestoreAndUndo(t *testing.T) {
	dir := t.TempDir()
	_, w, s := babelOffice(t, dir)

	b, err := w.BackupNow()
	require.NoError(t, err)
	assert.Equal(t, store.Manual, b.Reason)
	assert.NotEmpty(t, b.When)

	_, err = s.SaveProfile(profile.Profile{ProvinceCode: "19", OfficeName: "Sesudah cadangan", WorkingYear: 2025})
	require.NoError(t, err)
	st, err := w.Restore(b.Path)
	require.NoError(t, err)
	assert.Equal(t, PhaseReady, st.Phase)
	assert.Equal(t, "Dinas KUKM Babel", st.Profile.OfficeName)

	// The state the restore replaced was kept: restoring it undoes the restore.
	list, err := w.Backups()
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, store.BeforeRestore, list[0].Reason)
	st, err = w.Restore(list[0].Path)
	require.NoError(t, err)
	assert.Equal(t, "Sesudah cadangan", st.Profile.OfficeName)

	// Only the workspace's own backups can be restored.
	_, err = w.Restore(filepath.Join(dir, "selaras.db"))
	assert.Error(t, err)
}

func TestDamagedWorkspaceIsRecoveredFromTheNewestBackup(t *testing.T) {
	dir := t.TempDir()
	a, w, _ := babelOffice(t, dir)
	_, err := w.BackupNow()
	require.NoError(t, err)
	a.Shutdown(context.Background())

	path := filepath.Join(dir, "selaras.db")
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	require.NoError(t, err)
	info, _ := f.Stat()
	noise := make([]byte, 8192)
	for i := range noise {
		noise[i] = byte(rand.IntN(256))
	}
	_, err = f.WriteAt(noise, info.Size()/2)
	require.NoError(t, err)
	require.NoError(t, f.Close())

	_, w, _ = officeApp(t, dir)
	st, err := w.State()
	require.NoError(t, err)
	assert.Equal(t, PhaseChoose, st.Phase, "a damaged workspace is not opened")
	assert.True(t, st.Damaged)
	assert.Contains(t, st.Error, "rusak")
	require.NotNil(t, st.Recovery)

	st, err = w.RestoreNewest()
	require.NoError(t, err)
	assert.Equal(t, PhaseReady, st.Phase)
	assert.False(t, st.Damaged)
	assert.Equal(t, "Dinas KUKM Babel", st.Profile.OfficeName)
	list, err := w.Backups()
	require.NoError(t, err)
	var kept bool
	for _, b := range list {
		kept = kept || b.Reason == store.DamagedCopy
	}
	assert.True(t, kept, "the damaged file is kept for inspection")
}

func TestSaveCopyAndOpenItElsewhere(t *testing.T) {
	a := newApp(t, Options{Demo: true})
	a.headless = true
	w := &Workspace{a}
	path, err := w.SaveCopy()
	require.NoError(t, err)
	for _, suffix := range []string{"-wal", "-shm"} {
		assert.NoFileExists(t, path+suffix)
	}

	// Another PC: a fresh config folder opens the one file.
	other := t.TempDir()
	moved := filepath.Join(other, "dibawa.db")
	require.NoError(t, os.Rename(path, moved))
	_, w2, _ := officeApp(t, t.TempDir())
	st, err := w2.OpenFile(moved)
	require.NoError(t, err)
	assert.Equal(t, PhaseReady, st.Phase)
	assert.Equal(t, moved, st.Info.Path)

	_, err = w2.OpenFile(filepath.Join(other, "tidak-ada.db"))
	assert.Error(t, err)
}
