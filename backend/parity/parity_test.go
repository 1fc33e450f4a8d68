package parity

import (
	"bytes"
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"selaras/backend/benchdata"
	"selaras/backend/cli"
	"selaras/backend/demo/demotest"
	"selaras/backend/shared"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
	"selaras/backend/workspace"
)

// formats are the read commands' outputs: Excel's CSV, the scripts' CSV
// (every value as stored) and JSON (the whole structure). Excel's CSV is
// the scripts' written differently, so the national dataset, where each
// run costs most, is read in the other two.
var (
	formats         = []string{"csv", "csv-rfc", "json"}
	nationalFormats = []string{"csv-rfc", "json"}
)

// The demo workspace, as an office moves it to its server: every read
// command, export and template gives on the server, read by a person with
// the pembaca role, what it gives on the file, and so does a copy pulled back.
func TestDemoAnswersTheSameOnEveryEngine(t *testing.T) {
	storetest.NeedPG(t)
	t.Parallel()
	start := time.Now()
	dir := t.TempDir()
	file := demotest.File(t, dir)
	// Two kab/kota have returned their template before the move, so the
	// submission board has something to show.
	for _, code := range []string{"19.01", "19.71"} {
		tpl := filepath.Join(dir, "kembali-"+code+".xlsx")
		run(t, file, "template", "--region", code, "--out", tpl)
		run(t, file, "import", tpl)
	}
	w := onServer(t, file)
	c := newTally()
	compareAll(t, c, w, dir, true)
	c.tables(t, "pulled copy", file, w.pulled)
	c.check(t, "demo on "+w.collation)
	t.Logf("demo: %s", time.Since(start).Round(time.Millisecond))
}

// The national benchmark dataset (30 indicators x 553 regions x 5 years, a
// work plan of every province): harmonise for each of the 38 provinces and
// each year, the programs of each province, the national consolidation,
// the home province's workbook and templates, and the pulled copy.
func TestNationalAnswersTheSameOnEveryEngine(t *testing.T) {
	storetest.NeedPG(t)
	t.Parallel()
	start := time.Now()
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "nasional.db")
	s, err := workspace.Create(ctx, file, workspace.Office)
	require.NoError(t, err)
	require.NoError(t, benchdata.Fill(ctx, s))
	require.NoError(t, benchdata.FillPlans(ctx, s, 2025, planLines))
	require.NoError(t, s.Close())
	t.Logf("national: dataset built in %s", time.Since(start).Round(time.Millisecond))
	w := onServer(t, file)
	t.Logf("national: pushed and pulled in %s", time.Since(start).Round(time.Millisecond))
	c := newTally()
	// The pulled copy against the file as it was pushed: the templates the
	// commands below write on the file are recorded as sent there, and the
	// reader on the server, who may not record them, sends none.
	c.tables(t, "pulled copy", file, w.pulled)
	compareAll(t, c, w, dir, false)
	c.check(t, "national dataset on "+w.collation)
	t.Logf("national: %s", time.Since(start).Round(time.Millisecond))
}

// planLines is the national work plan's size: enough for every province
// to plan under many sub-kegiatan, small enough to push in seconds.
const planLines = 5000

// sides is one workspace in its three places.
type sides struct {
	file      string // the SQLite file
	server    string // the pushed database, as a person with the pembaca role
	pulled    string // a copy pulled back from the server by that person
	collation string // the server database's collation, for the report
}

// onServer moves file to a fresh database on the test server the way the
// README tells an office to (init, push, a person added), and pulls a copy.
func onServer(t *testing.T, file string) sides {
	t.Helper()
	ctx := context.Background()
	super := storetest.NewDatabase(t)
	require.NoError(t, shared.Init(ctx, super))
	require.NoError(t, shared.Push(ctx, file, super, nil))
	reader := person(t, super, shared.Pembaca)
	pulled := filepath.Join(t.TempDir(), "luring.db")
	require.NoError(t, shared.Pull(ctx, reader, pulled, nil))
	db, err := sql.Open("pgx", super)
	require.NoError(t, err)
	defer db.Close()
	var collation string
	require.NoError(t, db.QueryRow("SELECT datcollate FROM pg_database WHERE datname = current_database()").Scan(&collation))
	return sides{file: file, server: reader, pulled: pulled, collation: "PostgreSQL in " + collation}
}

// person adds a login of role to the workspace at super and returns its URL.
func person(t *testing.T, super string, role shared.Role) string {
	t.Helper()
	u, err := url.Parse(super)
	require.NoError(t, err)
	name := strings.TrimPrefix(u.Path, "/") + "_" + string(role)
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", storetest.PG()); err == nil {
			_, _ = db.Exec(`DROP ROLE IF EXISTS "` + name + `"`)
			db.Close()
		}
	})
	require.NoError(t, shared.AddUser(context.Background(), super, shared.User{Name: name, Role: role, Password: "rahasia"}))
	u.User = url.UserPassword(name, "rahasia")
	return u.String()
}

// run runs a command of the real CLI on the workspace db and returns what
// it printed; a failure fails the test.
func run(t *testing.T, db string, args ...string) string {
	t.Helper()
	full := append([]string{args[0], "--db", db}, args[1:]...)
	var out, errb bytes.Buffer
	env := cli.Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	code := cli.Run(context.Background(), env, cli.Commands(), full)
	require.Equal(t, cli.OK, code, "selaras %s on %s: %s", strings.Join(args, " "), store.Redact(db), errb.String())
	return out.String()
}

// compareAll runs every read command, export and template on the file and
// on the server (and, when pulledToo, on the pulled copy) and tallies what
// differs from the file.
func compareAll(t *testing.T, c *tally, w sides, dir string, pulledToo bool) {
	t.Helper()
	others := []struct{ name, db string }{{"server", w.server}}
	if pulledToo {
		others = append(others, struct{ name, db string }{"pulled copy", w.pulled})
	}
	output := func(args ...string) {
		want := run(t, w.file, args...)
		for _, o := range others {
			c.text(o.name, strings.Join(args, " "), want, run(t, o.db, args...))
		}
	}
	// export and template write files: each side into its own folder.
	files := func(name string, args ...string) {
		out := func(side string) string {
			p := filepath.Join(dir, "out", side, name)
			require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
			run(t, map[string]string{"file": w.file, "server": w.server, "pulled copy": w.pulled}[side],
				append(args, "--out", p)...)
			return p
		}
		want := out("file")
		what := strings.Join(args, " ")
		for _, o := range others {
			got := out(o.name)
			if fi, err := os.Stat(want); err == nil && fi.IsDir() {
				c.folder(t, o.name, what, want, got, listDir(t, want))
			} else {
				c.workbook(t, o.name, what, want, got)
			}
		}
	}
	q := query(t, w.file)
	formats := formats
	if !pulledToo {
		formats = nationalFormats
	}

	// harmonise for every province and year with figures: the demo's one
	// year at a time, as a user asks it, `--province 35 --year 2025`; the
	// national set's all five years of a province in one run (opening the
	// national file is most of a run's time).
	pairs := q.pairs(`SELECT DISTINCT substr(region_code, 1, 2), year FROM indicator_value
WHERE region_code <> 'ID' ORDER BY 1, 2`)
	if !pulledToo {
		byProvince := map[string][]string{}
		var order []string
		for _, py := range pairs {
			if byProvince[py[0]] == nil {
				order = append(order, py[0])
			}
			byProvince[py[0]] = append(byProvince[py[0]], py[1])
		}
		pairs = nil
		for _, p := range order {
			pairs = append(pairs, [2]string{p, strings.Join(byProvince[p], ",")})
		}
	}
	for _, py := range pairs {
		for _, f := range formats {
			output("harmonise", "--province", py[0], "--year", py[1], "--format", f)
		}
	}
	for _, y := range q.list(`SELECT DISTINCT year FROM plan_line ORDER BY 1`) {
		for _, f := range formats {
			output("programs", "--year", y, "--format", f)
		}
		for _, p := range q.list(`SELECT DISTINCT substr(region_code, 1, 2) FROM plan_line WHERE year = ? ORDER BY 1`, y) {
			for _, f := range formats {
				output("programs", "--year", y, "--province", p, "--format", f)
			}
		}
	}
	for _, f := range formats {
		output("rakor", "--format", f)
	}
	for _, y := range q.list(`SELECT DISTINCT year FROM indicator_value ORDER BY 1`) {
		for _, f := range formats {
			output("submissions", "--year", y, "--format", f)
		}
	}

	// The exports: the national consolidation of every year, each province's
	// workbook of the matrices for the working year, each meeting's sheets.
	years := q.list(`SELECT DISTINCT year FROM indicator_value ORDER BY 1`)
	files("konsolidasi.xlsx", "export", "--national", "--year", strings.Join(years, ","))
	working := q.one(`SELECT working_year FROM profile`)
	home := q.one(`SELECT province_code FROM profile`)
	provinces := q.list(`SELECT DISTINCT substr(region_code, 1, 2) FROM indicator_value
WHERE region_code <> 'ID' AND year = ? ORDER BY 1`, working)
	if !pulledToo { // the national set: the home province stands for the 38
		provinces = []string{home}
	}
	for _, p := range provinces {
		files("matriks-"+p+".xlsx", "export", "--province", p, "--year", working, "--sheets", "target,program,sinkronisasi")
	}
	for _, m := range q.list(`SELECT id FROM meeting ORDER BY id`) {
		files("rakor-"+m+".xlsx", "export", "--year", working, "--sheets", "hadir,kesepakatan,permasalahan,berita-acara", "--meeting", m)
	}
	// Every kab/kota template of the province, for the working year.
	for _, p := range provinces {
		files("templat-"+p, "template", "--region", p, "--year", working)
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	require.NotEmpty(t, names, dir)
	return names
}

// reader asks the SQLite file what to compare.
type reader struct {
	t  *testing.T
	db *sql.DB
}

func query(t *testing.T, file string) reader {
	db, err := sql.Open("sqlite", "file:"+file+"?mode=ro")
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return reader{t, db}
}

func (r reader) pairs(q string, args ...any) [][2]string {
	rows, err := r.db.Query(q, args...)
	require.NoError(r.t, err)
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var a string
		var b int
		require.NoError(r.t, rows.Scan(&a, &b))
		out = append(out, [2]string{a, strconv.Itoa(b)})
	}
	require.NoError(r.t, rows.Err())
	require.NotEmpty(r.t, out, q)
	return out
}

func (r reader) list(q string, args ...any) []string {
	rows, err := r.db.Query(q, args...)
	require.NoError(r.t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a any
		require.NoError(r.t, rows.Scan(&a))
		out = append(out, strings.TrimSpace(strings.Trim(typedPlain(a), `"`)))
	}
	require.NoError(r.t, rows.Err())
	return out
}

func (r reader) one(q string) string {
	l := r.list(q)
	require.Len(r.t, l, 1, q)
	return l[0]
}

func typedPlain(v any) string {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case string:
		return x
	case []byte:
		return string(x)
	}
	return typed(v)
}
