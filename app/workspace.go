package app

import (
	"context"
	"errors"

	"selaras/backend/fault"
	"selaras/backend/profile"
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
	// Notices are told on the home screen: where workspaces moved at this start.
	Notices []string `json:"notices"`
}

// State describes the open workspace, or why there is none.
func (w *Workspace) State() (WorkspaceState, error) {
	return w.state(context.Background())
}

func (w *Workspace) state(ctx context.Context) (WorkspaceState, error) {
	a := w.a
	st := WorkspaceState{Phase: PhaseChoose, OfficeExists: exists(a.officePath()), DemoExists: exists(a.demoPath()), Notices: []string{}}
	a.mu.Lock()
	s, openErr := a.st, a.openErr
	a.mu.Unlock()
	for _, n := range a.notices {
		st.Notices = append(st.Notices, fault.Message(n, a.lang()))
	}
	if openErr != nil {
		st.Error = fault.Message(openErr, a.lang())
	}
	if s == nil {
		return st, nil
	}
	info, err := workspace.Describe(ctx, s)
	if err != nil {
		return st, a.fail(err)
	}
	st.Info = &info
	p, err := profile.Get(ctx, s)
	switch {
	case errors.Is(err, profile.ErrNotSet):
		st.Phase = PhaseProfile
	case err != nil:
		return st, a.fail(err)
	default:
		st.Phase = PhaseReady
		st.Profile = &p
	}
	return st, nil
}

// OpenDemo opens the demo workspace, creating it on first use.
func (w *Workspace) OpenDemo() (WorkspaceState, error) {
	ctx := context.Background()
	if err := w.a.open(ctx, w.a.demoPath(), workspace.Demo, true); err != nil {
		return WorkspaceState{}, w.a.fail(err)
	}
	return w.state(ctx)
}

// ResetDemo throws the demo workspace away and builds it afresh.
func (w *Workspace) ResetDemo() (WorkspaceState, error) {
	a := w.a
	a.mu.Lock()
	if a.st != nil && a.st.Path() == a.demoPath() {
		a.st.Close()
		a.st = nil
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
	ctx := context.Background()
	if err := w.a.open(ctx, w.a.officePath(), workspace.Office, true); err != nil {
		return WorkspaceState{}, w.a.fail(err)
	}
	return w.state(ctx)
}
