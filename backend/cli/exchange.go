package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
	db := fs.String("db", "", "basis data ruang kerja")
	reg := fs.String("region", "", "kode kabupaten/kota, mis. 19.01, atau kode provinsi untuk semua kabupaten/kotanya")
	year := fs.Int("year", 0, "tahun (bawaan: tahun kerja)")
	out := fs.String("out", "", "berkas .xlsx, atau folder (bila --region adalah provinsi: satu templat per kabupaten/kota)")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if *reg == "" || *out == "" {
		return UsageError(env, "template", "--region dan --out wajib diisi")
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
		fmt.Fprintf(env.Stdout, "Templat %s %d: %s\n", r.Name, y, path)
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
	db := fs.String("db", "", "basis data ruang kerja")
	dry := fs.Bool("dry-run", false, "tampilkan perubahan tanpa menyimpan")
	year := fs.Int("year", 0, "tolak templat selain tahun ini")
	// The file comes after the flags: import --db X [--dry-run] FILE.xlsx
	var file string
	if n := len(args); n > 0 && !strings.HasPrefix(args[n-1], "-") {
		file, args = args[n-1], args[:n-1]
	}
	if err := Parse(fs, args); err != nil {
		return err
	}
	if file == "" {
		return UsageError(env, "import", "sebutkan berkas .xlsx yang diimpor")
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
	fmt.Fprintf(env.Stdout, "%s: %s, tahun %d — %d baru, %d diubah, %d dikosongkan, %d tetap\n",
		pv.File, pv.Region.Name, pv.Year, pv.New, pv.Changed, pv.Cleared, pv.Unchanged)
	for _, n := range pv.Notices {
		fmt.Fprintln(env.Stdout, fault.Say(language(env), fault.CLINotice, "message", n.Located(language(env))))
	}
	for _, c := range pv.Changes {
		if c.Kind == "tetap" {
			continue
		}
		from := ""
		if c.Formula {
			from = " (dari rumus)"
		}
		fmt.Fprintf(env.Stdout, "  %s!%s %-8s %-7s %s: %q -> %q%s\n", c.Sheet, c.Cell, c.Code, c.Kind, c.Field, c.Old, c.New, from)
	}
	if *dry {
		fmt.Fprintln(env.Stdout, "Uji coba (--dry-run): tidak ada yang disimpan.")
		return nil
	}
	res, err := exchange.Import(ctx, s, pv)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Tersimpan: %d nilai dan baris rencana dari %s; tercatat di papan pengembalian templat.\n", res.Written, pv.File)
	// How to undo it, said plainly: the backup taken, or on a shared
	// workspace the record that stands in for one.
	note := exchange.UndoNote(s)
	if res.Backup != nil {
		note = fault.New(fault.ImportBackupTaken, "", "backup", res.Backup.Path, "path", s.Path())
	}
	fmt.Fprintln(env.Stdout, fault.Message(note, language(env)))
	return nil
}
