package demo

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"

	"selaras/backend/indicator"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/target"
)

// Sources written into the demo's values, so every screen can tell a figure
// reported in the news from one generated for the example.
const (
	SourceSeed = "berita rakor"
	SourceDemo = "demo"
	noteDemo   = "Angka contoh (demo), bukan data resmi."
)

// seedFigure is a provincial figure reported in shared/seeds.
type seedFigure struct {
	province, code string
	year           int
	target, real   float64 // 0 = not reported
	baseline       float64
	note           string
}

var seedFigures = []seedFigure{
	// Seed 000: Rakor renja Dinas KUKM Kepulauan Bangka Belitung, Jumat 23 Februari 2024.
	{province: "19", code: "KOP.01", year: 2025, target: 17.65, note: "Target kinerja 2025, rakor renja 23 Februari 2024"},
	{province: "19", code: "UKM.01", year: 2025, target: 0.59, note: "Target kinerja 2025, rakor renja 23 Februari 2024"},
	{province: "19", code: "WU.01", year: 2025, target: 4.84, note: "Target kinerja 2025, rakor renja 23 Februari 2024"},
	{province: "19", code: "KOP.03", year: 2025, target: 0.625, note: "Target kinerja 2025, rakor renja 23 Februari 2024"},
	{province: "19", code: "KOP.02", year: 2025, target: 21.27, note: "Target kinerja 2025, rakor renja 23 Februari 2024"},
	{province: "19", code: "UKM.04", year: 2025, target: 20.76, note: "Target kinerja 2025, rakor renja 23 Februari 2024"},
	{province: "19", code: "UKM.05", year: 2025, target: 1000, note: "1.000 sertifikat halal, terutama makanan minuman dan RPH"},
	// Seed 001: Rakortek perencanaan 2025 (daring), Selasa 25 Februari 2025, Kalimantan Tengah.
	{province: "62", code: "KOP.04", year: 2025, baseline: 1311, note: "Koperasi produsen tercatat 1.311 unit"},
	{province: "62", code: "KOP.05", year: 2025, target: 222e9, note: "Volume usaha koperasi sektor produksi Rp 222 miliar akhir 2025"},
	{province: "62", code: "KOP.03", year: 2026, target: 1.12, note: "Target 2026, Rakortek 25 Februari 2025"},
	{province: "62", code: "KOP.06", year: 2026, target: 10, note: "Partisipasi masyarakat berkoperasi hingga 10%"},
	{province: "62", code: "UKM.06", year: 2026, target: 3.84, note: "Target 2025–2026, Rakortek 25 Februari 2025"},
	{province: "62", code: "UKM.02", year: 2026, target: 800, note: "Minimal 800 usaha mikro naik kelas"},
	{province: "62", code: "WU.01", year: 2026, target: 3.81, note: "Target hingga akhir 2026"},
	{province: "62", code: "WU.02", year: 2026, target: 2872, note: "2.872 wirausaha baru hingga akhir 2026"},
	// Seed 002: Rakornis perencanaan 2025, Malang, 10–11 Februari 2025, Jawa Timur.
	{province: "35", code: "PDRB.01", year: 2023, real: 59.18, note: "Kontribusi KUMKM terhadap PDRB Jatim 2023"},
	{province: "35", code: "PDRB.01", year: 2024, real: 60.43, note: "Semester I 2024"},
	// Seed 003: Rakor pemberdayaan KUMKM Maluku, Langgur, 26 Februari 2024.
	{province: "81", code: "KOP.07", year: 2023, real: 3834, note: "Jumlah koperasi hingga Desember 2023"},
	{province: "81", code: "UKM.07", year: 2023, real: 94164, note: "Jumlah UMKM hingga Desember 2023"},
}

func ptr(x float64) *float64 { return &x }

func nz(x float64) *float64 {
	if x == 0 {
		return nil
	}
	return &x
}

// fillValues writes the seed figures and, for Bangka Belitung (2024–2025),
// Kalimantan Tengah (2025–2026), Jawa Timur (2024–2025) and Maluku
// (2023–2024), generated regency and national values labelled demo so that
// every flag of the comparison screen has an example.
func fillValues(ctx context.Context, tx *sql.Tx) error {
	inds, err := indicator.List(ctx, tx)
	if err != nil {
		return err
	}
	byCode := map[string]indicator.Indicator{}
	for _, i := range inds {
		byCode[i.Code] = i
	}
	provTargets := map[string]float64{}
	var values []target.Value
	for _, s := range seedFigures {
		ind, ok := byCode[s.code]
		if !ok {
			return fmt.Errorf("demo: no indicator %s", s.code)
		}
		v := target.Value{IndicatorID: ind.ID, Region: s.province, Year: s.year, Target: nz(s.target),
			Realisation: nz(s.real), Baseline: nz(s.baseline), Source: SourceSeed, Note: s.note}
		values = append(values, v)
		if s.target != 0 {
			provTargets[fmt.Sprintf("%s|%s|%d", s.province, s.code, s.year)] = s.target
		}
	}
	rng := rand.New(rand.NewPCG(19, 62))
	national := map[string]bool{} // national figures are shared: write each once
	for _, plan := range []struct {
		province string
		years    []int
	}{{"19", []int{2024, 2025}}, {"62", []int{2025, 2026}}, {"35", []int{2024, 2025}}, {"81", []int{2023, 2024}}} {
		regs := region.Default().Regencies(plan.province)
		for _, ind := range inds {
			if ind.Code == "KOP.07" || ind.Code == "UKM.07" || ind.Code == "PDRB.01" {
				continue
			}
			if err := generate(&values, rng, ind, plan.province, plan.years, regs, provTargets, national); err != nil {
				return err
			}
		}
	}
	return target.SaveValues(ctx, store.InTx(tx), values)
}

// generate makes plausible regency figures around the provincial target of
// the last year, with a weaker first year and a few deliberate gaps.
func generate(out *[]target.Value, rng *rand.Rand, ind indicator.Indicator, prov string, years []int,
	regs []region.Region, provTargets map[string]float64, national map[string]bool) error {
	last := years[len(years)-1]
	base, seeded := provTargets[fmt.Sprintf("%s|%s|%d", prov, ind.Code, last)]
	if !seeded {
		base = typical(ind, len(regs))
	}
	roundTo := func(x float64) float64 {
		p := math.Pow(10, float64(ind.Decimals))
		return math.Round(x*p) / p
	}
	put := func(v target.Value) error {
		v.Source, v.Note = SourceDemo, noteDemo
		*out = append(*out, v)
		return nil
	}
	for yi, y := range years {
		drift := 1.0 - 0.06*float64(len(years)-1-yi) // earlier years a little lower
		// National reference for rates, slightly below the province's.
		if key := fmt.Sprintf("%s|%d", ind.Code, y); ind.Aggregation != indicator.Sum && !national[key] {
			national[key] = true
			if err := put(target.Value{IndicatorID: ind.ID, Region: target.National, Year: y, Target: ptr(roundTo(base * 0.9 * drift))}); err != nil {
				return err
			}
		}
		if !seeded || y != last {
			if err := put(target.Value{IndicatorID: ind.ID, Region: prov, Year: y, Target: ptr(roundTo(base * drift))}); err != nil {
				return err
			}
		}
		for ri, g := range regs {
			// Leave one regency without a target in the last year: the rakor sees the gap.
			if y == last && ri == len(regs)-2 && ind.SortOrder%30 == 0 {
				continue
			}
			spread := 0.75 + rng.Float64()*0.5
			if y != last && ri == 1 {
				spread *= 1.25 // this regency planned higher last year: its target now falls
			}
			v := target.Value{IndicatorID: ind.ID, Region: g.Code, Year: y}
			switch ind.Aggregation {
			case indicator.Sum:
				share := base / float64(len(regs)) * spread * drift
				if ind.Kind == indicator.Count {
					share = math.Round(share)
				}
				v.Target = ptr(share)
			case indicator.RatioAgg:
				den := math.Round(typicalDen(ind) * (0.5 + rng.Float64()))
				num := math.Round(den*base*spread*drift/ind.Scale*1000) / 1000
				v.TargetNum, v.TargetDen = ptr(num), ptr(den)
				v.Target = ptr(num / den * ind.Scale)
			default:
				v.Target = ptr(roundTo(base * spread * drift))
			}
			// The earlier year has a realisation, so achievement and rank show.
			if y != last && v.Target != nil {
				r := *v.Target * (0.8 + rng.Float64()*0.35)
				v.Realisation = ptr(r)
				if ind.Aggregation == indicator.RatioAgg {
					v.RealDen = v.TargetDen
					v.RealNum = ptr(r * *v.TargetDen / ind.Scale)
				}
			}
			if err := put(v); err != nil {
				return err
			}
		}
	}
	return nil
}

// typical gives a provincial magnitude for indicators the seeds name
// without a figure.
func typical(ind indicator.Indicator, regencies int) float64 {
	switch {
	case ind.IsPercent():
		return 12
	case ind.Kind == indicator.Rupiah:
		return 25e9 * float64(regencies)
	default:
		return 120 * float64(regencies)
	}
}

func typicalDen(ind indicator.Indicator) float64 {
	switch ind.Code {
	case "KOP.03", "PDRB.01":
		return 9e12 // PDRB of a regency in Rupiah
	case "WU.01", "KOP.06":
		return 180000 // people
	default:
		return 400 // cooperatives or enterprises
	}
}
