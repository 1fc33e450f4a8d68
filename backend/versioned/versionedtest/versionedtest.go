// Package versionedtest helps tests play two people editing the same rows.
package versionedtest

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"selaras/backend/profile"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// ActAs makes the audit log record name as the author of the next changes
// on SQLite, as another PC's office profile would (PostgreSQL records the
// connection's role instead).
func ActAs(t testing.TB, s *store.Store, name string) {
	t.Helper()
	ctx := context.Background()
	p, err := profile.Get(ctx, s)
	if errors.Is(err, profile.ErrNotSet) {
		p, err = profile.Profile{ProvinceCode: "19", OfficeName: "Dinas Koperasi dan UKM Provinsi Kepulauan Bangka Belitung",
			WorkingYear: 2025, PaperSize: profile.A4}, nil
	}
	require.NoError(t, err)
	p.UserName = name
	_, err = profile.Save(ctx, s, p)
	require.NoError(t, err)
}

// OneWins runs n edits at once, all based on the same version, and requires
// that exactly one is written; refused checks each other edit's error as
// the conflict it must be. It returns the edit that was written.
func OneWins(t testing.TB, n int, edit func(i int) error, refused func(i int, err error)) int {
	t.Helper()
	won := -1
	for i, err := range storetest.AtOnce(n, edit) {
		if err == nil {
			require.Equal(t, -1, won, "edits %d and %d from one version were both written", won, i)
			won = i
			continue
		}
		refused(i, err)
	}
	require.NotEqual(t, -1, won, "one edit is written")
	return won
}
