package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/workspace"
)

// Workspace is the bound service for choosing and opening workspaces.
type Workspace struct{ a *App }

// Phase tells the frontend which screen to show.
type Phase string

const (
	PhaseChoose  Phase = "choose"  // nothing open: demo or a new office workspace
	PhaseProfile Phase = "profile" // open, but the office profile is still empty
	PhaseReady   Phase = "ready"
)

// WorkspaceState is everything the shell needs to draw itself.
type WorkspaceState struct {
	Phase        Phase            `json:"phase"`
	Info         *workspace.Info  `json:"info"`
	Profile      *profile.Profile `json:"profile"`
	Error        string           `json:"error"`        // why the last workspace could not be opened
	OfficeExists bool             `json:"officeExists"` // an office workspace exists to reopen
	DemoExists   bool             `json:"demoExists"`
	// Damaged: the workspace that failed to open is damaged; Recovery names
	// the newest intact backup that RestoreNewest would bring back.
	Damaged  bool          `json:"damaged"`
	Recovery *store.Backup `json:"recovery"`
	Browser  bool          `json:"browser"` // no native file dialogs: paths are typed
	// Notices are told on the home screen: where workspaces moved at this start.
	Notices []string `json:"notices"`
	// Shared: the remembered shared workspace and the credential store.
	Shared SharedState `json:"shared"`
}

// State describes the open workspace, or why there is none.
func (w *Workspace) State() (WorkspaceState, error) {
	<-w.a.started
	return respond(w.a, WorkspaceState{}, w.state)
}

// Boot is what the first screen needs, in one call: the page asks once
// instead of waiting on a round trip for each.
type Boot struct {
	State    WorkspaceState `json:"state"`
	Language string         `json:"language"`
	// Provinces and Regencies (the kab/kota of the profile's province) are
	// what the home screen names.
	Provinces []region.Region `json:"provinces"`
	Regencies []region.Region `json:"regencies"`
	// StartMarks: SELARAS_START_MARKS is set, and the page prints its start
	// timings (scripts/start-time.sh reads them).
	StartMarks bool `json:"startMarks"`
}

// Boot describes the open workspace with the interface language and the
// regions of the home screen.
func (w *Workspace) Boot() (Boot, error) {
	<-w.a.started
	return respond(w.a, Boot{}, func(ctx context.Context) (Boot, error) {
		st, err := w.state(ctx)
		if err != nil {
			return Boot{}, err
		}
		b := Boot{
			State: st, Language: (&Settings{w.a}).Language(),
			Provinces: region.Default().Provinces(), Regencies: []region.Region{},
			StartMarks: os.Getenv("SELARAS_START_MARKS") != "",
		}
		if st.Profile != nil && st.Profile.ProvinceCode != "" {
			b.Regencies = region.Default().Regencies(st.Profile.ProvinceCode)
		}
		return b, nil
	})
}

func (w *Workspace) state(ctx context.Context) (WorkspaceState, error) {
	a := w.a
	st := WorkspaceState{Phase: PhaseChoose, OfficeExists: exists(a.officePath()), DemoExists: exists(a.demoPath()), Browser: a.headless, Notices: []string{}}
	a.mu.Lock()
	s, openErr, failed := a.st, a.openErr, a.failed
	notices := append([]error{}, a.notices...)
	a.mu.Unlock()
	st.Shared = a.sharedState()
	for _, n := range notices {
		st.Notices = append(st.Notices, fault.Message(n, a.lang()))
	}
	damaged := fault.Is(openErr, fault.Damaged) && failed != ""
	if openErr != nil && (s == nil || damaged) {
		st.Error = a.message(openErr)
		if damaged {
			st.Damaged = true
			if b, err := store.NewestGoodBackup(ctx, failed); err == nil {
				st.Recovery = &b
			}
		}
	}
	if s == nil {
		return st, nil
	}
	info, err := workspace.Describe(ctx, s)
	if err != nil {
		return st, err
	}
	st.Info = &info
	p, err := profile.Get(ctx, s)
	switch {
	case errors.Is(err, profile.ErrNotSet):
		st.Phase = PhaseProfile
	case err != nil:
		return st, err
	default:
		st.Phase = PhaseReady
		st.Profile = &p
	}
	return st, nil
}

// openState opens the workspace at path (creating it of kind) and describes it.
func (w *Workspace) openState(path string, kind workspace.Kind) (WorkspaceState, error) {
	return respond(w.a, WorkspaceState{}, func(ctx context.Context) (WorkspaceState, error) {
		if err := w.a.open(ctx, path, kind, true); err != nil {
			return WorkspaceState{}, err
		}
		return w.state(ctx)
	})
}

// OpenDemo opens the demo workspace, creating it on first use.
func (w *Workspace) OpenDemo() (WorkspaceState, error) {
	return w.openState(w.a.demoPath(), workspace.Demo)
}

// ResetDemo throws the demo workspace away and builds it afresh.
func (w *Workspace) ResetDemo() (WorkspaceState, error) {
	a := w.a
	a.mu.Lock()
	if a.st != nil && a.st.Path() == a.demoPath() {
		a.st.Close()
		a.st = nil
		a.watch(nil)
	}
	a.mu.Unlock()
	if err := removeDB(a.demoPath()); err != nil {
		return WorkspaceState{}, a.fail(err)
	}
	return w.OpenDemo()
}

// OpenOffice opens the office's own workspace, creating an empty one if
// none exists; the shell then asks for the profile.
func (w *Workspace) OpenOffice() (WorkspaceState, error) {
	return w.openState(w.a.officePath(), workspace.Office)
}

// Backups lists the backups of the open workspace (or of the one that
// could not be opened), newest first.
func (w *Workspace) Backups() ([]store.Backup, error) {
	return respond(w.a, []store.Backup{}, func(context.Context) ([]store.Backup, error) {
		path := w.a.workspacePath()
		if path == "" || store.IsPostgres(path) {
			return []store.Backup{}, nil
		}
		return store.ListBackups(path)
	})
}

// BackupNow takes a manual backup of the open workspace.
func (w *Workspace) BackupNow() (store.Backup, error) {
	return with(w.a, store.Backup{}, func(ctx context.Context, s *store.Store) (store.Backup, error) {
		if err := workspace.NeedsFile(s.Path()); err != nil {
			return store.Backup{}, err
		}
		w.a.backupMu.Lock()
		defer w.a.backupMu.Unlock()
		return s.TakeBackup(ctx, store.Manual)
	})
}

// Restore replaces the open workspace with one of its backups. The current
// state is backed up first ("pulih"), so a restore can itself be undone;
// the workspace is closed, replaced atomically and opened again.
func (w *Workspace) Restore(backupPath string) (WorkspaceState, error) {
	return with(w.a, WorkspaceState{}, func(ctx context.Context, s *store.Store) (WorkspaceState, error) {
		if err := workspace.NeedsFile(s.Path()); err != nil {
			return WorkspaceState{}, err
		}
		return w.restore(ctx, s.Path(), backupPath)
	})
}

// RestoreNewest restores the newest intact backup of the workspace that
// could not be opened because it is damaged; the damaged file is kept in
// the backups folder for inspection.
func (w *Workspace) RestoreNewest() (WorkspaceState, error) {
	return respond(w.a, WorkspaceState{}, func(ctx context.Context) (WorkspaceState, error) {
		a := w.a
		a.mu.Lock()
		path, openErr := a.failed, a.openErr
		a.mu.Unlock()
		if path == "" || !fault.Is(openErr, fault.Damaged) {
			return WorkspaceState{}, fault.New(fault.NoWorkspace, "")
		}
		b, err := store.NewestGoodBackup(ctx, path)
		if err != nil {
			return WorkspaceState{}, err
		}
		return w.restore(ctx, path, b.Path)
	})
}

// restore runs workspace.Restore (as `selaras restore`) on the workspace
// at path: the app's own store on it is closed once the state it replaces
// is kept, and whatever is there afterwards is opened again.
func (w *Workspace) restore(ctx context.Context, path, backupPath string) (WorkspaceState, error) {
	a := w.a
	a.backupMu.Lock()
	defer a.backupMu.Unlock()
	if !isBackupOf(path, backupPath) {
		return WorkspaceState{}, fault.New(fault.NotFound, "backup.path")
	}
	released := false
	_, rerr := workspace.Restore(ctx, path, backupPath, func() {
		released = true
		a.mu.Lock()
		s := a.st
		if s != nil && s.Path() == path {
			a.st = nil
			a.watch(nil)
		} else {
			s = nil
		}
		a.mu.Unlock()
		if s != nil {
			s.Close()
		}
	})
	if !released { // refused before anything changed: the workspace stays open
		return WorkspaceState{}, rerr
	}
	if rerr != nil && !exists(path) { // never open an empty workspace in its place
		return WorkspaceState{}, rerr
	}
	// Open again whatever is there now: the restored copy, or on failure
	// the untouched original.
	if err := a.opened(path, a.openLocked(ctx, path, workspace.Office, true, false)); err != nil {
		return WorkspaceState{}, errors.Join(rerr, err)
	}
	if rerr != nil {
		return WorkspaceState{}, rerr
	}
	return w.state(ctx)
}

// SaveCopy writes the open workspace into one self-contained file (a
// consistent copy: no -wal or -shm needed) to carry to another PC. It
// returns the path, or "" when the user cancelled the dialog.
func (w *Workspace) SaveCopy() (string, error) {
	return with(w.a, "", func(ctx context.Context, s *store.Store) (string, error) {
		if err := workspace.NeedsFile(s.Path()); err != nil {
			return "", err
		}
		path, err := w.a.savePath(workspace.CopyName(time.Now()), "*.db", fault.DialogWorkspaceFile)
		if err != nil || path == "" {
			return "", err
		}
		w.a.backupMu.Lock()
		defer w.a.backupMu.Unlock()
		return path, s.SaveCopy(ctx, path)
	})
}

// OpenFile opens a workspace file (a copy brought from another PC). In the
// desktop app an empty path asks with the system's open dialog; the
// browser build passes a path typed by the user. The file is checked
// before it is used, and remembered for the next start.
func (w *Workspace) OpenFile(path string) (WorkspaceState, error) {
	a := w.a
	return respond(a, WorkspaceState{}, func(ctx context.Context) (WorkspaceState, error) {
		if path == "" && !a.headless {
			p, err := runtime.OpenFileDialog(a.ctx, runtime.OpenDialogOptions{
				Title:   fault.Say(w.a.lang(), fault.DialogOpenWorkspace),
				Filters: []runtime.FileFilter{{DisplayName: fault.Say(w.a.lang(), fault.DialogWorkspaceFile) + " (*.db)", Pattern: "*.db"}},
			})
			if err != nil || p == "" {
				return WorkspaceState{}, err
			}
			path = p
		}
		if path == "" {
			return WorkspaceState{}, fault.New(fault.Required, "workspace.path")
		}
		path, _ = filepath.Abs(path)
		if !exists(path) {
			return WorkspaceState{}, fault.New(fault.FileMissing, "", "file", path)
		}
		if err := a.open(ctx, path, workspace.Office, true); err != nil {
			return WorkspaceState{}, err
		}
		return w.state(ctx)
	})
}

// workspacePath is the open workspace's file, or the one that failed to open.
func (a *App) workspacePath() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.st != nil {
		return a.st.Path()
	}
	return a.failed
}

// isBackupOf accepts only a file listed among path's backups, so the
// frontend cannot make Restore read an arbitrary file.
func isBackupOf(path, backup string) bool {
	list, err := store.ListBackups(path)
	if err != nil {
		return false
	}
	for _, b := range list {
		if b.Path == backup && b.Reason != store.DamagedCopy {
			return true
		}
	}
	return false
}
