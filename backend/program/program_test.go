package program

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/indicator"
	"selaras/backend/indicator/indicatortest"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// fixture is a migrated workspace with the starter indicators and the
// shipped nomenclature.
type fixture struct {
	s     *store.Store
	inds  map[string]indicator.Indicator
	items map[string]Item
}

func setup(t testing.TB) fixture {
	t.Helper()
	s, inds := indicatortest.Open(t, Install)
	f := fixture{s: s, inds: inds}
	f.reload(t)
	return f
}

func (f *fixture) reload(t testing.TB) {
	t.Helper()
	items, err := ListItems(context.Background(), f.s.Read())
	require.NoError(t, err)
	f.items = map[string]Item{}
	for _, it := range items {
		f.items[it.Code] = it
	}
}

// sub adds a sub-kegiatan serving the indicators with the given codes.
func (f *fixture) sub(t testing.TB, code, name string, indicators ...string) Item {
	t.Helper()
	it := Item{Code: code, Name: name}
	for _, c := range indicators {
		it.IndicatorIDs = append(it.IndicatorIDs, f.inds[c].ID)
	}
	it, err := SaveSubKegiatan(context.Background(), f.s, it)
	require.NoError(t, err)
	f.reload(t)
	return it
}

func fp(x float64) *float64 { return &x }
func ip(x int64) *int64     { return &x }

// line is a valid plan line for tests to change one field of.
func line(sub Item, reg string, pagu int64) PlanLine {
	return PlanLine{SubKegiatanID: sub.ID, Region: reg, Year: 2025, OutputIndicator: "Jumlah UMKM yang difasilitasi",
		OutputUnit: "unit usaha", Target: fp(100), Pagu: pagu, SumberDana: APBDProvinsi, Bidang: "Bidang UKM"}
}

func TestInstallShipsTheDecree(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	// Idempotent: a second run changes nothing and keeps ids.
	require.NoError(t, f.s.Tx(ctx, func(tx *sql.Tx) error { return Install(ctx, tx) }))
	items, err := ListItems(ctx, f.s.Read())
	require.NoError(t, err)
	assert.Len(t, items, len(Shipped()))
	kinds := map[Kind]int{}
	for _, it := range items {
		kinds[it.Kind]++
		assert.True(t, it.Shipped, it.Code)
		if it.Kind != KindUrusan {
			parent := f.items[parentCode(it.Code)]
			assert.Equal(t, parent.ID, it.ParentID, "parent of %s", it.Code)
		}
	}
	assert.Equal(t, map[Kind]int{KindUrusan: 1, KindProgram: 8, KindKegiatan: 32}, kinds)
	for _, code := range []string{"2.17.01", "2.17.02", "2.17.03", "2.17.04", "2.17.05", "2.17.06", "2.17.07", "2.17.08"} {
		assert.Contains(t, f.items, code)
	}
	// Programs 02-08 each have a province and a regency kegiatan.
	for pp := 2; pp <= 8; pp++ {
		code := "2.17.0" + string(rune('0'+pp))
		assert.Contains(t, f.items, code+".1.01")
		assert.Contains(t, f.items, code+".2.01")
	}
	assert.Equal(t, LevelProvince, f.items["2.17.07.1.01"].Level)
	assert.Equal(t, LevelRegency, f.items["2.17.07.2.01"].Level)
	assert.True(t, strings.HasPrefix(f.items["2.17.07.2.01"].Name, "Pemberdayaan Usaha Mikro"))
	assert.True(t, strings.HasPrefix(f.items["2.17.08.1.01"].Name, "Pengembangan Usaha Kecil"))
}

func TestSubKegiatanCode(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	f.sub(t, "2.17.07.2.01.0001", "Fasilitasi Kemudahan Perizinan Usaha Mikro")
	tests := []struct {
		name   string
		code   string
		parent string // code of the kegiatan picked, "" for none
		want   string // full code saved; "" when refused
		reason string // part of the refusal
	}{
		{"full code, parent from the prefix", "2.17.07.2.01.0002", "", "2.17.07.2.01.0002", ""},
		{"full code with the parent picked", "2.17.08.1.01.0001", "2.17.08.1.01", "2.17.08.1.01.0001", ""},
		{"number only with the parent picked", "0003", "2.17.05.2.01", "2.17.05.2.01.0003", ""},
		{"spaces are dropped", " 2.17.06.1.01. 0001 ", "", "2.17.06.1.01.0001", ""},
		{"empty", "  ", "", "", "wajib diisi"},
		{"one-digit program", "2.17.7.2.01.0001", "", "", "tidak sesuai format"},
		{"three-digit number", "2.17.07.2.01.001", "", "", "tidak sesuai format"},
		{"L is neither 1 nor 2", "2.17.07.3.01.0001", "", "", "tidak sesuai format"},
		{"letters", "2.17.07.2.01.00a1", "", "", "tidak sesuai format"},
		{"number only without a parent", "0004", "", "", "tidak sesuai format"},
		{"number 0000", "2.17.07.2.01.0000", "", "", "tidak boleh 0000"},
		{"unknown program", "2.17.09.2.01.0001", "", "", "kegiatan induk 2.17.09.2.01 tidak ada"},
		{"unknown kegiatan", "2.17.07.2.02.0001", "", "", "kegiatan induk 2.17.07.2.02 tidak ada"},
		{"other urusan", "2.18.02.2.01.0001", "", "", "kegiatan induk 2.18.02.2.01 tidak ada"},
		{"L mismatch", "2.17.07.2.01.0005", "2.17.07.1.01", "", "digit tingkat (L) menunjuk kabupaten/kota"},
		{"L mismatch the other way", "2.17.08.1.01.0005", "2.17.08.2.01", "", "kegiatan induk 2.17.08.2.01 adalah kegiatan kabupaten/kota"},
		{"prefix mismatch", "2.17.08.2.01.0001", "2.17.07.2.01", "", "diawali kode kegiatan induknya, 2.17.07.2.01"},
		{"prefix mismatch in the program", "2.17.06.1.01.0009", "2.17.05.1.01", "", "diawali kode kegiatan induknya, 2.17.05.1.01"},
		{"duplicate", "2.17.07.2.01.0001", "", "", "sudah dipakai"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := Item{Code: tt.code, Name: "Sub-kegiatan uji"}
			if tt.parent != "" {
				it.ParentID = f.items[tt.parent].ID
			}
			got, err := SaveSubKegiatan(ctx, f.s, it)
			if tt.want != "" {
				require.NoError(t, err)
				assert.Equal(t, tt.want, got.Code)
				assert.Equal(t, f.items[parentCode(tt.want)].ID, got.ParentID)
				assert.Equal(t, KindSubKegiatan, got.Kind)
				assert.False(t, got.Shipped)
				return
			}
			require.Error(t, err)
			assert.Equal(t, "code", fault.FieldOf(err))
			assert.Contains(t, fault.Message(err, fault.ID), tt.reason)
			assert.Contains(t, fault.Message(err, fault.EN), "Sub-kegiatan code")
		})
	}
	t.Run("unknown parent id", func(t *testing.T) {
		_, err := SaveSubKegiatan(ctx, f.s, Item{Code: "0001", ParentID: 99999, Name: "x"})
		require.Error(t, err)
		assert.Equal(t, "code", fault.FieldOf(err))
		assert.Contains(t, fault.Message(err, fault.ID), "kegiatan induk yang dipilih tidak ada")
	})
	t.Run("a program is not a parent", func(t *testing.T) {
		_, err := SaveSubKegiatan(ctx, f.s, Item{Code: "0001", ParentID: f.items["2.17.07"].ID, Name: "x"})
		require.Error(t, err)
		assert.Contains(t, fault.Message(err, fault.ID), "kegiatan induk yang dipilih tidak ada")
	})
}

func TestSubKegiatanEditAndDelete(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	halal := f.sub(t, "2.17.08.1.01.0001", "Fasilitasi Sertifikasi Halal", "UKM.05")
	assert.Equal(t, []int64{f.inds["UKM.05"].ID}, halal.IndicatorIDs)

	// Rename, relink, and move to another number.
	halal.Name = "  Fasilitasi   Sertifikasi Halal bagi Usaha Kecil "
	halal.Code = "2.17.08.1.01.0002"
	halal.IndicatorIDs = []int64{f.inds["UKM.02"].ID, f.inds["UKM.05"].ID, f.inds["UKM.02"].ID}
	got, err := SaveSubKegiatan(ctx, f.s, halal)
	require.NoError(t, err)
	assert.Equal(t, "Fasilitasi Sertifikasi Halal bagi Usaha Kecil", got.Name)
	assert.Equal(t, []int64{f.inds["UKM.02"].ID, f.inds["UKM.05"].ID}, got.IndicatorIDs, "sorted, no duplicates")
	again, err := GetItem(ctx, f.s, got.ID)
	require.NoError(t, err)
	assert.Equal(t, "2.17.08.1.01.0002", again.Code)
	assert.ElementsMatch(t, []int64{f.inds["UKM.02"].ID, f.inds["UKM.05"].ID}, again.IndicatorIDs)

	tests := []struct {
		name  string
		it    Item
		field string
		msg   string
	}{
		{"no name", Item{Code: "2.17.08.1.01.0003"}, "name", "wajib diisi"},
		{"unknown indicator", Item{Code: "2.17.08.1.01.0003", Name: "x", IndicatorIDs: []int64{424242}}, "indicatorIds", "424242"},
		{"unknown central", Item{Code: "2.17.08.1.01.0003", Name: "x", CentralID: ip(424242)}, "centralId", "tidak ditemukan"},
		{"shipped kegiatan", Item{ID: f.items["2.17.08.1.01"].ID, Code: "2.17.08.1.01.0003", Name: "x"}, "kind", "tidak dapat diubah"},
		{"unknown id", Item{ID: 424242, Code: "2.17.08.1.01.0003", Name: "x"}, "id", "tidak ditemukan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := SaveSubKegiatan(ctx, f.s, tt.it)
			require.Error(t, err)
			assert.Equal(t, tt.field, fault.FieldOf(err))
			assert.Contains(t, fault.Message(err, fault.ID), tt.msg)
		})
	}

	// A sub-kegiatan with plan lines is kept; without, it goes.
	l, err := SavePlanLine(ctx, f.s, line(got, "19", 1_000_000))
	require.NoError(t, err)
	err = DeleteSubKegiatan(ctx, f.s, got.ID)
	require.Error(t, err)
	assert.Contains(t, fault.Message(err, fault.ID), "masih dipakai 1 baris rencana")
	require.NoError(t, DeletePlanLine(ctx, f.s, l.ID))
	require.NoError(t, DeleteSubKegiatan(ctx, f.s, got.ID))
	_, err = GetItem(ctx, f.s, got.ID)
	assert.True(t, fault.Is(err, fault.NotFound))
	err = DeleteSubKegiatan(ctx, f.s, f.items["2.17.08"].ID)
	assert.Contains(t, fault.Message(err, fault.ID), "tidak dapat dihapus")

	// Every step is in the audit log, links included.
	log, err := f.s.Audit(ctx, store.AuditQuery{Table: "nomenclature", Limit: 1000})
	require.NoError(t, err)
	actions := map[string]int{}
	for _, e := range log {
		if strings.Contains(e.NewValues+e.OldValues, "Sertifikasi Halal") {
			actions[e.Action]++
		}
	}
	assert.Equal(t, map[string]int{"insert": 1, "update": 1, "delete": 1}, actions)
	links, err := f.s.Audit(ctx, store.AuditQuery{Table: "sub_kegiatan_indicator"})
	require.NoError(t, err)
	assert.Len(t, links, 4, "link UKM.05, link UKM.02, and both removed with the sub-kegiatan")
}

func TestCentralItems(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	prog, err := SaveCentral(ctx, f.s, CentralItem{Code: "KEMENKOP.01", Kind: CentralProgram, Name: " Program  Koperasi ",
		Institution: "Kementerian Koperasi"})
	require.NoError(t, err)
	assert.Equal(t, "Program Koperasi", prog.Name)
	out, err := SaveCentral(ctx, f.s, CentralItem{Code: "KEMENKOP.01.01", Kind: CentralOutput, ParentID: prog.ID,
		Name: "Koperasi modern", Unit: "koperasi", IndicatorIDs: []int64{f.inds["KOP.02"].ID},
		Targets: []CentralTarget{{Year: 2025, Target: fp(500), Pagu: ip(12_500_000_000)}, {Year: 2026, Target: fp(600)}}})
	require.NoError(t, err)

	// Targets are replaced as a whole.
	out.Targets = []CentralTarget{{Year: 2026, Target: fp(650), Pagu: ip(1)}}
	_, err = SaveCentral(ctx, f.s, out)
	require.NoError(t, err)
	all, err := ListCentral(ctx, f.s.Read())
	require.NoError(t, err)
	require.Len(t, all, 2)
	assert.Equal(t, []CentralTarget{{Year: 2026, Target: fp(650), Pagu: ip(1)}}, all[1].Targets)
	assert.Equal(t, []int64{f.inds["KOP.02"].ID}, all[1].IndicatorIDs)

	tests := []struct {
		name  string
		c     CentralItem
		field string
	}{
		{"no code", CentralItem{Kind: CentralProgram, Name: "x"}, "code"},
		{"no name", CentralItem{Code: "X", Kind: CentralProgram}, "name"},
		{"bad kind", CentralItem{Code: "X", Kind: "proyek", Name: "x"}, "kind"},
		{"duplicate code", CentralItem{Code: "KEMENKOP.01", Kind: CentralProgram, Name: "x"}, "code"},
		{"unknown parent", CentralItem{Code: "X", Kind: CentralOutput, Name: "x", ParentID: 424242}, "parentId"},
		{"a loop", CentralItem{ID: prog.ID, Code: "KEMENKOP.01", Kind: CentralProgram, Name: "x", ParentID: out.ID}, "parentId"},
		{"year twice", CentralItem{Code: "X", Kind: CentralOutput, Name: "x", Targets: []CentralTarget{{Year: 2025}, {Year: 2025}}}, "year"},
		{"negative pagu", CentralItem{Code: "X", Kind: CentralOutput, Name: "x", Targets: []CentralTarget{{Year: 2025, Pagu: ip(-1)}}}, "pagu"},
		{"negative target", CentralItem{Code: "X", Kind: CentralOutput, Name: "x", Targets: []CentralTarget{{Year: 2025, Target: fp(-1)}}}, "target"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := SaveCentral(ctx, f.s, tt.c)
			require.Error(t, err)
			assert.Equal(t, tt.field, fault.FieldOf(err), fault.Message(err, fault.ID))
		})
	}

	// A line linked to the output keeps its data when the output goes.
	sub := f.sub(t, "2.17.06.1.01.0001", "Pengembangan Koperasi Modern")
	l := line(sub, "19", 5_000_000)
	l.CentralID = &out.ID
	l, err = SavePlanLine(ctx, f.s, l)
	require.NoError(t, err)
	assert.Equal(t, "KEMENKOP.01.01", l.CentralCode)
	err = DeleteCentral(ctx, f.s, prog.ID)
	assert.Contains(t, fault.Message(err, fault.ID), "masih menjadi induk 1 item pusat")
	require.NoError(t, DeleteCentral(ctx, f.s, out.ID))
	require.NoError(t, DeleteCentral(ctx, f.s, prog.ID))
	got, err := GetPlanLine(ctx, f.s, l.ID)
	require.NoError(t, err)
	assert.Nil(t, got.CentralID)
	assert.Equal(t, "", got.CentralCode)
	assert.Equal(t, int64(5_000_000), got.Pagu)
}

// A workspace migrated from schema 2 has the tables but not the decree.
func TestEnsureInstalled(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	require.NoError(t, EnsureInstalled(ctx, s))
	items, err := ListItems(ctx, s.Read())
	require.NoError(t, err)
	assert.Len(t, items, len(Shipped()))
	before, err := s.Audit(ctx, store.AuditQuery{Table: "nomenclature", Limit: 1000})
	require.NoError(t, err)
	require.NoError(t, EnsureInstalled(ctx, s))
	after, err := s.Audit(ctx, store.AuditQuery{Table: "nomenclature", Limit: 1000})
	require.NoError(t, err)
	assert.Equal(t, len(before), len(after), "a second call writes nothing")
}
