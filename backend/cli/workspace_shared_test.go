package cli

import (
	"bytes"
	"context"
	"database/sql"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/store/storetest"
	"selaras/backend/template"
)

func runIn(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Stdin: strings.NewReader(stdin)}
	code := Run(context.Background(), env, Commands(), args)
	return result{code, out.String(), errb.String()}
}

// The whole move through the commands: init, a person, push, pull.
func TestWorkspaceCommands(t *testing.T) {
	storetest.NeedPG(t)
	dir := t.TempDir()
	db := demoFile(t, dir)
	dsn := storetest.NewDatabase(t)
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	shown := strings.Replace(dsn, ":selaras-test@", "@", 1)

	r := runIn(t, "", "workspace", "init", "--pg", dsn)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Ruang kerja bersama siap: "+shown)
	assert.NotContains(t, r.stdout, "selaras-test", "the password is never printed")

	name := strings.TrimPrefix(u.Path, "/") + "_sekretariat"
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", storetest.PG()); err == nil {
			_, _ = db.Exec(`DROP ROLE IF EXISTS "` + name + `"`)
			db.Close()
		}
	})
	r = runIn(t, "rahasia\n", "workspace", "user", "add", name, "--role", "sekretariat", "--pg", dsn, "--password-stdin")
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Pengguna "+name+" ditambahkan sebagai sekretariat.")
	r = runIn(t, "", "workspace", "user", "list", "--pg", dsn, "--format", "csv-rfc")
	require.Equal(t, OK, r.code, r.stderr)
	assert.Equal(t, "name,role,bidang,region\n"+name+",sekretariat,,\n", r.stdout)
	r = runIn(t, "", "workspace", "user", "add", "x", "--role", "pembaca", "--pg", dsn)
	assert.Equal(t, Usage, r.code, "no terminal and no --password-stdin")
	assert.Contains(t, r.stderr, "--password-stdin")
	r = runIn(t, "x\n", "workspace", "user", "add", "budi", "--role", "bidang", "--pg", dsn, "--password-stdin")
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "--bidang")

	r = runIn(t, "", "workspace", "push", "--from", db, "--to", dsn)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "decision ")
	assert.Contains(t, r.stdout, "baris")
	r = runIn(t, "", "workspace", "push", "--from", db, "--to", dsn)
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "sudah berisi data")

	// The person pulls an offline copy with their own login.
	u.User = url.UserPassword(name, "rahasia")
	copyPath := filepath.Join(dir, "luring.db")
	r = runIn(t, "", "workspace", "pull", "--from", u.String(), "--to", copyPath)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Salinan luring dibuat: "+copyPath)
	assert.NotContains(t, r.stdout, "rahasia")
	r = runIn(t, "", "rakor", "--db", copyPath, "--format", "csv-rfc")
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Rakor")

	r = runIn(t, "", "workspace", "init", "--pg", db)
	assert.Equal(t, Usage, r.code)
	r = runIn(t, "", "workspace", "frobnicate")
	assert.Equal(t, Usage, r.code)
	r = runIn(t, "", "workspace", "help")
	assert.Equal(t, OK, r.code)
	assert.Contains(t, r.stdout, "selaras workspace push")
}

// selaras import on a shared workspace, as the office runs it: the
// admin's and the secretariat's own logins preview and import a returned
// template with its plan sheet; no backup is taken from the PC (the server
// refuses one) and the output says what records the import instead.
func TestImportIntoSharedWorkspace(t *testing.T) {
	storetest.NeedPG(t)
	dir := t.TempDir()
	db := demoFile(t, dir)
	dsn := storetest.NewDatabase(t)
	require.Equal(t, OK, runIn(t, "", "workspace", "init", "--pg", dsn).code)
	require.Equal(t, OK, runIn(t, "", "workspace", "push", "--from", db, "--to", dsn).code)
	login := func(role string) string {
		u, err := url.Parse(dsn)
		require.NoError(t, err)
		name := strings.TrimPrefix(u.Path, "/") + "_" + role
		t.Cleanup(func() {
			if db, err := sql.Open("pgx", storetest.PG()); err == nil {
				_, _ = db.Exec(`DROP ROLE IF EXISTS "` + name + `"`)
				db.Close()
			}
		})
		r := runIn(t, "kata-sandi\n", "workspace", "user", "add", name, "--role", role, "--pg", dsn, "--password-stdin")
		require.Equal(t, OK, r.code, r.stderr)
		u.User = url.UserPassword(name, "kata-sandi")
		return u.String()
	}
	admin, sekretariat := login("admin"), login("sekretariat")

	tpl := filepath.Join(dir, "bangka.xlsx")
	r := runIn(t, "", "template", "--db", admin, "--region", "19.01", "--out", tpl)
	require.Equal(t, OK, r.code, r.stderr)
	r = runIn(t, "", "import", "--db", admin, tpl)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Tersimpan:")
	assert.Contains(t, r.stdout, "tidak dicadangkan dari PC ini sebelum impor")
	assert.NotContains(t, r.stdout+r.stderr, "kata-sandi")

	// The regency changed the pagu of its first plan line: the secretariat,
	// who imports the returned templates, writes it.
	f, err := excelize.OpenFile(tpl)
	require.NoError(t, err)
	require.NoError(t, f.SetCellValue(template.PlanSheet, "G"+strconv.Itoa(template.PlanFirstRow), "Rp 175 juta"))
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())
	r = runIn(t, "", "import", "--db", sekretariat, tpl)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Rp175.000.000")
	assert.Contains(t, r.stdout, "Tersimpan: 1 nilai dan baris rencana")
	r = runIn(t, "", "submissions", "--db", sekretariat, "--format", "csv-rfc")
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "19.01,Kabupaten Bangka,sudah kembali,")
	assert.Contains(t, r.stdout, ",2,", "two imports of Bangka on the board")
}
