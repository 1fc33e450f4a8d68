//go:build wine

package wine

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The WebView2 Runtime's client id, as the installer looks it up.
const webView2Client = `{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}`

// installed is where the per-user installer puts Selaras, and what it adds.
type installed struct {
	dir, exe, uninstaller string
	startMenu, desktop    string // the shortcuts
}

func installPaths(t *testing.T) installed {
	t.Helper()
	dir := filepath.Join(w.local, "Programs", "Selaras")
	out, err := run(time.Minute, "", "wine", "cmd", "/c", "echo", "%USERPROFILE%")
	require.NoError(t, err, "%s", out)
	profile := unixPath(strings.TrimSpace(string(out)))
	return installed{
		dir:         dir,
		exe:         filepath.Join(dir, "selaras.exe"),
		uninstaller: filepath.Join(dir, "uninstall.exe"),
		startMenu:   filepath.Join(w.roaming, "Microsoft", "Windows", "Start Menu", "Programs", "Selaras.lnk"),
		desktop:     filepath.Join(profile, "Desktop", "Selaras.lnk"),
	}
}

// uninstallKey is the program's entry in Apps & features (per user).
const uninstallKey = `HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall`

func regQuery(t *testing.T, key string) (string, bool) {
	t.Helper()
	out, err := run(time.Minute, "", "wine", "reg", "query", key, "/s")
	return string(out), err == nil
}

// waitUninstaller waits until the NSIS uninstaller has finished: it copies
// itself to %TEMP%\~nsuN.tmp and runs from there, so the program Wine
// started returns at once. Done is when that copy has run (or the
// uninstaller is gone) and no longer runs.
func waitUninstaller(t *testing.T, uninstaller string) {
	t.Helper()
	mine := []byte("WINEPREFIX=" + w.prefix + "\x00")
	copyRuns := func() bool {
		procs, _ := filepath.Glob("/proc/[0-9]*")
		for _, p := range procs {
			cmdline, _ := os.ReadFile(filepath.Join(p, "cmdline"))
			if !bytes.Contains(cmdline, []byte(`\~nsu`)) {
				continue
			}
			if env, _ := os.ReadFile(filepath.Join(p, "environ")); bytes.Contains(env, mine) {
				return true
			}
		}
		return false
	}
	seen := false
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if copyRuns() {
			seen = true
			continue
		}
		if _, err := os.Stat(uninstaller); seen || os.IsNotExist(err) {
			return
		}
	}
	t.Fatal("the uninstaller did not finish")
}

// linksTo reports whether a shortcut (.lnk) points at target, whose path
// it keeps in the ANSI or UTF-16 form.
func linksTo(t *testing.T, lnk, target string) bool {
	t.Helper()
	b, err := os.ReadFile(lnk)
	require.NoError(t, err)
	var wide bytes.Buffer
	for _, u := range utf16.Encode([]rune(target)) {
		wide.WriteByte(byte(u))
		wide.WriteByte(byte(u >> 8))
	}
	lower := bytes.ToLower(b)
	return bytes.Contains(lower, bytes.ToLower([]byte(target))) || bytes.Contains(lower, bytes.ToLower(wide.Bytes()))
}

// TestInstaller runs the shipped installer (the 32-bit NSIS stub) silently:
// a per-user install under %LocalAppData%\Programs\Selaras with its
// shortcuts and uninstall entry, the installed program's version, an
// uninstall that keeps the workspaces, and one with "Hapus data" (the
// /HAPUSDATA switch of a silent uninstall) that removes them.
func TestInstaller(t *testing.T) {
	local, roaming := resetProfile(t)
	in := installPaths(t)
	// WebView2 present (as on Windows 11), so the installer does not start
	// Microsoft's online bootstrapper: the lane has no network.
	out, err := run(time.Minute, "", "wine", "reg", "add", `HKCU\Software\Microsoft\EdgeUpdate\Clients\`+webView2Client,
		"/v", "pv", "/t", "REG_SZ", "/d", "120.0.2210.91", "/f")
	require.NoError(t, err, "%s", out)
	require.NoError(t, copyFile(w.installer, filepath.Join(w.driveC, "Unduhan", "Selaras-amd64-installer.exe")))
	setup := `C:\Unduhan\Selaras-amd64-installer.exe`

	install := func(t *testing.T) {
		t.Helper()
		start := time.Now()
		r := wine(t, setup, "/S")
		require.Equal(t, 0, r.Code, "the installer: %s", r)
		t.Logf("silent install: %s", time.Since(start).Round(time.Millisecond))
	}
	uninstall := func(t *testing.T, args ...string) {
		t.Helper()
		start := time.Now()
		r := wine(t, winPath(in.uninstaller), append([]string{"/S"}, args...)...)
		require.Equal(t, 0, r.Code, "the uninstaller: %s", r)
		waitUninstaller(t, in.uninstaller)
		t.Logf("silent uninstall %v: %s", args, time.Since(start).Round(time.Millisecond))
	}

	t.Run("install", func(t *testing.T) {
		install(t)
		// Named after the project (Selaras.exe); Windows ignores case.
		in.exe = unixPath(winPath(in.dir) + `\selaras.exe`)
		want, err := os.ReadFile(filepath.Join(filepath.Dir(w.installer), "selaras.exe"))
		require.NoError(t, err)
		got, err := os.ReadFile(in.exe)
		require.NoError(t, err, "the program is in %%LocalAppData%%\\Programs\\Selaras")
		assert.True(t, bytes.Equal(want, got), "the installed program is the one built")
		assert.FileExists(t, in.uninstaller)
		for _, lnk := range []string{in.startMenu, in.desktop} {
			if assert.FileExists(t, lnk) {
				assert.True(t, linksTo(t, lnk, `Programs\Selaras\selaras.exe`), "%s points at the program", lnk)
			}
		}
		key, found := regQuery(t, uninstallKey)
		require.True(t, found, key)
		assert.Contains(t, key, "DisplayName    REG_SZ    Selaras")
		assert.Contains(t, key, `UninstallString    REG_SZ    "`+winPath(in.uninstaller)+`"`)
		assert.Contains(t, key, `QuietUninstallString    REG_SZ    "`+winPath(in.uninstaller)+`" /S`)
		hklm, _ := regQuery(t, `HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall`)
		assert.NotContains(t, hklm, "Selaras", "a per-user install writes nothing machine-wide")
	})
	if t.Failed() {
		t.FailNow()
	}

	t.Run("installed program", func(t *testing.T) {
		r := wine(t, winPath(in.exe), "version")
		assert.Equal(t, 0, r.Code, r.String())
		build := ok(t, "version", win(t, "version"))
		assert.Equal(t, build.Stdout, r.Stdout)
		r = wine(t, winPath(in.exe), "demo")
		require.Equal(t, 0, r.Code, r.String())
		assert.FileExists(t, filepath.Join(local, "demo.db"))
	})

	t.Run("uninstall keeps the data", func(t *testing.T) {
		writeSettings(t, roaming, map[string]string{"language": "id"})
		webview := filepath.Join(local, "WebView2", "EBWebView")
		require.NoError(t, os.MkdirAll(webview, 0o755))
		uninstall(t)
		assert.NoDirExists(t, in.dir)
		assert.NoFileExists(t, in.startMenu)
		assert.NoFileExists(t, in.desktop)
		key, _ := regQuery(t, uninstallKey)
		assert.NotContains(t, key, "Selaras")
		assert.FileExists(t, filepath.Join(local, "demo.db"), "the workspace stays")
		assert.FileExists(t, filepath.Join(roaming, "settings.json"), "the settings stay")
		assert.NoDirExists(t, filepath.Join(local, "WebView2"), "WebView2's cache is no user data")
	})

	t.Run("uninstall with Hapus data", func(t *testing.T) {
		install(t)
		r := wine(t, winPath(in.exe), "backup", "--db", winPath(filepath.Join(local, "demo.db")))
		require.Equal(t, 0, r.Code, r.String())
		uninstall(t, "/HAPUSDATA")
		assert.NoDirExists(t, in.dir)
		assert.NoDirExists(t, local, "workspaces and backups are gone")
		assert.NoDirExists(t, roaming, "settings are gone")
		key, _ := regQuery(t, uninstallKey)
		assert.NotContains(t, key, "Selaras")
	})
}
