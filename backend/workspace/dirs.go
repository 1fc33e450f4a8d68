package workspace

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Dirs are the per-user folders Selaras keeps. On Windows the settings may
// roam with the profile (%AppData%) while workspaces and backups stay on this
// PC (%LocalAppData%): a growing SQLite file and its WAL must not travel at
// every log-on. Elsewhere both are the same folder.
type Dirs struct {
	Settings string // settings.json (language, last workspace)
	Data     string // demo.db, selaras.db, backups/
	// Roaming is where an older Selaras kept workspaces on Windows
	// (%AppData%\Selaras); "" when that is the Data folder.
	Roaming string
}

// DirsFor decides the folders from the OS name and environment, as
// os.UserConfigDir does, so tests can pass both in.
func DirsFor(goos string, getenv func(string) string) (Dirs, error) {
	switch goos {
	case "windows":
		roaming := getenv("AppData")
		if roaming == "" {
			return Dirs{}, errors.New("workspace: %AppData% is not set")
		}
		settings := joinFor(goos, roaming, "Selaras")
		local := getenv("LocalAppData")
		if local == "" {
			// Very old or unusual profiles: keep everything where it was.
			return Dirs{Settings: settings, Data: settings}, nil
		}
		return Dirs{Settings: settings, Data: joinFor(goos, local, "Selaras"), Roaming: settings}, nil
	case "darwin", "ios":
		home := getenv("HOME")
		if home == "" {
			return Dirs{}, errors.New("workspace: $HOME is not set")
		}
		d := filepath.Join(home, "Library", "Application Support", "Selaras")
		return Dirs{Settings: d, Data: d}, nil
	default:
		base := getenv("XDG_CONFIG_HOME")
		if base == "" || !filepath.IsAbs(base) {
			home := getenv("HOME")
			if home == "" {
				return Dirs{}, errors.New("workspace: neither $XDG_CONFIG_HOME nor $HOME is set")
			}
			base = filepath.Join(home, ".config")
		}
		d := filepath.Join(base, "Selaras")
		return Dirs{Settings: d, Data: d}, nil
	}
}

// joinFor joins with the separator of goos, so the Windows decision can be
// tested on Linux.
func joinFor(goos string, parts ...string) string {
	if goos == runtime.GOOS {
		return filepath.Join(parts...)
	}
	if goos == "windows" {
		return strings.TrimRight(parts[0], `\`) + `\` + strings.Join(parts[1:], `\`)
	}
	return strings.Join(parts, "/")
}

// DefaultDirs are this user's folders on this machine.
func DefaultDirs() (Dirs, error) { return DirsFor(runtime.GOOS, os.Getenv) }

// DefaultDir is where workspaces live unless --db or SELARAS_DB says otherwise.
func DefaultDir() (string, error) {
	d, err := DefaultDirs()
	if err != nil {
		return "", fmt.Errorf("workspace: data dir: %w", err)
	}
	return d.Data, nil
}

// Names of the workspaces Selaras creates in the data folder.
const (
	DemoFile   = "demo.db"
	OfficeFile = "selaras.db"
)
