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
	"selaras/backend/settings"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

var now = time.Date(2026, 11, 30, 8, 15, 0, 0, time.UTC)

// A roaming workspace with its WAL and shared memory, a second one and the
// automatic backups move to the local folder once, with a copy kept.
func TestRelocateMovesOnce(t *testing.T) {
	base := t.TempDir()
	roaming, local := filepath.Join(base, "Roaming", "Selaras"), filepath.Join(base, "Local", "Selaras")
	files := map[string]string{
		"selaras.db": "office", "selaras.db-wal": "office wal", "selaras.db-shm": "office shm",
		"demo.db": "demo", "backups/selaras-skema4-20260101-120000.000.db": "old backup",
	}
	for n, c := range files {
		write(t, filepath.Join(roaming, n), c)
	}
	write(t, filepath.Join(roaming, "settings.json"), `{"language":"en"}`)

	m, err := Relocate(roaming, local, now)
	require.NoError(t, err)
	assert.Equal(t, []string{"demo.db", "selaras.db"}, m.Files)
	assert.Empty(t, m.Left)
	backup := filepath.Join(local, "backups", "dari-roaming-20261130-081500")
	assert.Equal(t, backup, m.Backup)
	for n, c := range files {
		assert.Equal(t, c, read(t, filepath.Join(local, n)), n)
		assert.NoFileExists(t, filepath.Join(roaming, n), n)
		if filepath.Dir(n) == "." {
			assert.Equal(t, c, read(t, filepath.Join(backup, n)), "backup copy of %s", n)
		}
	}
	assert.NoDirExists(t, filepath.Join(roaming, "backups"))
	assert.Equal(t, `{"language":"en"}`, read(t, filepath.Join(roaming, "settings.json")), "settings stay roaming")
	assert.NoFileExists(t, filepath.Join(local, "selaras.db.pindah"))

	msgs := m.Notices()
	require.Len(t, msgs, 1)
	assert.Contains(t, fault.Message(msgs[0], fault.ID), "Ruang kerja dipindahkan dari profil roaming "+roaming+" ke folder lokal "+local)
	assert.Contains(t, fault.Message(msgs[0], fault.EN), "A backup copy of the original files: "+backup)

	// Once moved, nothing is left to do.
	again, err := Relocate(roaming, local, now.Add(time.Hour))
	require.NoError(t, err)
	assert.Empty(t, again.Files)
	assert.Empty(t, again.Notices())
}

// A workspace of the same name already local is never overwritten: the
// roaming one stays and the user is told to compare them.
func TestRelocateKeepsLocalWorkspace(t *testing.T) {
	base := t.TempDir()
	roaming, local := filepath.Join(base, "Roaming"), filepath.Join(base, "Local")
	write(t, filepath.Join(roaming, "selaras.db"), "roaming office")
	write(t, filepath.Join(roaming, "demo.db"), "roaming demo")
	write(t, filepath.Join(local, "selaras.db"), "local office")

	m, err := Relocate(roaming, local, now)
	require.NoError(t, err)
	assert.Equal(t, []string{"demo.db"}, m.Files)
	assert.Equal(t, []string{"selaras.db"}, m.Left)
	assert.Equal(t, "local office", read(t, filepath.Join(local, "selaras.db")))
	assert.Equal(t, "roaming office", read(t, filepath.Join(roaming, "selaras.db")))
	assert.Equal(t, "roaming demo", read(t, filepath.Join(local, "demo.db")))
	msgs := m.Notices()
	require.Len(t, msgs, 2)
	assert.Contains(t, fault.Message(msgs[1], fault.ID), "selaras.db di profil roaming "+roaming+" tidak dipindahkan")
}

func TestRelocateNothingToDo(t *testing.T) {
	base := t.TempDir()
	cases := map[string][2]string{
		"linux: one folder":        {base, base},
		"no roaming folder at all": {filepath.Join(base, "none"), filepath.Join(base, "Local")},
		"not windows":              {"", filepath.Join(base, "Local")},
	}
	write(t, filepath.Join(base, "selaras.db"), "x")
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			m, err := Relocate(c[0], c[1], now)
			require.NoError(t, err)
			assert.Empty(t, m.Files)
			assert.Empty(t, m.Notices())
			assert.NoDirExists(t, filepath.Join(base, "Local"), "nothing created")
		})
	}
	assert.FileExists(t, filepath.Join(base, "selaras.db"))
}

// A real workspace still opens after the move, and the settings' last
// workspace points at its new place.
func TestSettle(t *testing.T) {
	base := t.TempDir()
	dirs := Dirs{Settings: filepath.Join(base, "Roaming"), Data: filepath.Join(base, "Local"), Roaming: filepath.Join(base, "Roaming")}
	old := filepath.Join(dirs.Roaming, OfficeFile)
	s, err := Create(context.Background(), old, Office)
	require.NoError(t, err)
	require.NoError(t, s.Close())
	require.NoError(t, settings.Save(filepath.Join(dirs.Settings, settings.File), settings.Settings{Language: "en", LastWorkspace: old}))

	m, err := Settle(dirs, now)
	require.NoError(t, err)
	assert.Equal(t, []string{OfficeFile}, m.Files)
	prefs, err := settings.Load(filepath.Join(dirs.Settings, settings.File))
	require.NoError(t, err)
	assert.Equal(t, settings.Settings{Language: "en", LastWorkspace: filepath.Join(dirs.Data, OfficeFile)}, prefs)
	s, err = Open(context.Background(), prefs.LastWorkspace)
	require.NoError(t, err)
	info, err := Describe(context.Background(), s)
	require.NoError(t, err)
	assert.Equal(t, Office, info.Kind)
	require.NoError(t, s.Close())

	// Linux: one folder, nothing moves, settings untouched.
	lin := Dirs{Settings: filepath.Join(base, "cfg"), Data: filepath.Join(base, "cfg")}
	m, err = Settle(lin, now)
	require.NoError(t, err)
	assert.Empty(t, m.Files)
	assert.NoDirExists(t, lin.Data)
}

// When the original cannot be removed (on Windows: another program has it
// open) the new copies are taken back and the workspace stays where it was.
func TestRelocateTakesBackWhenOriginalStays(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root removes files from a read-only folder")
	}
	base := t.TempDir()
	roaming, local := filepath.Join(base, "Roaming"), filepath.Join(base, "Local")
	write(t, filepath.Join(roaming, "selaras.db"), "office")
	write(t, filepath.Join(roaming, "selaras.db-wal"), "wal")
	require.NoError(t, os.Chmod(roaming, 0o555))
	t.Cleanup(func() { os.Chmod(roaming, 0o755) })

	_, err := Relocate(roaming, local, now)
	require.Error(t, err)
	assert.Equal(t, "office", read(t, filepath.Join(roaming, "selaras.db")))
	assert.Equal(t, "wal", read(t, filepath.Join(roaming, "selaras.db-wal")))
	assert.NoFileExists(t, filepath.Join(local, "selaras.db"))
	assert.NoFileExists(t, filepath.Join(local, "selaras.db-wal"))
}
