package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"selaras/backend/atomicfile"
	"selaras/backend/fault"

	"selaras/backend/harmonise"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/xlsx"
)

func runExport(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "export")
	db := fs.String("db", "", "basis data ruang kerja")
	prov := fs.String("province", "", "kode provinsi (bawaan: provinsi asal di profil, disebutkan pada keluaran)")
	national := fs.Bool("national", false, "konsolidasi nasional: satu lembar Matriks Target per provinsi yang punya data")
	var years yearsFlag
	fs.Var(&years, "year", "tahun (boleh diulang atau dipisah koma; bawaan: tahun kerja)")
	out := fs.String("out", "", "berkas .xlsx yang ditulis")
	sheetList := fs.String("sheets", "", "lembar yang ditulis, dipisah koma (bawaan: target): "+strings.Join(xlsx.SheetNames(), ","))
	meeting := fs.Int64("meeting", 0, "nomor rapat untuk lembar hadir, kesepakatan, permasalahan dan berita-acara (lihat: selaras rakor)")
	if err := Parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return UsageError(env, "export", "--out wajib diisi")
	}
	var sheets []xlsx.Sheet
	if *sheetList != "" {
		var err error
		if sheets, err = xlsx.ParseSheets(*sheetList); err != nil {
			return UsageError(env, "export", "%s", fault.Message(err, fault.ID))
		}
		for _, sh := range sheets {
			if sh.NeedsMeeting() && *meeting == 0 {
				return UsageError(env, "export", "lembar %s memerlukan --meeting (nomor rapat dari: selaras rakor)", sh)
			}
		}
	}
	_, _ = atomicfile.CleanExcelize(time.Hour) // what a killed export left in the temporary folder
	s, p, err := openWithProfile(ctx, env, *db, "export")
	if err != nil {
		return err
	}
	defer s.Close()
	if len(years) == 0 {
		years = yearsFlag{p.WorkingYear}
	}
	if *national {
		if *prov != "" || sheets != nil {
			return UsageError(env, "export", "--national tidak dapat digabung dengan --province atau --sheets")
		}
		return exportNational(ctx, env, s, p, years, *out)
	}
	if *prov == "" {
		// Without --province the home province is exported, and said so.
		*prov = p.ProvinceCode
		home, _ := region.Default().Lookup(*prov)
		fmt.Fprintf(env.Stderr, "export: provinsi asal %s (%s); pilih lain dengan --province atau semua dengan --national\n",
			home.Name, *prov)
	}
	if sheets != nil {
		req := xlsx.WorkbookRequest{Province: *prov, Years: years, Sheets: sheets, MeetingID: *meeting}
		if err := xlsx.ExportWorkbook(ctx, s, *out, req, p, time.Now(), nil); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Buku kerja ditulis: %s (lembar: %s)\n", *out, *sheetList)
		return nil
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

// exportNational writes the consolidation for the ministry: every province
// of the workspace that has a figure for the years.
func exportNational(ctx context.Context, env Env, s *store.Store, p profile.Profile, years []int, out string) error {
	ms, err := xlsx.NationalMatrices(ctx, s, years)
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		return fault.New(fault.NoProvinceData, "")
	}
	if err := xlsx.ExportNational(ctx, out, ms, nil, p, time.Now(), nil); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Konsolidasi nasional ditulis: %s (%d provinsi x %d tahun)\n", out, len(ms), len(years))
	return nil
}
