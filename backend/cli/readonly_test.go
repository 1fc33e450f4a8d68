package cli

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/atomicfile/crashtest"
)

// TestHelperReadOnlyCLI runs commands as an unprivileged user on a
// workspace it cannot write, and reports what each did.
func TestHelperReadOnlyCLI(t *testing.T) {
	if crashtest.Job() != "readonly-cli" {
		t.Skip("child process of TestReadOnlyWorkspaceCanBeLookedAt")
	}
	db, out := os.Getenv("SELARAS_DB"), os.Getenv("SELARAS_OUT")
	report := map[string]result{
		"harmonise": run(t, nil, "harmonise", "--db", db, "--province", "19", "--year", "2025"),
		"export":    run(t, nil, "export", "--db", db, "--out", filepath.Join(out, "Matriks.xlsx")),
		"backup":    run(t, nil, "backup", "--db", db, "--out", filepath.Join(out, "salinan.db")),
		"template":  run(t, nil, "template", "--db", db, "--region", "19.01", "--out", filepath.Join(out, "t.xlsx")),
		"import":    run(t, nil, "import", "--db", db, filepath.Join(out, "t.xlsx")),
	}
	enc := map[string][3]string{}
	for k, r := range report {
		enc[k] = [3]string{fmt.Sprint(r.code), r.stdout, r.stderr}
	}
	crashtest.Report(enc)
}

func TestReadOnlyWorkspaceCanBeLookedAt(t *testing.T) {
	base := t.TempDir()
	require.NoError(t, os.Chmod(filepath.Dir(base), 0o755))
	require.NoError(t, os.Chmod(base, 0o755))
	dir := filepath.Join(base, "ro")
	db := demoFile(t, dir)
	out := filepath.Join(base, "out")
	require.NoError(t, os.MkdirAll(out, 0o777))
	require.NoError(t, os.Chmod(out, 0o777))
	require.NoError(t, os.Chmod(db, 0o444))
	require.NoError(t, os.Chmod(dir, 0o555))
	t.Cleanup(func() { os.Chmod(dir, 0o755) })

	var rep map[string][3]string
	crashtest.RunUnprivileged(t, base, "TestHelperReadOnlyCLI", "readonly-cli", &rep, "SELARAS_DB="+db, "SELARAS_OUT="+out)

	for _, cmd := range []string{"harmonise", "export", "backup", "template"} {
		assert.Equal(t, "0", rep[cmd][0], "%s works on a read-only workspace: %s", cmd, rep[cmd][2])
	}
	assert.Contains(t, rep["harmonise"][1], "19.01")
	assert.FileExists(t, filepath.Join(out, "Matriks.xlsx"))
	assert.Equal(t, "1", rep["import"][0])
	assert.Contains(t, rep["import"][2], "hanya dapat dibaca", "writing is refused with a reason")
	assert.NotContains(t, rep["import"][2], "readonly database")
}

// A workspace another process holds exclusively (a copy tool, a second
// Selaras in exclusive mode) is said plainly: what to do, not the driver's
// "database is locked".
func TestBusyWorkspaceIsSaidPlainly(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "demo.db")
	require.Equal(t, OK, run(t, nil, "demo", "--db", db).code)

	other, err := sql.Open("sqlite", db)
	require.NoError(t, err)
	defer other.Close()
	conn, err := other.Conn(ctx)
	require.NoError(t, err)
	defer conn.Close()
	for _, q := range []string{"PRAGMA locking_mode=EXCLUSIVE", "BEGIN EXCLUSIVE", "UPDATE meta SET value = value"} {
		_, err = conn.ExecContext(ctx, q)
		require.NoError(t, err, q)
	}
	defer conn.ExecContext(ctx, "ROLLBACK")

	r := run(t, nil, "harmonise", "--db", db, "--province", "19", "--year", "2025")
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "sedang dipakai oleh proses lain", r.stderr)
	assert.Contains(t, r.stderr, db)
	assert.NotContains(t, r.stderr, "locked")
	assert.NotContains(t, r.stderr, "SQLITE")
}
