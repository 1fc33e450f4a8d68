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
	// Text in any other encoding would lose what Indonesians type, and the
	// audit log's JSON with it: refused before anything is written.
	// How the connection travels is read in the same round trip: the
	// header says whether it is encrypted and the server verified.
	var enc string
	var tls bool
	if err := db.QueryRowContext(ctx, `SELECT pg_encoding_to_char(encoding),
  COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)
FROM pg_database WHERE datname = current_database()`).Scan(&enc, &tls); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", shown, err)
	}
	s.link = linkOf(dsn, tls)
	if enc != "UTF8" {
		db.Close()
		return nil, fault.New(fault.ServerNotUTF8, "", append(fault.ServerArgs(shown), "encoding", enc)...)
	}
	have, foreign, err := pgVersion(ctx, db)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", shown, err)
	}
	switch {
	case foreign:
		db.Close()
		return nil, fault.New(fault.NotDatabase, "", "path", shown).WithCode("cause", fault.ForeignTables)
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

// Link is how a shared workspace's connection travels: encrypted (TLS)
// or not, and how far the server was verified against the certificate
// authority the user chose (sslmode verify-full: the CA and the host name;
// verify-ca: the CA only; otherwise not at all, and an attacker on the
// path could pose as the server).
type Link struct {
	Encrypted bool   `json:"encrypted"`
	Verified  string `json:"verified"` // VerifiedServer, VerifiedCA or ""
	Mode      string `json:"mode"`     // the sslmode asked for
}

// How far a server's certificate was checked.
const (
	VerifiedServer = "server" // signed by the chosen CA, for the host name dialled
	VerifiedCA     = "ca"     // signed by the chosen CA, any host name
)

func linkOf(dsn string, tls bool) Link {
	mode := "prefer"
	if u, err := url.Parse(dsn); err == nil && u.Query().Get("sslmode") != "" {
		mode = u.Query().Get("sslmode")
	}
	l := Link{Encrypted: tls, Mode: mode}
	if tls {
		switch mode {
		case "verify-full":
			l.Verified = VerifiedServer
		case "verify-ca":
			l.Verified = VerifiedCA
		}
	}
	return l
}

// Link says how the connection to a shared workspace travels; a file on
// this PC has none (the zero Link).
func (s *Store) Link() Link { return s.link }

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

// ApplyRights gives the server's roles their rights as this version of the
// schema declares them (selaras_rights(): the base rights of step 13 and
// selaras_grants(), which a later step redefines alone) and hands every object over to selaras_admin: what "workspace init"
// does after migrating, so that it also mends a database restored from a
// dump, whose objects the restoring manager owns. Run by the manager.
func (s *Store) ApplyRights(ctx context.Context) error {
	if s.Engine() != Postgres {
		return nil
	}
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		if err := lockMigrations(ctx, tx, true); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "SELECT selaras_rights()"); err != nil {
			return err
		}
		return handOver(ctx, tx)
	})
	if err != nil {
		return explainMigration(fmt.Errorf("store: rights: %w", err), s)
	}
	return nil
}

// handOver gives selaras_admin what the one migrating created (tables with
// their sequences, functions), so that whichever admin runs a later step
// owns what it changes. Before the rights step has made the group (a new
// server), there is no one to hand over to yet.
func handOver(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `DO $$
DECLARE r record;
BEGIN
  IF to_regrole('selaras_admin') IS NULL OR current_user = 'selaras_admin'
     OR NOT pg_has_role(current_user, 'selaras_admin', 'MEMBER') THEN
    RETURN;
  END IF;
  FOR r IN SELECT c.relname FROM pg_class c
    WHERE c.relnamespace = to_regnamespace(current_schema()) AND c.relkind IN ('r', 'p', 'v')
      AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) LOOP
    EXECUTE format('ALTER TABLE %I OWNER TO selaras_admin', r.relname);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p
    WHERE p.pronamespace = to_regnamespace(current_schema()) AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO selaras_admin', r.f);
  END LOOP;
END $$`)
	if err != nil {
		return fmt.Errorf("store: hand over to selaras_admin: %w", err)
	}
	return nil
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
	ins, upd, del := quoteIdent("audit_"+table+"_insert"), quoteIdent("audit_"+table+"_update"), quoteIdent("audit_"+table+"_delete")
	stmts := []string{
		fmt.Sprintf(`DROP TRIGGER IF EXISTS %s ON %s`, ins, t),
		fmt.Sprintf(`DROP TRIGGER IF EXISTS %s ON %s`, upd, t),
		fmt.Sprintf(`DROP TRIGGER IF EXISTS %s ON %s`, del, t),
	}
	// Once the schema has selaras_audit_rows (step 12), a statement's rows
	// are audited together from its transition tables: one trigger call for
	// a 10,000-value import instead of 10,000, each row still its own line.
	// Before that step, and for a table without a key, row by row.
	var perStatement bool
	if err := tx.QueryRowContext(ctx, "SELECT to_regprocedure('selaras_audit_rows()') IS NOT NULL").Scan(&perStatement); err != nil {
		return fmt.Errorf("store: audit %s: %w", table, err)
	}
	if perStatement && len(keys) > 0 {
		stmts = append(stmts,
			fmt.Sprintf(`CREATE TRIGGER %s AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION selaras_audit_rows(%s)`, ins, t, args),
			fmt.Sprintf(`CREATE TRIGGER %s AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION selaras_audit_rows(%s)`, upd, t, args),
			fmt.Sprintf(`CREATE TRIGGER %s AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION selaras_audit_rows(%s)`, del, t, args))
	} else {
		stmts = append(stmts,
			fmt.Sprintf(`CREATE TRIGGER %s AFTER INSERT ON %s FOR EACH ROW EXECUTE FUNCTION selaras_audit(%s)`, ins, t, args),
			// Updates that change nothing (an upsert of the same values) are not history.
			fmt.Sprintf(`CREATE TRIGGER %s AFTER UPDATE ON %s FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION selaras_audit(%s)`, upd, t, args),
			fmt.Sprintf(`CREATE TRIGGER %s AFTER DELETE ON %s FOR EACH ROW EXECUTE FUNCTION selaras_audit(%s)`, del, t, args))
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
