package workspace

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"selaras/backend/atomicfile"
	"selaras/backend/fault"
	"selaras/backend/settings"
)

// Moved says what Relocate did, so the user can be told.
type Moved struct {
	From   string   `json:"from"`
	To     string   `json:"to"`
	Files  []string `json:"files"`  // workspace names now in To
	Backup string   `json:"backup"` // folder with a copy of the original files; "" when nothing moved
	Left   []string `json:"left"`   // workspace names left in From: To already has one of that name
	Busy   []string `json:"busy"`   // workspace names left in From: another program has them open
}

// Notices are the messages for the user (home screen or CLI log), in the
// catalogue of backend/fault.
func (m Moved) Notices() []error {
	var out []error
	if len(m.Files) > 0 {
		out = append(out, fault.New(fault.WorkspaceMoved, "", "from", m.From, "to", m.To, "backup", m.Backup))
	}
	if len(m.Left) > 0 {
		out = append(out, fault.New(fault.WorkspaceNotMoved, "", "from", m.From, "to", m.To, "files", strings.Join(m.Left, ", ")))
	}
	if len(m.Busy) > 0 {
		out = append(out, fault.New(fault.WorkspaceBusy, "", "from", m.From, "to", m.To, "files", strings.Join(m.Busy, ", ")))
	}
	return out
}

// dbSuffixes are the files of one SQLite workspace in WAL mode: the WAL may
// hold committed changes, so the three always move together.
var dbSuffixes = []string{"", "-wal", "-shm"}

// Relocate moves the workspaces an older Selaras kept in from (the roaming
// %AppData%\Selaras) to to (%LocalAppData%\Selaras): every *.db with its
// -wal and -shm, and the backups/ folder. Settings stay in from. Each file
// is copied and synced before any original is removed, and a copy of the
// originals is kept in to\backups\dari-roaming-<time>. A workspace whose
// name already exists in to is left alone and reported, and so is one
// another program holds open (a Selaras still running): it moves at a later
// start. Once moved, from holds no workspace, so later starts find nothing
// to do.
func Relocate(from, to string, now time.Time) (Moved, error) {
	m := Moved{From: from, To: to, Files: []string{}, Left: []string{}, Busy: []string{}}
	if from == "" || samePath(from, to) {
		return m, nil
	}
	names, err := workspaceFiles(from)
	if err != nil {
		return m, err
	}
	oldBackups := filepath.Join(from, "backups")
	if len(names) == 0 && !isDir(oldBackups) {
		return m, nil
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return m, fmt.Errorf("workspace: relocate: %w", err)
	}
	var move []string
	for _, n := range names {
		if exists(filepath.Join(to, n)) {
			m.Left = append(m.Left, n)
		} else {
			move = append(move, n)
		}
	}
	if len(move) > 0 {
		m.Backup = filepath.Join(to, "backups", "dari-roaming-"+now.Format("20060102-150405"))
		if err := os.MkdirAll(m.Backup, 0o755); err != nil {
			return m, fmt.Errorf("workspace: relocate: %w", err)
		}
	}
	for _, n := range move {
		err := moveWorkspace(filepath.Join(from, n), filepath.Join(to, n), filepath.Join(m.Backup, n))
		if atomicfile.InUse(err) {
			m.Busy = append(m.Busy, n)
			continue
		}
		if err != nil {
			return m, err
		}
		m.Files = append(m.Files, n)
	}
	if len(m.Files) == 0 && m.Backup != "" {
		_ = os.Remove(m.Backup) // nothing moved: no empty copy folder
		m.Backup = ""
	}
	if isDir(oldBackups) {
		if err := moveBackups(oldBackups, filepath.Join(to, "backups")); err != nil {
			return m, err
		}
	}
	return m, nil
}

// workspaceFiles lists the *.db files directly in dir.
func workspaceFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("workspace: relocate: %w", err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.EqualFold(filepath.Ext(e.Name()), ".db") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// moveWorkspace copies src (and its -wal, -shm) to dst and to backup, then
// removes the originals. If the database cannot be read or removed (another
// program has it open) the new copies are taken back and nothing has
// changed.
func moveWorkspace(src, dst, backup string) (err error) {
	defer func() {
		if err != nil { // the copy of the originals too
			for _, s := range dbSuffixes {
				os.Remove(backup + s)
			}
		}
	}()
	var parts []string
	for _, s := range dbSuffixes {
		if exists(src + s) {
			parts = append(parts, s)
		}
	}
	for _, s := range parts {
		if err := copyFile(src+s, backup+s); err != nil {
			return err
		}
	}
	defer func() {
		if err != nil { // take the new copies back: the originals stay as they were
			for _, s := range parts {
				os.Remove(dst + s + ".pindah")
				os.Remove(dst + s)
			}
		}
	}()
	// The WAL and shared memory go in first and the database last, so a
	// database in to is never there without the changes its WAL holds.
	for i := len(parts) - 1; i >= 0; i-- {
		s := parts[i]
		if err := copyFile(src+s, dst+s+".pindah"); err != nil {
			return err
		}
		if err := os.Rename(dst+s+".pindah", dst+s); err != nil {
			return fmt.Errorf("workspace: relocate: %w", err)
		}
	}
	if err := os.Remove(src); err != nil {
		return fmt.Errorf("workspace: relocate: %s is in use: %w", src, err)
	}
	// The database has moved with its WAL; a leftover here would be harmless.
	for _, s := range parts[1:] {
		_ = os.Remove(src + s)
	}
	return nil
}

// moveBackups moves the automatic backups, keeping any local file of the
// same name, and removes the old folder when it is empty.
func moveBackups(from, to string) error {
	if err := os.MkdirAll(to, 0o755); err != nil {
		return fmt.Errorf("workspace: relocate backups: %w", err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		return fmt.Errorf("workspace: relocate backups: %w", err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		src, dst := filepath.Join(from, e.Name()), filepath.Join(to, e.Name())
		if exists(dst) {
			continue
		}
		if err := copyFile(src, dst); err != nil {
			return err
		}
		if err := os.Remove(src); err != nil {
			return fmt.Errorf("workspace: relocate backups: %w", err)
		}
	}
	_ = os.Remove(from) // only succeeds when empty
	return nil
}

// copyFile copies src to a new file dst and syncs it to disk.
func copyFile(src, dst string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("workspace: copy: %w", err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("workspace: copy: %w", err)
	}
	defer func() {
		if cerr := out.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("workspace: copy: %w", cerr)
		}
		if err != nil {
			os.Remove(dst)
		}
	}()
	if _, err := io.Copy(out, in); err != nil {
		return fmt.Errorf("workspace: copy: %w", err)
	}
	if err := out.Sync(); err != nil {
		return fmt.Errorf("workspace: copy: %w", err)
	}
	return nil
}

// samePath compares folders as the file system does: Windows ignores case.
func samePath(a, b string) bool {
	a, b = filepath.Clean(a), filepath.Clean(b)
	if runtime.GOOS == "windows" {
		return strings.EqualFold(a, b)
	}
	return a == b
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// Settle prepares the user's folders at start: on Windows it moves the
// workspaces of an older Selaras out of the roaming profile once, and points
// the last workspace in the settings at its new place.
func Settle(dirs Dirs, now time.Time) (Moved, error) {
	m, err := Relocate(dirs.Roaming, dirs.Data, now)
	if err != nil || len(m.Files) == 0 {
		return m, err
	}
	path := filepath.Join(dirs.Settings, settings.File)
	prefs, err := settings.Load(path)
	if err != nil {
		return m, err
	}
	if samePath(filepath.Dir(prefs.LastWorkspace), m.From) {
		name := filepath.Base(prefs.LastWorkspace)
		for _, f := range m.Files {
			if f == name {
				prefs.LastWorkspace = filepath.Join(m.To, name)
				return m, settings.Save(path, prefs)
			}
		}
	}
	return m, nil
}
