package target

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/indicator"
	"selaras/backend/region"
	"selaras/backend/store"
)

// A batch larger than one statement is written whole, each row at the
// version it was read at; a row another writer changed meanwhile is found
// (here in the second statement) and the transaction writes nothing.
func TestBatchWriteFindsAStaleRow(t *testing.T) {
	s, by := setup(t)
	ctx := context.Background()
	var inds []int64
	for _, i := range by {
		inds = append(inds, i.ID)
	}
	var vals []Value
	for _, r := range region.Default().Regencies("35") {
		for _, id := range inds {
			x := float64(len(vals) + 1)
			vals = append(vals, Value{IndicatorID: id, Region: r.Code, Year: 2025, Target: &x, Source: "impor:uji"})
		}
	}
	require.Greater(t, len(vals), rowsPerUpsert+50, "two statements at least")
	// A stored value the batch read at version 1; another writer has
	// since made it version 2.
	k := vals[rowsPerUpsert+20].Key()
	for range 2 {
		_, err := Apply(ctx, s, []Edit{{IndicatorID: k.IndicatorID, Region: k.Region, Year: k.Year, Field: FTarget, Text: "7"}}, "ketik")
		require.NoError(t, err)
		_, err = Apply(ctx, s, []Edit{{IndicatorID: k.IndicatorID, Region: k.Region, Year: k.Year, Field: FTarget, Text: "8"}}, "ketik")
		require.NoError(t, err)
	}
	stored := one(t, s, k)
	require.Equal(t, int64(4), stored.Version)
	vals[rowsPerUpsert+20].Version = 3

	errRollback := errors.New("roll back")
	write := func(vals []Value) (*Key, error) {
		var stale *Key
		err := s.Tx(ctx, func(tx *sql.Tx) error {
			st, err := prepare(ctx, tx, arrays(s))
			if err != nil {
				return err
			}
			defer st.close()
			if stale, err = st.putAll(ctx, vals); err != nil {
				return err
			}
			if stale != nil {
				return errRollback
			}
			return nil
		})
		if errors.Is(err, errRollback) {
			err = nil
		}
		return stale, err
	}
	stale, err := write(vals)
	require.NoError(t, err)
	require.NotNil(t, stale)
	assert.Equal(t, k, *stale)
	all, err := Load(ctx, s.Read(), Filter{Years: []int{2025}})
	require.NoError(t, err)
	assert.Len(t, all, 1, "nothing of the batch was written")

	// Read at its version, the same batch writes every row.
	vals[rowsPerUpsert+20].Version = stored.Version
	stale, err = write(vals)
	require.NoError(t, err)
	assert.Nil(t, stale)
	all, err = Load(ctx, s.Read(), Filter{Years: []int{2025}})
	require.NoError(t, err)
	require.Len(t, all, len(vals))
	for _, v := range all {
		want := int64(1)
		if v.Key() == k {
			want = stored.Version + 1
		}
		assert.Equal(t, want, v.Version, "%v", v.Key())
	}
	hist, err := s.Audit(ctx, store.AuditQuery{Table: "indicator_value", Limit: 100000})
	require.NoError(t, err)
	assert.Len(t, hist, 4+len(vals), "each row written has its audit line")
}

// The catalogue an import's preview read is used by its commit only while
// no indicator has changed since: a changed one is read again.
func TestApplyCheckedReadsAChangedCatalogue(t *testing.T) {
	s, by := setup(t)
	ctx := context.Background()
	growth := by["KOP.01"]
	require.Equal(t, indicator.Ratio, growth.Kind)
	cat, err := ReadCatalogue(ctx, s.Read())
	require.NoError(t, err)
	edits := []Edit{{IndicatorID: growth.ID, Region: "19.01", Year: 2025, Field: FTargetNum, Text: "1"},
		{IndicatorID: growth.ID, Region: "19.01", Year: 2025, Field: FTargetDen, Text: "4"}}
	_, err = ApplyChecked(ctx, s, cat, edits, "impor:uji", nil)
	require.NoError(t, err)
	assert.InDelta(t, 1.0/4*growth.Scale, *one(t, s, Key{growth.ID, "19.01", 2025}).Target, 1e-9)

	growth.Scale *= 10
	_, err = indicator.Save(ctx, s, growth)
	require.NoError(t, err)
	edits[1].Text = "5"
	_, err = ApplyChecked(ctx, s, cat, edits, "impor:uji", nil)
	require.NoError(t, err)
	assert.InDelta(t, 1.0/5*growth.Scale, *one(t, s, Key{growth.ID, "19.01", 2025}).Target, 1e-9, "the scale as it is now")

	// An indicator deleted since is refused as unknown, not left to the database.
	require.NoError(t, indicator.Delete(ctx, s, growth.ID))
	_, err = ApplyChecked(ctx, s, cat, edits, "impor:uji", nil)
	be, ok := ErrBatch(err)
	require.True(t, ok, "got %v", err)
	assert.Len(t, be.Cells, 2)
}
