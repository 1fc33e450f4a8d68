// Package workspace describes a workspace file: whether it is the demo or an
// office's own, and where it lives. A workspace is one SQLite database.
package workspace

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"selaras/backend/connect"
	"selaras/backend/fault"
	"selaras/backend/indicator"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/version"
)

// Kind tells a demo workspace from an office's own.
type Kind string

const (
	Demo   Kind = "demo"
	Office Kind = "office"
)

const (
	keyKind    = "workspace_kind"
	keyCreated = "created_at"
	keyApp     = "created_by"
)

// A copy pulled from a shared workspace for working offline (selaras
// workspace pull) records where it came from and when.
const (
	KeyOfflineCopyOf = "offline_copy_of"
	KeyOfflineCopyAt = "offline_copy_at"
)

// Info is what the app shows about the open workspace.
type Info struct {
	Path          string `json:"path"`
	Kind          Kind   `json:"kind"`
	CreatedAt     string `json:"createdAt"`
	SchemaVersion int    `json:"schemaVersion"`
	ReadOnly      bool   `json:"readOnly"` // write-protected: can be viewed and exported, not changed
	// OfflineCopyOf is the shared workspace (URL without password) this file
	// was pulled from, "" for a workspace of its own: the header says
	// "Salinan luring" and changes here never reach the server.
	OfflineCopyOf string `json:"offlineCopyOf"`
	OfflineCopyAt string `json:"offlineCopyAt"`
	// Shared: a PostgreSQL database (Path is its URL without the password);
	// Label names it in the header: the file's name, or user@host/db.
	Shared bool   `json:"shared"`
	Label  string `json:"label"`
	// Link: how a shared workspace's connection travels (encrypted,
	// server verified); nil for a file.
	Link *store.Link `json:"link"`
	// Role is the person's role in a shared workspace (admin, sekretariat,
	// bidang, pembaca, kabkota; "" on a file or for the server's manager).
	// A kab/kota office's Region is the one region it writes (the app opens
	// on it); Bidang is a bidang person's own.
	Role       string `json:"role"`
	Region     string `json:"region"`
	RegionName string `json:"regionName"`
	Bidang     string `json:"bidang"`
}

// Open opens an existing workspace, migrating it if needed and filling in
// shipped reference data that plain-SQL migrations cannot carry (the 2.17
// nomenclature for a workspace made before schema 3).
func Open(ctx context.Context, path string) (*store.Store, error) {
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		return nil, err
	}
	if store.IsPostgres(path) {
		// An empty database on the server is not a workspace until
		// "Buat ruang kerja bersama" sets it up (a new file is created
		// by Create, never by Open, the same way). Asked with whether the
		// nomenclature is there, in one round trip.
		var kind string
		var shipped int
		err := s.Read().QueryRowContext(ctx, `SELECT COALESCE((SELECT value FROM meta WHERE key = ?), ''),
  (SELECT count(*) FROM nomenclature WHERE code = ?)`, keyKind, program.Urusan).Scan(&kind, &shipped)
		if err != nil || kind == "" {
			s.Close()
			if err != nil {
				return nil, fmt.Errorf("workspace: open: %w", err)
			}
			return nil, fault.New(fault.ServerEmpty, "", fault.ServerArgs(store.Redact(path))...)
		}
		if shipped > 0 {
			return s, nil
		}
	}
	if err := program.EnsureInstalled(ctx, s); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Create makes a new workspace file of the given kind. An existing file is
// never overwritten.
func Create(ctx context.Context, path string, kind Kind) (*store.Store, error) {
	if store.IsPostgres(path) {
		return createShared(ctx, path, kind)
	}
	if _, err := os.Stat(path); err == nil {
		return nil, fault.New(fault.FileExists, "", "path", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("workspace: create: %w", err)
	}
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		return nil, err
	}
	return install(ctx, s, kind)
}

// createShared sets up an empty PostgreSQL database as a workspace: the
// store migrates it, then the starter data goes in as for a new file. A
// database that already holds a workspace is refused untouched.
func createShared(ctx context.Context, url string, kind Kind) (*store.Store, error) {
	s, err := store.Open(ctx, url, store.Options{})
	if err != nil {
		return nil, err
	}
	return install(ctx, s, kind)
}

// install writes a new workspace's starter data and origin in one
// transaction. A database that holds a workspace already is refused
// untouched, also when another PC set it up a moment ago: the check and
// the writes happen under one lock.
func install(ctx context.Context, s *store.Store, kind Kind) (*store.Store, error) {
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		if err := store.LockSetup(ctx, tx, s.Engine()); err != nil {
			return err
		}
		var set int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM meta WHERE key = ? AND value <> ''", keyKind).Scan(&set); err != nil {
			return fmt.Errorf("workspace: create: %w", err)
		}
		if set > 0 {
			return fault.New(fault.ServerNotEmpty, "", fault.ServerArgs(store.Redact(s.Path()))...)
		}
		if err := indicator.InstallStarter(ctx, tx); err != nil {
			return err
		}
		// A shared database initialised by "selaras workspace init" holds
		// the nomenclature already.
		var shipped int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM nomenclature WHERE code = ?", program.Urusan).Scan(&shipped); err != nil {
			return fmt.Errorf("workspace: create: %w", err)
		}
		if shipped == 0 {
			if err := program.Install(ctx, tx); err != nil {
				return err
			}
		}
		for k, v := range map[string]string{
			keyKind:    string(kind),
			keyCreated: time.Now().UTC().Format(time.RFC3339),
			keyApp:     "Selaras " + version.Version,
		} {
			if err := store.SetMeta(ctx, tx, k, v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Describe reads the workspace's kind and origin.
func Describe(ctx context.Context, s *store.Store) (Info, error) {
	info := Info{Path: s.Path(), Kind: Office, ReadOnly: s.ReadOnly(), Label: filepath.Base(s.Path())}
	if s.Engine() == store.Postgres {
		info.Shared = true
		l := s.Link()
		info.Link = &l
		if t, _, err := connect.Parse(s.Path()); err == nil {
			info.Label = t.Label()
		}
		// The header asks for this after every workspace action: over a
		// slow link, one round trip for the person's role, the metadata
		// and the schema version.
		var role, bidang, reg sql.NullString
		var meta [4]string
		var version sql.NullInt64
		err := s.Read().QueryRowContext(ctx, `SELECT m.kind, m.bidang, m.region,
  COALESCE((SELECT value FROM meta WHERE key = ?), ''), COALESCE((SELECT value FROM meta WHERE key = ?), ''),
  COALESCE((SELECT value FROM meta WHERE key = ?), ''), COALESCE((SELECT value FROM meta WHERE key = ?), ''),
  (SELECT max(version) FROM schema_migrations)
FROM (SELECT 1) one LEFT JOIN member m ON m.role_name = session_user`, keyKind, keyCreated, KeyOfflineCopyOf, KeyOfflineCopyAt).
			Scan(&role, &bidang, &reg, &meta[0], &meta[1], &meta[2], &meta[3], &version)
		if err != nil {
			return Info{}, fmt.Errorf("workspace: describe: %w", err)
		}
		info.Role, info.Bidang, info.Region = role.String, bidang.String, reg.String
		if r, ok := region.Default().Lookup(info.Region); ok && info.Region != "" {
			info.RegionName = r.Name
		}
		return described(info, map[string]string{keyKind: meta[0], keyCreated: meta[1], KeyOfflineCopyOf: meta[2], KeyOfflineCopyAt: meta[3]},
			int(version.Int64)), nil
	}
	meta, err := s.Metas(ctx, keyKind, keyCreated, KeyOfflineCopyOf, KeyOfflineCopyAt)
	if err != nil {
		return Info{}, err
	}
	v, err := s.Version(ctx)
	if err != nil {
		return Info{}, fmt.Errorf("workspace: describe: %w", err)
	}
	return described(info, meta, v), nil
}

func described(info Info, meta map[string]string, version int) Info {
	if meta[keyKind] == string(Demo) {
		info.Kind = Demo
	}
	info.CreatedAt, info.OfflineCopyOf, info.OfflineCopyAt = meta[keyCreated], meta[KeyOfflineCopyOf], meta[KeyOfflineCopyAt]
	info.SchemaVersion = version
	return info
}

// DailyBackup takes the day's automatic backup unless one was taken since
// midnight (rotated: the last seven days are kept). A read-only workspace
// cannot change, so it needs none.
func DailyBackup(ctx context.Context, s *store.Store, now time.Time) error {
	if s.ReadOnly() || s.Engine() == store.Postgres { // a server keeps its own backups

		return nil
	}
	midnight := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	done, err := s.HasBackupSince(store.Daily, midnight)
	if err != nil || done {
		return err
	}
	_, err = s.TakeBackup(ctx, store.Daily)
	return err
}
