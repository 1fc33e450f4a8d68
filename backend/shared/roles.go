// Package shared prepares a shared workspace on a PostgreSQL server: the
// roles of the people of an office and what each may change, enforced by the
// database itself (GRANTs and row-level security), and the moves of a
// workspace between a file on one PC and the server (Push, Pull).
package shared

import (
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver for the role statements

	"selaras/backend/fault"
	"selaras/backend/program"
	"selaras/backend/store"
)

// Role is what a person may do in a shared workspace.
type Role string

const (
	Admin       Role = "admin"       // everything, including the schema and the people
	Sekretariat Role = "sekretariat" // the rakor and the exchange (values, imports)
	Bidang      Role = "bidang"      // the plan lines of their own bidang
	Pembaca     Role = "pembaca"     // reads only
)

// Roles lists the roles in the order they are offered.
var Roles = []Role{Admin, Sekretariat, Bidang, Pembaca}

// Group is the PostgreSQL group role (NOLOGIN) a person's login role is a
// member of. Roles are cluster-wide: every Selaras database on one server
// shares these four, each database grants them its own rights.
func (r Role) Group() string { return "selaras_" + string(r) }

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	for _, k := range Roles {
		if r == k {
			return true
		}
	}
	return false
}

// The tables each role writes besides reading everything. Everything not
// listed is the admin's (profile, indicators, nomenclature, central items,
// meta). TestEveryTableIsClassified fails when a migration adds a table
// missing here and from adminOnly, so a new table is placed on purpose.
var (
	sekretariatTables = []string{
		// the rakor
		"meeting", "meeting_participant", "agenda_item", "snapshot", "snapshot_matrix",
		"decision", "decision_indicator", "decision_region", "decision_program", "decision_followup",
		"agenda_decision", "challenge_category", "challenge", "decision_challenge",
		// the exchange of templates and values
		"indicator_value", "import_log",
	}
	bidangTables = []string{"plan_line"}
	adminOnly    = []string{"meta", "profile", "audit_log", "indicator", "central_item", "central_target",
		"central_indicator", "nomenclature", "sub_kegiatan_indicator", "member"}
)

// memberDDL records each person's role and, for a bidang, which bidang's
// plan lines are theirs. Created by Init rather than by a migration: it
// describes the server's login roles, which a workspace file does not have,
// so it stays out of the files and of push and pull.
const memberDDL = `CREATE TABLE IF NOT EXISTS member (
    role_name TEXT PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('admin', 'sekretariat', 'bidang', 'pembaca')),
    bidang    TEXT NOT NULL DEFAULT '',
    added_at  TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    CHECK (kind <> 'bidang' OR bidang <> '')
)`

// ownBidang is the bidang of the connected person ("" for none).
const ownBidang = `(SELECT m.bidang FROM member m WHERE m.role_name = session_user)`

// guardDDL refuses a bidang's update or delete of another bidang's plan
// line. Row-level security alone would filter such a row out silently: the
// update would touch nothing and the app would report the line gone or
// changed by someone, not that it is not theirs.
const guardDDL = `
CREATE OR REPLACE FUNCTION selaras_plan_line_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_has_role(session_user, 'selaras_bidang', 'MEMBER')
     AND NOT pg_has_role(session_user, 'selaras_admin', 'MEMBER')
     AND NOT pg_has_role(session_user, 'selaras_sekretariat', 'MEMBER')
     AND OLD.bidang IS DISTINCT FROM ` + ownBidang + ` THEN
    RAISE EXCEPTION 'plan line % belongs to bidang %', OLD.id, OLD.bidang USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS plan_line_guard ON plan_line;
CREATE TRIGGER plan_line_guard BEFORE UPDATE OR DELETE ON plan_line FOR EACH ROW EXECUTE FUNCTION selaras_plan_line_guard();
`

// auditGuardDDL refuses an audit line inserted by hand: one written by an
// audit trigger is inserted from inside another trigger (depth 2). Admins
// may (push copies a workspace's log as it was).
const auditGuardDDL = `
CREATE OR REPLACE FUNCTION selaras_audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND NOT pg_has_role(session_user, 'selaras_admin', 'MEMBER') THEN
    RAISE EXCEPTION 'the audit log is written by its triggers only' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS audit_log_guard ON audit_log;
CREATE TRIGGER audit_log_guard BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION selaras_audit_log_guard();
`

// Init makes the database at adminURL a shared workspace with the office's
// roles. adminURL connects as a superuser or a role that may create roles
// (the database's owner, made with createdb). Running it again (after an
// upgrade added tables) re-applies every right; nothing is lost.
func Init(ctx context.Context, adminURL string) error {
	if !store.IsPostgres(adminURL) {
		return fault.New(fault.SharedNeedsServer, "", "path", adminURL)
	}
	// The migrations run first, and the shipped nomenclature goes in now:
	// a reader opening the workspace first could not write it. The roles'
	// rights are then granted on the tables the schema has.
	// Not workspace.Open: an initialised database stays empty (no workspace
	// kind) until a push fills it or "Buat ruang kerja bersama" sets it up.
	s, err := store.Open(ctx, adminURL, store.Options{})
	if err != nil {
		return err
	}
	err = program.EnsureInstalled(ctx, s)
	s.Close()
	if err != nil {
		return err
	}
	db, err := sql.Open("pgx", adminURL)
	if err != nil {
		return fmt.Errorf("shared: init: %w", err)
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("shared: init: %w", err)
	}
	defer tx.Rollback()
	var schema string
	if err := tx.QueryRowContext(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		return fmt.Errorf("shared: init: %w", err)
	}
	for _, q := range initStatements(quote(schema)) {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("shared: init: %s: %w", firstLine(q), err)
		}
	}
	return tx.Commit()
}

func initStatements(schema string) []string {
	var qs []string
	for _, r := range Roles {
		// Another database on the same server may create the same group at
		// the same moment (roles are cluster-wide): either way it exists.
		// Only when missing: an admin of Selaras may run init again (after
		// an upgrade) without the right to create roles.
		qs = append(qs, fmt.Sprintf(`DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%[1]s') THEN
    CREATE ROLE %[1]s NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$`, r.Group()))
	}
	readers := "selaras_sekretariat, selaras_bidang, selaras_pembaca"
	qs = append(qs,
		// The one who runs Init must be able to hand the objects over.
		`DO $$ BEGIN
  IF NOT pg_has_role(current_user, 'selaras_admin', 'MEMBER') THEN
    GRANT selaras_admin TO CURRENT_USER;
  END IF;
END $$`,
		memberDDL,
		guardDDL,
		// Before the hand-over: a table's new owner needs CREATE on its schema.
		"GRANT USAGE, CREATE ON SCHEMA "+schema+" TO selaras_admin",
		"GRANT USAGE ON SCHEMA "+schema+" TO "+readers,
		// selaras_admin owns every table, sequence and function, so that
		// whoever of the admins runs a later migration can.
		`DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
    EXECUTE format('ALTER TABLE %I OWNER TO selaras_admin', r.tablename);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p WHERE p.pronamespace = to_regnamespace(current_schema()) LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO selaras_admin', r.f);
  END LOOP;
END $$`,
		// Start from nothing so a second run grants exactly the list below.
		"REVOKE ALL ON ALL TABLES IN SCHEMA "+schema+" FROM PUBLIC, "+readers,
		"GRANT SELECT ON ALL TABLES IN SCHEMA "+schema+" TO "+readers,
		"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "+schema+" TO selaras_sekretariat, selaras_bidang",
		"ALTER DEFAULT PRIVILEGES FOR ROLE selaras_admin IN SCHEMA "+schema+" GRANT SELECT ON TABLES TO "+readers,
		// The audit trigger writes the log with its owner's rights
		// (session_user, the person, is what it records whoever owns it).
		// A migration re-creates the function without this (CREATE OR
		// REPLACE resets it), so the writers may also insert, and
		// audit_log_guard refuses any line not written by a trigger: no one
		// but an admin can write a false line either way.
		"ALTER FUNCTION selaras_audit() SECURITY DEFINER SET search_path = "+schema+", pg_temp",
		auditGuardDDL,
		"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC",
		"GRANT INSERT ON audit_log TO selaras_sekretariat, selaras_bidang",
		// PostgreSQL before 15 lets everyone create tables in public.
		"REVOKE CREATE ON SCHEMA "+schema+" FROM PUBLIC",
		// A temporary table named like ours would come first in a session's
		// search path: a person could divert their own audit lines into it.
		// Selaras makes no temporary tables, so no one but the admin may.
		`DO $$ BEGIN
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT TEMPORARY, CONNECT ON DATABASE %I TO selaras_admin', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO selaras_sekretariat, selaras_bidang, selaras_pembaca', current_database());
END $$`,
		// A bidang writes only its own plan lines; the others read them all.
		"ALTER TABLE plan_line ENABLE ROW LEVEL SECURITY",
	)
	policies := []struct{ name, spec string }{
		{"plan_line_admin", "FOR ALL TO selaras_admin USING (true) WITH CHECK (true)"},
		{"plan_line_sekretariat", "FOR ALL TO selaras_sekretariat USING (true) WITH CHECK (true)"},
		{"plan_line_read", "FOR SELECT TO selaras_bidang, selaras_pembaca USING (true)"},
		{"plan_line_bidang_insert", "FOR INSERT TO selaras_bidang WITH CHECK (bidang = " + ownBidang + ")"},
		// The old row's bidang is checked by plan_line_guard (see guardDDL).
		{"plan_line_bidang_update", "FOR UPDATE TO selaras_bidang USING (true) WITH CHECK (bidang = " + ownBidang + ")"},
		{"plan_line_bidang_delete", "FOR DELETE TO selaras_bidang USING (true)"},
	}
	for _, p := range policies {
		qs = append(qs, "DROP POLICY IF EXISTS "+p.name+" ON plan_line",
			"CREATE POLICY "+p.name+" ON plan_line "+p.spec)
	}
	write := func(role string, tables []string) {
		for _, t := range tables {
			// A table a newer migration renamed away is skipped, not an error.
			qs = append(qs, fmt.Sprintf(`DO $$ BEGIN
  IF to_regclass(%s) IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON %s TO %s;
  END IF;
END $$`, literal(t), quote(t), role))
		}
	}
	write("selaras_sekretariat", sekretariatTables)
	write("selaras_bidang", bidangTables)
	return qs
}

// User is a person of the office with a login of their own.
type User struct {
	Name     string `json:"name"`
	Role     Role   `json:"role"`
	Bidang   string `json:"bidang"`
	Password string `json:"-"`
}

var nameRe = regexp.MustCompile(`^[a-z_][a-z0-9_.-]{0,62}$`)

// AddUser creates a login role for u, a member of its role's group, and
// records it in member. The password leaves this PC only as a SCRAM
// verifier, as psql's \password sends it: the server's logs never see it.
func AddUser(ctx context.Context, adminURL string, u User) error {
	u.Name = strings.TrimSpace(u.Name)
	u.Bidang = strings.TrimSpace(u.Bidang)
	switch {
	case !nameRe.MatchString(u.Name) || strings.HasPrefix(u.Name, "selaras_") || strings.HasPrefix(u.Name, "pg_"):
		return fault.New(fault.SharedBadName, "", "name", u.Name)
	case !u.Role.Valid():
		return fault.New(fault.SharedBadRole, "", "role", string(u.Role))
	case u.Role == Bidang && u.Bidang == "":
		return fault.New(fault.SharedNoBidang, "", "name", u.Name)
	case u.Password == "":
		return fault.New(fault.SharedNoPassword, "", "name", u.Name)
	}
	if u.Role != Bidang {
		u.Bidang = ""
	}
	db, err := sql.Open("pgx", adminURL)
	if err != nil {
		return fmt.Errorf("shared: add user: %w", err)
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("shared: add user: %w", err)
	}
	defer tx.Rollback()
	var exists bool
	if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", u.Name).Scan(&exists); err != nil {
		return fmt.Errorf("shared: add user: %w", err)
	}
	if exists {
		return fault.New(fault.SharedUserExists, "", "name", u.Name)
	}
	secret, err := scramVerifier(u.Password)
	if err != nil {
		return err
	}
	stmts := []string{
		fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD %s IN ROLE %s", quote(u.Name), literal(secret), u.Role.Group()),
	}
	if u.Role == Admin {
		// An admin acts as selaras_admin, so a migration they run leaves
		// its tables owned by the group (session_user, recorded in the
		// audit log, stays the person).
		stmts = append(stmts, fmt.Sprintf("ALTER ROLE %s SET role = 'selaras_admin'", quote(u.Name)))
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("shared: add user %s: %w", u.Name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO member(role_name, kind, bidang) VALUES ($1, $2, $3)",
		u.Name, string(u.Role), u.Bidang); err != nil {
		return fmt.Errorf("shared: add user %s: %w", u.Name, err)
	}
	return tx.Commit()
}

// Users lists the people recorded in the workspace, by name.
func Users(ctx context.Context, url string) ([]User, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("shared: users: %w", err)
	}
	defer db.Close()
	return store.QueryAll(ctx, db, func(r store.Row) (User, error) {
		var u User
		var k string
		err := r.Scan(&u.Name, &k, &u.Bidang)
		u.Role = Role(k)
		return u, err
	}, "SELECT role_name, kind, bidang FROM member ORDER BY role_name")
}

// scramVerifier is what PostgreSQL stores for a SCRAM-SHA-256 password
// (RFC 5803 form), computed here so the password itself is never sent.
func scramVerifier(password string) (string, error) {
	const iterations = 4096
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	salted, err := pbkdf2.Key(sha256.New, password, salt, iterations, sha256.Size)
	if err != nil {
		return "", err
	}
	mac := func(key []byte, msg string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(msg))
		return h.Sum(nil)
	}
	stored := sha256.Sum256(mac(salted, "Client Key"))
	server := mac(salted, "Server Key")
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", iterations, b64(salt), b64(stored[:]), b64(server)), nil
}

func quote(name string) string { return store.Quote(name) }

func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func firstLine(q string) string {
	q = strings.TrimSpace(q)
	if i := strings.IndexByte(q, '\n'); i > 0 {
		return q[:i]
	}
	return q
}
