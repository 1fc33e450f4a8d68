package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/atomicfile"
	"selaras/backend/atomicfile/crashtest"
	"selaras/backend/fault"
)

// fill makes the workspace big enough (about mb MiB) that a backup takes a
// while, so a kill can land in the middle of it.
func fill(t *testing.T, s *Store, mb int) {
	t.Helper()
	require.NoError(t, s.Tx(context.Background(), func(tx *sql.Tx) error {
		if _, err := tx.Exec("CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, b BLOB) STRICT"); err != nil {
			return err
		}
		_, err := tx.Exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO filler(b) SELECT randomblob(1024) FROM n", mb*1024)
		return err
	}))
}

// TestHelperBackup is the child of TestKilledBackupLeavesNothing: it backs
// up the workspace named in the environment and is killed at some moment.
func TestHelperBackup(t *testing.T) {
	if crashtest.Job() != "backup" {
		t.Skip("child process of TestKilledBackupLeavesNothing")
	}
	s, err := Open(context.Background(), os.Getenv("SELARAS_DB"), Options{})
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.BackupTo(context.Background(), os.Getenv("SELARAS_OUT")))
}

func TestKilledBackupLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 30 child processes")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "selaras.db")
	s := openWithProfile(t, db)
	fill(t, s, 4)
	require.NoError(t, s.Close())
	outDir := filepath.Join(dir, "salinan")
	out := filepath.Join(outDir, "cadangan.db")
	env := []string{"SELARAS_DB=" + db, "SELARAS_OUT=" + out}

	backup := func() *exec.Cmd { return crashtest.Command(t, "TestHelperBackup", "backup", env...) }
	span := crashtest.Time(t, backup())
	require.NoError(t, Verify(context.Background(), out))
	require.NoError(t, os.Remove(out))

	const trials = 30
	r := crashtest.KillTrials(t, trials, span, backup, out, func(i int) {
		require.NoError(t, Verify(context.Background(), out), "trial %d: a file at the target is a whole backup", i)
	}, func(i int) int {
		// The next start sweeps what the killed process left.
		n, err := atomicfile.Clean(outDir, 0)
		require.NoError(t, err)
		entries, _ := os.ReadDir(outDir)
		assert.Empty(t, entries, "trial %d: nothing left beside the target", i)
		return n
	})
	t.Logf("%d trials over %v: %d killed before the rename (no file), %d complete; %d temporary files swept",
		trials, span, r.Absent, r.Complete, r.Swept)
	assert.Positive(t, r.Absent, "some kills must land mid-backup")

	// A later backup to the same path works.
	s = open(t, db)
	require.NoError(t, s.BackupTo(context.Background(), out))
	require.NoError(t, Verify(context.Background(), out))
}

func TestTakeBackupNamesAndRotates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "selaras.db")
	s := openWithProfile(t, path)
	ctx := context.Background()
	for range 9 {
		_, err := s.TakeBackup(ctx, Daily)
		require.NoError(t, err)
	}
	for range 12 {
		_, err := s.TakeBackup(ctx, BeforeImport)
		require.NoError(t, err)
	}
	for range 3 {
		_, err := s.TakeBackup(ctx, Manual)
		require.NoError(t, err)
	}
	list, err := ListBackups(path)
	require.NoError(t, err)
	count := map[Reason]int{}
	for i, b := range list {
		count[b.Reason]++
		assert.Positive(t, b.Size)
		assert.True(t, strings.HasPrefix(b.Name, "selaras-"+string(b.Reason)+"-"), b.Name)
		if i > 0 {
			assert.False(t, b.Taken.After(list[i-1].Taken), "newest first")
		}
	}
	assert.Equal(t, map[Reason]int{Daily: 7, BeforeImport: 10, Manual: 3}, count)

	since := time.Now().Add(-time.Hour)
	ok, err := s.HasBackupSince(Daily, since)
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = s.HasBackupSince(BeforeRestore, since)
	require.NoError(t, err)
	assert.False(t, ok)
}

// backedUp opens a workspace with a profile in the test's temp dir and
// takes one backup of it, for reason.
func backedUp(t *testing.T, reason Reason) (*Store, string, Backup) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "selaras.db")
	s := openWithProfile(t, path)
	b, err := s.TakeBackup(context.Background(), reason)
	require.NoError(t, err)
	return s, path, b
}

func TestRestoreReplacesTheWorkspace(t *testing.T) {
	ctx := context.Background()
	s, path, b := backedUp(t, Manual)
	require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE profile SET office_name = 'sesudah cadangan'")
		return err
	}))
	require.NoError(t, s.Close())

	require.NoError(t, Restore(ctx, path, b.Path))
	s = open(t, path)
	var office string
	require.NoError(t, s.Read().QueryRow("SELECT office_name FROM profile").Scan(&office))
	assert.Equal(t, "Dinas Koperasi dan UKM", office)

	// A file that is not a whole workspace is refused and changes nothing.
	junk := filepath.Join(filepath.Dir(path), "junk.db")
	require.NoError(t, os.WriteFile(junk, []byte("SQLite format 3\x00 but not really"), 0o644))
	before := fileHash(t, path)
	err := Restore(ctx, path, junk)
	assert.Equal(t, fault.BadBackup, fault.CodeOf(err))
	assert.Equal(t, before, fileHash(t, path))
}

// damage writes 8 KiB of noise into the middle of the file.
func damage(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	require.NoError(t, err)
	defer f.Close()
	info, err := f.Stat()
	require.NoError(t, err)
	noise := make([]byte, 8192)
	for i := range noise {
		noise[i] = byte(rand.IntN(256))
	}
	_, err = f.WriteAt(noise, info.Size()/2)
	require.NoError(t, err)
}

func TestDamagedDatabaseIsRefusedUntouched(t *testing.T) {
	ctx := context.Background()
	s, path, good := backedUp(t, Daily)
	fill(t, s, 2)
	require.NoError(t, s.Close())
	damage(t, path)
	before := fileHash(t, path)

	_, err := Open(ctx, path, Options{})
	require.Error(t, err)
	assert.Equal(t, fault.Damaged, fault.CodeOf(err))
	assert.Contains(t, fault.Message(err, fault.ID), "rusak")
	assert.Equal(t, before, fileHash(t, path), "a damaged file is not written")

	// Recovery: the damaged file is set aside, the newest good backup restored.
	newest, err := NewestGoodBackup(ctx, path)
	require.NoError(t, err)
	assert.Equal(t, good.Path, newest.Path)
	aside, err := SetAside(path)
	require.NoError(t, err)
	assert.Equal(t, before, fileHash(t, aside), "the damaged file is kept for inspection")
	require.NoError(t, Restore(ctx, path, newest.Path))
	s = open(t, path)
	var n int
	require.NoError(t, s.Read().QueryRow("SELECT count(*) FROM profile").Scan(&n))
	assert.Equal(t, 1, n)
	newest, err = NewestGoodBackup(ctx, path)
	require.NoError(t, err)
	assert.NotEqual(t, DamagedCopy, newest.Reason, "a damaged copy is never offered")
}

func TestNewerSchemaIsRefusedUntouchedInEveryJournalMode(t *testing.T) {
	for _, mode := range []string{"wal", "delete"} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "selaras.db")
			s, err := Open(context.Background(), path, Options{})
			require.NoError(t, err)
			_, err = s.w.Exec("INSERT INTO schema_migrations(version, name, applied_at) VALUES(99, 'future', 'x')")
			require.NoError(t, err)
			_, err = s.w.Exec("PRAGMA journal_mode = " + mode)
			require.NoError(t, err)
			require.NoError(t, s.Close())
			var got string
			raw, err := sql.Open("sqlite", roDSN(path))
			require.NoError(t, err)
			require.NoError(t, raw.QueryRow("PRAGMA journal_mode").Scan(&got))
			raw.Close()
			require.Equal(t, mode, got)
			before := fileHash(t, path)
			entries := names(t, dir)

			_, err = Open(context.Background(), path, Options{})
			assert.Equal(t, fault.NewerSchema, fault.CodeOf(err))
			assert.Equal(t, before, fileHash(t, path), "the file's bytes are unchanged")
			assert.Equal(t, entries, names(t, dir), "no -wal, -shm or backup appears")
		})
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// readOnlyReport is what TestHelperReadOnly saw, sent back as JSON.
type readOnlyReport struct {
	OpenErr  string `json:"openErr"`
	ReadOnly bool   `json:"readOnly"`
	Office   string `json:"office"`
	WriteErr string `json:"writeErr"`
	Code     string `json:"code"`
}

// TestHelperReadOnly opens a workspace as an unprivileged user and tries
// to read and to write it.
func TestHelperReadOnly(t *testing.T) {
	if crashtest.Job() != "readonly" {
		t.Skip("child process of TestReadOnlyWorkspace")
	}
	var r readOnlyReport
	ctx := context.Background()
	s, err := Open(ctx, os.Getenv("SELARAS_DB"), Options{})
	if err != nil {
		r.OpenErr = fault.Message(err, fault.ID)
	} else {
		r.ReadOnly = s.ReadOnly()
		_ = s.Read().QueryRow("SELECT office_name FROM profile").Scan(&r.Office)
		err = s.Tx(ctx, func(tx *sql.Tx) error { return SetMeta(ctx, tx, "x", "y") })
		r.WriteErr = fault.Message(err, fault.ID)
		r.Code = string(fault.CodeOf(err))
		s.Close()
	}
	b, _ := json.Marshal(r)
	fmt.Println("REPORT " + string(b))
}

func TestReadOnlyWorkspace(t *testing.T) {
	cases := []struct {
		name             string
		fileMode, dirMod os.FileMode
		journal          string
	}{
		{"read-only file, wal", 0o444, 0o777, "wal"},
		{"read-only folder, wal", 0o666, 0o555, "wal"},
		{"read-only file and folder, rollback journal", 0o444, 0o555, "delete"},
	}
	base := t.TempDir()
	require.NoError(t, os.Chmod(filepath.Dir(base), 0o755))
	require.NoError(t, os.Chmod(base, 0o755))
	// The test binary may sit in a private build folder: copy it where
	// the unprivileged child can run it.
	bin := filepath.Join(base, "store.test")
	copyFile(t, os.Args[0], bin, 0o755)
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(base, fmt.Sprint(i))
			path := filepath.Join(dir, "selaras.db")
			s, err := Open(context.Background(), path, Options{})
			require.NoError(t, err)
			insertProfile(t, s, "op")
			_, err = s.w.Exec("PRAGMA journal_mode = " + tc.journal)
			require.NoError(t, err)
			require.NoError(t, s.Close())
			require.NoError(t, os.Chmod(path, tc.fileMode))
			require.NoError(t, os.Chmod(dir, tc.dirMod))
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
			before := fileHash(t, path)

			cmd := crashtest.Command(t, "TestHelperReadOnly", "readonly", "SELARAS_DB="+path)
			cmd.Path, cmd.Args[0] = bin, bin
			if !crashtest.AsUnprivileged(cmd) {
				t.Skip("file modes cannot be shown here")
			}
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, string(out))
			_, js, ok := strings.Cut(string(out), "REPORT ")
			require.True(t, ok, string(out))
			var r readOnlyReport
			require.NoError(t, json.Unmarshal([]byte(strings.SplitN(js, "\n", 2)[0]), &r))

			assert.Empty(t, r.OpenErr, "a read-only workspace opens")
			assert.True(t, r.ReadOnly)
			assert.Equal(t, "Dinas Koperasi dan UKM", r.Office, "and can be read")
			assert.Equal(t, string(fault.ReadOnlyWorkspace), r.Code)
			assert.Contains(t, r.WriteErr, "hanya dapat dibaca")
			assert.NotContains(t, r.WriteErr, "readonly database", "never the driver's words")
			assert.Equal(t, before, fileHash(t, path))
		})
	}
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	src, err := os.Open(from)
	require.NoError(t, err)
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	require.NoError(t, err)
	_, err = io.Copy(dst, src)
	require.NoError(t, err)
	require.NoError(t, dst.Close())
}

func TestQuickCheckCutShortIsNotDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "selaras.db")
	s := open(t, path)
	fill(t, s, 2)
	require.NoError(t, s.Close())
	// On a very big file the check at open is bounded; running out of
	// time must not refuse a healthy workspace.
	s, err := Open(context.Background(), path, Options{CheckTimeout: time.Nanosecond})
	require.NoError(t, err)
	require.NoError(t, s.Close())
}
