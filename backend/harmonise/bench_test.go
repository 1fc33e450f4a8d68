package harmonise

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"selaras/backend/indicator"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/target"
)

// nationalWorkspace fills a workspace at the scale of the quality bar:
// 30 indicators x (514 regencies + 38 provinces + national) x 5 years.
func nationalWorkspace(b *testing.B) *store.Store {
	b.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(b.TempDir(), "nasional.db"), store.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { s.Close() })
	rng := rand.New(rand.NewPCG(1, 2))
	var regions []string
	for _, p := range region.Default().Provinces() {
		regions = append(regions, p.Code)
	}
	for _, r := range region.Default().Regencies("") {
		regions = append(regions, r.Code)
	}
	regions = append(regions, target.National)
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		starter := indicator.Starter()
		for n := 0; n < 30; n++ {
			i := starter[n%len(starter)]
			i.Code = fmt.Sprintf("%s-%d", i.Code, n)
			i.Normalize()
			id, err := indicator.Put(ctx, tx, i)
			if err != nil {
				return err
			}
			for y := 2022; y <= 2026; y++ {
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
	require.NoError(b, err)
	return s
}

// BenchmarkProvinceYear is one screen of the rakor: Jawa Timur (38 regencies),
// one year, read from SQLite and computed. Goal: under 50 ms.
func BenchmarkProvinceYear(b *testing.B) {
	s := nationalWorkspace(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := Compute(ctx, s, "35", []int{2025}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCountryYear computes every province for one year, as the
// ministry's consolidation does. Goal: under 500 ms.
func BenchmarkCountryYear(b *testing.B) {
	s := nationalWorkspace(b)
	ctx := context.Background()
	provinces := region.Default().Provinces()
	for b.Loop() {
		for _, p := range provinces {
			if _, err := Compute(ctx, s, p.Code, []int{2025}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
