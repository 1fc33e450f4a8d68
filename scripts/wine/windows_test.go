//go:build wine

package wine

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// resetProfile empties Selaras's folders in the user's profile.
func resetProfile(t *testing.T) (local, roaming string) {
	t.Helper()
	local, roaming = filepath.Join(w.local, "Selaras"), filepath.Join(w.roaming, "Selaras")
	require.NoError(t, os.RemoveAll(local))
	require.NoError(t, os.RemoveAll(roaming))
	t.Cleanup(func() {
		_ = os.RemoveAll(local)
		_ = os.RemoveAll(roaming)
	})
	return local, roaming
}

func writeSettings(t *testing.T, dir string, s map[string]string) {
	t.Helper()
	b, err := json.Marshal(s)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "settings.json"), b, 0o644))
}

// TestDataFolders: without --db the workspaces live in %LocalAppData%\Selaras
// and the settings (language, last workspace) are read from %AppData%\Selaras.
func TestDataFolders(t *testing.T) {
	local, roaming := resetProfile(t)

	r := win(t, "rakor")
	assert.Equal(t, 1, r.Code, r.String())
	assert.Contains(t, r.Stderr, "Belum ada ruang kerja di "+winPath(local)+".", "the message names the local folder")

	writeSettings(t, roaming, map[string]string{"language": "en"})
	r = win(t, "rakor")
	assert.Equal(t, 1, r.Code, r.String())
	assert.Contains(t, r.Stderr, "There is no workspace in "+winPath(local)+" yet.", "the language comes from %AppData%")
	require.NoError(t, os.RemoveAll(roaming))

	r = ok(t, "demo", win(t, "demo"))
	assert.Equal(t, "Ruang kerja demo dibuat: "+winPath(filepath.Join(local, "demo.db"))+"\n", r.Stdout)
	assert.FileExists(t, filepath.Join(local, "demo.db"))
	assert.NoDirExists(t, roaming, "nothing goes to the roaming profile")

	want := ok(t, "rakor --db", win(t, "rakor", "--db", winPath(filepath.Join(local, "demo.db")), "--format", "csv-rfc")).Stdout
	r = ok(t, "rakor", win(t, "rakor", "--format", "csv-rfc"))
	assert.Equal(t, want, r.Stdout, "a command without --db opens the only workspace")
	assert.Empty(t, r.Stderr)

	// The last workspace in the settings wins, wherever it is.
	other := filepath.Join(w.driveC, "Users Data", "Ruang Kerja Kantor ā", "kantor.db")
	ok(t, "demo --db", win(t, "demo", "--db", winPath(other)))
	writeSettings(t, roaming, map[string]string{"language": "id", "lastWorkspace": winPath(other)})
	r = ok(t, "backup --list", win(t, "backup", "--list"))
	assert.Equal(t, "Belum ada cadangan di "+winPath(filepath.Join(filepath.Dir(other), "backups"))+"\n", r.Stdout)
}

// TestRoamingWorkspaceMovesOnce: workspaces an older Selaras kept in the
// roaming profile move to the local folder at the first command, with a
// copy of the originals, the settings pointed at the new place, and one
// line on standard error; a name already taken locally stays where it is.
func TestRoamingWorkspaceMovesOnce(t *testing.T) {
	local, roaming := resetProfile(t)
	old := filepath.Join(roaming, "selaras.db")
	ok(t, "demo in roaming", win(t, "demo", "--db", winPath(old)))
	r := ok(t, "backup in roaming", win(t, "backup", "--db", winPath(old)))
	oldBackups, err := filepath.Glob(filepath.Join(roaming, "backups", "*.db"))
	require.NoError(t, err)
	require.Len(t, oldBackups, 1, r.String())
	writeSettings(t, roaming, map[string]string{"language": "id", "lastWorkspace": winPath(old)})
	want := ok(t, "rakor in roaming", win(t, "rakor", "--db", winPath(old), "--format", "csv-rfc")).Stdout

	r = ok(t, "first command", win(t, "rakor", "--format", "csv-rfc"))
	assert.Equal(t, want, r.Stdout, "the moved workspace is the one opened")
	lines := strings.Split(strings.TrimSpace(r.Stderr), "\n")
	require.Len(t, lines, 1, "one line tells the move: %q", r.Stderr)
	assert.True(t, strings.HasPrefix(lines[0], "selaras: Ruang kerja dipindahkan dari profil roaming "+winPath(roaming)+
		" ke folder lokal "+winPath(local)+" (agar tidak ikut tersalin setiap log masuk). Salinan cadangan berkas asli: "+
		winPath(filepath.Join(local, "backups", "dari-roaming-"))), lines[0])

	assert.FileExists(t, filepath.Join(local, "selaras.db"))
	for _, s := range []string{"", "-wal", "-shm"} {
		assert.NoFileExists(t, old+s)
	}
	copies, err := filepath.Glob(filepath.Join(local, "backups", "dari-roaming-*", "selaras.db"))
	require.NoError(t, err)
	assert.Len(t, copies, 1, "a copy of the original")
	assert.FileExists(t, filepath.Join(local, "backups", filepath.Base(oldBackups[0])), "the old backups moved too")
	assert.NoDirExists(t, filepath.Join(roaming, "backups"))
	assert.FileExists(t, filepath.Join(roaming, "settings.json"), "settings stay in the roaming profile")
	b, err := os.ReadFile(filepath.Join(roaming, "settings.json"))
	require.NoError(t, err)
	var prefs map[string]string
	require.NoError(t, json.Unmarshal(b, &prefs))
	assert.Equal(t, winPath(filepath.Join(local, "selaras.db")), prefs["lastWorkspace"])

	r = ok(t, "second command", win(t, "rakor", "--format", "csv-rfc"))
	assert.Equal(t, want, r.Stdout)
	assert.Empty(t, r.Stderr, "the move happens once")

	// A roaming workspace another program holds open (an older Selaras
	// still running, as SQLite opens: reading and writing shared, deleting
	// not; or no sharing at all) stays, the command goes on, the user is
	// told, and it moves at the next start once closed.
	for _, share := range [][]string{{"rw"}, nil} {
		busy := filepath.Join(roaming, "kantor.db")
		ok(t, "another roaming workspace", win(t, "demo", "--db", winPath(busy)))
		release := hold(t, busy, share...)
		r = ok(t, "command while it is open", win(t, "rakor", "--format", "csv-rfc"))
		assert.Equal(t, want, r.Stdout, "the command goes on (%v)", share)
		assert.Equal(t, "selaras: Ruang kerja kantor.db di profil roaming "+winPath(roaming)+" belum dipindahkan ke "+winPath(local)+
			" karena sedang dibuka oleh program lain (mungkin Selaras yang masih berjalan). Tutup program itu; Selaras memindahkannya saat dibuka berikutnya.\n",
			r.Stderr, "%v", share)
		assert.FileExists(t, busy)
		assert.NoFileExists(t, filepath.Join(local, "kantor.db"))
		copies, err = filepath.Glob(filepath.Join(local, "backups", "dari-roaming-*"))
		require.NoError(t, err)
		assert.Len(t, copies, 1, "no copy folder for a move that did not happen")
		release()
		r = ok(t, "command once closed", win(t, "rakor", "--format", "csv-rfc"))
		assert.Contains(t, r.Stderr, "selaras: Ruang kerja dipindahkan dari profil roaming")
		assert.FileExists(t, filepath.Join(local, "kantor.db"))
		assert.NoFileExists(t, busy)
		// The next round counts copy folders again.
		all, err := filepath.Glob(filepath.Join(local, "backups", "dari-roaming-*"))
		require.NoError(t, err)
		require.Len(t, all, 2)
		require.NoError(t, os.RemoveAll(all[1]))
		require.NoError(t, os.Remove(filepath.Join(local, "kantor.db")))
	}

	// A roaming workspace whose name is taken locally is never overwritten.
	ok(t, "demo in roaming", win(t, "demo", "--db", winPath(filepath.Join(roaming, "demo.db"))))
	ok(t, "demo in local", win(t, "demo", "--db", winPath(filepath.Join(local, "demo.db"))))
	localBefore, err := os.ReadFile(filepath.Join(local, "demo.db"))
	require.NoError(t, err)
	r = ok(t, "command with a clash", win(t, "rakor", "--format", "csv-rfc"))
	assert.Equal(t, want, r.Stdout)
	assert.Contains(t, r.Stderr, "selaras: Ruang kerja demo.db di profil roaming "+winPath(roaming)+" tidak dipindahkan karena "+
		winPath(local)+" sudah berisi berkas dengan nama yang sama. Bandingkan keduanya")
	assert.FileExists(t, filepath.Join(roaming, "demo.db"))
	localAfter, err := os.ReadFile(filepath.Join(local, "demo.db"))
	require.NoError(t, err)
	assert.True(t, bytes.Equal(localBefore, localAfter), "the local workspace is untouched")
}

// hold opens file in another Windows process with no sharing, as Excel
// holds a workbook it has open, until release is called (or the test ends).
// Options are winhelper's: "rw" shares reading and writing, as SQLite does.
func hold(t *testing.T, file string, opts ...string) (release func()) {
	t.Helper()
	dir := filepath.Join(w.driveC, "hold")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	ready, stop := filepath.Join(dir, "ready"), filepath.Join(dir, "stop")
	_ = os.Remove(ready)
	_ = os.Remove(stop)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	cmd := exec.CommandContext(ctx, "wine", append([]string{w.helper, "hold", winPath(file), winPath(ready), winPath(stop)}, opts...)...)
	cmd.Env = w.env
	out, err := os.Create(filepath.Join(t.TempDir(), "hold.log")) // a file, not a pipe: see run
	require.NoError(t, err)
	defer out.Close()
	cmd.Stdout, cmd.Stderr = out, out
	require.NoError(t, cmd.Start())
	log := func() string { b, _ := os.ReadFile(out.Name()); return string(b) }
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var once sync.Once
	release = func() {
		once.Do(func() {
			_ = os.WriteFile(stop, nil, 0o644)
			select {
			case err := <-done:
				assert.NoError(t, err, "winhelper hold: %s", log())
			case <-time.After(time.Minute):
				t.Errorf("winhelper hold did not end")
			}
			cancel()
		})
	}
	t.Cleanup(release)
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(100 * time.Millisecond) {
		if _, err := os.Stat(ready); err == nil {
			return release
		}
		select {
		case err := <-done:
			t.Fatalf("winhelper hold ended before holding %s: %v\n%s", file, err, log())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("winhelper hold did not open %s", file)
		}
	}
}

// leftovers lists the temporary files a write left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".selaras-") || strings.HasPrefix(e.Name(), "excelize-") {
			names = append(names, e.Name())
		}
	}
	return names
}

// TestWorkbookOpenInExcel: writing over a workbook another program holds
// open says to close it in Excel, leaves the workbook as it was and no
// temporary file behind; reading one is refused the same way.
func TestWorkbookOpenInExcel(t *testing.T) {
	dir := filepath.Join(w.driveC, "Users Data", "Ekspor Dinas – ā")
	db := winPath(filepath.Join(dir, "demo.db"))
	ok(t, "demo", win(t, "demo", "--db", db))

	for _, c := range []struct {
		name string
		args []string
	}{
		{"Matriks Target.xlsx", []string{"export", "--db", db, "--province", "19"}},
		{"Templat Bangka.xlsx", []string{"template", "--db", db, "--region", "19.01"}},
	} {
		t.Run(c.args[0], func(t *testing.T) {
			file := filepath.Join(dir, c.name)
			args := append(c.args, "--out", winPath(file))
			ok(t, "first write", win(t, args...))
			before, err := os.ReadFile(file)
			require.NoError(t, err)

			release := hold(t, file)
			r := win(t, args...)
			assert.Equal(t, 1, r.Code, r.String())
			assert.Equal(t, "selaras "+c.args[0]+": Berkas "+winPath(file)+
				" sedang dibuka oleh program lain. Tutup berkas di Excel lalu ulangi.\n", r.Stderr)
			after, err := os.ReadFile(file)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(before, after), "the workbook is as it was")
			assert.Empty(t, leftovers(t, dir), "no temporary file is left")

			// English when the app is set to English.
			roaming := filepath.Join(w.roaming, "Selaras")
			writeSettings(t, roaming, map[string]string{"language": "en"})
			r = win(t, args...)
			require.NoError(t, os.RemoveAll(roaming))
			assert.Equal(t, 1, r.Code, r.String())
			assert.Contains(t, r.Stderr, "The file "+winPath(file)+" is open in another program. Close it in Excel and try again.")

			release()
			ok(t, "write once closed", win(t, args...))
			assert.Empty(t, leftovers(t, dir))
		})
	}

	t.Run("import", func(t *testing.T) {
		file := filepath.Join(dir, "Templat Bangka.xlsx")
		hold(t, file)
		r := win(t, "import", "--db", db, "--dry-run", winPath(file))
		assert.Equal(t, 1, r.Code, r.String())
		assert.Equal(t, "Templat Bangka.xlsx tidak dapat diimpor; tidak ada data yang diubah:\n"+
			"- Berkas Templat Bangka.xlsx sedang dibuka oleh program lain. Tutup berkas di Excel lalu ulangi.\n", r.Stderr)
	})
}

// TestConsole: selaras.exe is a GUI program. Started from cmd.exe it has no
// console: it attaches to cmd's for the streams that go nowhere, and keeps
// every stream that was redirected to a file, a pipe or NUL where it is.
// Indonesian text and paths outside ASCII reach the console intact.
func TestConsole(t *testing.T) {
	p := newPair(t)
	p.both(t, "demo", "--db", "{}demo.db")
	wdb, ldb := p.at("demo.db")
	csvArgs := []string{"harmonise", "--province", "19", "--year", "2025", "--format", "csv"}
	want := ok(t, "linux harmonise", lin(t, append(csvArgs, "--db", ldb)...)).Stdout
	wargs := append(csvArgs, "--db", wdb)

	t.Run("nothing redirected", func(t *testing.T) {
		screen, code := spawn(t, "none", "none", "none", "demo", "--force", "--db", wdb)
		assert.Equal(t, 0, code)
		assert.Equal(t, "Ruang kerja demo dibuat: "+wdb+"\n", screen, "the path outside ASCII reads right on the console")

		tpl, _ := p.at("Templat.xlsx")
		ok(t, "template", win(t, "template", "--db", wdb, "--region", "19.01", "--out", tpl))
		fillTemplate(t, filepath.Join(p.winDir, "Templat.xlsx"), "Terisi.xlsx")
		filled, lfilled := p.at("Terisi.xlsx")
		require.NoError(t, copyFile(filepath.Join(p.winDir, "Terisi.xlsx"), lfilled))
		screen, code = spawn(t, "none", "none", "none", "import", "--dry-run", "--db", wdb, filled)
		assert.Equal(t, 0, code)
		lr := ok(t, "linux import", lin(t, "import", "--dry-run", "--db", ldb, lfilled))
		assert.Equal(t, lr.Stdout, screen, "Indonesian text reads right on the console")
		assert.Contains(t, screen, "Kabupaten Bangka, tahun 2025 — ")
		assert.Contains(t, screen, note)
	})

	t.Run("stdout to a file", func(t *testing.T) {
		out, _ := p.at("harmonise-file.csv")
		screen, code := spawn(t, "none", "file:"+out, "none", wargs...)
		assert.Equal(t, 0, code)
		assert.Empty(t, screen)
		got, err := os.ReadFile(filepath.Join(p.winDir, "harmonise-file.csv"))
		require.NoError(t, err)
		assert.Equal(t, want, string(got))
	})

	t.Run("stdout to a pipe", func(t *testing.T) {
		out, _ := p.at("harmonise-pipe.csv")
		screen, code := spawn(t, "none", "pipe:"+out, "none", wargs...)
		assert.Equal(t, 0, code)
		assert.Empty(t, screen)
		got, err := os.ReadFile(filepath.Join(p.winDir, "harmonise-pipe.csv"))
		require.NoError(t, err)
		assert.Equal(t, want, string(got))
	})

	t.Run("stdout to NUL", func(t *testing.T) {
		screen, code := spawn(t, "none", "nul", "none", wargs...)
		assert.Equal(t, 0, code)
		assert.Empty(t, screen)
	})

	t.Run("stderr to a file, stdout on the console", func(t *testing.T) {
		errFile, _ := p.at("export-err.txt")
		wout, lout := p.at("Ekspor Konsol.xlsx")
		screen, code := spawn(t, "none", "none", "file:"+errFile, "export", "--db", wdb, "--out", wout)
		assert.Equal(t, 0, code)
		lr := ok(t, "linux export", lin(t, "export", "--db", ldb, "--out", lout))
		assert.Equal(t, paths(lr.Stdout, p.names), paths(screen, p.names))
		got, err := os.ReadFile(filepath.Join(p.winDir, "export-err.txt"))
		require.NoError(t, err)
		assert.Equal(t, lr.Stderr, string(got))
		assert.Contains(t, string(got), "provinsi asal Kepulauan Bangka Belitung")
	})

	t.Run("errors to NUL", func(t *testing.T) {
		screen, code := spawn(t, "none", "nul", "nul", "rakor", "--db", `C:\tidak ada\x.db`)
		assert.Equal(t, 1, code)
		assert.Empty(t, screen)
		screen, code = spawn(t, "none", "none", "none", "rakor", "--db", `C:\tidak ada\x.db`)
		assert.Equal(t, 1, code)
		assert.Contains(t, screen, "selaras rakor: ", "unredirected, the error reaches the console")
	})

	t.Run("cmd.exe redirection", func(t *testing.T) {
		// A batch file, as an office would write one; cmd.exe reads it in
		// the OEM code page, so its paths stay ASCII.
		dir := filepath.Join(w.driveC, "Uji Cmd")
		require.NoError(t, copyFile(filepath.Join(p.winDir, "demo.db"), filepath.Join(dir, "demo.db")))
		bat := `@"` + w.exe + `" ` + strings.Join(csvArgs, " ") + ` --db "C:\Uji Cmd\demo.db" > "C:\Uji Cmd\matriks.csv"` + "\r\n"
		require.NoError(t, os.WriteFile(filepath.Join(dir, "ekspor.bat"), []byte(bat), 0o644))
		screen, code := onConsole(t, "cmd", "/c", `C:\Uji Cmd\ekspor.bat`)
		assert.Equal(t, 0, code)
		assert.Empty(t, strings.TrimSpace(screen))
		got, err := os.ReadFile(filepath.Join(dir, "matriks.csv"))
		require.NoError(t, err)
		assert.Equal(t, want, string(got))

		screen, code = onConsole(t, "cmd", "/c", w.exe, "version")
		assert.Equal(t, 0, code)
		assert.Contains(t, screen, "windows/amd64")
	})
}
