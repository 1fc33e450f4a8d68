package cli

import (
	"context"
	"strconv"

	"selaras/backend/exchange"
	"selaras/backend/fault"
)

// runSubmissions prints the template return board of the office's province.
func runSubmissions(ctx context.Context, env Env, args []string) error {
	fs, db, format := listFlags(env, "submissions")
	year := fs.Int("year", 0, say(env, fault.CLIFlagYear))
	if err := parseListing(env, fs, format, args); err != nil {
		return err
	}
	s, p, err := openWithProfile(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if *year == 0 {
		*year = p.WorkingYear
	}
	board, err := exchange.Board(ctx, s, p.ProvinceCode, *year)
	if err != nil {
		return err
	}
	if *format == formatJSON {
		return writeJSON(env, board)
	}
	w := newTable(env, *format)
	w.row("kode", "wilayah", "status", "diimpor", "berkas", "sha256", "baru", "diubah", "dikosongkan", "jumlah_impor", "petugas")
	for _, b := range board {
		row := []string{b.Region.Code, b.Region.Name, "belum kembali", "", "", "", "", "", "", strconv.Itoa(b.Imports), ""}
		if l := b.Latest; l != nil {
			row = []string{b.Region.Code, b.Region.Name, "sudah kembali", l.ImportedAt, l.File, l.Hash, strconv.Itoa(l.New),
				strconv.Itoa(l.Changed), strconv.Itoa(l.Cleared), strconv.Itoa(b.Imports), l.Operator}
		}
		w.row(row...)
	}
	return w.flush()
}
