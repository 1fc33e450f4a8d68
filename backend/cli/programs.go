package cli

import (
	"context"
	"strconv"
	"strings"

	"selaras/backend/fault"
	"selaras/backend/program"
	"selaras/backend/store"
)

func runPrograms(ctx context.Context, env Env, args []string) error {
	fs, db, format := listFlags(env, "programs")
	year := fs.Int("year", 0, say(env, fault.CLIFlagPlanYear))
	prov := fs.String("province", "", say(env, fault.CLIFlagProvince))
	if err := parseListing(env, fs, format, args, "year"); err != nil {
		return err
	}
	return list(ctx, env, *db, *format, func(s *store.Store) (program.Tree, error) {
		return program.BuildTree(ctx, s, program.Filter{Year: *year, Province: strings.TrimSpace(*prov)})
	}, writeTreeCSV)
}

// writeTreeCSV prints the Renja order: each program, kegiatan and
// sub-kegiatan with its subtotal, the plan lines under it, and a grand
// total last. Numbers use a dot and Rupiah are whole integers so other
// tools read them.
func writeTreeCSV(w *table, t program.Tree) error {
	num := w.num
	w.row("tingkat", "kode", "uraian", "wilayah", "nama_wilayah", "indikator_keluaran", "satuan", "target",
		"pagu", "sumber_dana", "lokasi", "bidang", "status", "alasan", "target_n1", "pagu_n1", "kode_pusat", "catatan", "tanda")
	rp := func(p *int64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatInt(*p, 10)
	}
	subtotal := func(n program.Node) {
		w.row(string(n.Item.Kind), n.Item.Code, n.Item.Name, "", "", "", "", "",
			strconv.FormatInt(n.Sum.Pagu, 10), "", "", "", "", "", "", strconv.FormatInt(n.Sum.PaguNext, 10), "", "", "")
	}
	var walk func(n program.Node)
	walk = func(n program.Node) {
		subtotal(n)
		for _, l := range n.Lines {
			flags := make([]string, len(l.Flags))
			for i, f := range l.Flags {
				flags[i] = string(f)
			}
			pagu := l.Pagu
			w.row("baris", l.SubKegiatanCode, l.SubKegiatanName, l.Region, l.RegionName, l.OutputIndicator,
				l.OutputUnit, num(l.Target), rp(&pagu), string(l.SumberDana), l.Lokasi, l.Bidang, string(l.Status),
				l.StatusReason, num(l.TargetNext), rp(l.PaguNext), l.CentralCode, l.Catatan, strings.Join(flags, ";"))
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	for _, p := range t.Programs {
		walk(p)
	}
	w.row("jumlah", t.Urusan.Code, "Jumlah "+strconv.Itoa(t.Total.Lines)+" baris", "", "", "", "", "",
		strconv.FormatInt(t.Total.Pagu, 10), "", "", "", "", "", "", strconv.FormatInt(t.Total.PaguNext, 10), "", "", "")
	return w.flush()
}
