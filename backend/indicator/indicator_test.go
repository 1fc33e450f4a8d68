package indicator

import (
	"context"
	"database/sql"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

func TestStarterIsValidAndNeverAveragesPercentages(t *testing.T) {
	seen := map[string]bool{}
	for _, i := range Starter() {
		i.Normalize()
		require.NoError(t, i.Validate(), i.Code)
		assert.False(t, seen[i.Code], "duplicate code %s", i.Code)
		seen[i.Code] = true
		if i.IsPercent() {
			assert.NotEqual(t, Sum, i.Aggregation, i.Code)
			assert.NotEqual(t, Mean, i.Aggregation, i.Code)
		}
	}
	assert.GreaterOrEqual(t, len(seen), 15)
}

func TestValidate(t *testing.T) {
	base := Indicator{Code: "X.1", Name: "Contoh", Kind: Count, Aggregation: Sum}
	tests := []struct {
		name   string
		change func(*Indicator)
		field  string
	}{
		{"no code", func(i *Indicator) { i.Code = " " }, "code"},
		{"no name", func(i *Indicator) { i.Name = "" }, "name"},
		{"bad kind", func(i *Indicator) { i.Kind = "weight" }, "kind"},
		{"percent summed", func(i *Indicator) { i.Kind = Percent }, "aggregation"},
		{"percent averaged", func(i *Indicator) { i.Kind = Percent; i.Aggregation = Mean }, "aggregation"},
		{"ratio rule on a count", func(i *Indicator) { i.Aggregation = RatioAgg }, "aggregation"},
		{"ratio summed", func(i *Indicator) { i.Kind = Ratio; i.NumeratorLabel = "a"; i.DenominatorLabel = "b" }, "aggregation"},
		{"ratio without parts", func(i *Indicator) { i.Kind = Ratio; i.Aggregation = RatioAgg }, "numeratorLabel"},
		{"decimals", func(i *Indicator) { i.Decimals = 9 }, "decimals"},
		{"polarity", func(i *Indicator) { i.Polarity = "sideways" }, "polarity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := base
			tt.change(&i)
			i.Normalize()
			err := i.Validate()
			require.Error(t, err)
			assert.Equal(t, tt.field, fault.FieldOf(err))
		})
	}
}

func TestSaveListDelete(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error { return InstallStarter(ctx, tx) }))
	list, err := List(ctx, s.Read())
	require.NoError(t, err)
	require.Len(t, list, len(Starter()))
	assert.Equal(t, "KOP.01", list[0].Code)

	i := list[0]
	i.Name = "Pertumbuhan koperasi aktif"
	_, err = Save(ctx, s, i)
	require.NoError(t, err)
	got, err := Get(ctx, s, i.ID)
	require.NoError(t, err)
	assert.Equal(t, "Pertumbuhan koperasi aktif", got.Name)

	dup := Indicator{Code: "KOP.02", Name: "x", Kind: Count, Aggregation: Sum}
	_, err = Save(ctx, s, dup)
	require.Error(t, err)
	assert.Contains(t, fault.Message(err, fault.ID), "sudah dipakai")

	require.NoError(t, Delete(ctx, s, i.ID))
	_, err = Get(ctx, s, i.ID)
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))

	log, err := s.Audit(ctx, store.AuditQuery{Table: "indicator"})
	require.NoError(t, err)
	assert.Equal(t, "delete", log[0].Action)
}
