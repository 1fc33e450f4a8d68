package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"selaras/backend/fault"
	"selaras/backend/harmonise"
	"selaras/backend/profile"
	"selaras/backend/store"
	"selaras/backend/workspace"
)

// yearsFlag accepts --year 2025 --year 2026 or --year 2025,2026.
type yearsFlag []int

func (y *yearsFlag) String() string { return fmt.Sprint(*y) }

func (y *yearsFlag) Set(s string) error {
	for _, part := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 2000 || n > 2100 {
			return fmt.Errorf("tahun %q tidak valid", part)
		}
		*y = append(*y, n)
	}
	return nil
}

// openWithProfile opens an existing workspace whose office profile is
// filled in, as the commands that write or read the office's files need.
func openWithProfile(ctx context.Context, env Env, db string) (*store.Store, profile.Profile, error) {
	s, err := openExisting(ctx, env, db)
	if err != nil {
		return nil, profile.Profile{}, err
	}
	p, err := profile.Get(ctx, s)
	if errors.Is(err, profile.ErrNotSet) {
		err = fault.Wrap(err, fault.ProfileMissing, "")
	}
	if err != nil {
		s.Close()
		return nil, profile.Profile{}, err
	}
	return s, p, nil
}

// openExisting opens the workspace db names (without one, the default),
// which must already exist; a shared one with its password found as
// openShared finds it.
func openExisting(ctx context.Context, env Env, db string) (*store.Store, error) {
	path := db
	if path == "" {
		var err error
		if path, err = DefaultDB(env); err != nil {
			return nil, err
		}
	}
	if store.IsPostgres(path) {
		return openShared(ctx, env, path)
	}
	return workspace.OpenExisting(ctx, path)
}

func runHarmonise(ctx context.Context, env Env, args []string) error {
	fs, db, format := listFlags(env, "harmonise")
	prov := fs.String("province", "", say(env, fault.CLIFlagProvinceCode))
	var years yearsFlag
	fs.Var(&years, "year", say(env, fault.CLIFlagYearsRequired))
	if err := parseListing(env, fs, format, args, "province", "year"); err != nil {
		return err
	}
	return list(ctx, env, *db, *format, func(s *store.Store) (harmonise.Matrix, error) {
		return harmonise.Compute(ctx, s, *prov, years)
	}, writeMatrixCSV)
}

// writeMatrixCSV prints one line per region and indicator-year, with the
// roll-up as its own line.
func writeMatrixCSV(w *table, m harmonise.Matrix) error {
	num := w.num
	w.row("indikator", "nama_indikator", "satuan", "tahun", "wilayah", "nama_wilayah", "tingkat",
		"target", "pembilang", "penyebut", "realisasi", "capaian_persen", "peringkat", "tanda")
	flags := func(fs []harmonise.Flag) string {
		parts := make([]string, len(fs))
		for i, f := range fs {
			parts[i] = string(f)
		}
		return strings.Join(parts, ";")
	}
	for _, r := range m.Rows {
		line := func(code, name, level string, c harmonise.Cell) {
			rank := ""
			if c.Rank > 0 {
				rank = strconv.Itoa(c.Rank)
			}
			w.row(r.Indicator.Code, r.Indicator.Name, r.Indicator.Unit, strconv.Itoa(r.Year), code, name, level,
				num(c.Target), num(c.TargetNum), num(c.TargetDen), num(c.Realisation), num(c.Achievement), rank, flags(c.Flags))
		}
		line("ID", "Nasional", "nasional", r.National)
		line(m.Province.Code, m.Province.Name, "provinsi", r.Province)
		for i, g := range m.Regencies {
			line(g.Code, g.Name, string(g.Level), r.Regencies[i])
		}
		w.row(r.Indicator.Code, r.Indicator.Name, r.Indicator.Unit, strconv.Itoa(r.Year), m.Province.Code,
			"Gabungan kabupaten/kota", "gabungan", num(r.RollUp.Target), "", "", num(r.RollUp.Realisation), "", "", flags(r.Flags))
	}
	return w.flush()
}
