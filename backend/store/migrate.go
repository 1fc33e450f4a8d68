package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"strconv"
	"time"

	"selaras/backend/fault"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFS embed.FS

// migration is one append-only schema step, written once per engine: the
// same version and name in migrations/sqlite and migrations/postgres, each
// file in its engine's own SQL. TestSchemasMatch migrates both engines and
// compares what they end up with. Audit lists the tables whose audit
// triggers must be (re)built after the SQL runs.
type migration struct {
	Version  int
	Name     string
	SQLite   string
	Postgres string
	Audit    []string
}

// sql is the step for the engine.
func (m migration) sql(e Engine) string {
	if e == Postgres {
		return m.Postgres
	}
	return m.SQLite
}

// migrations never change once released; add a new one at the end, in both
// folders.
var migrations = []migration{
	step(1, "init", "profile"),
	step(2, "indicators", "indicator", "indicator_value"),
	step(3, "programs", "central_item", "central_target", "central_indicator", "nomenclature",
		"sub_kegiatan_indicator", "plan_line"),
	// snapshot_matrix is left out on purpose: it is written once (a trigger
	// refuses updates) and the audited snapshot row carries its sha256.
	step(4, "rakor", "meeting", "meeting_participant", "agenda_item", "snapshot", "decision",
		"decision_indicator", "decision_region", "decision_program", "decision_followup", "agenda_decision",
		"challenge_category", "challenge", "decision_challenge"),
	step(5, "submissions", "import_log"),
	// Re-installs the profile's audit triggers over its new columns.
	step(6, "profile_kop", "profile"),
	// Re-installs the audit triggers of the tables that gained a version column.
	step(7, "versions", "decision", "plan_line", "indicator_value", "meeting", "challenge", "meeting_participant"),
	// Text compares bytewise on PostgreSQL too, whatever the server's locale.
	step(8, "collation"),
	// The office's roles and their rights on a server (nothing on a file).
	step(9, "rights"),
	// Attendance signed on phones in the meeting room: the participant's NIP,
	// one line per participant and day (audited, with the signature's
	// sha256), the signature image written once beside it; the secretariat's
	// rights over both on a server.
	step(11, "room", "meeting_participant", "attendance"),
	// A server audits a statement's rows together; every audited table's
	// triggers are rebuilt on it (TestAuditRowsStepListsEveryTable).
	step(12, "audit_rows", "profile", "indicator", "indicator_value", "central_item", "central_target",
		"central_indicator", "nomenclature", "sub_kegiatan_indicator", "plan_line", "meeting", "meeting_participant",
		"agenda_item", "snapshot", "decision", "decision_indicator", "decision_region", "decision_program",
		"decision_followup", "agenda_decision", "challenge_category", "challenge", "decision_challenge", "import_log",
		"attendance"),
	// Regency offices type into the province's workspace (a role per
	// kab/kota on a server, its row-level security and guards) and the
	// agreed lock of a regency's targets for a year (audited: the mark and
	// the reopening).
	step(13, "regency", "target_agreement"),
	// The templates sent to the regencies, for the return board; on a
	// server the rights split into the base (step 13's) and the grants
	// later steps redefine alone.
	step(14, "template_sent", "template_sent"),
	// A generation number per cached table (the indicator catalogue), and
	// on a file an index that holds a matrix's values whole.
	step(15, "generation"),
	// On a server, the value guard looks for the stored row only where the
	// region and year are agreed (a large import no longer scans the table
	// once per row); the guards later steps replace in selaras_guards().
	step(16, "value_guard"),
	// On a server, the value guard runs once per statement over its rows,
	// not once per row (a 10,000-value import).
	step(17, "value_guard_rows"),
}

// step reads version's files, NNNN_name.sql, from both engines' folders.
func step(version int, name string, audit ...string) migration {
	file := fmt.Sprintf("%04d_%s.sql", version, name)
	return migration{Version: version, Name: name, Audit: audit,
		SQLite: mustRead("migrations/sqlite/" + file), Postgres: mustRead("migrations/postgres/" + file)}
}

func mustRead(name string) string {
	b, err := migrationFS.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time: a missing file is a build mistake
	}
	return string(b)
}

// SchemaVersion is the schema this build writes.
func SchemaVersion() int { return migrations[len(migrations)-1].Version }

// Version reads the schema version recorded in the database (0 if new).
func (s *Store) Version(ctx context.Context) (int, error) {
	if s.Engine() == Postgres {
		// An open shared workspace has its schema_migrations (opening made
		// it): one query, and none at all for a database without it.
		v, err := pgMaxVersion(ctx, s.r)
		if sqlState(err) == "42P01" {
			return 0, nil
		}
		return v, err
	}
	if s.w == nil {
		return currentVersion(ctx, s.r)
	}
	return currentVersion(ctx, s.w)
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func currentVersion(ctx context.Context, db queryer) (int, error) {
	var n int
	err := db.QueryRowContext(ctx,
		"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").Scan(&n)
	if err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, nil
	}
	var v sql.NullInt64
	if err := db.QueryRowContext(ctx, "SELECT max(version) FROM schema_migrations").Scan(&v); err != nil {
		return 0, err
	}
	return int(v.Int64), nil
}

func (s *Store) migrate(ctx context.Context, opt Options) error {
	have, err := s.Version(ctx)
	if err != nil {
		return fault.Wrap(err, fault.NotDatabase, "", "path", s.path)
	}
	return s.migrateFrom(ctx, opt, have)
}

// migrateFrom takes the database from schema have (already read) to this
// build's.
func (s *Store) migrateFrom(ctx context.Context, opt Options, have int) error {
	want := SchemaVersion()
	if have > want { // Open refused it before writing; a second guard
		return fault.New(fault.NewerSchema, "", "path", s.path,
			"have", strconv.Itoa(have), "want", strconv.Itoa(want))
	}
	if have == want {
		return nil
	}
	pg := s.Engine() == Postgres
	// A server's database is backed up by its own tools (pg_dump), and a
	// failed PostgreSQL migration rolls back whole.
	if have > 0 && !pg {
		if err := s.backupBeforeMigration(ctx, have, opt); err != nil {
			return err
		}
	}
	if err := s.Tx(ctx, func(tx *sql.Tx) error {
		if err := lockMigrations(ctx, tx, pg); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, schemaMigrations[s.Engine()])
		return err
	}); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	for _, m := range migrations {
		if m.Version <= have {
			continue
		}
		err := s.Tx(ctx, func(tx *sql.Tx) error {
			if err := lockMigrations(ctx, tx, pg); err != nil {
				return err
			}
			// Two PCs opening an old workspace at once: the second waits
			// for the lock, then finds the step done.
			var done int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations WHERE version = ?", m.Version).Scan(&done); err != nil {
				return err
			}
			if done > 0 {
				return nil
			}
			if _, err := tx.ExecContext(ctx, m.sql(s.Engine())); err != nil {
				return err
			}
			for _, t := range m.Audit {
				install := installAudit
				if pg {
					install = installAuditPG
				}
				if err := install(ctx, tx, t); err != nil {
					return err
				}
			}
			if pg {
				if err := handOver(ctx, tx); err != nil {
					return err
				}
			}
			// The version is recorded in the same transaction as the change.
			_, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations(version, name, applied_at) VALUES(?, ?, ?)",
				m.Version, m.Name, time.Now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			return explainMigration(fmt.Errorf("store: migration %d (%s): %w", m.Version, m.Name, err), s)
		}
	}
	return nil
}

// schemaMigrations records which steps a database has taken.
var schemaMigrations = map[Engine]string{
	SQLite: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT`,
	Postgres: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    BIGINT PRIMARY KEY,
    name       TEXT COLLATE "C" NOT NULL,
    applied_at TEXT COLLATE "C" NOT NULL
)`,
}

// lockMigrations makes two PCs migrating one server's database take turns
// (a SQLite file has one writer already).
func lockMigrations(ctx context.Context, tx *sql.Tx, pg bool) error {
	if !pg {
		return nil
	}
	_, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(?)", pgLockKey)
	return err
}

// backupBeforeMigration copies the database before its schema changes and
// keeps only the newest such backups.
func (s *Store) backupBeforeMigration(ctx context.Context, _ int, _ Options) error {
	if _, err := s.TakeBackup(ctx, BeforeMigrate); err != nil {
		return fmt.Errorf("store: backup before migration: %w", err)
	}
	return nil
}

// explainMigration says why a step could not be applied. On a server, a
// person whose role may not change the schema (anyone but the manager, or
// an admin where new roles are needed) gets the way out: the manager runs
// workspace init.
func explainMigration(err error, s *Store) error {
	if s.Engine() == Postgres && sqlState(err) == "42501" {
		return fault.Wrap(err, fault.ServerNeedsManager, "", fault.ServerArgs(s.path)...)
	}
	return err
}
