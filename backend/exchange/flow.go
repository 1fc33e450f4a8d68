package exchange

import (
	"context"
	"errors"
	"fmt"

	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/store"
)

// The import of a returned template, written once for whoever asks (the
// app's Ekspor/Impor screen, `selaras import`): Check reads and validates
// the workbook for the office, the caller shows the preview, and Import
// takes the undo point this engine allows and commits.

// Undo is how an import can be undone on a workspace.
type Undo string

const (
	// UndoBackup: a SQLite file is backed up before the import (reason
	// "impor", the last ten kept); restoring that backup undoes it.
	UndoBackup Undo = "backup"
	// UndoLog: a shared workspace is not backed up by Selaras (its server
	// is, with pg_dump, by its administrator). The import is one
	// transaction, recorded on the submission board (file, hash, who,
	// when) and in the audit log (every old and new value, by login).
	UndoLog Undo = "log"
)

// UndoFor is the undo point an import into s gets.
func UndoFor(s *store.Store) Undo {
	if s.Engine() == store.Postgres {
		return UndoLog
	}
	return UndoBackup
}

// UndoNote says plainly, before the import is confirmed, what will be kept
// to undo it.
func UndoNote(s *store.Store) error {
	if UndoFor(s) == UndoLog {
		return fault.New(fault.ImportUndoLog, "", "path", s.Path())
	}
	return fault.New(fault.ImportUndoBackup, "")
}

// Check reads the workbook at path as a template returned to this office:
// its region must be the office's province or one of its regencies, and
// year, when not 0, the template's year (another year than the working
// year is imported with a notice). Nothing is written. A workbook refused
// for its content is an *ImportError listing every problem.
func Check(ctx context.Context, s *store.Store, path string, year int) (Preview, error) {
	p, err := profile.Get(ctx, s)
	if errors.Is(err, profile.ErrNotSet) {
		return Preview{}, fault.Wrap(err, fault.ProfileMissing, "")
	}
	if err != nil {
		return Preview{}, err
	}
	return ReadImport(ctx, s, path, ImportOptions{Province: p.ProvinceCode, Year: year, WorkingYear: p.WorkingYear})
}

// Imported is what an import wrote and what keeps it undoable.
type Imported struct {
	Written int `json:"written"` // values and plan lines written
	// Kept are the conflicting cells not written: what was typed directly
	// after the template was made stays (unless Preview.TakeTemplate).
	Kept   int           `json:"kept"`
	Undo   Undo          `json:"undo"`
	Backup *store.Backup `json:"backup"` // the backup taken before (UndoBackup)
}

// Import writes a checked preview in one transaction, after taking the
// undo point of the engine: a verified file backup on SQLite; on
// PostgreSQL none (see UndoLog), since the server refuses a backup from a
// PC and the import's record is on the server itself.
func Import(ctx context.Context, s *store.Store, pv Preview) (Imported, error) {
	out := Imported{Undo: UndoFor(s)}
	if out.Undo == UndoBackup {
		b, err := s.TakeBackup(ctx, store.BeforeImport)
		if err != nil {
			return Imported{}, fmt.Errorf("exchange: undo point: %w", err)
		}
		out.Backup = &b
	}
	n, err := CommitImport(ctx, s, pv)
	if err != nil {
		return Imported{}, err
	}
	out.Written = n
	_, out.Kept = pv.edits()
	return out, nil
}
