package workspace

import (
	"context"
	"os"
	"time"

	"selaras/backend/fault"
	"selaras/backend/store"
)

// The file workflows the app and the CLI share: opening a workspace that
// must exist (a copy brought from another PC), restoring a backup or a
// copy, and the name a saved copy is offered under. A shared workspace has
// none of them: its server is backed up with pg_dump, and an offline copy
// of it is pulled (shared.Pull).

// NeedsFile refuses a shared workspace for what only a file has (backups,
// restore, a copy in one file), before connecting to its server.
func NeedsFile(path string) error {
	if store.IsPostgres(path) {
		return fault.New(fault.SharedBackup, "", "path", store.Redact(path))
	}
	return nil
}

// OpenExisting opens a workspace that must exist already: a file, such as
// a copy brought from another PC, or a shared workspace's URL. A missing
// file is said plainly and never created.
func OpenExisting(ctx context.Context, path string) (*store.Store, error) {
	if !store.IsPostgres(path) {
		if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
			return nil, fault.New(fault.NoDatabase, "", "path", path)
		}
	}
	return Open(ctx, path)
}

// CopyName is the name a copy of a workspace to carry to another PC is
// offered under: Ruang-kerja-Selaras-2025-02-23.db.
func CopyName(now time.Time) string {
	return "Ruang-kerja-Selaras-" + now.Format("2006-01-02") + ".db"
}

// Restored is what a restore kept of the state it replaced: a backup of a
// healthy workspace, or the damaged file moved aside.
type Restored struct {
	Before   *store.Backup `json:"before"`   // reason "pulih": restoring it undoes the restore
	SetAside string        `json:"setAside"` // a damaged workspace, kept as "…-rusak-….db"
}

// Restore replaces the workspace file at path with the backup or copy at
// from, after checking from. The state being replaced is kept first, so a
// restore can itself be undone: a healthy workspace is backed up (a
// read-only one is refused, as nothing may replace it), a damaged one is
// moved aside for inspection. release is called (when not nil) once that is
// done and before the file is replaced: the caller closes the workspace
// there if it has it open. A restore that fails before release changed
// nothing; after it, the old file or the new one is in place, whole.
func Restore(ctx context.Context, path, from string, release func()) (Restored, error) {
	var out Restored
	if err := NeedsFile(path); err != nil {
		return out, err
	}
	if err := store.Verify(ctx, from); err != nil {
		return out, err
	}
	if _, err := os.Stat(path); err == nil {
		s, err := store.Open(ctx, path, store.Options{})
		switch {
		case fault.Is(err, fault.Damaged):
			if release != nil {
				release()
				release = nil
			}
			if out.SetAside, err = store.SetAside(path); err != nil {
				return out, err
			}
		case err != nil:
			return out, err
		default:
			b, err := s.TakeBackup(ctx, store.BeforeRestore)
			s.Close()
			if err != nil {
				return out, err
			}
			out.Before = &b
		}
	}
	if release != nil {
		release()
	}
	return out, store.Restore(ctx, path, from)
}
