//go:build wine

// Package wine runs the Windows build of Selaras under Wine: the headless
// commands compared with the Linux build on the same inputs, the folders,
// messages and console rules only Windows has, and the installer. It needs
// Wine (64- and 32-bit), mingw-w64 and the two builds; `make test-windows`
// provides them and runs it (go test -tags wine ./scripts/wine/).
//
// Debian's Wine 8 cannot start a Go 1.24+ program: the Go runtime loads
// bcryptprimitives.dll's ProcessPrng, which Wine 8 lacks. TestMain compiles
// bcryptprimitives.c (a ProcessPrng over Wine's BCryptGenRandom) into the
// throwaway prefix's System32; nothing else of Wine is changed.
package wine

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// lane is the Wine prefix and the programs the tests run.
type lane struct {
	prefix    string // WINEPREFIX, a fresh folder
	driveC    string // its C: drive
	exe       string // selaras.exe as the tests start it (Windows path)
	linux     string // the Linux build of the same commit
	installer string // Selaras-amd64-installer.exe (Linux path)
	helper    string // winhelper.exe (Windows path)
	env       []string
	local     string // %LOCALAPPDATA% (Linux path)
	roaming   string // %APPDATA% (Linux path)
	home      string // the Linux binary's HOME and XDG_CONFIG_HOME parent
}

var w lane

// fromRoot resolves a path relative to the repository root (the tests run
// in scripts/wine).
func fromRoot(env, def string) string {
	p := os.Getenv(env)
	if p == "" {
		p = def
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join("..", "..", p)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return abs
}

func TestMain(m *testing.M) {
	code, err := setUp()
	if err != nil {
		fmt.Fprintln(os.Stderr, "wine lane: "+err.Error())
	}
	if code == 0 {
		code = m.Run()
	}
	tearDown()
	os.Exit(code)
}

func setUp() (int, error) {
	for _, tool := range []string{"wine", "wineserver", "x86_64-w64-mingw32-gcc", "script"} {
		if _, err := exec.LookPath(tool); err != nil {
			return 1, fmt.Errorf("%s is missing: run scripts/deps.sh windows wine", tool)
		}
	}
	exe := fromRoot("SELARAS_WINE_EXE", "build/bin/selaras.exe")
	w.linux = fromRoot("SELARAS_WINE_LINUX", "build/windows-test/selaras")
	w.installer = fromRoot("SELARAS_WINE_INSTALLER", "build/bin/Selaras-amd64-installer.exe")
	for _, f := range []string{exe, w.linux, w.installer} {
		if _, err := os.Stat(f); err != nil {
			return 1, fmt.Errorf("%s is missing: run make build-windows and build the Linux binary (make test-windows does both)", f)
		}
	}
	dir, err := os.MkdirTemp("", "selaras-wine-")
	if err != nil {
		return 1, err
	}
	w.prefix = filepath.Join(dir, "prefix")
	w.driveC = filepath.Join(w.prefix, "drive_c")
	w.home = filepath.Join(dir, "linux-home")
	bin := filepath.Join(dir, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return 1, err
	}

	// Wine gets no display (console programs need none), no Mono or Gecko
	// prompts, no desktop menu entries, and the shim as bcryptprimitives.
	// UTF-8 so arguments and console text cross between Linux and Windows
	// intact. Nothing of the caller's Selaras settings leaks in.
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case k == "DISPLAY", k == "WAYLAND_DISPLAY", k == "HOME", k == "LANG", k == "LC_ALL", k == "LANGUAGE",
			strings.HasPrefix(k, "XDG_"), strings.HasPrefix(k, "WINE"), strings.HasPrefix(k, "SELARAS_"), strings.HasPrefix(k, "PG"):
			continue
		}
		w.env = append(w.env, kv)
	}
	// Wine links the profile's Desktop and Documents to folders of HOME:
	// a home of its own keeps the installer's shortcuts in the lane.
	wineHome := filepath.Join(dir, "wine-home")
	if err := os.MkdirAll(wineHome, 0o755); err != nil {
		return 1, err
	}
	w.env = append(w.env, "HOME="+wineHome, "WINEPREFIX="+w.prefix, "WINEDEBUG=-all", "WINEARCH=win64",
		"WINEDLLOVERRIDES=mscoree,mshtml=;winemenubuilder.exe=d;bcryptprimitives=n",
		"LANG=C.UTF-8", "LC_ALL=C.UTF-8")

	shim := filepath.Join(bin, "bcryptprimitives.dll")
	helper := filepath.Join(bin, "winhelper.exe")
	for _, c := range [][]string{
		{"x86_64-w64-mingw32-gcc", "-shared", "-O2", "-Wall", "-s", "-o", shim, "native/bcryptprimitives.c", "native/bcryptprimitives.def", "-lbcrypt"},
		{"x86_64-w64-mingw32-gcc", "-municode", "-O2", "-Wall", "-s", "-o", helper, "native/winhelper.c"},
	} {
		if out, err := exec.Command(c[0], c[1:]...).CombinedOutput(); err != nil {
			return 1, fmt.Errorf("%s: %v\n%s", strings.Join(c, " "), err, out)
		}
	}

	// One Wine server for the whole run, started before the prefix is made
	// and kept two minutes past its last program (tearDown ends it): each
	// command would otherwise start Wine's services anew. It detaches, so
	// its output goes nowhere (a pipe to it would stay open while it runs).
	start := time.Now()
	if err := os.MkdirAll(w.prefix, 0o755); err != nil {
		return 1, err
	}
	server := exec.Command("wineserver", "-p120")
	server.Env = w.env
	if err := server.Run(); err != nil {
		return 1, fmt.Errorf("wineserver: %w", err)
	}
	if out, err := run(5*time.Minute, "", "wineboot", "--init"); err != nil {
		return 1, fmt.Errorf("wineboot: %v\n%s", err, out)
	}
	fmt.Printf("wine lane: wineboot --init took %s\n", time.Since(start).Round(time.Millisecond))
	// Debian's Wine makes a Windows 7 prefix; Selaras (and its installer,
	// which refuses anything older) is for Windows 10 and 11.
	if out, err := run(time.Minute, "", "wine", "winecfg", "-v", "win10"); err != nil {
		return 1, fmt.Errorf("winecfg -v win10: %v\n%s", err, out)
	}
	if err := copyFile(shim, filepath.Join(w.driveC, "windows", "system32", "bcryptprimitives.dll")); err != nil {
		return 1, err
	}
	// The program in a folder with a space, the helper beside the tests.
	progDir := filepath.Join(w.driveC, "Program Files", "Selaras Uji")
	if err := os.MkdirAll(progDir, 0o755); err != nil {
		return 1, err
	}
	if err := copyFile(exe, filepath.Join(progDir, "selaras.exe")); err != nil {
		return 1, err
	}
	w.exe = winPath(filepath.Join(progDir, "selaras.exe"))
	if err := copyFile(helper, filepath.Join(w.driveC, "winhelper.exe")); err != nil {
		return 1, err
	}
	w.helper = `C:\winhelper.exe`

	out, err := run(time.Minute, "", "wine", "cmd", "/c", "echo", "%LOCALAPPDATA%;%APPDATA%")
	if err != nil {
		return 1, fmt.Errorf("the profile folders: %v\n%s", err, out)
	}
	local, roaming, ok := strings.Cut(strings.TrimSpace(string(out)), ";")
	if !ok || !strings.HasPrefix(local, `C:\`) || !strings.HasPrefix(roaming, `C:\`) {
		return 1, fmt.Errorf("the profile folders: %q", out)
	}
	w.local, w.roaming = unixPath(local), unixPath(roaming)
	if _, err := os.Stat(w.local); err != nil {
		return 1, fmt.Errorf("%%LOCALAPPDATA%%: %w", err)
	}
	fmt.Printf("wine lane: ready in %s (prefix %s)\n", time.Since(start).Round(time.Millisecond), w.prefix)
	return 0, nil
}

func tearDown() {
	if w.prefix == "" {
		return
	}
	_, _ = run(time.Minute, "", "wineserver", "-k")
	_, _ = run(time.Minute, "", "wineserver", "-w")
	if os.Getenv("SELARAS_WINE_KEEP") != "" {
		fmt.Printf("wine lane: kept %s\n", filepath.Dir(w.prefix))
		return
	}
	_ = os.RemoveAll(filepath.Dir(w.prefix))
}

// run runs a Wine tool (or any program) in the lane's environment. Its
// output goes through a file, never a pipe: Wine's services, started by
// whichever program needs them first, inherit the standard handles and
// outlive the program, and a pipe would stay open as long as they run.
func run(timeout time.Duration, dir string, name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = w.env
	cmd.Dir = dir
	f, err := os.CreateTemp("", "selaras-wine-out-")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	cmd.Stdout, cmd.Stderr = f, f
	err = cmd.Run()
	out, rerr := os.ReadFile(f.Name())
	return out, errors.Join(err, rerr)
}

// winPath is the Windows path of a file on the prefix's C: drive.
func winPath(p string) string {
	rel, err := filepath.Rel(w.driveC, p)
	if err != nil || strings.HasPrefix(rel, "..") {
		panic("not on drive C: " + p)
	}
	return `C:\` + strings.ReplaceAll(rel, "/", `\`)
}

// unixPath is where a C: path lives on this machine. Wine folds case, so
// the path is matched against the folder names as they are on disk.
func unixPath(p string) string {
	cur := w.driveC
	for _, part := range strings.Split(strings.TrimPrefix(p, `C:\`), `\`) {
		next := filepath.Join(cur, part)
		if entries, err := os.ReadDir(cur); err == nil {
			for _, e := range entries {
				if strings.EqualFold(e.Name(), part) {
					next = filepath.Join(cur, e.Name())
				}
			}
		}
		cur = next
	}
	return cur
}

// result is what a program printed and how it ended.
type result struct {
	Stdout, Stderr string
	Code           int
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.Code, r.Stdout, r.Stderr)
}

// exec2 runs cmd with its standard output and error in files (see run).
func exec2(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	dir := t.TempDir()
	outF, err := os.Create(filepath.Join(dir, "stdout"))
	require.NoError(t, err)
	defer outF.Close()
	errF, err := os.Create(filepath.Join(dir, "stderr"))
	require.NoError(t, err)
	defer errF.Close()
	cmd.Stdout, cmd.Stderr = outF, errF
	err = cmd.Run()
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", strings.Join(cmd.Args, " "), err)
	}
	stdout, err := os.ReadFile(outF.Name())
	require.NoError(t, err)
	stderr, err := os.ReadFile(errF.Name())
	require.NoError(t, err)
	return result{string(stdout), string(stderr), code}
}

// win runs selaras.exe under Wine, its standard streams in files.
func win(t *testing.T, args ...string) result {
	t.Helper()
	return wine(t, w.exe, args...)
}

// wine runs a Windows program (a Windows path) under Wine.
func wine(t *testing.T, program string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "wine", append([]string{program}, args...)...)
	cmd.Env = w.env
	cmd.Dir = w.driveC
	return exec2(t, cmd)
}

// lin runs the Linux build with its own empty home.
func lin(t *testing.T, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, w.linux, args...)
	cmd.Env = []string{"HOME=" + w.home, "XDG_CONFIG_HOME=" + filepath.Join(w.home, ".config"), "PATH=/usr/bin:/bin", "LANG=C.UTF-8"}
	return exec2(t, cmd)
}

// ok fails the test unless the command succeeded.
func ok(t *testing.T, what string, r result) result {
	t.Helper()
	if r.Code != 0 {
		t.Fatalf("%s failed:\n%s", what, r)
	}
	return r
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

// onConsole runs a command line under Wine on a pseudo-terminal, so Wine
// gives it a console, and returns what the console showed (escape
// sequences and carriage returns removed) and the exit code.
func onConsole(t *testing.T, args ...string) (string, int) {
	t.Helper()
	// A wide terminal: Wine's console wraps lines at its width.
	quoted := []string{"stty cols 1000 rows 100 && exec wine"}
	for _, a := range args {
		quoted = append(quoted, "'"+strings.ReplaceAll(a, "'", `'\''`)+"'")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// script -e returns the command's exit code; its output is the console.
	cmd := exec.CommandContext(ctx, "script", "-qec", strings.Join(quoted, " "), "/dev/null")
	cmd.Env = w.env
	cmd.Dir = w.driveC
	r := exec2(t, cmd)
	screen := strings.ReplaceAll(ansi.ReplaceAllString(r.Stdout, ""), "\r", "")
	return screen, r.Code
}

// spawn starts selaras.exe as Windows starts a GUI program, with no console
// of its own and the standard handles given (none, nul, file:PATH,
// pipe:PATH; see native/winhelper.c), from a console, and returns what the
// console showed and the exit code. Wine quotes each argument into the
// helper's command line, which hands the rest of it on unchanged.
func spawn(t *testing.T, in, out, errs string, args ...string) (string, int) {
	t.Helper()
	return onConsole(t, append([]string{w.helper, "spawn", in, out, errs, w.exe}, args...)...)
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o755)
}

// paths replaces the folders of each build with one name, and Windows'
// separators with slashes, so messages that name files can be compared.
func paths(s string, dirs map[string]string) string {
	for dir, name := range dirs {
		s = strings.ReplaceAll(s, dir, name)
	}
	return strings.ReplaceAll(s, `\`, "/")
}
