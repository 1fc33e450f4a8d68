package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"selaras/backend/atomicfile"
	"selaras/backend/exchange"
	"selaras/backend/fault"
	"selaras/backend/region"
	"selaras/backend/xlsx"
)

func runTemplate(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "template")
	db := fs.String("db", "", say(env, fault.CLIFlagDB))
	reg := fs.String("region", "", say(env, fault.CLIFlagRegion))
	year := fs.Int("year", 0, say(env, fault.CLIFlagYear))
	out := fs.String("out", "", say(env, fault.CLIFlagTemplateOut))
	if err := Parse(env, fs, args); err != nil {
		return err
	}
	if *reg == "" || *out == "" {
		return UsageError(env, "template", fault.CLIRequired, "flags", "--region, --out")
	}
	regs, err := xlsx.TemplateRegions("--region", *reg)
	if err != nil {
		return err
	}
	// Several templates, or a folder named: each under its own name there.
	folder := len(regs) > 1 || region.Default().IsProvince(*reg) || isDir(*out)
	if folder {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
	}
	_, _ = atomicfile.CleanExcelize(time.Hour) // what a killed export left in the temporary folder
	s, err := openExisting(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	_, err = xlsx.WriteTemplates(ctx, s, regs, *year, func(r region.Region, y int) string {
		if folder {
			return filepath.Join(*out, xlsx.TemplateFileName(r, y))
		}
		return *out
	}, func(r region.Region, y int, path string, _, _ int) {
		fmt.Fprintln(env.Stdout, say(env, fault.CLITemplateWritten, "region", r.Name, "year", strconv.Itoa(y), "path", path))
	})
	return err
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// runImport is the import of a returned template: the preview of every
// change, then (unless --dry-run) the undo point this workspace allows and
// the commit (exchange.Check and exchange.Import, as the app's).
func runImport(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "import")
	db := fs.String("db", "", say(env, fault.CLIFlagDB))
	dry := fs.Bool("dry-run", false, say(env, fault.CLIFlagDryRun))
	year := fs.Int("year", 0, say(env, fault.CLIFlagOnlyYear))
	// The file comes after the flags: import --db X [--dry-run] FILE.xlsx
	var file string
	if n := len(args); n > 0 && !strings.HasPrefix(args[n-1], "-") {
		file, args = args[n-1], args[:n-1]
	}
	if err := Parse(env, fs, args); err != nil {
		return err
	}
	if file == "" {
		return UsageError(env, "import", fault.CLIImportFile)
	}
	s, err := openExisting(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	pv, err := exchange.Check(ctx, s, file, *year)
	var ie *exchange.ImportError
	if errors.As(err, &ie) {
		fmt.Fprintln(env.Stderr, ie.Message(language(env)))
		return errReported
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, say(env, fault.CLIImportSummary, "file", pv.File, "region", pv.Region.Name, "year", strconv.Itoa(pv.Year),
		"new", strconv.Itoa(pv.New), "changed", strconv.Itoa(pv.Changed), "cleared", strconv.Itoa(pv.Cleared), "unchanged", strconv.Itoa(pv.Unchanged)))
	for _, n := range pv.Notices {
		fmt.Fprintln(env.Stdout, fault.Say(language(env), fault.CLINotice, "message", n.Located(language(env))))
	}
	for _, c := range pv.Changes {
		if c.Kind == "tetap" {
			continue
		}
		from := ""
		if c.Formula {
			from = say(env, fault.CLIFromFormula)
		}
		fmt.Fprintf(env.Stdout, "  %s!%s %-8s %-7s %s: %q -> %q%s\n", c.Sheet, c.Cell, c.Code, c.Kind, c.Field, c.Old, c.New, from)
	}
	if *dry {
		fmt.Fprintln(env.Stdout, say(env, fault.CLIDryRun))
		return nil
	}
	res, err := exchange.Import(ctx, s, pv)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, say(env, fault.CLIImported, "written", strconv.Itoa(res.Written), "file", pv.File))
	// How to undo it, said plainly: the backup taken, or on a shared
	// workspace the record that stands in for one.
	note := exchange.UndoNote(s)
	if res.Backup != nil {
		note = fault.New(fault.ImportBackupTaken, "", "backup", res.Backup.Path, "path", s.Path())
	}
	fmt.Fprintln(env.Stdout, fault.Message(note, language(env)))
	return nil
}
