package cli

import (
	"context"
	"fmt"
	"time"

	"selaras/backend/harmonise"
	"selaras/backend/profile"
	"selaras/backend/xlsx"
)

func runExport(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "export")
	db := fs.String("db", "", "basis data ruang kerja")
	prov := fs.String("province", "", "kode provinsi (bawaan: provinsi asal di profil)")
	var years yearsFlag
	fs.Var(&years, "year", "tahun (boleh diulang atau dipisah koma; bawaan: tahun kerja)")
	out := fs.String("out", "", "berkas .xlsx yang ditulis")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return UsageError(env, "export", "--out wajib diisi")
	}
	s, err := openExisting(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	p, err := profile.Get(ctx, s)
	if err != nil {
		return fmt.Errorf("export: profil kantor belum diisi: %w", err)
	}
	if *prov == "" {
		*prov = p.ProvinceCode
	}
	if len(years) == 0 {
		years = yearsFlag{p.WorkingYear}
	}
	m, err := harmonise.Compute(ctx, s, *prov, years)
	if err != nil {
		return err
	}
	if err := xlsx.ExportTargets(ctx, *out, m, p, time.Now(), nil); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Matriks target ditulis: %s (%d indikator x %d tahun, %d kabupaten/kota)\n",
		*out, len(m.Rows)/max(len(m.Years), 1), len(m.Years), len(m.Regencies))
	return nil
}
