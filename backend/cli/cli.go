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
	"strconv"
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
	Summary fault.Code // a code of the catalogue, worded in the user's language
	Run     func(ctx context.Context, env Env, args []string) error
}

// errUsage marks a usage error; its text has already been printed.
var errUsage = errors.New("usage")

// errReported is a failure whose message has already been printed.
var errReported = errors.New("reported")

// Commands lists the built-in subcommands; the app layer may add its own.
func Commands() []Command {
	return []Command{
		{"version", fault.CLISumVersion, runVersion},
		{"demo", fault.CLISumDemo, runDemo},
		{"regions", fault.CLISumRegions, runRegions},
		{"backup", fault.CLISumBackup, runBackup},
		{"restore", fault.CLISumRestore, runRestore},
		{"template", fault.CLISumTemplate, runTemplate},
		{"import", fault.CLISumImport, runImport},
		{"submissions", fault.CLISumSubmissions, runSubmissions},
		{"export", fault.CLISumExport, runExport},
		{"harmonise", fault.CLISumHarmonise, runHarmonise},
		{"programs", fault.CLISumPrograms, runPrograms},
		{"workspace", fault.CLISumWorkspace, runWorkspace},
		{"rakor", fault.CLISumRakor, runRakor},
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
		printHelp(env, cmds)
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
	fmt.Fprintln(env.Stderr, "selaras: "+say(env, fault.CLIUnknownCommand, "name", args[0]))
	return Usage
}

func printHelp(env Env, cmds []Command) {
	w := env.Stdout
	fmt.Fprintln(w, say(env, fault.CLIHelp))
	sorted := append([]Command{}, cmds...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	for _, c := range sorted {
		fmt.Fprintf(w, "  %-10s %s\n", c.Name, say(env, c.Summary))
	}
	fmt.Fprintln(w, say(env, fault.CLIHelpDB))
}

// say words a code of the catalogue in the user's language.
func say(env Env, code fault.Code, kv ...string) string {
	return fault.Say(language(env), code, kv...)
}

// Say is say for the app's own commands and flags.
func Say(env Env, code fault.Code, kv ...string) string { return say(env, code, kv...) }

// NewFlags makes a flag set for a command; its usage errors are the flag
// package's, its descriptions the catalogue's (say).
func NewFlags(env Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// Parse parses flags and refuses stray arguments, and a run that leaves
// any of the required flags at its default (naming them all, as typed).
func Parse(env Env, fs *flag.FlagSet, args []string, required ...string) error {
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "selaras %s: %s\n", fs.Name(), say(env, fault.CLIUnknownArgs, "args", strings.Join(fs.Args(), " ")))
		return errUsage
	}
	for _, name := range required {
		if f := fs.Lookup(name); f.Value.String() == f.DefValue {
			return UsageError(env, fs.Name(), fault.CLIRequired, "flags", "--"+strings.Join(required, ", --"))
		}
	}
	return nil
}

// UsageError prints a usage problem, a code of the catalogue with its
// key/value pairs, and returns the usage error.
func UsageError(env Env, cmd string, code fault.Code, kv ...string) error {
	fmt.Fprintf(env.Stderr, "selaras %s: %s\n", cmd, say(env, code, kv...))
	return errUsage
}

func runVersion(_ context.Context, env Env, args []string) error {
	fs := NewFlags(env, "version")
	if err := Parse(env, fs, args); err != nil {
		return err
	}
	v := version.Version
	if version.Commit != "" {
		v += " (" + version.Commit + ")"
	}
	fmt.Fprintln(env.Stdout, say(env, fault.CLIVersion, "version", v, "schema", strconv.Itoa(store.SchemaVersion()),
		"regions", region.Source(), "platform", runtime.GOOS+"/"+runtime.GOARCH))
	return nil
}

func runDemo(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "demo")
	db := fs.String("db", "", say(env, fault.CLIFlagDemoDB))
	force := fs.Bool("force", false, say(env, fault.CLIFlagForce))
	if err := Parse(env, fs, args); err != nil {
		return err
	}
	path := *db
	if store.IsPostgres(path) && *force {
		return UsageError(env, "demo", fault.CLIDemoForce)
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
	fmt.Fprintln(env.Stdout, say(env, fault.CLIDemoCreated, "path", store.Redact(path)))
	return nil
}

func runRegions(_ context.Context, env Env, args []string) error {
	fs := NewFlags(env, "regions")
	prov := fs.String("province", "", say(env, fault.CLIFlagProvince))
	format := fs.String("format", formatCSV, say(env, fault.CLIFlagFormat))
	if err := parseListing(env, fs, format, args); err != nil {
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

// listFlags declares what every listing command takes, worded by the
// catalogue: the workspace (--db) and the output format (--format).
func listFlags(env Env, name string) (fs *flag.FlagSet, db, format *string) {
	fs = NewFlags(env, name)
	db = fs.String("db", "", say(env, fault.CLIFlagDB))
	format = fs.String("format", formatCSV, say(env, fault.CLIFlagFormat))
	return fs, db, format
}

// parseListing parses a listing command's flags (Parse) and refuses an
// output format other than csv, csv-rfc or json.
func parseListing(env Env, fs *flag.FlagSet, format *string, args []string, required ...string) error {
	if err := Parse(env, fs, args, required...); err != nil {
		return err
	}
	if f := *format; f != formatCSV && f != formatCSVRFC && f != formatJSON {
		return UsageError(env, fs.Name(), fault.CLIUnknownFormat, "format", f)
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
	db := fs.String("db", "", say(env, fault.CLIFlagBackupDB))
	out := fs.String("out", "", say(env, fault.CLIFlagBackupOut))
	list := fs.Bool("list", false, say(env, fault.CLIFlagList))
	if err := Parse(env, fs, args); err != nil {
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
			fmt.Fprintln(env.Stdout, say(env, fault.CLINoBackups, "dir", store.BackupDir(path)))
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
		fmt.Fprintln(env.Stdout, say(env, fault.CLIBackupTaken, "path", b.Path))
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
	fmt.Fprintln(env.Stdout, say(env, fault.CLICopyMade, "path", *out))
	return nil
}

// runRestore restores a backup or a copy from another PC over a workspace
// file (workspace.Restore, as the app's Pulihkan).
func runRestore(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "restore")
	db := fs.String("db", "", say(env, fault.CLIFlagRestoreDB))
	from := fs.String("from", "", say(env, fault.CLIFlagFrom))
	if err := Parse(env, fs, args, "from"); err != nil {
		return err
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
	fmt.Fprintln(env.Stdout, say(env, fault.CLIRestored, "path", path, "from", *from))
	return nil
}
