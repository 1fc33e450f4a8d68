package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/demo/demotest"
	"selaras/backend/profile"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
	"selaras/backend/workspace"
	"selaras/backend/xlsx/xlsxtest"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }},
		Commands(), args)
	return result{code, out.String(), errb.String()}
}

// demoFile builds the demo workspace as demo.db in dir through the CLI
// and returns its path: for what only a file has (backups, a read-only
// file, the source of a push).
func demoFile(t *testing.T, dir string) string {
	t.Helper()
	db := filepath.Join(dir, "demo.db")
	require.Equal(t, OK, run(t, nil, "demo", "--db", db).code)
	return db
}

// demoDB is a fresh demo workspace for a command to read or write, on the
// engine the suite runs on (storetest): a file, or a database on the
// PostgreSQL test server (its URL with the password), so every command
// runs on both engines.
func demoDB(t *testing.T) string {
	t.Helper()
	return demotest.DSN(t)
}

// onServer reports whether the suite runs on PostgreSQL.
func onServer() bool { return storetest.PG() != "" }

func TestVersion(t *testing.T) {
	r := run(t, nil, "version")
	assert.Equal(t, OK, r.code)
	assert.Contains(t, r.stdout, "Selaras ")
	assert.Contains(t, r.stdout, "idn-area-data")
}

// The help, the usage errors and the results follow the language:
// SELARAS_LANG, else the application's setting.
func TestLanguage(t *testing.T) {
	en := map[string]string{"SELARAS_LANG": "en"}
	r := run(t, en, "help")
	assert.Contains(t, r.stdout, "Without a command, Selaras opens the application window")
	assert.Contains(t, r.stdout, "back up a workspace: backup --db FILE")
	assert.NotContains(t, r.stdout, "cadangkan")
	r = run(t, en, "frobnicate")
	assert.Equal(t, Usage, r.code)
	assert.Contains(t, r.stderr, `unknown command "frobnicate"`)
	r = run(t, en, "regions", "--format", "xml")
	assert.Contains(t, r.stderr, `unknown format "xml"; choose csv (Excel)`)
	r = run(t, en, "version")
	assert.Contains(t, r.stdout, "database schema")
	r = run(t, map[string]string{"SELARAS_LANG": "id"}, "help")
	assert.Contains(t, r.stdout, "cadangkan ruang kerja: backup --db BERKAS")
	r = run(t, en, "restore")
	assert.Contains(t, r.stderr, "--from must be given")
}

func TestHelpAndUnknown(t *testing.T) {
	r := run(t, nil, "help")
	assert.Equal(t, OK, r.code)
	assert.Contains(t, r.stdout, "regions")
	r = run(t, nil, "frobnicate")
	assert.Equal(t, Usage, r.code)
	assert.Contains(t, r.stderr, "perintah tidak dikenal")
	r = run(t, nil, "regions", "--format", "xml")
	assert.Equal(t, Usage, r.code)
	assert.Contains(t, r.stderr, "format \"xml\" tidak dikenal")
	r = run(t, nil, "regions", "--nope")
	assert.Equal(t, Usage, r.code)
	r = run(t, nil, "version", "extra")
	assert.Equal(t, Usage, r.code)
}

func readData(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "region", "data", name))
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	return rows[1:]
}

// The CSV carries exactly the package's provinces and regencies.
func TestRegionsCSVMatchesPackage(t *testing.T) {
	r := run(t, nil, "regions", "--format", "csv-rfc")
	require.Equal(t, OK, r.code, r.stderr)
	rows := readRFC(t, r.stdout)
	assert.Equal(t, []string{"code", "name", "level", "province_code"}, rows[0])
	got := map[string]string{}
	provinces, regencies := 0, 0
	for _, row := range rows[1:] {
		got[row[0]] = row[1] + "|" + row[3]
		if row[2] == "provinsi" {
			provinces++
		} else {
			regencies++
		}
	}
	assert.Equal(t, 38, provinces)
	assert.Equal(t, 514, regencies)
	want := map[string]string{}
	for _, p := range readData(t, "provinces.csv") {
		want[p[0]] = p[1] + "|" + p[0]
	}
	for _, g := range readData(t, "regencies.csv") {
		want[g[0]] = g[2] + "|" + g[1]
	}
	assert.Equal(t, want, got)
}

func TestRegionsProvinceJSON(t *testing.T) {
	r := run(t, nil, "regions", "--province", "19", "--format", "json")
	require.Equal(t, OK, r.code, r.stderr)
	var list []struct {
		Code, Name, Level string
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &list))
	require.Len(t, list, 8)
	assert.Equal(t, "Kepulauan Bangka Belitung", list[0].Name)
	assert.Equal(t, "Kota Pangkal Pinang", list[7].Name)

	r = run(t, nil, "regions", "--province", "99")
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "kode wilayah \"99\" tidak dikenal")
}

// demo builds the demo workspace where --db says, and refuses to build it
// again over one; on a file --force replaces it, a server's database is
// emptied by its administrator only.
func TestDemo(t *testing.T) {
	db := storetest.DSN(t, "demo.db")
	r := run(t, nil, "demo", "--db", db)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, store.Redact(db))
	assert.NotContains(t, r.stdout, "selaras-test", "no password printed")

	r = run(t, nil, "demo", "--db", db)
	assert.Equal(t, Error, r.code)
	if onServer() {
		assert.Contains(t, r.stderr, "sudah berisi ruang kerja")
		assert.Equal(t, Usage, run(t, nil, "demo", "--db", db, "--force").code)
		return
	}
	assert.Contains(t, r.stderr, "sudah ada; pilih nama lain")
	r = run(t, nil, "demo", "--db", db, "--force")
	assert.Equal(t, OK, r.code, r.stderr)
}

// backup and restore are a file's: on a shared workspace they are refused
// before connecting, naming the server and pg_dump.
func TestBackupOnEveryEngine(t *testing.T) {
	db := demoDB(t)
	if onServer() {
		for _, args := range [][]string{
			{"backup", "--db", db}, {"backup", "--db", db, "--list"}, {"backup", "--db", db, "--out", filepath.Join(t.TempDir(), "x.db")},
			{"restore", "--db", db, "--from", filepath.Join(t.TempDir(), "x.db")},
		} {
			r := run(t, nil, args...)
			assert.Equal(t, Error, r.code, args)
			assert.Contains(t, r.stderr, "pg_dump", args)
			assert.Contains(t, r.stderr, store.Redact(db), args)
			assert.NotContains(t, r.stderr, "selaras-test", args)
		}
		return
	}
	dir := filepath.Dir(db)
	out := filepath.Join(dir, "copy.db")
	r := run(t, map[string]string{"SELARAS_DB": db}, "backup", "--out", out)
	require.Equal(t, OK, r.code, r.stderr)
	s := storetest.OpenAt(t, out)
	p, err := profile.Get(context.Background(), s)
	require.NoError(t, err)
	assert.Equal(t, "19", p.ProvinceCode)

	r = run(t, nil, "backup", "--db", db, "--out", out)
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "sudah ada")
	r = run(t, nil, "backup", "--db", filepath.Join(dir, "missing.db"), "--out", filepath.Join(dir, "x.db"))
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "tidak ditemukan")

	// --out a folder: the copy gets the name the app's "Simpan salinan" offers.
	folder := t.TempDir()
	r = run(t, nil, "backup", "--db", db, "--out", folder)
	require.Equal(t, OK, r.code, r.stderr)
	assert.FileExists(t, filepath.Join(folder, workspace.CopyName(time.Now())))
}

func TestBackupListAndRestore(t *testing.T) {
	dir := t.TempDir()
	db := demoFile(t, dir)
	r := run(t, nil, "backup", "--db", db)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, filepath.Join(dir, "backups", "demo-manual-"))
	r = run(t, nil, "backup", "--db", db, "--list")
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "manual")
	backups, err := store.ListBackups(db)
	require.NoError(t, err)
	require.Len(t, backups, 1)

	// Change the workspace, then restore the backup: the change is gone and
	// the state before the restore is itself kept.
	s, err := store.Open(context.Background(), db, store.Options{})
	require.NoError(t, err)
	require.NoError(t, s.Tx(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE profile SET office_name = 'diubah'")
		return err
	}))
	require.NoError(t, s.Close())
	r = run(t, nil, "restore", "--db", db, "--from", backups[0].Path)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Dipulihkan")
	assert.Contains(t, r.stdout, "Keadaan sebelum pemulihan dicadangkan: "+filepath.Join(dir, "backups", "demo-pulih-"))
	s, err = store.Open(context.Background(), db, store.Options{})
	require.NoError(t, err)
	p, err := profile.Get(context.Background(), s)
	require.NoError(t, err)
	s.Close()
	assert.NotEqual(t, "diubah", p.OfficeName)
	backups, err = store.ListBackups(db)
	require.NoError(t, err)
	assert.Equal(t, store.BeforeRestore, backups[0].Reason)

	junk := filepath.Join(dir, "junk.db")
	require.NoError(t, os.WriteFile(junk, []byte("not a workspace"), 0o644))
	r = run(t, nil, "restore", "--db", db, "--from", junk)
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "bukan salinan ruang kerja Selaras yang utuh")

	// A damaged workspace is not backed up but kept aside, then replaced.
	f, err := os.OpenFile(db, os.O_WRONLY, 0)
	require.NoError(t, err)
	info, err := f.Stat()
	require.NoError(t, err)
	_, err = f.WriteAt(bytes.Repeat([]byte("rusak"), 2000), info.Size()/2)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	r = run(t, nil, "restore", "--db", db, "--from", backups[0].Path)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Berkas rusak disimpan untuk diperiksa: "+filepath.Join(dir, "backups", "demo-rusak-"))
	assert.Equal(t, OK, run(t, nil, "rakor", "--db", db).code)
}

func TestHarmonise(t *testing.T) {
	db := demoDB(t)

	growth := func(rows [][]string) []string {
		for _, row := range rows {
			if row[0] == "KOP.01" && row[6] == "provinsi" {
				return row
			}
		}
		t.Fatal("no provincial line of KOP.01")
		return nil
	}
	r := run(t, nil, "harmonise", "--db", db, "--province", "19", "--year", "2025")
	require.Equal(t, OK, r.code, r.stderr)
	rows := readExcel(t, r.stdout)
	assert.Equal(t, "indikator", rows[0][0])
	assert.Equal(t, "17,65", growth(rows)[7], "a decimal comma for Excel in Indonesian")
	r = run(t, nil, "harmonise", "--db", db, "--province", "19", "--year", "2025", "--format", "csv-rfc")
	require.Equal(t, OK, r.code, r.stderr)
	assert.Equal(t, "17.65", growth(readRFC(t, r.stdout))[7], "a decimal point for scripts")

	r = run(t, nil, "harmonise", "--db", db, "--province", "62", "--year", "2025,2026", "--format", "json")
	require.Equal(t, OK, r.code, r.stderr)
	var m struct {
		Years []int `json:"years"`
		Rows  []struct {
			Indicator struct{ Code string }     `json:"indicator"`
			Year      int                       `json:"year"`
			Province  struct{ Target *float64 } `json:"province"`
		} `json:"rows"`
		Regencies []struct{ Code string } `json:"regencies"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &m))
	assert.Equal(t, []int{2025, 2026}, m.Years)
	assert.Len(t, m.Regencies, 14)
	found := false
	for _, row := range m.Rows {
		if row.Indicator.Code == "WU.02" && row.Year == 2026 {
			found = true
			require.NotNil(t, row.Province.Target)
			assert.Equal(t, 2872.0, *row.Province.Target)
		}
	}
	assert.True(t, found)

	r = run(t, nil, "harmonise", "--db", db, "--province", "19")
	assert.Equal(t, Usage, r.code)
	r = run(t, nil, "harmonise", "--db", db, "--province", "19.01", "--year", "2025")
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "tidak dikenal")
}

func TestExport(t *testing.T) {
	dir := t.TempDir()
	db := demoDB(t)
	out := filepath.Join(dir, "Matriks-Target-Kepulauan-Bangka-Belitung-2025.xlsx")
	r := run(t, nil, "export", "--db", db, "--out", out)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, out)
	assert.Contains(t, r.stderr, "provinsi asal Kepulauan Bangka Belitung (19)", "the home province is named, never picked silently")
	_, err := os.Stat(out)
	require.NoError(t, err)

	// The national consolidation: every province of the demo with figures.
	nat := filepath.Join(dir, "Konsolidasi.xlsx")
	r = run(t, nil, "export", "--db", db, "--national", "--year", "2025", "--out", nat)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "3 provinsi")
	f, err := excelize.OpenFile(nat)
	require.NoError(t, err)
	assert.Equal(t, []string{"Kep. Bangka Belitung 2025", "Jawa Timur 2025", "Kalimantan Tengah 2025"}, f.GetSheetList())
	require.NoError(t, f.Close())
	r = run(t, nil, "export", "--db", db, "--national", "--province", "19", "--out", nat)
	assert.Equal(t, Usage, r.code)

	// Without --out, or with a folder, the file takes the name the app's
	// save dialog offers.
	t.Chdir(t.TempDir())
	r = run(t, nil, "export", "--db", db)
	require.Equal(t, OK, r.code, r.stderr)
	assert.FileExists(t, "Matriks-Target-Kepulauan-Bangka-Belitung-2025.xlsx")
	r = run(t, nil, "export", "--db", db, "--national", "--year", "2025", "--out", dir)
	require.Equal(t, OK, r.code, r.stderr)
	assert.FileExists(t, filepath.Join(dir, "Konsolidasi-Nasional-2025.xlsx"))
	r = run(t, nil, "export", "--db", db, "--sheets", "kesepakatan", "--meeting", "2", "--out", dir)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, filepath.Join(dir, "Rakor-"))
	r = run(t, nil, "export", "--db", filepath.Join(dir, "none.db"), "--out", out)
	assert.Equal(t, Error, r.code)
}

func TestTemplateAndImport(t *testing.T) {
	dir := t.TempDir()
	db := demoDB(t)

	one := filepath.Join(dir, "bangka.xlsx")
	r := run(t, nil, "template", "--db", db, "--region", "19.01", "--out", one)
	require.Equal(t, OK, r.code, r.stderr)
	folder := filepath.Join(dir, "templat")
	r = run(t, nil, "template", "--db", db, "--region", "19", "--out", folder)
	require.Equal(t, OK, r.code, r.stderr)
	entries, err := os.ReadDir(folder)
	require.NoError(t, err)
	assert.Len(t, entries, 7, "one template per kabupaten/kota")

	r = run(t, nil, "import", "--db", db, "--dry-run", one)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Kabupaten Bangka, tahun 2025")
	assert.Contains(t, r.stdout, "tidak ada yang disimpan")

	r = run(t, nil, "import", "--db", db, "--year", "2026", one)
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "bukan 2026")

	// A dry run leaves the board empty; an import marks the regency as returned.
	r = run(t, nil, "submissions", "--db", db)
	require.Equal(t, OK, r.code, r.stderr)
	assert.NotContains(t, r.stdout, "sudah kembali")
	r = run(t, nil, "import", "--db", db, one)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "papan pengembalian")
	// How to undo it is said: the backup taken on a file; on a shared
	// workspace, that none was and what records the import instead.
	if onServer() {
		assert.Contains(t, r.stdout, "tidak dicadangkan dari PC ini sebelum impor")
		assert.Contains(t, r.stdout, "log audit server")
	} else {
		assert.Contains(t, r.stdout, "Cadangan sebelum impor: "+filepath.Join(filepath.Dir(db), "backups", "demo-impor-"))
		assert.Contains(t, r.stdout, "selaras restore --db "+db+" --from ")
	}
	r = run(t, nil, "submissions", "--db", db, "--year", "2025")
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "19.01;Kabupaten Bangka;sudah kembali;")
	assert.Contains(t, r.stdout, "19.71;Kota Pangkal Pinang;belum kembali;")
	r = run(t, nil, "submissions", "--db", db, "--format", "xml")
	assert.Equal(t, Usage, r.code)

	r = run(t, nil, "import", "--db", db)
	assert.Equal(t, Usage, r.code)
}

func TestExportChosenSheets(t *testing.T) {
	dir := t.TempDir()
	db := demoDB(t)
	out := filepath.Join(dir, "Rakor.xlsx")

	r := run(t, nil, "export", "--db", db, "--out", out, "--sheets", "target,pivot")
	assert.Equal(t, Usage, r.code)
	assert.Contains(t, r.stderr, `"pivot" tidak dikenal`)
	r = run(t, nil, "export", "--db", db, "--out", out, "--sheets", "berita-acara")
	assert.Equal(t, Usage, r.code)
	assert.Contains(t, r.stderr, "--meeting")
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err))

	r = run(t, nil, "export", "--db", db, "--out", out, "--year", "2025", "--sheets", "program,sinkronisasi,kesepakatan,hadir", "--meeting", "2")
	require.Equal(t, OK, r.code, r.stderr)
	f := xlsxtest.Open(t, out)
	assert.Equal(t, []string{"Matriks Program 2025", "Sinkronisasi 2025", "Daftar Hadir", "Kesepakatan"}, f.GetSheetList())
}

// A folder of returned templates imports in one command, each file on its
// own: a refused one is named with its reason and where, the others are
// saved and on the board, Excel's lock file and other files are skipped.
func TestImportFolder(t *testing.T) {
	dir := t.TempDir()
	db := demoDB(t)
	folder := filepath.Join(dir, "kembali")
	r := run(t, nil, "template", "--db", db, "--region", "19", "--year", "2025", "--out", folder)
	require.Equal(t, OK, r.code, r.stderr)
	entries, err := os.ReadDir(folder)
	require.NoError(t, err)
	require.Len(t, entries, 7)
	bad := entries[2].Name()
	f, err := excelize.OpenFile(filepath.Join(folder, bad))
	require.NoError(t, err)
	require.NoError(t, f.SetCellValue("Target Indikator", "F8", "banyak"))
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())
	good := entries[0].Name()
	f, err = excelize.OpenFile(filepath.Join(folder, good))
	require.NoError(t, err)
	require.NoError(t, f.SetCellValue("Target Indikator", "K8", "naik"))
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())
	require.NoError(t, os.WriteFile(filepath.Join(folder, "~$"+good), []byte("lock"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(folder, "catatan.txt"), []byte("x"), 0o644))

	r = run(t, nil, "import", "--db", db, "--dry-run", folder)
	assert.Equal(t, Error, r.code, "a refused file fails the run")
	assert.Contains(t, r.stdout, "Ringkasan: 6 dari 7 berkas tersimpan, 1 ditolak, 2 dilewati.")
	assert.Contains(t, r.stdout, "tidak ada yang disimpan")
	r = run(t, nil, "submissions", "--db", db, "--year", "2025")
	require.Equal(t, OK, r.code, r.stderr)
	assert.NotContains(t, r.stdout, "sudah kembali", "a dry run writes nothing")

	r = run(t, nil, "import", "--db", db, folder)
	assert.Equal(t, Error, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Ringkasan: 6 dari 7 berkas tersimpan, 1 ditolak, 2 dilewati.")
	assert.Contains(t, r.stdout, "Dilewati: ~$"+good+": berkas kunci Excel")
	assert.Contains(t, r.stdout, "Dilewati: catatan.txt: bukan berkas Excel (.xlsx)")
	assert.Contains(t, r.stdout, "  Ditolak: "+bad+" — lembar \"Target Indikator\" sel F8: ")
	assert.Contains(t, r.stdout, "[1] "+good+": Kabupaten Bangka, tahun 2025 — 0 baru, 1 diubah")
	if onServer() {
		assert.Contains(t, r.stdout, "log audit server")
	} else {
		assert.Contains(t, r.stdout, "Cadangan sebelum impor berkas pertama: ")
		backups, err := store.ListBackups(db)
		require.NoError(t, err)
		assert.Len(t, backups, 1, "one backup undoes the whole folder")
	}
	r = run(t, nil, "submissions", "--db", db, "--year", "2025")
	require.Equal(t, OK, r.code, r.stderr)
	assert.Equal(t, 6, bytes.Count([]byte(r.stdout), []byte("sudah kembali")), r.stdout)

	// Several files named one by one are the same; all good: success.
	r = run(t, nil, "import", "--db", db, filepath.Join(folder, entries[1].Name()), filepath.Join(folder, entries[3].Name()))
	assert.Equal(t, OK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "Ringkasan: 2 dari 2 berkas tersimpan, 0 ditolak, 0 dilewati.")
}

// A command run without a flag it needs is a usage error that names all
// it needs, and nothing is opened or written; one of them given is not
// enough.
func TestRequiredFlagsAreNamed(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"template", "--db", filepath.Join(dir, "a.db")}, "--region, --out wajib diisi"},
		{[]string{"template", "--region", "19.01"}, "--region, --out wajib diisi"},
		{[]string{"restore", "--db", filepath.Join(dir, "a.db")}, "--from wajib diisi"},
		{[]string{"workspace", "push", "--from", filepath.Join(dir, "a.db")}, "--from, --to wajib diisi"},
		{[]string{"workspace", "pull", "--to", filepath.Join(dir, "b.db")}, "--from, --to wajib diisi"},
		{[]string{"harmonise", "--province", "19"}, "--province, --year wajib diisi"},
		{[]string{"harmonise", "--year", "2025"}, "--province, --year wajib diisi"},
		{[]string{"programs", "--province", "19"}, "--year wajib diisi"},
	}
	for _, tt := range tests {
		t.Run(tt.args[0]+" "+tt.args[1], func(t *testing.T) {
			r := run(t, nil, tt.args...)
			assert.Equal(t, Usage, r.code, r.stderr)
			assert.Contains(t, r.stderr, tt.want)
		})
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "nothing is written")
}
