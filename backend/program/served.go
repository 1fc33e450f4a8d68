package program

import (
	"context"
	"fmt"

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
	where, args := servedScope(province, years)
	planned := map[int]bool{}
	yrows, err := s.Read().QueryContext(ctx, "SELECT DISTINCT l.year FROM plan_line l WHERE "+where, args...)
	if err != nil {
		return nil, fmt.Errorf("program: served: %w", err)
	}
	for yrows.Next() {
		var y int
		if err := yrows.Scan(&y); err != nil {
			yrows.Close()
			return nil, fmt.Errorf("program: served: %w", err)
		}
		planned[y] = true
	}
	yrows.Close()
	if len(planned) == 0 {
		return nil, nil
	}
	q := `SELECT DISTINCT si.indicator_id, l.region_code, l.year, n.code
FROM plan_line l
JOIN sub_kegiatan_indicator si ON si.sub_kegiatan_id = l.sub_kegiatan_id
JOIN nomenclature n ON n.id = l.sub_kegiatan_id
WHERE ` + where
	rows, err := s.Read().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("program: served: %w", err)
	}
	defer rows.Close()
	set := map[servedKey]bool{}
	for rows.Next() {
		var k servedKey
		var code string
		if err := rows.Scan(&k.indicatorID, &k.region, &k.year, &code); err != nil {
			return nil, fmt.Errorf("program: served: %w", err)
		}
		set[k] = true
		if levelOfCode(code) == LevelProvince {
			set[servedKey{k.indicatorID, province, k.year}] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("program: served: %w", err)
	}
	return func(indicatorID int64, region string, year int) bool {
		return !planned[year] || set[servedKey{indicatorID, region, year}]
	}, nil
}

// servedScope is the WHERE clause (on plan_line l) for a province, its
// regencies and the given years.
func servedScope(province string, years []int) (string, []any) {
	var w store.Where
	w.AddRegion("l.region_code", province)
	store.In(&w, "l.year", years)
	return w.And(), w.Args()
}
