package app

import (
	"context"

	"selaras/backend/connect"
	"selaras/backend/fault"
	"selaras/backend/store"
	"selaras/backend/workspace"
)

// A shared workspace on a PostgreSQL server, edited by several PCs at once: opened from the
// "Ruang kerja bersama" form, from --db/SELARAS_DB, or at start from the
// settings (remembered without its password). The password is kept in the
// operating system's credential store when the user asks and one exists,
// else asked at start; it never reaches the settings, the log or the
// frontend.

// SharedRequest is what the form sends: the URL it built from host, port,
// database, user and TLS mode (no password in it), the password typed, and
// whether to keep that password on this computer.
type SharedRequest struct {
	URL      string `json:"url"`
	Password string `json:"password"`
	Remember bool   `json:"remember"`
}

// SharedState is what the form and the password dialog need.
type SharedState struct {
	// Last is the remembered shared workspace (the form starts from it).
	Last  *connect.Target `json:"last"`
	Label string          `json:"label"` // user@host/db of Last
	// NeedPassword: Last is waiting for its password (none kept, or the
	// kept one refused); the password dialog asks for it.
	NeedPassword bool `json:"needPassword"`
	PasswordKept bool `json:"passwordKept"` // the credential store holds Last's password
	// Keyring: a credential store exists here; KeyringWhy says why not.
	Keyring    bool   `json:"keyring"`
	KeyringWhy string `json:"keyringWhy"`
}

// Connect opens the shared workspace the form describes.
func (w *Workspace) Connect(req SharedRequest) (WorkspaceState, error) {
	return w.shared(req, false)
}

// CreateShared initialises an empty PostgreSQL database as a new shared
// workspace (the schema, the starter indicators and the nomenclature, as
// for a new file) and opens it; the office profile is asked next.
func (w *Workspace) CreateShared(req SharedRequest) (WorkspaceState, error) {
	return w.shared(req, true)
}

func (w *Workspace) shared(req SharedRequest, create bool) (WorkspaceState, error) {
	a := w.a
	return respond(a, WorkspaceState{}, func(ctx context.Context) (WorkspaceState, error) {
		t, _, err := connect.Parse(req.URL)
		if err != nil {
			return WorkspaceState{}, err
		}
		full, _, err := connect.Resolve(req.URL, req.Password, a.opt.Keyring)
		if err != nil {
			return WorkspaceState{}, err
		}
		if err := a.openShared(ctx, full, create, true, false); err != nil {
			return WorkspaceState{}, err
		}
		// Kept only once the server accepted it; unticking forgets it. A
		// store that refuses is told, the workspace stays open.
		if req.Password != "" || !req.Remember {
			if err := connect.Keep(a.opt.Keyring, t, req.Password, req.Remember); err != nil {
				a.notice(err)
			}
		}
		return w.state(ctx)
	})
}

// openShared opens (or, with create, initialises) the PostgreSQL workspace
// at full (a URL with its password) and makes it the open one. atStart
// keeps a failure for the welcome screen; the form says its own.
func (a *App) openShared(ctx context.Context, full string, create, remember, atStart bool) error {
	a.backupMu.Lock()
	defer a.backupMu.Unlock()
	safe := store.Redact(full)
	var s *store.Store
	var err error
	if create {
		s, err = workspace.Create(ctx, full, workspace.Office)
	} else {
		s, err = workspace.Open(ctx, full)
	}
	if err != nil {
		// Mapped here: the door would name the workspace still open.
		err = store.Explain(err, safe)
		if atStart {
			return a.opened(safe, err)
		}
		return err
	}
	return a.use(s, safe, remember)
}

// openRemembered opens a shared workspace at start: its password from the
// URL or the credential store; without one (or with one the server
// refuses) the start is not a failure: the password dialog asks.
func (a *App) openRemembered(ctx context.Context, raw string, remember bool) error {
	full, need, err := connect.Resolve(raw, "", a.opt.Keyring)
	if err != nil {
		return err
	}
	err = a.openShared(ctx, full, false, remember, true)
	if fault.Is(err, fault.ServerWrongPassword) {
		a.mu.Lock()
		a.askPassword = store.Redact(raw)
		a.failed = ""
		a.mu.Unlock()
		if need {
			return nil // nothing was refused: the password was never given
		}
	}
	return err
}

// sharedState describes the remembered shared workspace and the
// credential store for the form.
func (a *App) sharedState() SharedState {
	a.mu.Lock()
	last, ask, open := a.prefs.LastWorkspace, a.askPassword, a.st != nil
	a.mu.Unlock()
	if store.IsPostgres(a.opt.DB) {
		last = store.Redact(a.opt.DB)
	}
	if ask != "" {
		last = ask
	}
	var st SharedState
	if err := a.opt.Keyring.Available(); err != nil {
		st.KeyringWhy = fault.Message(fault.New(fault.KeyringMissing, ""), a.lang())
	} else {
		st.Keyring = true
	}
	if !store.IsPostgres(last) {
		return st
	}
	t, _, err := connect.Parse(last)
	if err != nil {
		return st
	}
	st.Last, st.Label = &t, t.Label()
	st.NeedPassword = ask != "" && !open
	if st.Keyring {
		_, err := a.opt.Keyring.Get(t.Account())
		st.PasswordKept = err == nil
	}
	return st
}

// notice keeps a message for the home screen (told once per start).
func (a *App) notice(err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.notices = append(a.notices, err)
}
