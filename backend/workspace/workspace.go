// Package workspace describes a workspace file: whether it is the demo or an
// office's own, and where it lives. A workspace is one SQLite database.
package workspace

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"

	"selaras/backend/fault"
	"selaras/backend/indicator"
	"selaras/backend/program"
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

// Info is what the app shows about the open workspace.
type Info struct {
	Path          string `json:"path"`
	Kind          Kind   `json:"kind"`
	CreatedAt     string `json:"createdAt"`
	SchemaVersion int    `json:"schemaVersion"`
	ReadOnly      bool   `json:"readOnly"` // write-protected: can be viewed and exported, not changed
}

// Open opens an existing workspace, migrating it if needed and filling in
// shipped reference data that plain-SQL migrations cannot carry (the 2.17
// nomenclature for a workspace made before schema 3).
func Open(ctx context.Context, path string) (*store.Store, error) {
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		return nil, err
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
	if _, err := os.Stat(path); err == nil {
		return nil, fault.New(fault.FileExists, "", "path", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("workspace: create: %w", err)
	}
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		return nil, err
	}
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		if err := indicator.InstallStarter(ctx, tx); err != nil {
			return err
		}
		if err := program.Install(ctx, tx); err != nil {
			return err
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
	info := Info{Path: s.Path(), Kind: Office, ReadOnly: s.ReadOnly()}
	kind, err := s.Meta(ctx, keyKind)
	if err != nil {
		return Info{}, err
	}
	if kind == string(Demo) {
		info.Kind = Demo
	}
	if info.CreatedAt, err = s.Meta(ctx, keyCreated); err != nil {
		return Info{}, err
	}
	if info.SchemaVersion, err = s.Version(ctx); err != nil {
		return Info{}, fmt.Errorf("workspace: describe: %w", err)
	}
	return info, nil
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
