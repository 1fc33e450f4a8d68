package cli

import (
	"context"
	"fmt"
	"path/filepath"
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
	db := fs.String("db", "", say(env, fault.CLIFlagDB))
	prov := fs.String("province", "", say(env, fault.CLIFlagExportProvince))
	national := fs.Bool("national", false, say(env, fault.CLIFlagNational))
	var years yearsFlag
	fs.Var(&years, "year", say(env, fault.CLIFlagYears))
	out := fs.String("out", "", say(env, fault.CLIFlagExportOut))
	sheetList := fs.String("sheets", "", say(env, fault.CLIFlagSheets, "sheets", strings.Join(xlsx.SheetNames(), ",")))
	meeting := fs.Int64("meeting", 0, say(env, fault.CLIFlagMeeting))
	if err := Parse(env, fs, args); err != nil {
		return err
	}
	var sheets []xlsx.Sheet
	if *sheetList != "" {
		var err error
		if sheets, err = xlsx.ParseSheets(*sheetList); err != nil {
			return UsageError(env, "export", fault.CLIUnknownArgs, "args", fault.Message(err, language(env)))
		}
		for _, sh := range sheets {
			if sh.NeedsMeeting() && *meeting == 0 {
				return UsageError(env, "export", fault.CLISheetNeedsMeeting, "sheet", string(sh))
			}
		}
	}
	if *national && (*prov != "" || sheets != nil) {
		return UsageError(env, "export", fault.CLINationalAlone)
	}
	_, _ = atomicfile.CleanExcelize(time.Hour) // what a killed export left in the temporary folder
	s, p, err := openWithProfile(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if len(years) == 0 {
		years = yearsFlag{p.WorkingYear}
	}
	if *national {
		return exportNational(ctx, env, s, p, years, *out)
	}
	if *prov == "" {
		// Without --province the home province is exported, and said so.
		*prov = p.ProvinceCode
		home, _ := region.Default().Lookup(*prov)
		fmt.Fprintln(env.Stderr, "export: "+say(env, fault.CLIHomeProvince, "name", home.Name, "code", *prov))
	}
	if sheets != nil {
		req := xlsx.WorkbookRequest{Province: *prov, Years: years, Sheets: sheets, MeetingID: *meeting}
		path, err := outPath(*out, func() (string, error) { return xlsx.WorkbookFileName(ctx, s, req) })
		if err != nil {
			return err
		}
		if err := xlsx.ExportWorkbook(ctx, s, path, req, p, time.Now(), nil); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Buku kerja ditulis: %s (lembar: %s)\n", path, *sheetList)
		return nil
	}
	m, err := harmonise.Compute(ctx, s, *prov, years)
	if err != nil {
		return err
	}
	path, err := outPath(*out, func() (string, error) { return xlsx.TargetsFileName(*prov, years), nil })
	if err != nil {
		return err
	}
	if err := xlsx.ExportTargets(ctx, path, m, p, time.Now(), nil); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Matriks target ditulis: %s (%d indikator x %d tahun, %d kabupaten/kota)\n",
		path, len(m.Rows)/max(len(m.Years), 1), len(m.Years), len(m.Regencies))
	return nil
}

// outPath is where an export goes: the file --out names, else a file in
// the folder --out names (or in this one), under the name the app's save
// dialog proposes too.
func outPath(out string, name func() (string, error)) (string, error) {
	if out != "" && !isDir(out) {
		return out, nil
	}
	n, err := name()
	if err != nil {
		return "", err
	}
	return filepath.Join(out, n), nil
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
	path, err := outPath(out, func() (string, error) { return xlsx.NationalFileName(years), nil })
	if err != nil {
		return err
	}
	if err := xlsx.ExportNational(ctx, path, ms, nil, p, time.Now(), nil); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Konsolidasi nasional ditulis: %s (%d provinsi x %d tahun)\n", path, len(ms), len(years))
	return nil
}
