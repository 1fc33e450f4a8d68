package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"selaras/backend/fault"
	"selaras/backend/settings"
	"selaras/backend/store"
	"selaras/backend/workspace"
)

// dirsOf returns the user's folders as the environment of env describes them.
func dirsOf(env Env) (workspace.Dirs, error) {
	return workspace.DirsFor(runtime.GOOS, env.Getenv)
}

// dataDirs is dirsOf after settling the folders: on Windows a workspace an
// older Selaras kept in the roaming profile moves to the local one first,
// and the user reads where it went.
func dataDirs(env Env) (workspace.Dirs, error) {
	dirs, err := dirsOf(env)
	if err != nil {
		return dirs, err
	}
	return dirs, settle(env, dirs)
}

// settle moves roaming workspaces (see workspace.Settle) and logs the move
// on standard error, where a redirected table does not catch it.
func settle(env Env, dirs workspace.Dirs) error {
	m, err := workspace.Settle(dirs, time.Now())
	for _, n := range m.Notices() {
		fmt.Fprintln(env.Stderr, "selaras: "+fault.Message(n, language(env)))
	}
	return err
}

// language is the user's interface language from settings.json, so the
// commands answer in the language the app speaks.
func language(env Env) fault.Lang {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	switch env.Getenv("SELARAS_LANG") {
	case "en":
		return fault.EN
	case "id":
		return fault.ID
	}
	dirs, err := dirsOf(env)
	if err != nil {
		return fault.ID
	}
	prefs, _ := settings.Load(filepath.Join(dirs.Settings, settings.File))
	if prefs.Language == "en" {
		return fault.EN
	}
	return fault.ID
}

// DefaultDB picks the workspace of a command without --db: SELARAS_DB, else
// the workspace the app used last, else the only one in the data folder.
// Otherwise it says which files there are and how to choose one.
func DefaultDB(env Env) (string, error) {
	if p := env.Getenv("SELARAS_DB"); p != "" {
		return p, nil
	}
	dirs, err := dataDirs(env)
	if err != nil {
		return "", err
	}
	prefs, err := settings.Load(filepath.Join(dirs.Settings, settings.File))
	if err != nil {
		return "", err
	}
	return pickWorkspace(dirs.Data, prefs.LastWorkspace)
}

// pickWorkspace is DefaultDB's decision, given the data folder and the last
// workspace recorded in the settings.
func pickWorkspace(dir, last string) (string, error) {
	if last != "" && (isFile(last) || store.IsPostgres(last)) { // a shared workspace: its URL
		return last, nil
	}
	var known, others []string
	for _, name := range []string{workspace.DemoFile, workspace.OfficeFile} {
		if isFile(filepath.Join(dir, name)) {
			known = append(known, name)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.EqualFold(filepath.Ext(n), ".db") && n != workspace.DemoFile && n != workspace.OfficeFile {
			others = append(others, n)
		}
	}
	sort.Strings(others)
	switch {
	case len(known) == 1:
		return filepath.Join(dir, known[0]), nil
	case len(known) > 1:
		return "", fault.New(fault.ManyWorkspaces, "", "dir", dir, "files", strings.Join(append(known, others...), ", "),
			"example", filepath.Join(dir, workspace.OfficeFile))
	case len(others) > 0:
		return "", fault.New(fault.OtherWorkspaces, "", "dir", dir, "files", strings.Join(others, ", "),
			"example", filepath.Join(dir, others[0]))
	default:
		return "", fault.New(fault.NoDefaultWorkspace, "", "dir", dir)
	}
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}
