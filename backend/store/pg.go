package store

// A shared workspace on a PostgreSQL server: opening it, its version and
// whether it is Selaras's at all, the translation of the one migration
// history into PostgreSQL's dialect, and the audit triggers in PL/pgSQL.
// Everything that differs between the engines stays in this package.

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"selaras/backend/fault"
)

// Engine is the database a workspace lives in.
type Engine string

const (
	SQLite   Engine = "sqlite"   // one file on this PC
	Postgres Engine = "postgres" // a shared workspace on a server
)

// IsPostgres tells a PostgreSQL URL from a workspace file path.
func IsPostgres(dsn string) bool {
	d := strings.ToLower(strings.TrimSpace(dsn))
	return strings.HasPrefix(d, "postgres://") || strings.HasPrefix(d, "postgresql://")
}

// Redact is dsn without its password, safe to show, log and remember.
func Redact(dsn string) string {
	if !IsPostgres(dsn) {
		return dsn
	}
	u, err := url.Parse(strings.TrimSpace(dsn))
	if err != nil {
		return "postgres://…"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// Engine is where this workspace lives.
func (s *Store) Engine() Engine {
	if s.engine == "" {
		return SQLite
	}
	return s.engine
}

// pgLockKey serialises migrations of one database across PCs.
const pgLockKey = 73170016

func openPostgres(ctx context.Context, dsn string, opt Options) (*Store, error) {
	shown := Redact(dsn)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fault.Wrap(err, fault.NotDatabase, "", "path", shown)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 5 * time.Second
	}
	origin := newOrigin()
	cfg.RuntimeParams["application_name"] = origin
	db := sql.OpenDB(pgConnector{stdlib.GetConnector(*cfg)})
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(4)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{path: shown, dsn: dsn, w: db, r: db, engine: Postgres, origin: origin, opt: opt}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", shown, err)
	}
	have, foreign, err := pgVersion(ctx, db)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", shown, err)
	}
	switch {
	case foreign:
		db.Close()
		return nil, fault.New(fault.NotDatabase, "", "path", shown,
			"cause", "basis data ini memuat tabel lain dan bukan ruang kerja Selaras",
			"causeEn", "this database holds other tables and is not a Selaras workspace")
	case have > SchemaVersion():
		db.Close()
		return nil, fault.New(fault.NewerSchema, "", "path", shown,
			"have", strconv.Itoa(have), "want", strconv.Itoa(SchemaVersion()))
	}
	if err := s.migrate(ctx, opt); err != nil {
		db.Close()
		return nil, err
	}
	// A person who may change nothing (a reader's role) gets the read-only
	// workspace the app already knows how to show, not a refusal per click.
	var writes int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'audit_log'
  AND (has_table_privilege(c.oid, 'INSERT') OR has_table_privilege(c.oid, 'UPDATE'))`).Scan(&writes)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", shown, err)
	}
	s.readOnly = writes == 0
	return s, nil
}

func newOrigin() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return "selaras-" + hex.EncodeToString(b)
}

// pgVersion reads the schema version of the database; foreign is true for a
// database that holds tables but was never a Selaras workspace, which is
// refused rather than migrated into.
func pgVersion(ctx context.Context, db queryer) (v int, foreign bool, err error) {
	var ours bool
	var tables int
	err = db.QueryRowContext(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL,
  (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema())`).Scan(&ours, &tables)
	if err != nil {
		return 0, false, err
	}
	if !ours {
		return 0, tables > 0, nil
	}
	var n sql.NullInt64
	if err := db.QueryRowContext(ctx, "SELECT max(version) FROM schema_migrations").Scan(&n); err != nil {
		return 0, false, err
	}
	return int(n.Int64), false, nil
}

// pgPrelude are the functions the translated schema and the audit triggers
// call. Replaced whenever a migration runs, so a newer build can fix them.
const pgPrelude = `
CREATE OR REPLACE FUNCTION selaras_is_date(s text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN s ~ '^\d{4}-\d{2}-\d{2}$' AND to_char(s::date, 'YYYY-MM-DD') = s;
EXCEPTION WHEN others THEN
  RETURN false;
END $$;

CREATE OR REPLACE FUNCTION selaras_json_type(s text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN jsonb_typeof(s::jsonb);
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

-- One audit function for every table: the row key from the key columns
-- named in the trigger's arguments, the row as JSON, the person's role, and
-- a notification for the other PCs (payloads repeat within a transaction and
-- PostgreSQL sends each once, so a 10,000-value import notifies once).
-- It runs as its owner (SECURITY DEFINER), so people need no right to write
-- the audit log themselves and cannot forge a line of it.
CREATE OR REPLACE FUNCTION selaras_audit() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  src jsonb;
  k text := '';
  i int;
BEGIN
  IF TG_OP = 'DELETE' THEN src := to_jsonb(OLD); ELSE src := to_jsonb(NEW); END IF;
  FOR i IN 0 .. TG_NARGS - 1 LOOP
    IF i > 0 THEN k := k || '|'; END IF;
    k := k || COALESCE(src ->> TG_ARGV[i], '');
  END LOOP;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log(table_name, row_key, action, new_values, user_name)
    VALUES (TG_TABLE_NAME, k, 'insert', row_to_json(NEW)::text, session_user);
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO audit_log(table_name, row_key, action, old_values, new_values, user_name)
    VALUES (TG_TABLE_NAME, k, 'update', row_to_json(OLD)::text, row_to_json(NEW)::text, session_user);
  ELSE
    INSERT INTO audit_log(table_name, row_key, action, old_values, user_name)
    VALUES (TG_TABLE_NAME, k, 'delete', row_to_json(OLD)::text, session_user);
  END IF;
  PERFORM pg_notify('selaras_change', json_build_object('table', TG_TABLE_NAME, 'action', lower(TG_OP),
    'by', session_user, 'origin', current_setting('application_name'))::text);
  RETURN NULL;
END $$;
`

// pgRules translate the SQLite dialect of the migrations. Each rule is a
// construct the migrations use; a new construct fails the PostgreSQL test
// run until a rule is added here.
var pgRules = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`\)\s*STRICT\s*;`), ");"},
	{regexp.MustCompile(`\)\s*STRICT\s*$`), ")"},
	{regexp.MustCompile(`(?i)\bINTEGER\s+PRIMARY\s+KEY\b`), "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
	{regexp.MustCompile(`\bINTEGER\b`), "BIGINT"},
	{regexp.MustCompile(`\bREAL\b`), "DOUBLE PRECISION"},
	{regexp.MustCompile(`\(strftime\('%Y-%m-%dT%H:%M:%fZ', 'now'\)\)`),
		`(to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`},
	{regexp.MustCompile(`date\((\w+)\) IS (\w+)`), "selaras_is_date($1)"},
	{regexp.MustCompile(`json_valid\((\w+)\) AND json_type\((\w+)\) = 'array'`), "selaras_json_type($1) = 'array'"},
	{regexp.MustCompile(`json_valid\((\w+)\)`), "selaras_json_type($1) IS NOT NULL"},
	{regexp.MustCompile(`(?s)CREATE TRIGGER (\w+) BEFORE (UPDATE|DELETE|INSERT) ON (\w+) BEGIN\s*SELECT RAISE\(ABORT, '([^']*)'\);\s*END;`),
		"CREATE FUNCTION ${1}_fn() RETURNS trigger LANGUAGE plpgsql AS $$$$ BEGIN RAISE EXCEPTION '$4'; END $$$$;\n" +
			"CREATE TRIGGER $1 BEFORE $2 ON $3 FOR EACH ROW EXECUTE FUNCTION ${1}_fn();"},
}

var globRe = regexp.MustCompile(`(\w+) GLOB '([^']*)'`)

// pgDDL translates a migration written for SQLite into PostgreSQL.
func pgDDL(q string) string {
	q = globRe.ReplaceAllStringFunc(q, func(m string) string {
		p := globRe.FindStringSubmatch(m)
		return p[1] + " ~ '^" + globToRegexp(p[2]) + "$'"
	})
	for _, r := range pgRules {
		q = r.re.ReplaceAllString(q, r.repl)
	}
	return q
}

func globToRegexp(g string) string {
	var b strings.Builder
	inClass := false
	for _, c := range g {
		switch {
		case inClass:
			b.WriteRune(c)
			inClass = c != ']'
		case c == '[':
			b.WriteRune(c)
			inClass = true
		case c == '*':
			b.WriteString(".*")
		case c == '?':
			b.WriteString(".")
		case strings.ContainsRune(`.+()|{}^$\`, c):
			b.WriteRune('\\')
			b.WriteRune(c)
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// installAuditPG attaches the audit function to table, keyed by its primary
// key columns.
func installAuditPG(ctx context.Context, tx *sql.Tx, table string) error {
	rows, err := tx.QueryContext(ctx, `
SELECT a.attname FROM pg_index i
JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
WHERE i.indrelid = to_regclass(?) AND i.indisprimary
ORDER BY array_position(i.indkey::int2[], a.attnum)`, table)
	if err != nil {
		return fmt.Errorf("store: audit %s: %w", table, err)
	}
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return fmt.Errorf("store: audit %s: %w", table, err)
		}
		keys = append(keys, "'"+k+"'")
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: audit %s: %w", table, err)
	}
	args := strings.Join(keys, ", ")
	t := quoteIdent(table)
	stmts := []string{
		fmt.Sprintf(`DROP TRIGGER IF EXISTS %s ON %s`, quoteIdent("audit_"+table+"_insert"), t),
		fmt.Sprintf(`DROP TRIGGER IF EXISTS %s ON %s`, quoteIdent("audit_"+table+"_update"), t),
		fmt.Sprintf(`DROP TRIGGER IF EXISTS %s ON %s`, quoteIdent("audit_"+table+"_delete"), t),
		fmt.Sprintf(`CREATE TRIGGER %s AFTER INSERT ON %s FOR EACH ROW EXECUTE FUNCTION selaras_audit(%s)`,
			quoteIdent("audit_"+table+"_insert"), t, args),
		// Updates that change nothing (an upsert of the same values) are not history.
		fmt.Sprintf(`CREATE TRIGGER %s AFTER UPDATE ON %s FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION selaras_audit(%s)`,
			quoteIdent("audit_"+table+"_update"), t, args),
		fmt.Sprintf(`CREATE TRIGGER %s AFTER DELETE ON %s FOR EACH ROW EXECUTE FUNCTION selaras_audit(%s)`,
			quoteIdent("audit_"+table+"_delete"), t, args),
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("store: audit %s: %w", table, err)
		}
	}
	return nil
}

// DSN is what the Store was opened with: a file path, or a shared
// workspace's URL with its password, for a second connection of the same
// person (never show or log it; Path is the shown form).
func (s *Store) DSN() string {
	if s.dsn != "" {
		return s.dsn
	}
	return s.path
}
