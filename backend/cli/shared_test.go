package cli

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/store/storetest"
)

// The file-only commands refuse a shared workspace before connecting,
// and never print its password.
func TestSharedWorkspaceFileCommandsRefused(t *testing.T) {
	const db = "postgres://kabid:rahasia@srv.dinas/selaras"
	for _, args := range [][]string{
		{"backup", "--db", db},
		{"backup", "--db", db, "--list"},
		{"restore", "--db", db, "--from", "x.db"},
	} {
		r := run(t, nil, args...)
		assert.Equal(t, Error, r.code, args)
		assert.Contains(t, r.stderr, "dicadangkan di servernya", args)
		assert.NotContains(t, r.stderr+r.stdout, "rahasia")
	}
	r := run(t, map[string]string{"SELARAS_DB": db}, "backup")
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "pg_dump")
	r = run(t, nil, "demo", "--db", db, "--force")
	assert.Equal(t, Usage, r.code)
}

// On the test cluster: the demo built in an empty database through
// --db postgres://… (password from PGPASSWORD), read back by the commands
// through SELARAS_DB; a wrong password and an unreachable port are said
// naming the server, without the password.
func TestSharedWorkspaceCommands(t *testing.T) {
	super := storetest.NeedPG(t)
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	name := "connect_cli_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", super)
	require.NoError(t, err)
	defer admin.Close()
	_, err = admin.Exec("CREATE DATABASE " + name)
	require.NoError(t, err)
	t.Cleanup(func() { _, _ = admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)") })

	u, _ := url.Parse(super)
	pw, _ := u.User.Password()
	u.User = url.User(u.User.Username())
	u.Path = "/" + name
	noPw := u.String()
	env := map[string]string{"PGPASSWORD": pw}

	r := run(t, env, "demo", "--db", noPw)
	require.Equal(t, OK, r.code, r.stderr)
	assert.NotContains(t, r.stdout, pw)

	env["SELARAS_DB"] = noPw
	r = run(t, env, "rakor", "--format", "json")
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Rakor")

	r = run(t, map[string]string{"PGPASSWORD": "salah"}, "rakor", "--db", noPw)
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "Server "+u.Host+" menolak kata sandi")
	assert.NotContains(t, r.stderr, "salah")

	r = run(t, nil, "rakor", "--db", "postgres://kabid:rahasia@127.0.0.1:1/selaras?sslmode=disable")
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "127.0.0.1:1 tidak dapat dihubungi")
	assert.NotContains(t, r.stderr, "rahasia")
}
