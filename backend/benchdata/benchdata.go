// Package benchdata builds workspaces at the national scale of the quality
// bars (30 indicators x 514 regencies + 38 provinces + national x 5 years)
// for the benchmarks of harmonise and xlsx.
package benchdata

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"

	"selaras/backend/indicator"
	"selaras/backend/profile"
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
		if err := profile.Put(ctx, tx, p); err != nil {
			return err
		}
		starter := indicator.Starter()
		for n := 0; n < 30; n++ {
			i := starter[n%len(starter)]
			i.Code = fmt.Sprintf("%s-%d", i.Code, n)
			i.Normalize()
			id, err := indicator.Put(ctx, tx, i)
			if err != nil {
				return err
			}
			for _, y := range Years {
				for _, r := range regions {
					v := target.Value{IndicatorID: id, Region: r, Year: y, Source: "bench"}
					x := 50 + rng.Float64()*50
					v.Target = &x
					if i.Kind == indicator.Ratio {
						num, den := x*10, 1000.0
						v.TargetNum, v.TargetDen = &num, &den
					}
					real := x * (0.8 + rng.Float64()*0.4)
					v.Realisation = &real
					if err := target.Put(ctx, tx, v); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
}
