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
	"selaras/backend/store"
	"selaras/backend/xlsx"
)

func runTemplate(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "template")
	db := fs.String("db", "", "basis data ruang kerja")
	reg := fs.String("region", "", "kode kabupaten/kota, mis. 19.01, atau kode provinsi untuk semua kabupaten/kotanya")
	year := fs.Int("year", 0, "tahun (bawaan: tahun kerja)")
	out := fs.String("out", "", "berkas .xlsx, atau folder bila --region adalah provinsi")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if *reg == "" || *out == "" {
		return UsageError(env, "template", "--region dan --out wajib diisi")
	}
	_, _ = atomicfile.CleanExcelize(time.Hour) // what a killed export left in the temporary folder
	s, p, err := openWithProfile(ctx, env, *db, "template")
	if err != nil {
		return err
	}
	defer s.Close()
	if *year == 0 {
		*year = p.WorkingYear
	}
	r, ok := region.Default().Lookup(*reg)
	if !ok {
		return fault.New(fault.UnknownRegion, "--region", "code", *reg)
	}
	targets := []region.Region{r}
	if r.Level == region.Province {
		targets = region.Default().Regencies(r.Code)
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
	}
	for _, g := range targets {
		path := *out
		if r.Level == region.Province {
			path = filepath.Join(*out, xlsx.TemplateFileName(g, *year))
		}
		in, err := xlsx.LoadTemplateInput(ctx, s, p, g.Code, *year)
		if err != nil {
			return err
		}
		if err := xlsx.WriteTemplate(ctx, path, in, time.Now()); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Templat %s %d: %s\n", g.Name, *year, path)
	}
	return nil
}

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
	s, p, err := openWithProfile(ctx, env, *db, "import")
	if err != nil {
		return err
	}
	defer s.Close()
	pv, err := exchange.ReadImport(ctx, s, file, exchange.ImportOptions{Province: p.ProvinceCode, Year: *year, WorkingYear: p.WorkingYear})
	var ie *exchange.ImportError
	if errors.As(err, &ie) {
		fmt.Fprintln(env.Stderr, ie.Error())
		return errReported
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %s, tahun %d — %d baru, %d diubah, %d dikosongkan, %d tetap\n",
		pv.File, pv.Region.Name, pv.Year, pv.New, pv.Changed, pv.Cleared, pv.Unchanged)
	for _, n := range pv.Notices {
		fmt.Fprintln(env.Stdout, "Perhatian: "+n.Message)
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
	if _, err := s.TakeBackup(ctx, store.BeforeImport); err != nil { // undo point (issue 15)
		return err
	}
	n, err := exchange.CommitImport(ctx, s, pv)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Tersimpan: %d nilai dan baris rencana dari %s; tercatat di papan pengembalian templat.\n", n, pv.File)
	return nil
}
