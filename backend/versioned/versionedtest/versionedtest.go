// Package versionedtest helps tests play two people editing the same rows.
package versionedtest

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"selaras/backend/profile"
	"selaras/backend/store"
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
