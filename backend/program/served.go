package program

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"selaras/backend/store"
)

type servedKey struct {
	indicatorID int64
	region      string
	year        int
}

// Served tells the harmonisation matrix which indicators a program serves:
// the returned function is true when some plan line in that region and year
// belongs to a sub-kegiatan linked to the indicator. A province's own line
// (L = 1 sub-kegiatan) also serves the province when it lands in one of its
// regencies, as the equipment aid of a province does.
//
// A year in which the province has no plan lines at all has not been
// planned in Selaras yet: the function answers true there, so that every
// indicator is not flagged at once, and Served returns nil when no year is.
func Served(ctx context.Context, s *store.Store, province string, years []int) (func(indicatorID int64, region string, year int) bool, error) {
	set, err := ServedIn(ctx, s, province, years)
	if err != nil {
		return nil, err
	}
	return set.Province(province), nil
}

// ServedSet is what Served answers for every province of a scope, read in
// one query.
type ServedSet struct {
	planned map[plannedKey]bool // a province with plan lines in a year
	served  map[servedKey]bool
}

type plannedKey struct {
	province string
	year     int
}

// ServedIn reads the plan lines of the years in scope (a province's code,
// or "" for the whole country) and the indicators their sub-kegiatan serve.
func ServedIn(ctx context.Context, s *store.Store, scope string, years []int) (*ServedSet, error) {
	var w store.Where
	if scope != "" {
		w.AddRegion("l.region_code", scope)
	}
	store.In(&w, "l.year", years)
	// A line without a linked indicator still says its year is planned:
	// hence the outer joins, and one query for both answers.
	q := `SELECT DISTINCT l.region_code, l.year, si.indicator_id, n.code
FROM plan_line l
LEFT JOIN sub_kegiatan_indicator si ON si.sub_kegiatan_id = l.sub_kegiatan_id
LEFT JOIN nomenclature n ON n.id = l.sub_kegiatan_id` + w.Clause()
	rows, err := s.Read().QueryContext(ctx, q, w.Args()...)
	if err != nil {
		return nil, fmt.Errorf("program: served: %w", err)
	}
	defer rows.Close()
	set := &ServedSet{planned: map[plannedKey]bool{}, served: map[servedKey]bool{}}
	for rows.Next() {
		var k servedKey
		var id sql.NullInt64
		var code sql.NullString
		if err := rows.Scan(&k.region, &k.year, &id, &code); err != nil {
			return nil, fmt.Errorf("program: served: %w", err)
		}
		prov := provinceOf(k.region)
		set.planned[plannedKey{prov, k.year}] = true
		if !id.Valid {
			continue
		}
		k.indicatorID = id.Int64
		set.served[k] = true
		if levelOfCode(code.String) == LevelProvince {
			set.served[servedKey{k.indicatorID, prov, k.year}] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("program: served: %w", err)
	}
	return set, nil
}

// Province is Served's answer for one province of the set: nil when none
// of its years is planned.
func (s *ServedSet) Province(province string) func(indicatorID int64, region string, year int) bool {
	any := false
	for k := range s.planned {
		if k.province == province {
			any = true
			break
		}
	}
	if !any {
		return nil
	}
	return func(indicatorID int64, region string, year int) bool {
		return !s.planned[plannedKey{province, year}] || s.served[servedKey{indicatorID, region, year}]
	}
}

// provinceOf is the province code of a region code ("35" of "35.78").
func provinceOf(code string) string {
	if i := strings.IndexByte(code, '.'); i >= 0 {
		return code[:i]
	}
	return code
}
