package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// schema is what a migrated database declares, in words both engines can
// be read into: per table its columns (type, nullability, default), primary
// key, unique constraints, foreign keys, checks (the columns each names),
// indexes and triggers.
type schema map[string]*tableSchema

type tableSchema struct {
	Columns  map[string]string // name -> "integer not null default 0"
	Key      string
	Uniques  []string
	Foreign  []string
	Checks   []string
	Indexes  []string
	Triggers []string
}

// What exists on a server only, on purpose: the people and the guards of
// their rights (a file has no roles).
var serverOnly = struct{ tables, triggers []string }{
	tables: []string{"member"},
	triggers: []string{"plan_line_guard", "audit_log_guard", "indicator_value_guard_insert", "indicator_value_guard_update",
		"indicator_value_guard_delete", "indicator_value_region_guard", "plan_line_region_guard", "decision_followup_guard"},
}

// What a file indexes wider, on purpose: a matrix's values whole in the
// (year, region_code) index, so a file reads them from the index alone (a
// server reads its heap fast, and its btree entries are limited to about
// 2.7 kB, which a long note would pass).
var fileCovering = map[string]string{
	"index indicator_value_year(year,region_code,indicator_id,target,target_num,target_den,realisation,real_num,real_den,baseline,source,note,version)": "index indicator_value_year(year,region_code)",
}

// Both engines, migrated from nothing by the one history, end with the same
// schema: a migration that changes one engine only fails here.
func TestSchemasMatch(t *testing.T) {
	storetest.NeedPG(t)
	file := storetest.OpenAt(t, filepath.Join(t.TempDir(), "w.db"))
	server := storetest.OpenAt(t, storetest.NewDatabase(t))

	lite := readSQLite(t, file)
	pg := readPostgres(t, server)
	// The history's own record, made by the migrator before any step.
	delete(lite, "schema_migrations")
	delete(pg, "schema_migrations")
	for _, name := range serverOnly.tables {
		assert.Contains(t, pg, name)
		delete(pg, name)
	}
	for _, tb := range pg {
		tb.Triggers = slices.DeleteFunc(tb.Triggers, func(n string) bool { return slices.Contains(serverOnly.triggers, n) })
	}
	covered := 0
	for _, tb := range lite {
		for i, ix := range tb.Indexes {
			if narrow, ok := fileCovering[ix]; ok {
				tb.Indexes[i] = narrow
				covered++
			}
		}
	}
	assert.Equal(t, len(fileCovering), covered, "covering indexes of a file")
	require.Greater(t, len(lite), 20)
	assert.ElementsMatch(t, keys(lite), keys(pg), "tables")
	for name, want := range lite {
		got, ok := pg[name]
		if !ok {
			continue
		}
		assert.Equal(t, want, got, "table %s (SQLite, then PostgreSQL)", name)
	}
}

// Every text column on a server compares bytewise, whatever the database's
// own locale: '19.01' sorts between '19.' and '19/' as in a file.
func TestServerTextIsBytewise(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	s := storetest.OpenAt(t, storetest.NewDatabase(t))
	loose, err := store.QueryAll(ctx, s.Read(), func(r store.Row) (string, error) {
		var tb, col string
		err := r.Scan(&tb, &col)
		return tb + "." + col, err
	}, `SELECT c.table_name, c.column_name FROM information_schema.columns c
JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.data_type = 'text'
  AND c.collation_name IS DISTINCT FROM 'C'`)
	require.NoError(t, err)
	assert.Empty(t, loose, "text columns without COLLATE \"C\"")
}

func keys(s schema) []string {
	out := make([]string, 0, len(s))
	for k := range s {
		out = append(out, k)
	}
	return out
}

func (tb *tableSchema) sort() {
	for _, l := range [][]string{tb.Uniques, tb.Foreign, tb.Checks, tb.Indexes, tb.Triggers} {
		sort.Strings(l)
	}
}

func newTable() *tableSchema {
	return &tableSchema{Columns: map[string]string{}, Uniques: []string{}, Foreign: []string{},
		Checks: []string{}, Indexes: []string{}, Triggers: []string{}}
}

func strs(t *testing.T, s *store.Store, q string, args ...any) []string {
	t.Helper()
	out, err := store.QueryAll(context.Background(), s.Read(), func(r store.Row) (string, error) {
		var v string
		return v, r.Scan(&v)
	}, q, args...)
	require.NoError(t, err)
	return out
}

var (
	nowDefault  = regexp.MustCompile(`strftime\(|clock_timestamp\(`)
	castSuffix  = regexp.MustCompile(`::[a-z ]+$`)
	defaultForm = func(d string) string {
		d = strings.TrimSpace(d)
		for strings.HasPrefix(d, "(") && strings.HasSuffix(d, ")") {
			d = strings.TrimSpace(d[1 : len(d)-1])
		}
		if nowDefault.MatchString(d) {
			return "now"
		}
		return castSuffix.ReplaceAllString(d, "")
	}
	types = map[string]string{"INTEGER": "integer", "REAL": "real", "TEXT": "text", "BLOB": "blob",
		"bigint": "integer", "integer": "integer", "double precision": "real", "text": "text", "bytea": "blob"}
)

func column(typ string, notNull bool, def string) string {
	out := types[typ]
	if out == "" {
		out = "?" + typ
	}
	if notNull {
		out += " not null"
	}
	if def != "" {
		out += " default " + def
	}
	return out
}

func readSQLite(t *testing.T, s *store.Store) schema {
	ctx := context.Background()
	out := schema{}
	for _, name := range strs(t, s, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`) {
		tb := newTable()
		out[name] = tb
		type col struct {
			name, typ string
			notNull   bool
			def       *string
			pk        int
		}
		cols, err := store.QueryAll(ctx, s.Read(), func(r store.Row) (col, error) {
			var c col
			return c, r.Scan(&c.name, &c.typ, &c.notNull, &c.def, &c.pk)
		}, `SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_xinfo(?) ORDER BY cid`, name)
		require.NoError(t, err)
		var key, names []string
		for _, c := range cols {
			names = append(names, c.name)
			if c.pk > 0 {
				key = append(key, c.name)
			}
		}
		for _, c := range cols {
			def := ""
			if c.def != nil {
				def = defaultForm(*c.def)
			}
			if c.pk > 0 && len(key) == 1 && c.typ == "INTEGER" {
				def = "identity" // the rowid: numbered by the database
			}
			tb.Columns[c.name] = column(c.typ, c.notNull || c.pk > 0, def)
		}
		tb.Key = strings.Join(key, ",")
		type index struct {
			name, origin string
			unique       bool
		}
		idx, err := store.QueryAll(ctx, s.Read(), func(r store.Row) (index, error) {
			var i index
			return i, r.Scan(&i.name, &i.unique, &i.origin)
		}, `SELECT name, "unique", origin FROM pragma_index_list(?)`, name)
		require.NoError(t, err)
		for _, i := range idx {
			cols := strings.Join(strs(t, s, `SELECT name FROM pragma_index_info(?) ORDER BY seqno`, i.name), ",")
			switch i.origin {
			case "u":
				tb.Uniques = append(tb.Uniques, cols)
			case "c":
				tb.Indexes = append(tb.Indexes, indexForm(i.name, cols, i.unique))
			}
		}
		type fk struct {
			id, seq            int
			table, from, to, d string
		}
		fks, err := store.QueryAll(ctx, s.Read(), func(r store.Row) (fk, error) {
			var f fk
			return f, r.Scan(&f.id, &f.seq, &f.table, &f.from, &f.to, &f.d)
		}, `SELECT id, seq, "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`, name)
		require.NoError(t, err)
		byID := map[int][]fk{}
		for _, f := range fks {
			byID[f.id] = append(byID[f.id], f)
		}
		for _, parts := range byID {
			var from, to []string
			for _, f := range parts {
				from, to = append(from, f.from), append(to, f.to)
			}
			tb.Foreign = append(tb.Foreign, foreignForm(from, parts[0].table, to, parts[0].d))
		}
		var ddl string
		require.NoError(t, s.Read().QueryRowContext(ctx, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", name).Scan(&ddl))
		for _, expr := range sqliteChecks(ddl) {
			tb.Checks = append(tb.Checks, checkForm(expr, names))
		}
		tb.Triggers = strs(t, s, `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`, name)
		tb.sort()
	}
	return out
}

func readPostgres(t *testing.T, s *store.Store) schema {
	ctx := context.Background()
	out := schema{}
	for _, name := range strs(t, s, `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`) {
		tb := newTable()
		out[name] = tb
		type col struct {
			name, typ, nullable, identity string
			def                           *string
		}
		cols, err := store.QueryAll(ctx, s.Read(), func(r store.Row) (col, error) {
			var c col
			return c, r.Scan(&c.name, &c.typ, &c.nullable, &c.def, &c.identity)
		}, `SELECT column_name, data_type, is_nullable, column_default, is_identity FROM information_schema.columns
WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`, name)
		require.NoError(t, err)
		names := make([]string, 0, len(cols))
		for _, c := range cols {
			names = append(names, c.name)
			def := ""
			if c.def != nil {
				def = defaultForm(*c.def)
			}
			if c.identity == "YES" {
				def = "identity"
			}
			tb.Columns[c.name] = column(c.typ, c.nullable == "NO", def)
		}
		conCols := func(kind string) [][]string {
			rows, err := store.QueryAll(ctx, s.Read(), func(r store.Row) ([]string, error) {
				var l string
				err := r.Scan(&l)
				return strings.Split(l, ","), err
			}, `SELECT (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n)
FROM pg_constraint c WHERE c.conrelid = to_regclass(?) AND c.contype = ?`, name, kind)
			require.NoError(t, err)
			return rows
		}
		if pk := conCols("p"); len(pk) == 1 {
			tb.Key = strings.Join(pk[0], ",")
		}
		for _, u := range conCols("u") {
			tb.Uniques = append(tb.Uniques, strings.Join(u, ","))
		}
		type fk struct{ from, table, to, d string }
		fks, err := store.QueryAll(ctx, s.Read(), func(r store.Row) (fk, error) {
			var f fk
			return f, r.Scan(&f.from, &f.table, &f.to, &f.d)
		}, `SELECT
  (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n),
  c.confrelid::regclass::text,
  (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n),
  CASE c.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END
FROM pg_constraint c WHERE c.conrelid = to_regclass(?) AND c.contype = 'f'`, name)
		require.NoError(t, err)
		for _, f := range fks {
			tb.Foreign = append(tb.Foreign, foreignForm(strings.Split(f.from, ","), f.table, strings.Split(f.to, ","), f.d))
		}
		checks, err := store.QueryAll(ctx, s.Read(), func(r store.Row) (string, error) {
			var d string
			return d, r.Scan(&d)
		}, `SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c WHERE c.conrelid = to_regclass(?) AND c.contype = 'c'`, name)
		require.NoError(t, err)
		for _, d := range checks {
			tb.Checks = append(tb.Checks, checkForm(d, names))
		}
		type index struct {
			name, cols string
			unique     bool
		}
		idx, err := store.QueryAll(ctx, s.Read(), func(r store.Row) (index, error) {
			var i index
			return i, r.Scan(&i.name, &i.cols, &i.unique)
		}, `SELECT ic.relname,
  (SELECT string_agg(a.attname, ',' ORDER BY k.i) FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n),
  i.indisunique
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
WHERE i.indrelid = to_regclass(?) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`, name)
		require.NoError(t, err)
		for _, i := range idx {
			tb.Indexes = append(tb.Indexes, indexForm(i.name, i.cols, i.unique))
		}
		tb.Triggers = strs(t, s, `SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass(?) AND NOT tgisinternal`, name)
		tb.sort()
	}
	return out
}

func indexForm(name, cols string, unique bool) string {
	if unique {
		return "unique index " + name + "(" + cols + ")"
	}
	return "index " + name + "(" + cols + ")"
}

func foreignForm(from []string, table string, to []string, onDelete string) string {
	return strings.Join(from, ",") + " -> " + table + "(" + strings.Join(to, ",") + ") on delete " + strings.ToLower(onDelete)
}

var (
	word    = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
	literal = regexp.MustCompile(`'(?:[^']|'')*'`)
	cast    = regexp.MustCompile(`::[a-z]+( [a-z]+)?(\[\])?`)
)

// checkForm names a check by the columns it reads: the expressions are in
// each engine's own SQL, but a check over other columns is another check.
func checkForm(expr string, columns []string) string {
	expr = literal.ReplaceAllString(expr, "''")
	expr = cast.ReplaceAllString(expr, "")
	seen := map[string]bool{}
	for _, w := range word.FindAllString(expr, -1) {
		if slices.Contains(columns, w) {
			seen[w] = true
		}
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	sort.Strings(out)
	return "check(" + strings.Join(out, ",") + ")"
}

// sqliteChecks are the expressions of the CHECK clauses in a CREATE TABLE
// statement as SQLite keeps it (ALTER TABLE ADD COLUMN appends to it).
func sqliteChecks(ddl string) []string {
	var out []string
	upper := strings.ToUpper(ddl)
	for i := 0; ; {
		j := strings.Index(upper[i:], "CHECK")
		if j < 0 {
			return out
		}
		i += j + len("CHECK")
		k := strings.IndexByte(ddl[i:], '(')
		if k < 0 {
			return out
		}
		start := i + k
		depth, inQuote := 0, false
		for p := start; p < len(ddl); p++ {
			switch c := ddl[p]; {
			case c == '\'':
				inQuote = !inQuote
			case inQuote:
			case c == '(':
				depth++
			case c == ')':
				depth--
				if depth == 0 {
					out = append(out, ddl[start+1:p])
					i = p
					p = len(ddl)
				}
			}
		}
	}
}

// The step that moves a server's audit to whole statements rebuilds the
// triggers of every table audited before it: one left out would keep the
// row-by-row audit, and a later step's table is its own step's to list.
func TestAuditRowsStepListsEveryTable(t *testing.T) {
	steps := store.Audited()
	const audit = 12
	var before []string
	for v, tables := range steps {
		if v < audit {
			before = append(before, tables...)
		}
	}
	for _, tb := range before {
		assert.Contains(t, steps[audit], tb)
	}
}

// On a server, every audited table is audited by statement; an upsert of a
// batch still writes one line per row that changed, none for a row that
// did not, and one per row deleted.
func TestServerAuditsByStatement(t *testing.T) {
	storetest.NeedPG(t)
	ctx := context.Background()
	s := storetest.OpenAt(t, storetest.NewDatabase(t))
	var rowLevel int
	require.NoError(t, s.Read().QueryRowContext(ctx, `SELECT count(*) FROM pg_trigger
WHERE tgname ~ '^audit_.*_(insert|update|delete)$' AND NOT tgisinternal AND (tgtype & 1) = 1`).Scan(&rowLevel))
	assert.Zero(t, rowLevel, "audit triggers left row by row")

	exec := func(q string, args ...any) {
		t.Helper()
		require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error { _, err := tx.ExecContext(ctx, q, args...); return err }))
	}
	lines := func(action string) int {
		t.Helper()
		var n int
		require.NoError(t, s.Read().QueryRowContext(ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'challenge_category' AND action = ?", action).Scan(&n))
		return n
	}
	base := lines("insert")
	exec(`INSERT INTO challenge_category(code, name, builtin, sort_order) VALUES ('a1', 'Satu', 0, 90), ('a2', 'Dua', 0, 91), ('a3', 'Tiga', 0, 92)`)
	assert.Equal(t, base+3, lines("insert"))
	exec(`UPDATE challenge_category SET name = name || '!' WHERE code IN ('a1', 'a2')`)
	exec(`UPDATE challenge_category SET name = name WHERE code = 'a3'`)
	assert.Equal(t, 2, lines("update"), "a row that did not change is no history")
	var old, newer, key string
	require.NoError(t, s.Read().QueryRowContext(ctx, `SELECT row_key, old_values, new_values FROM audit_log
WHERE table_name = 'challenge_category' AND action = 'update' ORDER BY id LIMIT 1`).Scan(&key, &old, &newer))
	assert.Contains(t, old, `"Satu"`)
	assert.Contains(t, newer, `"Satu!"`)
	assert.NotEmpty(t, key)
	exec(`DELETE FROM challenge_category WHERE code IN ('a1', 'a2', 'a3')`)
	assert.Equal(t, 3, lines("delete"))
}
