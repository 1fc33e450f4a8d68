package target

import (
	"context"
	"database/sql"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"selaras/backend/indicator/indicatortest"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// BenchmarkApply10000 writes the 10,000 values of a returned template (one
// region and year, all new) as an import commits them: the catalogue read
// in its preview, the values merged and written in one transaction, each
// with its audit line.
func BenchmarkApply10000(b *testing.B) {
	ctx := context.Background()
	s := storetest.Open(b)
	require.NoError(b, s.Tx(ctx, func(tx *sql.Tx) error { return indicatortest.SaveCounts(ctx, store.InTx(tx), 10000) }))
	cat, err := ReadCatalogue(ctx, s.Read())
	require.NoError(b, err)
	edits := make([]Edit, 0, 10000)
	for n, ind := range cat.Indicators() {
		edits = append(edits, Edit{IndicatorID: ind.ID, Region: "35.78", Year: 2025, Field: FTarget, Text: strconv.Itoa(n + 1)})
	}
	b.ResetTimer()
	for b.Loop() {
		n, err := ApplyChecked(ctx, s, cat, edits, "impor:bench", nil)
		if err != nil || n != len(edits) {
			b.Fatal(n, err)
		}
		b.StopTimer()
		require.NoError(b, s.Tx(ctx, func(tx *sql.Tx) error { _, err := tx.ExecContext(ctx, "DELETE FROM indicator_value"); return err }))
		b.StartTimer()
	}
}
