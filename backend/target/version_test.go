package target

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/versioned/versionedtest"
)

func v(n int64) *int64 { return &n }

func TestCellEditOverANewerOneIsRefused(t *testing.T) {
	s, by := setup(t)
	ctx := context.Background()
	halal, growth := by["UKM.05"], by["KOP.01"]
	k := Key{halal.ID, "19.01", 2025}
	_, err := Apply(ctx, s, []Edit{{IndicatorID: halal.ID, Region: "19.01", Year: 2025, Field: FTarget, Text: "100", Version: v(0)}}, "ketik")
	require.NoError(t, err)
	base := one(t, s, k)
	require.Equal(t, int64(1), base.Version)

	// Two grids show the cell at version 1; grid B saves first.
	versionedtest.ActAs(t, s, "Kabid UKM")
	_, err = Apply(ctx, s, []Edit{{IndicatorID: halal.ID, Region: "19.01", Year: 2025, Field: FTarget, Text: "120", Version: v(1)}}, "ketik")
	require.NoError(t, err)
	assert.Equal(t, int64(2), one(t, s, k).Version)

	// Grid A saves the same cell and another one, from the old version.
	versionedtest.ActAs(t, s, "Sekretariat")
	mine := []Edit{
		{IndicatorID: growth.ID, Region: "19.01", Year: 2025, Field: FTarget, Text: "17,5", Version: v(0)},
		{IndicatorID: halal.ID, Region: "19.01", Year: 2025, Field: FTarget, Text: "150", Version: v(1)},
	}
	_, err = Apply(ctx, s, mine, "ketik")
	be, ok := ErrBatch(err)
	require.True(t, ok, "got %v", err)
	require.Len(t, be.Cells, 1)
	cell := be.Cells[0]
	assert.Equal(t, 1, cell.Index)
	require.NotNil(t, cell.Conflict)
	hist, err := History(ctx, s, k)
	require.NoError(t, err)
	assert.Equal(t, hist[0].UserName, cell.Conflict.By)
	assert.NotEmpty(t, cell.Conflict.By)
	assert.Equal(t, hist[0].ChangedAt, cell.Conflict.At)
	assert.Equal(t, int64(2), cell.Conflict.Version)
	theirs, ok := cell.Conflict.Theirs.(Value)
	require.True(t, ok)
	assert.Equal(t, 120.0, *theirs.Target, "their value")
	assert.Contains(t, fault.Render(cell.Text, fault.ID), "Nilai sel sudah diubah oleh "+cell.Conflict.By)
	assert.Contains(t, fault.Render(cell.Text, fault.EN), "The cell value was changed by "+cell.Conflict.By)
	vals, err := Load(ctx, s.Read(), Filter{IndicatorIDs: []int64{growth.ID}, Years: []int{2025}})
	require.NoError(t, err)
	assert.Empty(t, vals, "nothing of the batch was written")
	assert.Equal(t, 120.0, *one(t, s, k).Target)

	// Keep mine: the batch again, the cell based on the stored version.
	mine[1].Version = v(cell.Conflict.Version)
	n, err := Apply(ctx, s, mine, "ketik")
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	got := one(t, s, k)
	assert.Equal(t, 150.0, *got.Target)
	assert.Equal(t, int64(3), got.Version)

	// A cell shown empty (version 0) that someone filled meanwhile.
	_, err = Apply(ctx, s, []Edit{{IndicatorID: growth.ID, Region: "19.01", Year: 2025, Field: FNote, Text: "x", Version: v(0)}}, "ketik")
	be, ok = ErrBatch(err)
	require.True(t, ok, "got %v", err)
	require.NotNil(t, be.Cells[0].Conflict)

	// A cell cleared by someone else: their value is none.
	_, err = Apply(ctx, s, []Edit{{IndicatorID: halal.ID, Region: "19.01", Year: 2025, Field: FTarget, Text: "", Version: v(3)}}, "ketik")
	require.NoError(t, err)
	_, err = Apply(ctx, s, []Edit{{IndicatorID: halal.ID, Region: "19.01", Year: 2025, Field: FTarget, Text: "99", Version: v(3)}}, "ketik")
	be, ok = ErrBatch(err)
	require.True(t, ok, "got %v", err)
	require.NotNil(t, be.Cells[0].Conflict)
	assert.Nil(t, be.Cells[0].Conflict.Theirs)
	assert.Equal(t, int64(0), be.Cells[0].Conflict.Version)

	// A returned template (no version) writes over whatever is stored.
	_, err = Apply(ctx, s, []Edit{{IndicatorID: growth.ID, Region: "19.01", Year: 2025, Field: FTarget, Text: "18"}}, "impor")
	require.NoError(t, err)
	assert.Equal(t, 18.0, *one(t, s, Key{growth.ID, "19.01", 2025}).Target)
}

func TestSavingTheSameValueMakesNoVersion(t *testing.T) {
	s, by := setup(t)
	ctx := context.Background()
	halal := by["UKM.05"]
	k := Key{halal.ID, "19", 2025}
	e := Edit{IndicatorID: halal.ID, Region: "19", Year: 2025, Field: FTarget, Text: "1.000"}
	_, err := Apply(ctx, s, []Edit{e}, "ketik")
	require.NoError(t, err)
	e.Version = v(1)
	n, err := Apply(ctx, s, []Edit{e}, "ketik")
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	assert.Equal(t, int64(1), one(t, s, k).Version)
	hist, err := History(ctx, s, k)
	require.NoError(t, err)
	assert.Len(t, hist, 1)
}

// Grids typing the same empty cell at once: one value is written, every
// other is refused as a conflict (concurrent on PostgreSQL, where the
// upsert's version guard decides).
func TestConcurrentEditsOfOneCellLoseNothing(t *testing.T) {
	s, by := setup(t)
	ctx := context.Background()
	halal := by["UKM.05"]
	won := versionedtest.OneWins(t, 6, func(i int) error {
		_, err := Apply(ctx, s, []Edit{{IndicatorID: halal.ID, Region: "19.02", Year: 2025, Field: FTarget,
			Text: strconv.Itoa(100 + i), Version: v(0)}}, "ketik")
		return err
	}, func(i int, err error) {
		be, ok := ErrBatch(err)
		require.True(t, ok, "grid %d: %v", i, err)
		require.Len(t, be.Cells, 1)
		require.NotNil(t, be.Cells[0].Conflict, "grid %d: %s", i, fault.Render(be.Cells[0].Text, fault.ID))
	})
	got := one(t, s, Key{halal.ID, "19.02", 2025})
	assert.Equal(t, float64(100+won), *got.Target)
	assert.Equal(t, int64(1), got.Version)
}
