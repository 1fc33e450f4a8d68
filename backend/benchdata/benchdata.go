// Package benchdata builds workspaces at the national scale of the quality
// bars (30 indicators x 514 regencies + 38 provinces + national x 5 years)
// for the benchmarks of harmonise and xlsx.
package benchdata

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"testing"

	"selaras/backend/indicator"
	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/target"
)

// Years are the five years of the national dataset.
var Years = []int{2022, 2023, 2024, 2025, 2026}

// Fill writes the national dataset into an empty, migrated workspace.
func Fill(ctx context.Context, s *store.Store) error {
	rng := rand.New(rand.NewPCG(1, 2))
	var regions []string
	for _, p := range region.Default().Provinces() {
		regions = append(regions, p.Code)
	}
	for _, r := range region.Default().Regencies("") {
		regions = append(regions, r.Code)
	}
	regions = append(regions, target.National)
	return s.Tx(ctx, func(tx *sql.Tx) error {
		p := profile.Profile{ProvinceCode: "35", OfficeName: "Dinas Koperasi dan UKM Provinsi Jawa Timur", WorkingYear: 2025,
			PaperSize: profile.A4, HeadName: "Kepala Dinas", HeadPosition: "Kepala Dinas", Address: "Surabaya"}
		if _, err := profile.Save(ctx, store.InTx(tx), p); err != nil {
			return err
		}
		return Values(ctx, tx, rng, Spread{Indicators: 30, Years: Years, Regions: regions, Source: "bench",
			Target: func(rng *rand.Rand) float64 { return 50 + rng.Float64()*50 }})
	})
}

// Spread is what Values writes: so many indicators (the starter catalogue
// over and over, each with its own code), each with a value for every year
// and region.
type Spread struct {
	Indicators int
	Years      []int
	Regions    []string
	Source     string
	// Target draws a value's target; its realisation is 80 to 120% of it,
	// and a ratio's target is over a denominator of 1,000.
	Target func(rng *rand.Rand) float64
}

// Values writes sp's indicators and values inside tx, drawing from rng.
func Values(ctx context.Context, tx *sql.Tx, rng *rand.Rand, sp Spread) error {
	starter := indicator.Starter()
	var values []target.Value
	for n := range sp.Indicators {
		i := starter[n%len(starter)]
		i.Code = fmt.Sprintf("%s-%d", i.Code, n)
		i, err := indicator.Save(ctx, store.InTx(tx), i)
		if err != nil {
			return err
		}
		for _, y := range sp.Years {
			for _, r := range sp.Regions {
				v := target.Value{IndicatorID: i.ID, Region: r, Year: y, Source: sp.Source}
				x := sp.Target(rng)
				v.Target = &x
				if i.Kind == indicator.Ratio {
					num, den := x*10, 1000.0
					v.TargetNum, v.TargetDen = &num, &den
				}
				real := x * (0.8 + rng.Float64()*0.4)
				v.Realisation = &real
				values = append(values, v)
			}
		}
	}
	return target.SaveValues(ctx, store.InTx(tx), values)
}

// PlanLines is the number of plan lines of the national dataset.
const PlanLines = 20000

// FillPlans writes the national work plan of one year: 180 sub-kegiatan
// under the shipped nomenclature and n plan lines over every regency, with
// a third of the provincial sub-kegiatan's lines in the provinces.
func FillPlans(ctx context.Context, s *store.Store, year, n int) error {
	if err := program.EnsureInstalled(ctx, s); err != nil {
		return err
	}
	items, err := program.ListItems(ctx, s.Read())
	if err != nil {
		return err
	}
	byCode := map[string]program.Item{}
	for _, it := range items {
		byCode[it.Code] = it
	}
	provinces := region.Default().Provinces()
	regencies := region.Default().Regencies("")
	kegiatan := []string{"2.17.05.1.01", "2.17.06.1.01", "2.17.07.1.01", "2.17.08.1.01",
		"2.17.03.2.01", "2.17.05.2.01", "2.17.06.2.01", "2.17.07.2.01", "2.17.08.2.01"}
	f64 := func(x float64) *float64 { return &x }
	i64 := func(x int64) *int64 { return &x }
	return s.Tx(ctx, func(tx *sql.Tx) error {
		var subs []program.Item
		for i := 0; i < 180; i++ {
			k, ok := byCode[kegiatan[i%len(kegiatan)]]
			if !ok {
				return fmt.Errorf("benchdata: kegiatan %s not shipped", kegiatan[i%len(kegiatan)])
			}
			it := program.Item{Code: fmt.Sprintf("%s.%04d", k.Code, 9000+i), ParentID: k.ID, Name: fmt.Sprintf("Sub-kegiatan uji %d", i+1)}
			saved, err := program.SaveSubKegiatan(ctx, store.InTx(tx), it)
			if err != nil {
				return err
			}
			it.ID, it.Level = saved.ID, k.Level
			subs = append(subs, it)
		}
		for j := 0; j < n; j++ {
			sub := subs[j%len(subs)]
			reg := regencies[j%len(regencies)].Code
			if sub.Level == program.LevelProvince && j%3 == 0 {
				reg = provinces[j%len(provinces)].Code
			}
			l := program.PlanLine{SubKegiatanID: sub.ID, Region: reg, Year: year, OutputIndicator: "Keluaran uji", OutputUnit: "unit",
				Target: f64(float64(j % 97)), Pagu: int64(j+1) * 1_000_000, SumberDana: program.AllSumberDana[j%len(program.AllSumberDana)],
				Bidang: "Bidang UKM", Status: program.Usulan, PaguNext: i64(int64(j+1) * 1_100_000)}
			if l.SumberDana == program.APBDKabKota && sub.Level == program.LevelProvince {
				l.SumberDana = program.APBDProvinsi
			}
			if j%50 == 0 {
				l.Target = nil
			}
			if _, err := program.SavePlanLine(ctx, store.InTx(tx), l); err != nil {
				return err
			}
		}
		return nil
	})
}

// CPUPerOp starts counting the process's CPU time; the function it returns
// reports it per operation ("cpu-ms/op"). Unlike ns/op it leaves out the
// time a shared machine gave to others. Call it after the setup and defer
// the result: defer benchdata.CPUPerOp(b)().
func CPUPerOp(b *testing.B) func() {
	start := CPU()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64(CPU()-start)/float64(b.N)/1e6, "cpu-ms/op")
		}
	}
}
