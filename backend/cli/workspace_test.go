package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/workspace"
)

// copyFile copies a workspace made once, so each case needs no new demo.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(to), 0o755))
	require.NoError(t, os.WriteFile(to, b, 0o644))
}

// Commands without --db open the workspace the app used last, else the only
// one in the data folder, else say which files exist and how to choose.
func TestDefaultWorkspace(t *testing.T) {
	// The first demo is made without --db: it lands in the config folder and
	// the next command finds it (the bug: rakor then looked for selaras.db).
	home := t.TempDir()
	env := map[string]string{"XDG_CONFIG_HOME": home}
	dir := filepath.Join(home, "Selaras")
	r := run(t, env, "rakor")
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "Belum ada ruang kerja di "+dir)
	assert.Contains(t, r.stderr, "selaras demo")
	assert.Contains(t, r.stderr, "--db")

	r = run(t, env, "demo")
	require.Equal(t, OK, r.code, r.stderr)
	demo := filepath.Join(dir, "demo.db")
	assert.Contains(t, r.stdout, demo)
	require.NoFileExists(t, demo+"-wal", "closed cleanly, so one file is the whole workspace")
	r = run(t, env, "rakor")
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Rakor")

	settings := func(t *testing.T, dir, last, lang string) {
		b, err := json.Marshal(map[string]string{"language": lang, "lastWorkspace": last})
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "settings.json"), b, 0o644))
	}
	cases := []struct {
		name    string
		files   []string // copies of the demo in the data folder
		last    string   // settings' lastWorkspace, relative to the folder
		lang    string
		env     map[string]string
		wantDB  string // the workspace picked, or
		wantErr []string
	}{
		{name: "only demo.db", files: []string{"demo.db"}, wantDB: "demo.db"},
		{name: "only selaras.db", files: []string{"selaras.db"}, wantDB: "selaras.db"},
		{name: "last used wins over the only one", files: []string{"demo.db"}, last: "Kantor Dinas/kantor.db", wantDB: "Kantor Dinas/kantor.db"},
		{name: "last used wins over two", files: []string{"demo.db", "selaras.db"}, last: "selaras.db", wantDB: "selaras.db"},
		{name: "SELARAS_DB wins", files: []string{"demo.db", "selaras.db"}, env: map[string]string{"SELARAS_DB": "lain.db"}, wantDB: "lain.db"},
		{name: "two and no last one", files: []string{"demo.db", "selaras.db"},
			wantErr: []string{"Ada beberapa ruang kerja di", "demo.db, selaras.db", `--db "` + "DIR/selaras.db" + `"`}},
		{name: "two and the last one deleted", files: []string{"demo.db", "selaras.db"}, last: "hilang.db",
			wantErr: []string{"Ada beberapa ruang kerja di"}},
		{name: "two, in English", files: []string{"demo.db", "selaras.db"}, lang: "en",
			wantErr: []string{"There are several workspaces in", "demo.db, selaras.db", "Choose one with --db"}},
		{name: "other files only", files: []string{"salinan.db"},
			wantErr: []string{"tidak ada demo.db atau selaras.db, tetapi ada: salinan.db", `--db "DIR/salinan.db"`}},
		{name: "none, in English", lang: "en", wantErr: []string{"There is no workspace in DIR yet", "selaras demo"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			home := t.TempDir()
			dir := filepath.Join(home, "Selaras")
			require.NoError(t, os.MkdirAll(dir, 0o755))
			for _, f := range c.files {
				copyFile(t, demo, filepath.Join(dir, f))
			}
			last := ""
			if c.last != "" {
				last = filepath.Join(dir, c.last)
				if c.last != "hilang.db" {
					copyFile(t, demo, last)
				}
			}
			settings(t, dir, last, c.lang)
			env := map[string]string{"XDG_CONFIG_HOME": home}
			for k, v := range c.env {
				env[k] = filepath.Join(dir, v)
				copyFile(t, demo, env[k])
			}
			r := run(t, env, "rakor", "--format", "json")
			if c.wantErr != nil {
				assert.Equal(t, Error, r.code)
				for _, w := range c.wantErr {
					assert.Contains(t, r.stderr, strings.ReplaceAll(w, "DIR", dir))
				}
				return
			}
			require.Equal(t, OK, r.code, r.stderr)
			got, err := DefaultDB(Env{Getenv: func(k string) string { return env[k] }})
			require.NoError(t, err)
			assert.Equal(t, filepath.Join(dir, c.wantDB), got)
		})
	}
}

// On Windows the first command moves a roaming workspace to the local
// folder and says so on standard error; the table on stdout stays clean.
func TestSettleTellsWhereTheWorkspaceWent(t *testing.T) {
	base := t.TempDir()
	dirs := workspace.Dirs{Settings: filepath.Join(base, "Roaming"), Data: filepath.Join(base, "Local"), Roaming: filepath.Join(base, "Roaming")}
	demo := filepath.Join(dirs.Roaming, "demo.db")
	require.Equal(t, OK, run(t, nil, "demo", "--db", demo).code)
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	require.NoError(t, settle(env, dirs))
	assert.Empty(t, out.String())
	assert.Contains(t, errb.String(), "selaras: Ruang kerja dipindahkan dari profil roaming "+dirs.Roaming+" ke folder lokal "+dirs.Data)
	assert.FileExists(t, filepath.Join(dirs.Data, "demo.db"))
	assert.NoFileExists(t, demo)

	errb.Reset()
	require.NoError(t, settle(env, dirs))
	assert.Empty(t, errb.String(), "told once")
}
