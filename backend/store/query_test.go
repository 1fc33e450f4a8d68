package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWhere(t *testing.T) {
	tests := []struct {
		name        string
		build       func(w *Where)
		and, clause string
		args        []any
	}{
		{"none", func(*Where) {}, "1 = 1", "", nil},
		{"conditions in order", func(w *Where) {
			w.Add("year = ?", 2025)
			In(w, "status", []string{"baru", "berjalan"})
			In(w, "id", []int64{})
		}, "year = ? AND status IN (?,?)", " WHERE year = ? AND status IN (?,?)", []any{2025, "baru", "berjalan"}},
		{"region and what lies under it", func(w *Where) { w.AddRegion("l.region_code", "19") },
			"(l.region_code = ? OR (l.region_code > ? AND l.region_code < ?))",
			" WHERE (l.region_code = ? OR (l.region_code > ? AND l.region_code < ?))", []any{"19", "19.", "19/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w Where
			tt.build(&w)
			assert.Equal(t, tt.and, w.And())
			assert.Equal(t, tt.clause, w.Clause())
			assert.Equal(t, tt.args, w.Args())
		})
	}
	var ors Where
	ors.Add("a = ?", 1)
	ors.Add("b = ?", 2)
	assert.Equal(t, "a = ? OR b = ?", ors.Or())
}

func TestEachLink(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "selaras.db"))
	got := map[int64][]int64{}
	err := EachLink(context.Background(), s.Read(), func(owner, linked int64) { got[owner] = append(got[owner], linked) },
		"SELECT 1, 10 UNION ALL SELECT 1, ? UNION ALL SELECT 2, 20", 11)
	require.NoError(t, err)
	assert.Equal(t, map[int64][]int64{1: {10, 11}, 2: {20}}, got)
	err = EachLink(context.Background(), s.Read(), func(int64, int64) {}, "SELECT 'x', 1")
	assert.Error(t, err, "a value that is not an id is refused")
}

// Links appends each linked id to its owner in the list, in the query's
// order, and passes over owners the list does not hold.
func TestLinks(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "selaras.db"))
	type item struct {
		id  int64
		ids []int64
	}
	list := []item{{id: 1, ids: []int64{}}, {id: 2, ids: []int64{}}, {id: 3, ids: []int64{}}}
	err := Links(context.Background(), s.Read(), list, func(x *item) (int64, *[]int64) { return x.id, &x.ids },
		"SELECT 2, 20 UNION ALL SELECT 1, 10 UNION ALL SELECT 9, 90 UNION ALL SELECT 1, ?", 11)
	require.NoError(t, err)
	assert.Equal(t, []item{{1, []int64{10, 11}}, {2, []int64{20}}, {3, []int64{}}}, list)
	assert.Error(t, Links(context.Background(), s.Read(), list, func(x *item) (int64, *[]int64) { return x.id, &x.ids }, "SELECT 'x', 1"))
}

func TestQueryAll(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "selaras.db"))
	ctx := context.Background()
	scanInt := func(row interface{ Scan(...any) error }) (int, error) {
		var n int
		err := row.Scan(&n)
		return n, err
	}
	got, err := QueryAll(ctx, s.Read(), scanInt, "SELECT 1 UNION ALL SELECT ?", 2)
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2}, got)
	got, err = QueryAll(ctx, s.Read(), scanInt, "SELECT 1 WHERE 0")
	require.NoError(t, err)
	assert.NotNil(t, got, "no rows is an empty list, not nil")
	assert.Empty(t, got)
	_, err = QueryAll(ctx, s.Read(), scanInt, "SELECT 'x'")
	assert.Error(t, err)
}

func TestNoRow(t *testing.T) {
	missing := errors.New("missing")
	assert.Equal(t, missing, NoRow(fmt.Errorf("scan: %w", sql.ErrNoRows), missing, "x: get"))
	err := NoRow(errors.New("disk"), missing, "x: get")
	assert.EqualError(t, err, "x: get: disk")
	assert.NotErrorIs(t, err, missing)
}
