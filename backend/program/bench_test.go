package program

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"selaras/backend/region"
)

// BenchmarkTree20000 builds the tree of one year with subtotals over the
// 20,000 plan lines of the quality bar, read from SQLite: the national
// consolidation's program screen. Goal: a responsive screen, under 200 ms.
func BenchmarkTree20000(b *testing.B) {
	f := setup(b)
	ctx := context.Background()
	provinces := region.Default().Provinces()
	regencies := region.Default().Regencies("")
	kegiatan := []string{"2.17.05.1.01", "2.17.06.1.01", "2.17.07.1.01", "2.17.08.1.01",
		"2.17.03.2.01", "2.17.05.2.01", "2.17.06.2.01", "2.17.07.2.01", "2.17.08.2.01"}
	var subs []Item
	require.NoError(b, f.s.Tx(ctx, func(tx *sql.Tx) error {
		for i := 0; i < 180; i++ {
			k := f.items[kegiatan[i%len(kegiatan)]]
			it := Item{Code: fmt.Sprintf("%s.%04d", k.Code, i+1), ParentID: k.ID, Name: fmt.Sprintf("Sub-kegiatan %d", i+1),
				IndicatorIDs: []int64{f.inds["UKM.05"].ID}}
			id, err := PutSubKegiatan(ctx, tx, it)
			if err != nil {
				return err
			}
			it.ID, it.Level = id, k.Level
			subs = append(subs, it)
		}
		for n := 0; n < 20000; n++ {
			sub := subs[n%len(subs)]
			reg := regencies[n%len(regencies)].Code
			if sub.Level == LevelProvince && n%3 == 0 {
				reg = provinces[n%len(provinces)].Code
			}
			l := PlanLine{SubKegiatanID: sub.ID, Region: reg, Year: 2025, OutputIndicator: "Keluaran uji", OutputUnit: "unit",
				Target: fp(float64(n % 97)), Pagu: int64(n+1) * 1_000_000, SumberDana: AllSumberDana[n%len(AllSumberDana)],
				Bidang: "Bidang UKM", Status: Usulan, PaguNext: ip(int64(n+1) * 1_100_000)}
			if l.SumberDana == APBDKabKota && sub.Level == LevelProvince {
				l.SumberDana = APBDProvinsi
			}
			if n%50 == 0 {
				l.Target = nil
			}
			if _, err := PutPlanLine(ctx, tx, l); err != nil {
				return err
			}
		}
		return nil
	}))
	b.ResetTimer()
	for b.Loop() {
		t, err := BuildTree(ctx, f.s, Filter{Year: 2025})
		if err != nil {
			b.Fatal(err)
		}
		if t.Total.Lines != 20000 {
			b.Fatalf("got %d lines, want 20000", t.Total.Lines)
		}
	}
}
