package harmonise

import (
	"context"
	"database/sql"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/indicator"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// The catalogue is kept per open workspace, yet a change made through
// another connection (another PC on a server, another program on a file)
// is in the very next matrix, notified or not: an edit, a new indicator, a
// statement typed by hand, a removal.
func TestCatalogueChangedElsewhere(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.DSN(t, "w.db")
	here, err := store.Open(ctx, dsn, store.Options{})
	require.NoError(t, err)
	defer here.Close()
	require.NoError(t, here.Tx(ctx, func(tx *sql.Tx) error { return indicator.InstallStarter(ctx, tx) }))
	there, err := store.Open(ctx, dsn, store.Options{})
	require.NoError(t, err)
	defer there.Close()

	names := func() map[string]string {
		t.Helper()
		m, err := Compute(ctx, here, "19", []int{2025})
		require.NoError(t, err)
		out := map[string]string{}
		for _, r := range m.Rows {
			out[r.Indicator.Code] = r.Indicator.Name
		}
		return out
	}
	before := names()
	require.NotEmpty(t, before)
	list, err := indicator.List(ctx, there.Read())
	require.NoError(t, err)
	first := list[0]

	first.Name = "Diubah di PC lain"
	_, err = indicator.Save(ctx, there, first)
	require.NoError(t, err)
	assert.Equal(t, "Diubah di PC lain", names()[first.Code])

	added := indicator.Indicator{Code: "X.99", Name: "Indikator baru", Unit: "%", Kind: indicator.Percent,
		Aggregation: indicator.NoRollUp, Polarity: indicator.Higher, Decimals: 2}
	_, err = indicator.Save(ctx, there, added)
	require.NoError(t, err)
	got := names()
	assert.Len(t, got, len(before)+1)
	assert.Equal(t, "Indikator baru", got["X.99"])

	require.NoError(t, there.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE indicator SET name = ? WHERE code = ?", "Diketik langsung", "X.99")
		return err
	}))
	assert.Equal(t, "Diketik langsung", names()["X.99"])

	require.NoError(t, there.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM indicator WHERE code = ?", "X.99")
		return err
	}))
	assert.NotContains(t, names(), "X.99")
}
