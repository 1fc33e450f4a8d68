// Package cli runs Selaras's headless subcommands: the same binary as the
// desktop app, with no window, for batch work, CI and power users.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"selaras/backend/connect"
	"selaras/backend/demo"
	"selaras/backend/fault"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/version"
	"selaras/backend/workspace"
)

// Exit codes.
const (
	OK    = 0
	Error = 1
	Usage = 2
)

// Env is what a command may touch: its output streams and environment.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	Stdin  io.Reader // nil: os.Stdin (workspace user add reads a password)
}

// Command is one subcommand.
type Command struct {
	Name    string
	Summary string
	Run     func(ctx context.Context, env Env, args []string) error
}

// errUsage marks a usage error; its text has already been printed.
var errUsage = errors.New("usage")

// errReported is a failure whose message has already been printed.
var errReported = errors.New("reported")

// Commands lists the built-in subcommands; the app layer may add its own.
func Commands() []Command {
	return []Command{
		{"version", "tampilkan versi Selaras", runVersion},
		{"demo", "buat ruang kerja demo: demo [--db BERKAS] [--force]", runDemo},
		{"regions", "daftar wilayah Kemendagri: regions [--province KODE] [--format csv|csv-rfc|json]", runRegions},
		{"backup", "cadangkan ruang kerja: backup --db BERKAS [--out SALINAN.db|FOLDER | --list]", runBackup},
		{"restore", "pulihkan ruang kerja dari cadangan atau salinan: restore --db BERKAS --from CADANGAN.db", runRestore},
		{"template", "templat isian kabupaten/kota: template --db BERKAS --region KODE [--year TAHUN] --out BERKAS.xlsx|FOLDER", runTemplate},
		{"import", "impor templat terisi: import --db BERKAS [--dry-run] [--year TAHUN] [--take-template] BERKAS.xlsx|FOLDER... (tiap berkas disimpan sendiri-sendiri)", runImport},
		{"submissions", "papan pengembalian templat: submissions --db BERKAS [--year TAHUN] [--format csv|csv-rfc|json]", runSubmissions},
		{"export", "ekspor ke Excel: export --db BERKAS [--province KODE] [--year TAHUN] [--sheets target,program,sinkronisasi,hadir,kesepakatan,permasalahan,berita-acara] [--meeting ID] [--out BERKAS.xlsx|FOLDER]", runExport},
		{"harmonise", "matriks harmonisasi: harmonise --db BERKAS --province KODE --year TAHUN [--format csv|csv-rfc|json]", runHarmonise},
		{"programs", "rencana program dan pagu: programs --db BERKAS --year TAHUN [--province KODE] [--format csv|csv-rfc|json]", runPrograms},
		{"workspace", "ruang kerja bersama di server PostgreSQL: workspace init|user add|user list|push|pull (lihat 'selaras workspace help')", runWorkspace},
		{"rakor", "daftar rakor dengan jumlah peserta, kesepakatan dan permasalahan: rakor --db BERKAS [--format csv|csv-rfc|json]", runRakor},
	}
}

// IsCommand reports whether name is a subcommand in cmds (or help).
func IsCommand(cmds []Command, name string) bool {
	if name == "help" || name == "-h" || name == "--help" {
		return true
	}
	for _, c := range cmds {
		if c.Name == name {
			return true
		}
	}
	return false
}

// dbPath is the workspace a command's arguments name (--db), else the
// default one, for messages about it.
func dbPath(env Env, args []string) string {
	for i, a := range args {
		if v, ok := strings.CutPrefix(a, "--db="); ok {
			return store.Redact(v)
		}
		if (a == "--db" || a == "-db") && i+1 < len(args) {
			return store.Redact(args[i+1])
		}
	}
	p, _ := DefaultDB(env)
	return store.Redact(p)
}

// Run dispatches args[0] among cmds and returns the process exit code.
func Run(ctx context.Context, env Env, cmds []Command, args []string) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(env.Stdout, cmds)
		return OK
	}
	for _, c := range cmds {
		if c.Name != args[0] {
			continue
		}
		err := c.Run(ctx, env, args[1:])
		switch {
		case err == nil:
			return OK
		case errors.Is(err, errUsage), errors.Is(err, flag.ErrHelp):
			return Usage
		case errors.Is(err, errReported):
			return Error
		default:
			// The driver's and the system's refusals say what to do, never
			// their own words (the app's door does the same).
			db := dbPath(env, args[1:])
			err = store.Explain(err, db)
			fmt.Fprintln(env.Stderr, "selaras "+c.Name+": "+fault.Message(err, language(env)))
			return Error
		}
	}
	fmt.Fprintf(env.Stderr, "selaras: perintah tidak dikenal %q; lihat 'selaras help'\n", args[0])
	return Usage
}

func printHelp(w io.Writer, cmds []Command) {
	fmt.Fprintln(w, "Selaras: koordinasi dan harmonisasi perencanaan Koperasi dan UKM.")
	fmt.Fprintln(w, "Tanpa perintah, Selaras membuka jendela aplikasi. Perintah tanpa jendela:")
	sorted := append([]Command{}, cmds...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	for _, c := range sorted {
		fmt.Fprintf(w, "  %-10s %s\n", c.Name, c.Summary)
	}
	fmt.Fprintln(w, "Tanpa --db: SELARAS_DB, ruang kerja terakhir yang dibuka aplikasi, atau satu-satunya")
	fmt.Fprintln(w, "ruang kerja (demo.db atau selaras.db) di folder data pengguna.")
	fmt.Fprintln(w, "Ruang kerja bersama: --db postgres://pengguna@server:5432/basisdata?sslmode=prefer (atau SELARAS_DB);")
	fmt.Fprintln(w, "kata sandi dari PGPASSWORD atau dari penyimpanan kredensial tempat aplikasi menyimpannya.")
}

// NewFlags makes a flag set that reports usage errors in Indonesian.
func NewFlags(env Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// Parse parses flags and refuses stray arguments.
func Parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "selaras %s: argumen tidak dikenal: %s\n", fs.Name(), strings.Join(fs.Args(), " "))
		return errUsage
	}
	return nil
}

// UsageError prints a usage problem and returns the usage error.
func UsageError(env Env, cmd, format string, a ...any) error {
	fmt.Fprintf(env.Stderr, "selaras %s: %s\n", cmd, fmt.Sprintf(format, a...))
	return errUsage
}

func runVersion(_ context.Context, env Env, args []string) error {
	fs := NewFlags(env, "version")
	if err := Parse(fs, args); err != nil {
		return err
	}
	v := version.Version
	if version.Commit != "" {
		v += " (" + version.Commit + ")"
	}
	fmt.Fprintf(env.Stdout, "Selaras %s, skema basis data %d, %s, %s/%s\n", v, store.SchemaVersion(),
		region.Source(), runtime.GOOS, runtime.GOARCH)
	return nil
}

func runDemo(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "demo")
	db := fs.String("db", "", "berkas basis data demo (bawaan: demo.db di folder konfigurasi)")
	force := fs.Bool("force", false, "ganti berkas yang sudah ada")
	if err := Parse(fs, args); err != nil {
		return err
	}
	path := *db
	if store.IsPostgres(path) && *force {
		return UsageError(env, "demo", "--force hanya untuk berkas; basis data di server dikosongkan oleh pengelolanya")
	}
	if path == "" {
		dirs, err := dataDirs(env)
		if err != nil {
			return err
		}
		path = filepath.Join(dirs.Data, workspace.DemoFile)
	}
	if *force && !store.IsPostgres(path) {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("demo: %w", err)
			}
		}
	}
	full := path
	if store.IsPostgres(path) {
		var err error
		if full, _, err = connect.Resolve(path, env.Getenv("PGPASSWORD"), Keyring()); err != nil {
			return err
		}
	}
	s, err := demo.Create(ctx, full)
	if err != nil {
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Ruang kerja demo dibuat: %s\n", store.Redact(path))
	return nil
}

func runRegions(_ context.Context, env Env, args []string) error {
	fs := NewFlags(env, "regions")
	prov := fs.String("province", "", "hanya provinsi ini dan kabupaten/kotanya (mis. 19)")
	format := fs.String("format", formatCSV, formatHelp)
	if err := Parse(fs, args); err != nil {
		return err
	}
	if err := checkFormat(env, "regions", *format); err != nil {
		return err
	}
	cat := region.Default()
	if *prov != "" && !cat.IsProvince(*prov) {
		return fault.New(fault.UnknownRegion, "--province", "code", *prov)
	}
	list := cat.Search(region.Query{Province: *prov})
	if *format == formatJSON {
		return writeJSON(env, list)
	}
	t := newTable(env, *format)
	t.row("code", "name", "level", "province_code")
	for _, r := range list {
		t.row(r.Code, r.Name, string(r.Level), r.ProvinceCode)
	}
	return t.flush()
}

// checkFormat refuses an output format other than csv, csv-rfc or json.
func checkFormat(env Env, cmd, format string) error {
	if format != formatCSV && format != formatCSVRFC && format != formatJSON {
		return UsageError(env, cmd, "format %q tidak dikenal; pilih csv (Excel), csv-rfc (skrip) atau json", format)
	}
	return nil
}

// list prints what read finds in the workspace at db: as JSON, or as the
// table rows writes (csv for Excel, csv-rfc for scripts).
func list[T any](ctx context.Context, env Env, db, format string, read func(*store.Store) (T, error), rows func(*table, T) error) error {
	s, err := openExisting(ctx, env, db)
	if err != nil {
		return err
	}
	defer s.Close()
	v, err := read(s)
	if err != nil {
		return err
	}
	if format == formatJSON {
		return writeJSON(env, v)
	}
	return rows(newTable(env, format), v)
}

// writeJSON prints v as indented JSON.
func writeJSON(env Env, v any) error {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func runBackup(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "backup")
	db := fs.String("db", "", "basis data yang disalin (bawaan: ruang kerja terakhir)")
	out := fs.String("out", "", "berkas salinan (belum boleh ada) atau folder untuknya; tanpa --out: ke folder backups di samping basis data")
	list := fs.Bool("list", false, "tampilkan cadangan yang ada, terbaru dulu")
	if err := Parse(fs, args); err != nil {
		return err
	}
	path := *db
	if path == "" {
		var err error
		if path, err = DefaultDB(env); err != nil {
			return err
		}
	}
	if err := workspace.NeedsFile(path); err != nil {
		return err
	}
	if *list {
		backups, err := store.ListBackups(path)
		if err != nil {
			return err
		}
		for _, b := range backups {
			fmt.Fprintf(env.Stdout, "%s  %-7s %10d  %s\n", b.Taken.Format("2006-01-02 15:04:05"), b.Reason, b.Size, b.Path)
		}
		if len(backups) == 0 {
			fmt.Fprintf(env.Stdout, "Belum ada cadangan di %s\n", store.BackupDir(path))
		}
		return nil
	}
	s, err := workspace.OpenExisting(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	if *out == "" {
		b, err := s.TakeBackup(ctx, store.Manual)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Cadangan dibuat: %s\n", b.Path)
		return nil
	}
	// A copy to carry to another PC: into a folder under the name the app
	// offers too.
	if fi, err := os.Stat(*out); err == nil && fi.IsDir() {
		*out = filepath.Join(*out, workspace.CopyName(time.Now()))
	}
	if err := s.BackupTo(ctx, *out); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Salinan dibuat: %s (satu berkas utuh, tanpa -wal/-shm)\n", *out)
	return nil
}

// runRestore restores a backup or a copy from another PC over a workspace
// file (workspace.Restore, as the app's Pulihkan).
func runRestore(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "restore")
	db := fs.String("db", "", "ruang kerja yang diganti (bawaan: SELARAS_DB atau selaras.db)")
	from := fs.String("from", "", "cadangan atau salinan ruang kerja yang dipulihkan")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if *from == "" {
		return UsageError(env, "restore", "--from wajib diisi")
	}
	path := *db
	if path == "" {
		var err error
		if path, err = DefaultDB(env); err != nil {
			return err
		}
	}
	r, err := workspace.Restore(ctx, path, *from, nil)
	lang := language(env)
	if r.SetAside != "" {
		fmt.Fprintln(env.Stdout, fault.Message(fault.New(fault.RestoreSetAside, "", "aside", r.SetAside), lang))
	}
	if r.Before != nil {
		fmt.Fprintln(env.Stdout, fault.Message(fault.New(fault.RestoreKept, "", "backup", r.Before.Path), lang))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Dipulihkan: %s dari %s\n", path, *from)
	return nil
}
