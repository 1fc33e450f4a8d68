// Package indicatortest opens a real, migrated workspace holding the starter
// indicators, the setup most domain tests share.
package indicatortest

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"selaras/backend/indicator"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// Open returns a store on a fresh SQLite file (closed with the test) with
// the starter indicators, then whatever more installs in the same
// transaction (e.g. program.Install), and the indicators by code.
func Open(t testing.TB, more ...func(context.Context, *sql.Tx) error) (*store.Store, map[string]indicator.Indicator) {
	t.Helper()
	s := storetest.Open(t)
	ctx := context.Background()
	require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error {
		for _, install := range append([]func(context.Context, *sql.Tx) error{indicator.InstallStarter}, more...) {
			if err := install(ctx, tx); err != nil {
				return err
			}
		}
		return nil
	}))
	list, err := indicator.List(ctx, s.Read())
	require.NoError(t, err)
	byCode := make(map[string]indicator.Indicator, len(list))
	for _, i := range list {
		byCode[i.Code] = i
	}
	return s, byCode
}

// SaveCounts saves n plain count indicators, B.00000 upward: the catalogue
// of a template of n rows, for the benchmarks of an import.
func SaveCounts(ctx context.Context, w store.Writer, n int) error {
	for k := range n {
		i := indicator.Indicator{Code: fmt.Sprintf("B.%05d", k), Name: fmt.Sprintf("Indikator uji %d", k), Unit: "unit",
			Kind: indicator.Count, Aggregation: indicator.Sum}
		i.Normalize()
		if _, err := indicator.Save(ctx, w, i); err != nil {
			return err
		}
	}
	return nil
}
