package store

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
