// Package app is the Wails binding layer: the only Go package that imports
// Wails. Each bound struct is a thin area service that calls backend/ and
// translates types and errors for the frontend.
package app

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"selaras/backend/atomicfile"
	"selaras/backend/connect"
	"selaras/backend/demo"
	"selaras/backend/fault"
	"selaras/backend/settings"
	"selaras/backend/store"
	"selaras/backend/workspace"
)

// Options decide which workspace the app opens at start.
type Options struct {
	ConfigDir string // where settings.json lives (and the workspaces, unless DataDir is set)
	DataDir   string // where demo.db, selaras.db and backups/ live; default ConfigDir
	Roaming   string // Windows: where an older Selaras kept workspaces, moved to DataDir once
	DB        string // --db or SELARAS_DB: always open this file or postgres:// URL
	Demo      bool   // --demo: on first start, open the demo workspace
	// RoomAddrs are where the meeting room listens (--room-addr); none:
	// the laptop's Wi-Fi and hotspot addresses (backend/room).
	RoomAddrs []string
	// Keyring keeps the passwords of shared workspaces; default the
	// operating system's credential store.
	Keyring connect.Keyring
}

// App holds the open workspace and the user's settings, shared by the
// bound services.
type App struct {
	opt Options

	mu       sync.Mutex
	ctx      context.Context // the Wails context, kept here because runtime calls need it
	st       *store.Store
	prefs    settings.Settings
	openErr  error      // why the startup workspace could not be opened
	failed   string     // the workspace file that could not be opened (to recover it)
	notices  []error    // told once on the home screen: workspaces moved out of the roaming profile
	backupMu sync.Mutex // one backup, restore or workspace switch at a time
	headless bool       // served by the browser bridge: no native dialogs
	exchange *Exchange
	emitFunc func(event string, data ...any)
	// askPassword is the shared workspace (URL without password) whose
	// password is asked at start: none was kept, or the kept one was refused.
	askPassword string
	stopLive    context.CancelFunc // ends following the open workspace's changes (live.go)
	room        roomState          // the meeting room open for phones (room.go)
	// started is closed once Startup has opened the startup workspace. Wails
	// runs Startup beside the window, so a fast page could otherwise ask for
	// the state before the workspace is open and be shown the welcome screen.
	started     chan struct{}
	startedOnce sync.Once // a test may start the same App twice
}

// New makes the App; call Startup before serving calls.
func New(opt Options) (*App, error) {
	if opt.ConfigDir == "" {
		dirs, err := workspace.DefaultDirs()
		if err != nil {
			return nil, err
		}
		opt.ConfigDir, opt.DataDir, opt.Roaming = dirs.Settings, dirs.Data, dirs.Roaming
	}
	if opt.DataDir == "" {
		opt.DataDir = opt.ConfigDir
	}
	if opt.Keyring == nil {
		opt.Keyring = connect.OS()
	}
	// A failed move leaves the workspaces where they were: say why, and go on.
	m, err := workspace.Settle(workspace.Dirs{Settings: opt.ConfigDir, Data: opt.DataDir, Roaming: opt.Roaming}, time.Now())
	notices := m.Notices()
	if err != nil {
		notices = append(notices, err)
	}
	for _, d := range []string{opt.ConfigDir, opt.DataDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	prefs, err := settings.Load(filepath.Join(opt.ConfigDir, settings.File))
	if err != nil {
		return nil, err
	}
	a := &App{opt: opt, prefs: prefs, notices: notices, started: make(chan struct{})}
	a.exchange = &Exchange{a: a}
	return a, nil
}

// Bindings are the structs the frontend calls, one per area.
func (a *App) Bindings() []any {
	return []any{&Workspace{a}, &Settings{a}, &Regions{a}, &Targets{a}, &Programs{a}, &Rakor{a}, a.exchange, &Room{a}}
}

// Startup is Wails' OnStartup; it opens the workspace chosen by Options.
func (a *App) Startup(ctx context.Context) {
	a.mu.Lock()
	a.ctx = ctx
	a.mu.Unlock()
	defer a.startedOnce.Do(func() { close(a.started) })
	a.sweep()
	a.openInitial(ctx)
}

// sweep removes what a process killed mid-write left behind: temporary
// files beside the workspaces, their backups and exports, and excelize's
// temporary files (untouched for an hour, so a running export keeps its own).
func (a *App) sweep() {
	dirs := []string{a.opt.DataDir, filepath.Join(a.opt.DataDir, "backups"), filepath.Join(a.opt.DataDir, "ekspor")}
	for _, p := range []string{a.opt.DB, a.prefs.LastWorkspace} {
		if p != "" && !store.IsPostgres(p) {
			dirs = append(dirs, filepath.Dir(p), store.BackupDir(p))
		}
	}
	for _, d := range dirs {
		_, _ = atomicfile.Clean(d, time.Minute)
	}
	_, _ = atomicfile.CleanExcelize(time.Hour)
}

// SetEmitter replaces the Wails event emitter (the test bridge uses its own).
func (a *App) SetEmitter(fn func(event string, data ...any)) { a.emitFunc = fn }

func (a *App) emit(event string, data ...any) {
	if a.emitFunc != nil {
		a.emitFunc(event, data...)
		return
	}
	if a.ctx != nil {
		runtime.EventsEmit(a.ctx, event, data...)
	}
}

// Shutdown is Wails' OnShutdown.
func (a *App) Shutdown(context.Context) {
	a.closeRoom()
	// A backup under way (the day's, taken after the start) ends first.
	a.backupMu.Lock()
	defer a.backupMu.Unlock()
	a.mu.Lock()
	defer a.mu.Unlock()
	a.watch(nil)
	if a.st != nil {
		a.st.Close()
		a.st = nil
	}
}

// SecondInstance brings the running window forward when Selaras is started again.
func (a *App) SecondInstance() {
	if a.ctx == nil {
		return
	}
	runtime.WindowUnminimise(a.ctx)
	runtime.Show(a.ctx)
}

func (a *App) demoPath() string   { return filepath.Join(a.opt.DataDir, workspace.DemoFile) }
func (a *App) officePath() string { return filepath.Join(a.opt.DataDir, workspace.OfficeFile) }

func (a *App) openInitial(ctx context.Context) {
	var err error
	switch {
	case store.IsPostgres(a.opt.DB):
		err = a.openRemembered(ctx, a.opt.DB, false)
	case a.opt.DB != "":
		err = a.open(ctx, a.opt.DB, workspace.Office, false)
	case store.IsPostgres(a.prefs.LastWorkspace):
		err = a.openRemembered(ctx, a.prefs.LastWorkspace, true)
	case a.prefs.LastWorkspace != "" && exists(a.prefs.LastWorkspace):
		err = a.open(ctx, a.prefs.LastWorkspace, workspace.Office, true)
	case a.opt.Demo:
		err = a.open(ctx, a.demoPath(), workspace.Demo, true)
	}
	a.mu.Lock()
	a.openErr = err
	a.mu.Unlock()
}

// opened notes the outcome of opening path: a failure is kept for the
// welcome screen (with the file, so a damaged one can be recovered).
func (a *App) opened(path string, err error) error {
	if err != nil {
		a.mu.Lock()
		a.openErr, a.failed = err, path
		a.mu.Unlock()
	}
	return err
}

// open switches to the workspace at path, creating it (of kind) if missing,
// and remembers it for the next start when remember is set.
func (a *App) open(ctx context.Context, path string, kind workspace.Kind, remember bool) error {
	a.backupMu.Lock()
	defer a.backupMu.Unlock()
	return a.opened(path, a.openLocked(ctx, path, kind, remember, true))
}

// openLocked opens path with backupMu held; daily takes the day's backup
// (not wanted right after a restore, whose content is a backup already).
func (a *App) openLocked(ctx context.Context, path string, kind workspace.Kind, remember, daily bool) error {
	var s *store.Store
	var err error
	backup := false
	switch {
	case exists(path) || store.IsPostgres(path): // a shared workspace is set up beforehand
		s, err = workspace.Open(ctx, path)
		backup = daily
	case kind == workspace.Demo:
		s, err = demo.Create(ctx, path)
	default:
		s, err = workspace.Create(ctx, path, kind)
	}
	if err != nil {
		return err
	}
	if err := a.use(s, path, remember); err != nil {
		return err
	}
	if backup {
		go a.dailyBackup(s)
	}
	return nil
}

// dailyBackup keeps the first copy of the day (the last seven are kept)
// once the workspace is open, so copying a large file never delays the
// first screen. It holds backupMu like every backup, so the workspace
// cannot be switched (and closed) under it; one switched away from before
// it ran is left alone. A failure must not lock the user out of their data:
// the backups panel shows when the last copy was taken.
func (a *App) dailyBackup(s *store.Store) {
	a.backupMu.Lock()
	defer a.backupMu.Unlock()
	a.mu.Lock()
	current := a.st == s
	a.mu.Unlock()
	if current {
		_ = workspace.DailyBackup(context.Background(), s, time.Now())
	}
}

// use makes s the open workspace (closing the one before) and remembers
// path, a file or a URL without its password, for the next start.
func (a *App) use(s *store.Store, path string, remember bool) error {
	a.mu.Lock()
	old := a.st
	a.st = s
	a.watch(s)
	a.openErr, a.failed, a.askPassword = nil, "", ""
	if remember {
		a.prefs.LastWorkspace = path
	}
	prefs := a.prefs
	a.mu.Unlock()
	if old != nil {
		// The room serves the workspace being closed: it closes first.
		a.closeRoom()
		old.Close()
	}
	if remember {
		return settings.Save(filepath.Join(a.opt.ConfigDir, settings.File), prefs)
	}
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// store returns the open workspace or a NoWorkspace error.
func (a *App) store() (*store.Store, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.st == nil {
		return nil, fault.New(fault.NoWorkspace, "")
	}
	return a.st, nil
}

func (a *App) lang() fault.Lang {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.prefs.Language == "en" {
		return fault.EN
	}
	return fault.ID
}
