package program

import (
	"context"
	"database/sql"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/store"
)

// put writes lines in one transaction, as the demo and imports do.
func (f *fixture) put(t testing.TB, lines ...PlanLine) {
	t.Helper()
	ctx := context.Background()
	require.NoError(t, f.s.Tx(ctx, func(tx *sql.Tx) error {
		for _, l := range lines {
			if _, err := SavePlanLine(ctx, store.InTx(tx), l); err != nil {
				return err
			}
		}
		return nil
	}))
}

func findNode(nodes []Node, code string) *Node {
	for i := range nodes {
		if nodes[i].Item.Code == code {
			return &nodes[i]
		}
		if n := findNode(nodes[i].Children, code); n != nil {
			return n
		}
	}
	return nil
}

func TestTreeSubtotals(t *testing.T) {
	type want struct {
		code     string
		pagu     int64
		paguNext int64
		lines    int
	}
	tests := []struct {
		name    string
		lines   func(f fixture) []PlanLine
		nodes   []want
		total   Sum
		regions map[string]int64
		funds   map[SumberDana]int64
	}{
		{
			name: "one line",
			lines: func(f fixture) []PlanLine {
				return []PlanLine{line(f.items["2.17.08.1.01.0001"], "19", 750_000_000)}
			},
			nodes: []want{{"2.17.08", 750_000_000, 0, 1}, {"2.17.08.1.01", 750_000_000, 0, 1}, {"2.17.08.1.01.0001", 750_000_000, 0, 1}},
			total: Sum{Pagu: 750_000_000, Lines: 1}, regions: map[string]int64{"19": 750_000_000},
			funds: map[SumberDana]int64{APBDProvinsi: 750_000_000},
		},
		{
			name: "Rp 222 miliar across levels, exact",
			lines: func(f fixture) []PlanLine {
				a := line(f.items["2.17.08.1.01.0001"], "19", 222_000_000_000)
				a.PaguNext = ip(1)
				b := line(f.items["2.17.08.1.01.0002"], "19.01", 1)
				b.PaguNext = ip(222_000_000_000)
				c := line(f.items["2.17.06.1.01.0001"], "19.01", 333_333_333_333)
				c.SumberDana = DAK
				return []PlanLine{a, b, c}
			},
			nodes: []want{
				{"2.17.08", 222_000_000_001, 222_000_000_001, 2}, {"2.17.08.1.01", 222_000_000_001, 222_000_000_001, 2},
				{"2.17.08.1.01.0001", 222_000_000_000, 1, 1}, {"2.17.08.1.01.0002", 1, 222_000_000_000, 1},
				{"2.17.06", 333_333_333_333, 0, 1},
			},
			total:   Sum{Pagu: 555_333_333_334, PaguNext: 222_000_000_001, Lines: 3},
			regions: map[string]int64{"19": 222_000_000_000, "19.01": 333_333_333_334},
			funds:   map[SumberDana]int64{APBDProvinsi: 222_000_000_001, DAK: 333_333_333_333},
		},
		{
			name: "ninety lines of the largest pagu, Rp9.000 triliun, stay exact",
			lines: func(f fixture) []PlanLine {
				var out []PlanLine
				for i := 0; i < 90; i++ {
					out = append(out, line(f.items["2.17.07.2.01.0001"], "19.02", MaxPagu))
				}
				return out
			},
			nodes:   []want{{"2.17.07", 90 * MaxPagu, 0, 90}},
			total:   Sum{Pagu: 90 * MaxPagu, Lines: 90},
			regions: map[string]int64{"19.02": 90 * MaxPagu},
			funds:   map[SumberDana]int64{APBDProvinsi: 90 * MaxPagu},
		},
		{
			name: "lines without a target are counted",
			lines: func(f fixture) []PlanLine {
				a := line(f.items["2.17.08.1.01.0001"], "19", 10)
				a.Target, a.OutputUnit = nil, ""
				b := line(f.items["2.17.08.1.01.0001"], "19", 20)
				return []PlanLine{a, b}
			},
			nodes: []want{{"2.17.08.1.01.0001", 30, 0, 2}},
			total: Sum{Pagu: 30, Lines: 2, NoTarget: 1}, regions: map[string]int64{"19": 30},
			funds: map[SumberDana]int64{APBDProvinsi: 30},
		},
		{
			name:    "no lines",
			lines:   func(f fixture) []PlanLine { return nil },
			total:   Sum{},
			regions: map[string]int64{}, funds: map[SumberDana]int64{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := setup(t)
			f.sub(t, "2.17.08.1.01.0001", "Fasilitasi Sertifikasi Halal", "UKM.05")
			f.sub(t, "2.17.08.1.01.0002", "Bantuan Peralatan Produksi", "UKM.02")
			f.sub(t, "2.17.06.1.01.0001", "Pengembangan Koperasi Modern", "KOP.02")
			f.sub(t, "2.17.07.2.01.0001", "Fasilitasi Kemudahan Perizinan Usaha Mikro")
			f.put(t, tt.lines(f)...)
			tree, err := BuildTree(context.Background(), f.s, Filter{Year: 2025})
			require.NoError(t, err)
			for _, w := range tt.nodes {
				n := findNode(tree.Programs, w.code)
				require.NotNil(t, n, w.code)
				assert.Equal(t, w.pagu, n.Sum.Pagu, "pagu of %s", w.code)
				assert.Equal(t, w.paguNext, n.Sum.PaguNext, "pagu n+1 of %s", w.code)
				assert.Equal(t, w.lines, n.Sum.Lines, "lines of %s", w.code)
			}
			assert.Equal(t, tt.total, tree.Total)
			regions := map[string]int64{}
			for _, r := range tree.ByRegion {
				regions[r.Region] = r.Sum.Pagu
				assert.NotEmpty(t, r.Name)
			}
			assert.Equal(t, tt.regions, regions)
			funds := map[SumberDana]int64{}
			for _, d := range tree.BySumberDana {
				funds[d.SumberDana] = d.Sum.Pagu
				assert.Equal(t, d.SumberDana.Label(), d.Label)
			}
			assert.Equal(t, tt.funds, funds)
			// Every subtotal is the sum of what is under it.
			var check func(n Node) Sum
			check = func(n Node) Sum {
				var s Sum
				for _, l := range n.Lines {
					require.NoError(t, s.addLine(&l))
				}
				for _, c := range n.Children {
					require.NoError(t, s.add(check(c)))
				}
				assert.Equal(t, s, n.Sum, n.Item.Code)
				return s
			}
			var all Sum
			for _, p := range tree.Programs {
				require.NoError(t, all.add(check(p)))
			}
			assert.Equal(t, tree.Total, all)
		})
	}
}

func TestTreeOverflowIsRefused(t *testing.T) {
	items := []Item{{ID: 1, Code: "2.17", Kind: KindUrusan}, {ID: 2, Code: "2.17.08", Kind: KindProgram, ParentID: 1},
		{ID: 3, Code: "2.17.08.1.01", Kind: KindKegiatan, ParentID: 2}, {ID: 4, Code: "2.17.08.1.01.0001", Kind: KindSubKegiatan, ParentID: 3}}
	lines := []PlanLine{{SubKegiatanID: 4, Pagu: math.MaxInt64}, {SubKegiatanID: 4, Pagu: 1}}
	_, err := Assemble(Filter{Year: 2025}, items, lines)
	assert.ErrorIs(t, err, errOverflow)
}

func TestTreeFilters(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	halal := f.sub(t, "2.17.08.1.01.0001", "Fasilitasi Sertifikasi Halal", "UKM.05")
	alat := f.sub(t, "2.17.08.1.01.0002", "Bantuan Peralatan Produksi", "UKM.02")
	izin := f.sub(t, "2.17.07.2.01.0003", "Fasilitasi Kemudahan Perizinan Usaha Mikro", "UKM.03")
	a := line(halal, "19", 100)
	b := line(alat, "19.01", 200)
	b.Bidang = "Bidang Usaha Kecil"
	c := line(alat, "19.02", 400)
	c.Status, c.StatusReason = BelumDisepakati, "menunggu data penerima"
	d := line(izin, "19.71", 800)
	d.SumberDana, d.Bidang, d.Status = APBDKabKota, "Dinas KUKM Kota Pangkal Pinang", Disepakati
	e := line(halal, "62", 1600)
	g := line(halal, "19", 3200)
	g.Year = 2026
	f.put(t, a, b, c, d, e, g)

	tests := []struct {
		name   string
		filter Filter
		pagu   int64
		lines  int
	}{
		{"the year", Filter{Year: 2025}, 3100, 5},
		{"the next year", Filter{Year: 2026}, 3200, 1},
		{"a province and its regencies", Filter{Year: 2025, Province: "19"}, 1500, 4},
		{"another province", Filter{Year: 2025, Province: "62"}, 1600, 1},
		{"exactly the province", Filter{Year: 2025, Region: "19"}, 100, 1},
		{"one regency", Filter{Year: 2025, Region: "19.01"}, 200, 1},
		{"bidang, any case", Filter{Year: 2025, Bidang: " bidang  usaha KECIL"}, 200, 1},
		{"status", Filter{Year: 2025, Status: BelumDisepakati}, 400, 1},
		{"status agreed", Filter{Year: 2025, Status: Disepakati}, 800, 1},
		{"sumber dana", Filter{Year: 2025, SumberDana: APBDKabKota}, 800, 1},
		{"combined", Filter{Year: 2025, Province: "19", SumberDana: APBDProvinsi, Status: Usulan}, 300, 2},
		{"nothing matches", Filter{Year: 2025, SumberDana: DAK}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree, err := BuildTree(ctx, f.s, tt.filter)
			require.NoError(t, err)
			assert.Equal(t, tt.pagu, tree.Total.Pagu)
			assert.Equal(t, tt.lines, tree.Total.Lines)
			assert.Equal(t, tt.filter, tree.Filter)
			if tt.lines == 0 {
				assert.Empty(t, tree.Programs, "branches without lines are left out")
				assert.NotNil(t, tree.Programs, "never null in JSON")
			}
		})
	}

	t.Run("include empty shows the whole nomenclature", func(t *testing.T) {
		tree, err := BuildTree(ctx, f.s, Filter{Year: 2025, SumberDana: DAK, IncludeEmpty: true})
		require.NoError(t, err)
		assert.Len(t, tree.Programs, 8)
		assert.Equal(t, "2.17", tree.Urusan.Code)
		n := findNode(tree.Programs, "2.17.08.1.01.0002")
		require.NotNil(t, n)
		assert.Equal(t, []PlanLine{}, n.Lines)
	})

	bad := []struct {
		name   string
		filter Filter
		field  string
	}{
		{"no year", Filter{}, "year"},
		{"unknown province", Filter{Year: 2025, Province: "19.01"}, "province"},
		{"unknown region", Filter{Year: 2025, Region: "99"}, "region"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := BuildTree(ctx, f.s, tt.filter)
			require.Error(t, err)
			assert.Equal(t, tt.field, fault.FieldOf(err))
		})
	}
}
