package rakor

import (
	"context"
	"database/sql"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/harmonise"
	"selaras/backend/store"
	"selaras/backend/target"
)

func provinceTarget(t *testing.T, m harmonise.Matrix, indicatorID int64, year int) *float64 {
	t.Helper()
	for _, r := range m.Rows {
		if r.Indicator.ID == indicatorID && r.Year == year {
			return r.Province.Target
		}
	}
	t.Fatalf("no row for indicator %d in %d", indicatorID, year)
	return nil
}

func TestSnapshotIsFrozen(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	halal := indicatorID(t, s, "UKM.05")
	growth := indicatorID(t, s, "KOP.01")
	_, err := target.Apply(ctx, s, []target.Edit{
		{IndicatorID: halal, Region: "19", Year: 2025, Field: target.FTarget, Text: "1.000"},
		{IndicatorID: halal, Region: "19.01", Year: 2025, Field: target.FTarget, Text: "150"},
		{IndicatorID: growth, Region: "19", Year: 2025, Field: target.FTarget, Text: "17,65"},
	}, "ketik")
	require.NoError(t, err)
	m := meeting(t, s, babel())

	info, err := TakeSnapshot(ctx, s, SnapshotRequest{MeetingID: m.ID})
	require.NoError(t, err)
	assert.Equal(t, "19", info.Province, "the meeting's province by default")
	assert.Equal(t, []int{2025}, info.Years, "and its planning year")
	assert.Equal(t, "Matriks target Kepulauan Bangka Belitung 2025", info.Label)
	assert.Len(t, info.SHA256, 64)
	assert.NotEmpty(t, info.TakenAt)

	before, err := harmonise.Compute(ctx, s, "19", []int{2025})
	require.NoError(t, err)

	// The values change after the meeting.
	_, err = target.Apply(ctx, s, []target.Edit{
		{IndicatorID: halal, Region: "19", Year: 2025, Field: target.FTarget, Text: "1.200"},
		{IndicatorID: halal, Region: "19.02", Year: 2025, Field: target.FTarget, Text: "80"},
	}, "ketik")
	require.NoError(t, err)
	after, err := harmonise.Compute(ctx, s, "19", []int{2025})
	require.NoError(t, err)
	assert.Equal(t, 1200.0, *provinceTarget(t, after, halal, 2025))

	snap, err := GetSnapshot(ctx, s, info.ID)
	require.NoError(t, err)
	assert.Equal(t, info, snap.Info)
	assert.Equal(t, 1000.0, *provinceTarget(t, snap.Matrix, halal, 2025), "the snapshot keeps the figure shown")
	assert.Equal(t, before, snap.Matrix, "the whole matrix is as it was computed")
	assert.NotEqual(t, after, snap.Matrix)

	// The database refuses to change a stored matrix.
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec("UPDATE snapshot_matrix SET matrix = '{}' WHERE snapshot_id = ?", info.ID)
		return err
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "snapshot is frozen")

	second, err := TakeSnapshot(ctx, s, SnapshotRequest{MeetingID: m.ID, Label: "Sesudah revisi", Province: "19", Years: []int{2024, 2025}})
	require.NoError(t, err)
	assert.NotEqual(t, info.SHA256, second.SHA256)
	list, err := Snapshots(ctx, s, m.ID)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, []int{2024, 2025}, list[1].Years)

	audit, err := s.Audit(ctx, store.AuditQuery{Table: "snapshot"})
	require.NoError(t, err)
	assert.Len(t, audit, 2, "taking a snapshot is audited (with its hash)")

	require.NoError(t, DeleteSnapshot(ctx, s, second.ID))
	_, err = GetSnapshot(ctx, s, second.ID)
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))
}

func TestTakeSnapshotRefuses(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	noProvince := meeting(t, s, Meeting{Kind: Rakortek, Title: "Rakortek nasional", StartDate: "2025-02-25", PlanningYear: 2026})
	tests := []struct {
		name  string
		req   SnapshotRequest
		code  fault.Code
		field string
	}{
		{"unknown meeting", SnapshotRequest{MeetingID: 999}, fault.NotFound, "id"},
		{"no province anywhere", SnapshotRequest{MeetingID: noProvince.ID}, fault.Required, "province"},
		{"a regency is not a province", SnapshotRequest{MeetingID: noProvince.ID, Province: "19.01"}, fault.UnknownRegion, "province"},
		{"year out of range", SnapshotRequest{MeetingID: noProvince.ID, Province: "62", Years: []int{1990}}, fault.OutOfRange, "years"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := TakeSnapshot(ctx, s, tt.req)
			assertFault(t, err, tt.code, tt.field)
		})
	}
	list, err := Snapshots(ctx, s, noProvince.ID)
	require.NoError(t, err)
	assert.Empty(t, list)
}
