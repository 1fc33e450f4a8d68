package program

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

func TestPlanLineValidation(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	prov := f.sub(t, "2.17.08.1.01.0001", "Fasilitasi Sertifikasi Halal", "UKM.05")
	kab := f.sub(t, "2.17.07.2.01.0003", "Fasilitasi Kemudahan Perizinan Usaha Mikro")
	tests := []struct {
		name   string
		change func(l *PlanLine)
		field  string // "" when valid
		msg    string
	}{
		{"valid", func(l *PlanLine) {}, "", ""},
		{"valid in a regency", func(l *PlanLine) { l.Region = "19.01" }, "", ""},
		{"no sub-kegiatan", func(l *PlanLine) { l.SubKegiatanID = 0 }, "subKegiatanId", "wajib diisi"},
		{"unknown sub-kegiatan", func(l *PlanLine) { l.SubKegiatanID = 424242 }, "subKegiatanId", "tidak ditemukan"},
		{"a kegiatan is not a sub-kegiatan", func(l *PlanLine) { l.SubKegiatanID = f.items["2.17.08.1.01"].ID }, "subKegiatanId", "bukan sub-kegiatan"},
		{"no region", func(l *PlanLine) { l.Region = " " }, "region", "wajib diisi"},
		{"unknown region", func(l *PlanLine) { l.Region = "99.99" }, "region", "\"99.99\" tidak dikenal"},
		{"national is not a region", func(l *PlanLine) { l.Region = "ID" }, "region", "tidak dikenal"},
		{"regency sub-kegiatan in a province", func(l *PlanLine) { l.SubKegiatanID = kab.ID }, "region", "kewenangan kabupaten/kota"},
		{"regency sub-kegiatan in a regency", func(l *PlanLine) { l.SubKegiatanID = kab.ID; l.Region = "19.71"; l.SumberDana = APBDKabKota }, "", ""},
		{"year too early", func(l *PlanLine) { l.Year = 1999 }, "year", "antara 2000 dan 2100"},
		{"year too late", func(l *PlanLine) { l.Year = 2101 }, "year", "antara 2000 dan 2100"},
		{"no output indicator", func(l *PlanLine) { l.OutputIndicator = "  " }, "outputIndicator", "wajib diisi"},
		{"negative target", func(l *PlanLine) { l.Target = fp(-1) }, "target", "nol atau lebih"},
		{"no target is allowed", func(l *PlanLine) { l.Target = nil; l.OutputUnit = "" }, "", ""},
		{"target without unit", func(l *PlanLine) { l.OutputUnit = "" }, "outputUnit", "wajib diisi"},
		{"negative pagu", func(l *PlanLine) { l.Pagu = -1 }, "pagu", "antara 0 dan Rp100.000.000.000.000"},
		{"pagu too large", func(l *PlanLine) { l.Pagu = MaxPagu + 1 }, "pagu", "antara 0 dan"},
		{"largest pagu", func(l *PlanLine) { l.Pagu = MaxPagu }, "", ""},
		{"no sumber dana", func(l *PlanLine) { l.SumberDana = "" }, "sumberDana", "wajib diisi"},
		{"unknown sumber dana", func(l *PlanLine) { l.SumberDana = "hibah" }, "sumberDana", "pilih APBD provinsi"},
		{"APBD kab/kota in a province", func(l *PlanLine) { l.SumberDana = APBDKabKota }, "sumberDana", "hanya untuk baris di wilayah kabupaten/kota"},
		{"negative target n+1", func(l *PlanLine) { l.TargetNext = fp(-0.5) }, "targetNext", "nol atau lebih"},
		{"negative pagu n+1", func(l *PlanLine) { l.PaguNext = ip(-5) }, "paguNext", "antara 0 dan"},
		{"pagu n+1 too large", func(l *PlanLine) { l.PaguNext = ip(MaxPagu + 1) }, "paguNext", "antara 0 dan"},
		{"unknown status", func(l *PlanLine) { l.Status = "ditolak" }, "status", "pilih usulan"},
		{"not agreed without reason", func(l *PlanLine) { l.Status = BelumDisepakati; l.StatusReason = " " }, "statusReason", "wajib diisi"},
		{"not agreed with reason", func(l *PlanLine) { l.Status = BelumDisepakati; l.StatusReason = "menunggu pagu DAK" }, "", ""},
		{"unknown central link", func(l *PlanLine) { l.CentralID = ip(424242) }, "centralId", "tidak ditemukan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := line(prov, "19", 150_000_000)
			tt.change(&l)
			got, err := SavePlanLine(ctx, f.s, l)
			if tt.field == "" {
				require.NoError(t, err)
				assert.NotZero(t, got.ID)
				return
			}
			require.Error(t, err)
			assert.Equal(t, tt.field, fault.FieldOf(err), fault.Message(err, fault.ID))
			assert.Contains(t, fault.Message(err, fault.ID), tt.msg)
			assert.NotContains(t, fault.Message(err, fault.EN), "{", "the English message is complete")
		})
	}
}

func TestPlanLineSaveAndRead(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	sub := f.sub(t, "2.17.08.1.01.0001", "Fasilitasi Sertifikasi Halal", "UKM.05")
	l := line(sub, "19", 750_000_000)
	l.Lokasi, l.Catatan = " 7 kabupaten/kota ", " angka contoh "
	l.TargetNext, l.PaguNext = fp(1200), ip(900_000_000)
	l.Status, l.StatusReason = Disepakati, "dropped: only kept while not agreed"
	got, err := SavePlanLine(ctx, f.s, l)
	require.NoError(t, err)
	assert.Equal(t, "2.17.08.1.01.0001", got.SubKegiatanCode)
	assert.Equal(t, "Fasilitasi Sertifikasi Halal", got.SubKegiatanName)
	assert.Equal(t, LevelProvince, got.Level)
	assert.Equal(t, "Kepulauan Bangka Belitung", got.RegionName)
	assert.Equal(t, "7 kabupaten/kota", got.Lokasi)
	assert.Equal(t, "", got.StatusReason)
	assert.Equal(t, []Flag{}, got.Flags)
	assert.Equal(t, int64(900_000_000), *got.PaguNext)

	got.Target = nil
	got.OutputUnit = ""
	got, err = SavePlanLine(ctx, f.s, got)
	require.NoError(t, err)
	assert.Equal(t, []Flag{NoTarget}, got.Flags, "program with no target")

	other := f.sub(t, "2.17.07.1.01.0001", "Fasilitasi Jaminan Sosial Ketenagakerjaan")
	l2, err := SavePlanLine(ctx, f.s, line(other, "19", 1))
	require.NoError(t, err)
	assert.Equal(t, []Flag{NoIndicator}, l2.Flags, "a line whose sub-kegiatan serves no indicator")

	_, err = SavePlanLine(ctx, f.s, PlanLine{ID: 424242, SubKegiatanID: sub.ID, Region: "19", Year: 2025,
		OutputIndicator: "x", SumberDana: DAK})
	assert.True(t, fault.Is(err, fault.NotFound))
	assert.True(t, fault.Is(DeletePlanLine(ctx, f.s, 424242), fault.NotFound))

	bidang, err := ListBidang(ctx, f.s)
	require.NoError(t, err)
	assert.Equal(t, []string{"Bidang UKM"}, bidang)
}

func TestPlanLineInput(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	sub := f.sub(t, "2.17.08.1.01.0001", "Fasilitasi Sertifikasi Halal", "UKM.05")
	base := PlanLineInput{SubKegiatanID: sub.ID, Region: "19", Year: 2025, OutputIndicator: "Sertifikat halal terbit",
		OutputUnit: "sertifikat", SumberDana: APBDProvinsi}
	tests := []struct {
		name                 string
		target, pagu         string
		targetNext, paguNext string
		wantPagu             int64
		wantPaguNext         *int64
		wantTarget           *float64
		wantUnit             string
		field, msg           string
	}{
		{name: "Indonesian grouping", target: "1.000", pagu: "222.000.000.000", wantPagu: 222_000_000_000, wantTarget: fp(1000), wantUnit: "sertifikat"},
		{name: "rupiah and scale words", target: "1.000", pagu: "Rp 1,5 miliar", paguNext: "Rp2 M", wantPagu: 1_500_000_000,
			wantPaguNext: ip(2_000_000_000), wantTarget: fp(1000), wantUnit: "sertifikat"},
		{name: "no cents marker", pagu: "Rp 15.000,-", wantPagu: 15000, wantUnit: "sertifikat"},
		{name: "empty pagu is zero", target: "10", wantPagu: 0, wantTarget: fp(10), wantUnit: "sertifikat"},
		{name: "largest pagu", pagu: "100 triliun", wantPagu: MaxPagu, wantUnit: "sertifikat"},
		{name: "cents refused", pagu: "1.500,50", field: "pagu", msg: "rupiah bulat"},
		{name: "percent pagu refused", pagu: "15%", field: "pagu", msg: "bukan persen"},
		{name: "not a number", pagu: "satu juta", field: "pagu", msg: "bukan angka yang dikenali"},
		{name: "negative pagu", pagu: "-1.000", field: "pagu", msg: "antara 0 dan"},
		{name: "pagu too large", pagu: "101 triliun", field: "pagu", msg: "antara 0 dan"},
		{name: "bad pagu n+1", paguNext: "12,3,4", field: "paguNext", msg: "\"12,3,4\" bukan angka"},
		{name: "bad target", target: "17,6,5", field: "target", msg: "pemisah desimal lebih dari satu"},
		{name: "bad target n+1", targetNext: "abc", field: "targetNext", msg: "bukan angka"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := base
			in.Target, in.Pagu, in.TargetNext, in.PaguNext = tt.target, tt.pagu, tt.targetNext, tt.paguNext
			got, err := saveInput(ctx, f.s, in)
			if tt.field != "" {
				require.Error(t, err)
				assert.Equal(t, tt.field, fault.FieldOf(err))
				assert.Contains(t, fault.Message(err, fault.ID), tt.msg)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantPagu, got.Pagu)
			assert.Equal(t, tt.wantPaguNext, got.PaguNext)
			assert.Equal(t, tt.wantTarget, got.Target)
			assert.Equal(t, tt.wantUnit, got.OutputUnit)
		})
	}
	t.Run("a percentage target sets the unit", func(t *testing.T) {
		in := base
		in.OutputUnit, in.Target = "", "17,65%"
		got, err := saveInput(ctx, f.s, in)
		require.NoError(t, err)
		assert.Equal(t, 17.65, *got.Target)
		assert.Equal(t, "%", got.OutputUnit)
	})
}

func TestPlanLineAudit(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	// The audit log names the operator of the office profile.
	require.NoError(t, f.s.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO profile(id, province_code, office_name, working_year, user_name)
VALUES(1, '19', 'Dinas KUKM Babel', 2025, 'Operator Uji')`)
		return err
	}))
	sub := f.sub(t, "2.17.08.1.01.0001", "Fasilitasi Sertifikasi Halal", "UKM.05")
	l, err := SavePlanLine(ctx, f.s, line(sub, "19", 100))
	require.NoError(t, err)
	l.Pagu = 222_000_000_000
	_, err = SavePlanLine(ctx, f.s, l)
	require.NoError(t, err)
	require.NoError(t, DeletePlanLine(ctx, f.s, l.ID))

	hist, err := History(ctx, f.s, l.ID)
	require.NoError(t, err)
	require.Len(t, hist, 3)
	assert.Equal(t, []string{"delete", "update", "insert"}, []string{hist[0].Action, hist[1].Action, hist[2].Action})
	assert.Contains(t, hist[1].OldValues, `"pagu":100`)
	assert.Contains(t, hist[1].NewValues, `"pagu":222000000000`, "Rupiah are stored as integers")
	for _, h := range hist {
		assert.Equal(t, storetest.AuditUser(f.s, "Operator Uji"), h.UserName)
	}

	// A refused save writes nothing, not even to the log.
	bad := line(sub, "19", 100)
	bad.SumberDana = "hibah"
	_, err = SavePlanLine(ctx, f.s, bad)
	require.Error(t, err)
	all, err := f.s.Audit(ctx, store.AuditQuery{Table: "plan_line"})
	require.NoError(t, err)
	assert.Len(t, all, 3)
	for _, e := range all {
		assert.False(t, strings.Contains(e.NewValues, "hibah"))
	}
}

// saveInput parses a typed line and saves it, as the form's binding does.
func saveInput(ctx context.Context, s *store.Store, in PlanLineInput) (PlanLine, error) {
	l, err := in.Parse()
	if err != nil {
		return PlanLine{}, err
	}
	return SavePlanLine(ctx, s, l)
}

// TestListedLinesAreTheStoredLines: the list (read packed from a server)
// gives each line exactly as the read of that one line does, texts with
// separators and characters of several bytes, missing figures and all, in
// sub-kegiatan code, region, id order.
func TestListedLinesAreTheStoredLines(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	halal := f.sub(t, "2.17.08.1.01.0001", "Fasilitasi Sertifikasi Halal", "UKM.05")
	kab := f.sub(t, "2.17.07.2.01.0003", "Fasilitasi Kemudahan Perizinan Usaha Mikro")
	odd := line(halal, "19", 1)
	odd.OutputIndicator, odd.Lokasi, odd.Catatan = "3:abc, 12:30 ñ 日本", ",", "::"
	odd.Target, odd.TargetNext, odd.PaguNext = fp(0.1+0.2), fp(1.0/3), ip(MaxPagu)
	odd.Status, odd.StatusReason = BelumDisepakati, "menunggu, pagu: DAK"
	bare := line(kab, "19.71", 0)
	bare.Target, bare.OutputUnit, bare.Bidang, bare.SumberDana = nil, "", "", APBDKabKota
	var ids []int64
	for _, l := range []PlanLine{line(halal, "19.01", 5), odd, bare, line(halal, "19", 7)} {
		saved, err := SavePlanLine(ctx, f.s, l)
		require.NoError(t, err)
		ids = append(ids, saved.ID)
	}
	got, err := ListPlanLines(ctx, f.s, Filter{Year: 2025})
	require.NoError(t, err)
	require.Len(t, got, 4)
	for _, l := range got {
		one, err := GetPlanLine(ctx, f.s, l.ID)
		require.NoError(t, err)
		assert.Equal(t, one, l)
	}
	// kab's code sorts first; then "19" before "19.01", and by id.
	assert.Equal(t, []int64{ids[2], ids[1], ids[3], ids[0]}, []int64{got[0].ID, got[1].ID, got[2].ID, got[3].ID})
	assert.Equal(t, []Flag{NoTarget, NoIndicator}, got[0].Flags)
}
