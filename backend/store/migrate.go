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

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one append-only schema step. Audit lists the tables whose
// audit triggers must be (re)built after the SQL runs.
type migration struct {
	Version int
	Name    string
	SQL     string
	Audit   []string
}

// migrations never change once released; add a new one at the end.
var migrations = []migration{
	{Version: 1, Name: "init", SQL: mustRead("0001_init.sql"), Audit: []string{"profile"}},
	{Version: 2, Name: "indicators", SQL: mustRead("0002_indicators.sql"), Audit: []string{"indicator", "indicator_value"}},
	{Version: 3, Name: "programs", SQL: mustRead("0003_programs.sql"), Audit: []string{"central_item", "central_target",
		"central_indicator", "nomenclature", "sub_kegiatan_indicator", "plan_line"}},
	// snapshot_matrix is left out on purpose: it is written once (a trigger
	// refuses updates) and the audited snapshot row carries its sha256.
	{Version: 4, Name: "rakor", SQL: mustRead("0004_rakor.sql"), Audit: []string{"meeting", "meeting_participant",
		"agenda_item", "snapshot", "decision", "decision_indicator", "decision_region", "decision_program",
		"decision_followup", "agenda_decision", "challenge_category", "challenge", "decision_challenge"}},
	{Version: 5, Name: "submissions", SQL: mustRead("0005_submissions.sql"), Audit: []string{"import_log"}},
	// Re-installs the profile's audit triggers over its new columns.
	{Version: 6, Name: "profile_kop", SQL: mustRead("0006_profile_kop.sql"), Audit: []string{"profile"}},
	// Re-installs the audit triggers of the tables that gained a version column.
	{Version: 7, Name: "versions", SQL: mustRead("0007_versions.sql"), Audit: []string{"decision", "plan_line", "indicator_value",
		"meeting", "challenge", "meeting_participant"}},
}

func mustRead(name string) string {
	b, err := migrationFS.ReadFile("migrations/" + name)
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
		v, _, err := pgVersion(ctx, s.r)
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
	ddl := func(q string) string {
		if pg {
			return pgDDL(q)
		}
		return q
	}
	if pg {
		if err := s.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(?)", pgLockKey); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, pgPrelude)
			return err
		}); err != nil {
			return fmt.Errorf("store: migrate: %w", err)
		}
	}
	if _, err := s.w.ExecContext(ctx, ddl(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT`)); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	for _, m := range migrations {
		if m.Version <= have {
			continue
		}
		err := s.Tx(ctx, func(tx *sql.Tx) error {
			if pg {
				// Two PCs opening an old workspace at once: the second waits,
				// then finds the step done.
				if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(?)", pgLockKey); err != nil {
					return err
				}
				var done int
				if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations WHERE version = ?", m.Version).Scan(&done); err != nil {
					return err
				}
				if done > 0 {
					return nil
				}
			}
			if _, err := tx.ExecContext(ctx, ddl(m.SQL)); err != nil {
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
			// The version is recorded in the same transaction as the change.
			_, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations(version, name, applied_at) VALUES(?, ?, ?)",
				m.Version, m.Name, time.Now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			return fmt.Errorf("store: migration %d (%s): %w", m.Version, m.Name, err)
		}
	}
	return nil
}

// backupBeforeMigration copies the database before its schema changes and
// keeps only the newest such backups.
func (s *Store) backupBeforeMigration(ctx context.Context, _ int, _ Options) error {
	if _, err := s.TakeBackup(ctx, BeforeMigrate); err != nil {
		return fmt.Errorf("store: backup before migration: %w", err)
	}
	return nil
}
