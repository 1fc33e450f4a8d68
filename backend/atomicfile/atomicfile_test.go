package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
)

func TestCommitAndAbort(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "sub", "out.xlsx")
	f, err := Create(target)
	require.NoError(t, err)
	assert.True(t, IsTemp(filepath.Base(f.TempName())))
	assert.Equal(t, ".xlsx", filepath.Ext(f.TempName()))
	_, err = f.WriteString("isi")
	require.NoError(t, err)
	assert.NoFileExists(t, target, "nothing at the target before the commit")
	require.NoError(t, f.Commit())
	f.Abort() // a no-op after commit
	b, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, "isi", string(b))

	g, err := Create(target)
	require.NoError(t, err)
	_, _ = g.WriteString("setengah")
	g.Abort()
	b, _ = os.ReadFile(target)
	assert.Equal(t, "isi", string(b), "an aborted write leaves the old file")
	entries, _ := os.ReadDir(filepath.Dir(target))
	assert.Len(t, entries, 1)
}

func TestIsTempAndClean(t *testing.T) {
	for name, want := range map[string]bool{
		".selaras-tmp-0a1b2c.xlsx": true, ".selaras-tmp-0a1b2c.db": true, ".selaras-123456.xlsx": true,
		".selaras-tmp-x.db-journal": true, ".selaras-abc.xlsx": false, "Matriks.xlsx": false, "selaras.db": false,
	} {
		assert.Equal(t, want, IsTemp(name), name)
	}
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for _, n := range []string{".selaras-tmp-old.xlsx", ".selaras-42.xlsx", "Matriks.xlsx"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), nil, 0o644))
		require.NoError(t, os.Chtimes(filepath.Join(dir, n), old, old))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".selaras-tmp-running.xlsx"), nil, 0o644))
	n, err := Clean(dir, time.Minute)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	assert.FileExists(t, filepath.Join(dir, "Matriks.xlsx"), "the user's files are never touched")
	assert.FileExists(t, filepath.Join(dir, ".selaras-tmp-running.xlsx"), "a write in progress keeps its file")
	n, err = Clean(filepath.Join(dir, "missing"), 0)
	assert.NoError(t, err)
	assert.Zero(t, n)
}

func TestExplain(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	require.NoError(t, os.Mkdir(ro, 0o555))
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	wrap := func(e syscall.Errno) error {
		return fmt.Errorf("write: %w", &fs.PathError{Op: "write", Path: "x", Err: e})
	}
	tests := []struct {
		name string
		err  error
		path string
		want fault.Code
	}{
		{"disk full", wrap(syscall.ENOSPC), "x.xlsx", fault.DiskFull},
		{"read-only file system", wrap(syscall.EROFS), "x.xlsx", fault.ReadOnlyFolder},
		{"read-only folder", wrap(syscall.EACCES), filepath.Join(ro, "x.xlsx"), fault.ReadOnlyFolder},
		{"no permission", wrap(syscall.EACCES), filepath.Join(dir, "x.xlsx"), fault.NoPermission},
		{"other", errors.New("boom"), "x", fault.Internal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Explain(tt.err, tt.path)
			assert.Equal(t, tt.want, fault.CodeOf(err))
			if tt.want != fault.Internal {
				assert.Contains(t, fault.Message(err, fault.ID), tt.path)
				assert.NotEmpty(t, fault.Message(err, fault.EN))
			}
		})
	}
	assert.Contains(t, fault.Message(fault.New(fault.FileInUse, "", "path", "a.xlsx"), fault.ID), "Tutup berkas di Excel lalu ulangi")
}

// InUse tells a file another program holds open from other failures, so a
// caller can postpone instead of failing (the roaming move; on Windows a
// sharing violation, shown under Wine by make test-windows).
func TestInUse(t *testing.T) {
	inUse := syscall.EBUSY
	if runtime.GOOS == "windows" {
		inUse = syscall.Errno(32) // ERROR_SHARING_VIOLATION
	}
	assert.True(t, InUse(&fs.PathError{Op: "open", Path: "x.db", Err: inUse}))
	assert.True(t, InUse(fmt.Errorf("workspace: copy: %w", &fs.PathError{Op: "remove", Path: "x.db", Err: inUse})))
	assert.False(t, InUse(nil))
	assert.False(t, InUse(fs.ErrNotExist))
	assert.False(t, InUse(&fs.PathError{Op: "open", Path: "x.db", Err: syscall.ENOENT}))
}
