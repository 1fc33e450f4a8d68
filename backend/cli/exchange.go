package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"selaras/backend/atomicfile"
	"selaras/backend/exchange"
	"selaras/backend/fault"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/xlsx"
)

func runTemplate(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "template")
	db := fs.String("db", "", say(env, fault.CLIFlagDB))
	reg := fs.String("region", "", say(env, fault.CLIFlagRegion))
	year := fs.Int("year", 0, say(env, fault.CLIFlagYear))
	out := fs.String("out", "", say(env, fault.CLIFlagTemplateOut))
	if err := Parse(env, fs, args, "region", "out"); err != nil {
		return err
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

// runImport is the import of returned templates: for one file the
// preview of every change, then (unless --dry-run) the undo point this
// workspace allows and the commit (exchange.Check and exchange.Import, as
// the app's). Several files, or a folder of them, are imported each on its
// own: one refused does not hold back the rest, and a summary names each.
func runImport(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "import")
	db := fs.String("db", "", say(env, fault.CLIFlagDB))
	dry := fs.Bool("dry-run", false, say(env, fault.CLIFlagDryRun))
	year := fs.Int("year", 0, say(env, fault.CLIFlagOnlyYear))
	take := fs.Bool("take-template", false, say(env, fault.CLIFlagTakeTemplate))
	// The files come after the flags (or among them): import --db X
	// [--dry-run] FILE.xlsx|FOLDER...
	flags, files := splitArgs(args, "db", "year")
	if err := Parse(env, fs, flags); err != nil {
		return err
	}
	if len(files) == 0 {
		return UsageError(env, "import", fault.CLIImportFiles)
	}
	s, err := openExisting(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if len(files) == 1 && !isDir(files[0]) {
		return importOne(ctx, env, s, files[0], *year, *dry, *take)
	}
	return importMany(ctx, env, s, files, *year, *dry, *take)
}

// splitArgs separates flags (with the value of those in valued) from the
// files named among them.
func splitArgs(args []string, valued ...string) (flags, files []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			files = append(files, a)
			continue
		}
		if a == "--" {
			files = append(files, args[i+1:]...)
			break
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if !strings.Contains(name, "=") && slices.Contains(valued, name) && i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return flags, files
}

// importOne is the import of one named file, every change listed.
func importOne(ctx context.Context, env Env, s *store.Store, file string, year int, dry, take bool) error {
	pv, err := exchange.Check(ctx, s, file, year)
	var ie *exchange.ImportError
	if errors.As(err, &ie) {
		fmt.Fprintln(env.Stderr, ie.Message(language(env)))
		return errReported
	}
	if err != nil {
		return err
	}
	pv.TakeTemplate = take
	printPreview(env, pv, true)
	if dry {
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

// printPreview prints what an import would change: the summary line, its
// notices and, when all, every changed cell.
func printPreview(env Env, pv exchange.Preview, all bool) {
	fmt.Fprintln(env.Stdout, say(env, fault.CLIImportSummary, "file", pv.File, "region", pv.Region.Name, "year", strconv.Itoa(pv.Year),
		"new", strconv.Itoa(pv.New), "changed", strconv.Itoa(pv.Changed), "cleared", strconv.Itoa(pv.Cleared), "unchanged", strconv.Itoa(pv.Unchanged)))
	for _, n := range pv.Notices {
		fmt.Fprintln(env.Stdout, say(env, fault.CLINotice, "message", n.Located(language(env))))
	}
	printConflicts(env, pv)
	if !all {
		return
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
}

// printConflicts lists the cells typed directly after the template was
// made that the template would change, and what the import does with them.
func printConflicts(env Env, pv exchange.Preview) {
	if len(pv.Conflicts) == 0 {
		return
	}
	lang := language(env)
	for _, c := range pv.Conflicts {
		at := c.At
		if t, err := time.Parse("2006-01-02T15:04:05.000Z", c.At); err == nil {
			at = fault.DateTimeID(t)
			if lang == fault.EN {
				at = fault.DateTimeEN(t)
			}
		}
		// Typed (or pasted) into the workspace, or written by another
		// template's import: the audit log's source says which.
		line := fault.ImportConflict
		if c.Source == "impor" {
			line = fault.ImportConflictImported
		}
		fmt.Fprintln(env.Stdout, "  "+fault.Message(fault.New(line, "", "cell", c.Sheet+"!"+c.Cell, "code", c.Code,
			"part", c.Field, "by", c.By, "at", at, "stored", quoted(lang, c.Stored), "template", quoted(lang, c.Template)), lang))
	}
	code := fault.ImportConflictKept
	if pv.TakeTemplate {
		code = fault.ImportConflictTaken
	}
	fmt.Fprintln(env.Stdout, fault.Message(fault.New(code, "", "n", strconv.Itoa(len(pv.Conflicts))), lang))
}

func quoted(lang fault.Lang, v string) string {
	if v == "" {
		return fault.Say(lang, fault.CLIEmpty)
	}
	return v
}

// importFile is one file of several: a path to import, or why it is
// skipped unread.
type importFile struct {
	path string
	skip error
}

// expandImports lists the files named, a folder as its .xlsx files in
// name order. Excel's lock files (~$...) and other files in a folder are
// skipped with a message saying why.
func expandImports(names []string) ([]importFile, error) {
	var out []importFile
	for _, n := range names {
		if !isDir(n) {
			out = append(out, classify(n))
			continue
		}
		entries, err := os.ReadDir(n) // sorted by name
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			out = append(out, classify(filepath.Join(n, e.Name())))
		}
	}
	return out, nil
}

func classify(path string) importFile {
	base := filepath.Base(path)
	switch {
	case strings.HasPrefix(base, "~$"):
		return importFile{path: path, skip: fault.New(fault.ImportSkipLock, "", "file", base)}
	case !strings.EqualFold(filepath.Ext(base), ".xlsx"):
		return importFile{path: path, skip: fault.New(fault.ImportSkipOther, "", "file", base)}
	}
	return importFile{path: path}
}

// importMany imports several templates, each checked and committed on its
// own (its own transaction; a workbook is read, written and let go before
// the next is opened). On a file the one backup before the first commit
// undoes them all; the exit code is an error when any was refused.
func importMany(ctx context.Context, env Env, s *store.Store, names []string, year int, dry, take bool) error {
	files, err := expandImports(names)
	if err != nil {
		return err
	}
	lang := language(env)
	type failure struct{ file, why string }
	var ok, skipped int
	var refused []failure
	var backup *store.Backup
	n := 0
	for _, f := range files {
		if f.skip != nil {
			skipped++
			fmt.Fprintln(env.Stdout, fault.Say(lang, fault.CLISkipped, "message", fault.Message(f.skip, lang)))
			continue
		}
		n++
		if err := ctx.Err(); err != nil {
			return err
		}
		name := filepath.Base(f.path)
		fmt.Fprintf(env.Stdout, "[%d] ", n)
		pv, err := exchange.Check(ctx, s, f.path, year)
		pv.TakeTemplate = take
		if err == nil && !dry {
			printPreview(env, pv, false)
			if backup == nil && exchange.UndoFor(s) == exchange.UndoBackup {
				b, berr := s.TakeBackup(ctx, store.BeforeImport)
				if berr != nil {
					return fmt.Errorf("exchange: undo point: %w", berr)
				}
				backup = &b
			}
			var written int
			if written, err = exchange.CommitImport(ctx, s, pv); err == nil {
				ok++
				if len(pv.Conflicts) > 0 {
					fmt.Fprintln(env.Stdout, fault.Say(lang, fault.CLIWrittenKept, "written", strconv.Itoa(written), "kept", strconv.Itoa(pv.Kept())))
				} else {
					fmt.Fprintln(env.Stdout, fault.Say(lang, fault.CLIWrittenShort, "written", strconv.Itoa(written)))
				}
				continue
			}
		} else if err == nil {
			printPreview(env, pv, true)
			ok++
			continue
		}
		why := refusal(err, lang)
		refused = append(refused, failure{name, why})
		fmt.Fprintln(env.Stdout, fault.Say(lang, fault.CLIRefusedFile, "file", name, "why", why))
	}
	fmt.Fprintln(env.Stdout, fault.Message(fault.New(fault.ImportBatchSummary, "", "ok", strconv.Itoa(ok), "n", strconv.Itoa(n),
		"refused", strconv.Itoa(len(refused)), "skipped", strconv.Itoa(skipped)), lang))
	for _, r := range refused {
		fmt.Fprintln(env.Stdout, fault.Say(lang, fault.CLIRefusedLine, "file", r.file, "why", r.why))
	}
	switch {
	case dry:
		fmt.Fprintln(env.Stdout, say(env, fault.CLIDryRun))
	case backup != nil:
		fmt.Fprintln(env.Stdout, fault.Message(fault.New(fault.ImportBatchBackup, "", "backup", backup.Path, "path", s.Path()), lang))
	case ok > 0:
		fmt.Fprintln(env.Stdout, fault.Message(exchange.UndoNote(s), lang))
	}
	if len(refused) > 0 || n == 0 {
		return errReported
	}
	return nil
}

// refusal says in one line why a file was not imported: its first problem
// with where it is (and how many more), or the error itself.
func refusal(err error, lang fault.Lang) string {
	var ie *exchange.ImportError
	if !errors.As(err, &ie) || len(ie.Problems) == 0 {
		return fault.Message(store.Explain(err, ""), lang)
	}
	msg := ie.Problems[0].Located(lang)
	if more := len(ie.Problems) - 1; more > 0 {
		return fault.Say(lang, fault.CLIMoreProblems, "message", msg, "more", strconv.Itoa(more))
	}
	return msg
}
