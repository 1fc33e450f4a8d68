package cli

import (
	"context"
	"selaras/backend/fault"
	"strconv"

	"selaras/backend/rakor"
)

func runRakor(ctx context.Context, env Env, args []string) error {
	fs := NewFlags(env, "rakor")
	db := fs.String("db", "", "basis data ruang kerja")
	format := fs.String("format", formatCSV, say(env, fault.CLIFlagFormat))
	if err := Parse(env, fs, args); err != nil {
		return err
	}
	if err := checkFormat(env, "rakor", *format); err != nil {
		return err
	}
	s, err := openExisting(ctx, env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	list, err := rakor.ListMeetings(ctx, s)
	if err != nil {
		return err
	}
	if *format == formatJSON {
		return writeJSON(env, list)
	}
	w := newTable(env, *format)
	w.row("id", "jenis", "judul", "tanggal_mulai", "tanggal_selesai", "tempat", "moda", "tahun_perencanaan",
		"provinsi", "penyelenggara", "peserta", "hadir", "agenda", "kesepakatan", "kesepakatan_terbuka", "permasalahan", "cuplikan")
	itoa := strconv.Itoa
	for _, ms := range list {
		m := ms.Meeting
		w.row(strconv.FormatInt(m.ID, 10), string(m.Kind), m.Title, m.StartDate, m.EndDate, m.Venue,
			string(m.Mode), itoa(m.PlanningYear), m.ProvinceCode, m.Organiser, itoa(ms.Participants), itoa(ms.Present),
			itoa(ms.AgendaItems), itoa(ms.Decisions), itoa(ms.OpenDecisions), itoa(ms.Challenges), itoa(ms.Snapshots))
	}
	return w.flush()
}
