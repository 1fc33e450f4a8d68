package template

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"selaras/backend/indicator"
	"selaras/backend/program"
	"selaras/backend/target"
)

// The checksums are on every template already sent out: the same inputs
// must give the same sums as the Selaras that wrote them, or a returned
// file is refused as edited.
func TestChecksumsAreStable(t *testing.T) {
	codes := []string{"KOP.01", "KOP.02", "UKM.05"}
	tests := []struct {
		name, got, want string
	}{
		{"version 1", StructureSum(1, "19.01", 2025, codes), "acbb366f2b43ab2ef170474646afa2c0"},
		{"version 2", StructureSum(2, "19.01", 2025, codes), "87adce31b0b73f8f2fb981681187c079"},
		{"no indicators", StructureSum(2, "62", 2026, nil), "8668fa6e4ff56f7ff0c4a5e858e576ab"},
		{"plan lines", PlanSum("19.01", 2025, []program.PlanLine{{ID: 7, SubKegiatanCode: "2.17.03.2.01.0001"},
			{ID: 12, SubKegiatanCode: "2.17.04.2.02.0003"}}), "f415c108b817b93456a51e6b12df1e9b"},
		{"no plan lines", PlanSum("62", 2026, nil), "b6baecf7d4abada2cacd38cbf1a13345"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, tt.got) })
	}
}

func TestColumnsNameTheirPlaces(t *testing.T) {
	cols := ValueColumns()
	assert.Len(t, cols, NoteCol)
	for col, field := range map[int]target.Field{TargetCol: target.FTarget, NumCol: target.FTargetNum, DenCol: target.FTargetDen,
		RealisationCol: target.FRealisation, BaselineCol: target.FBaseline, NoteCol: target.FNote} {
		assert.Equal(t, string(field), cols[col-1].Field, "column %d", col)
	}
	assert.Equal(t, "Kode", cols[CodeCol-1].Title)
	plan := PlanColumns(2025)
	assert.Len(t, plan, PlanIDCol)
	assert.Equal(t, "code", plan[PlanCodeCol-1].Field)
	assert.Equal(t, "sumberDana", plan[PlanFundCol-1].Field)
	assert.Equal(t, "Target 2026", plan[10].Title)
	assert.Equal(t, "ID", plan[PlanIDCol-1].Title)
}

// The workbook's validation accepts what the reader accepts.
func TestRulesFollowBounds(t *testing.T) {
	for _, u := range Units {
		lo, hi, open := u.Bounds()
		r := u.Rule()
		assert.Equal(t, hi, r.Hi, "unit %d", u)
		if open {
			assert.Greater(t, r.Lo, lo, "unit %d", u)
			assert.Less(t, r.Lo, 0.001, "unit %d", u)
		} else {
			assert.Equal(t, lo, r.Lo, "unit %d", u)
		}
		assert.NotEmpty(t, r.Title)
		assert.NotEmpty(t, r.Text)
	}
	assert.Equal(t, UnitRatioPct, UnitFor(indicator.Indicator{Kind: indicator.Ratio, Scale: 100}, target.FTarget))
	assert.Equal(t, UnitDen, UnitFor(indicator.Indicator{Kind: indicator.Count}, target.FTargetDen))
	assert.Equal(t, UnitRupiah, PlanUnit("paguNext"))
}

func TestMetaPairs(t *testing.T) {
	m := Meta{Version: Version, Region: "19.01", Year: 2025, Checksum: "c", Rows: 3,
		CreatedAt: time.Date(2024, 2, 23, 16, 0, 0, 0, time.FixedZone("WIB", 7*3600)), PlanRows: 1, PlanChecksum: "p"}
	var keys []string
	got := map[string]any{}
	for _, kv := range m.Pairs() {
		keys = append(keys, kv[0].(string))
		got[kv[0].(string)] = kv[1]
	}
	assert.Equal(t, []string{KeyVersion, KeyRegion, KeyYear, KeyChecksum, KeyRows, KeyCreatedAt, KeyRatioTarget, KeyPlanRows, KeyPlanChecksum}, keys)
	assert.Equal(t, "2024-02-23T09:00:00.000Z", got[KeyCreatedAt])
	assert.Equal(t, RatioFormula, got[KeyRatioTarget])
	assert.LessOrEqual(t, len(keys), MetaKeyRows)
}

func TestCellName(t *testing.T) {
	for want, at := range map[string][2]int{"A1": {1, 1}, "G12": {7, 12}, "Z3": {26, 3}, "AA3": {27, 3}, "XFD1048576": {16384, 1048576},
		"": {0, 1}} {
		assert.Equal(t, want, CellName(at[0], at[1]))
	}
	assert.Equal(t, "", CellName(1, 0))
	assert.Equal(t, "", CellName(16385, 1))
}
