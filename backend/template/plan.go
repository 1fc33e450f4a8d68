package template

import (
	"context"

	"selaras/backend/number"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
)

// PlanLevel is who plans in a region: the regency (L = 2) or the province (L = 1).
func PlanLevel(r region.Region) program.Level {
	if r.Level == region.Province {
		return program.LevelProvince
	}
	return program.LevelRegency
}

// PlanInput is what a region's plan sheet lists: its own plan lines of the
// year, and the sub-kegiatan of its level it may add lines for. The writer
// lists them and sums them into the plan checksum; the reader compares a
// returned sheet with them.
func PlanInput(ctx context.Context, s *store.Store, reg region.Region, year int) ([]program.PlanLine, []program.Item, error) {
	level := PlanLevel(reg)
	all, err := program.ListPlanLines(ctx, s, program.Filter{Year: year, Region: reg.Code})
	if err != nil {
		return nil, nil, err
	}
	lines := []program.PlanLine{}
	for _, l := range all {
		if l.Level == level {
			lines = append(lines, l)
		}
	}
	items, err := program.ListItems(ctx, s.Read())
	if err != nil {
		return nil, nil, err
	}
	subs := []program.Item{}
	for _, it := range items {
		if it.Kind == program.KindSubKegiatan && it.Level == level {
			subs = append(subs, it)
		}
	}
	return lines, subs, nil
}

// PlanText shows a plan field the way the sheet and the preview show it; a
// new line (none) has no old values.
func PlanText(l program.PlanLine, field string, none bool) string {
	if none {
		return ""
	}
	qty := func(v *float64) string {
		if v == nil {
			return ""
		}
		return number.Format(*v, -1)
	}
	rupiah := func(v int64) string { return "Rp" + number.Format(float64(v), 0) }
	switch field {
	case "outputIndicator":
		return l.OutputIndicator
	case "outputUnit":
		return l.OutputUnit
	case "target":
		return qty(l.Target)
	case "pagu":
		return rupiah(l.Pagu)
	case "sumberDana":
		return l.SumberDana.Label()
	case "lokasi":
		return l.Lokasi
	case "catatan":
		return l.Catatan
	case "targetNext":
		return qty(l.TargetNext)
	case "paguNext":
		if l.PaguNext == nil {
			return ""
		}
		return rupiah(*l.PaguNext)
	}
	return ""
}
