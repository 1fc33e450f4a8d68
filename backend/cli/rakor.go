package cli

import (
	"context"
	"strconv"

	"selaras/backend/rakor"
	"selaras/backend/store"
)

func runRakor(ctx context.Context, env Env, args []string) error {
	fs, db, format := listFlags(env, "rakor")
	if err := parseListing(env, fs, format, args); err != nil {
		return err
	}
	return list(ctx, env, *db, *format, func(s *store.Store) ([]rakor.MeetingSummary, error) {
		return rakor.ListMeetings(ctx, s)
	}, writeMeetingsCSV)
}

// writeMeetingsCSV prints a line per meeting with its counts.
func writeMeetingsCSV(w *table, list []rakor.MeetingSummary) error {
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
