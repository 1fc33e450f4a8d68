package harmonise

// The matrix as it was computed before the allocation-free Build: kept in
// the tests as the reference the new one must equal on the national dataset.

import (
	"context"
	"math"
	"sort"
	"strings"

	"selaras/backend/indicator"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/target"
)

// Build computes the matrix; it does no I/O.
func refBuild(in Input, years []int) Matrix {
	idx := make(map[target.Key]*target.Value, len(in.Values))
	for i := range in.Values {
		v := &in.Values[i]
		idx[v.Key()] = v
	}
	m := Matrix{Province: in.Province, Years: append([]int{}, years...), Regencies: in.Regencies,
		Rows: make([]Row, 0, len(in.Indicators)*len(years)), Counts: map[Flag]int{}}
	for _, ind := range in.Indicators {
		for _, y := range years {
			r := refBuildRow(ind, y, in, idx)
			refCount(m.Counts, r)
			m.Rows = append(m.Rows, r)
		}
	}
	return m
}

func refCount(c map[Flag]int, r Row) {
	for _, f := range r.Flags {
		c[f]++
	}
	for _, f := range r.Province.Flags {
		c[f]++
	}
	for _, cell := range r.Regencies {
		for _, f := range cell.Flags {
			c[f]++
		}
	}
}

func refCellOf(ind indicator.Indicator, regionCode string, year int, idx map[target.Key]*target.Value) Cell {
	c := Cell{Region: regionCode, Flags: []Flag{}}
	if v := idx[target.Key{IndicatorID: ind.ID, Region: regionCode, Year: year}]; v != nil {
		c.Target, c.TargetNum, c.TargetDen = v.Target, v.TargetNum, v.TargetDen
		c.Realisation, c.RealNum, c.RealDen = v.Realisation, v.RealNum, v.RealDen
		c.Baseline, c.Source, c.Note = v.Baseline, v.Source, v.Note
		c.Version = v.Version
	}
	if p := idx[target.Key{IndicatorID: ind.ID, Region: regionCode, Year: year - 1}]; p != nil {
		c.PrevTarget = p.Target
	}
	c.Achievement = refAchievement(ind.Polarity, c.Target, c.Realisation)
	return c
}

func refBuildRow(ind indicator.Indicator, year int, in Input, idx map[target.Key]*target.Value) Row {
	r := Row{Indicator: ind, Year: year, Flags: []Flag{}, Regencies: make([]Cell, len(in.Regencies))}
	r.National = refCellOf(ind, target.National, year, idx)
	r.Province = refCellOf(ind, in.Province.Code, year, idx)
	for i, g := range in.Regencies {
		r.Regencies[i] = refCellOf(ind, g.Code, year, idx)
	}
	r.RollUp = refRollUp(ind, r.Regencies)
	if r.RollUp.Target != nil && r.Province.Target != nil {
		g := *r.RollUp.Target - *r.Province.Target
		r.Gap = &g
	}

	// A regency's own value is comparable with the province's and the
	// nation's only where values are rates, not where they add up.
	comparable := ind.Aggregation != indicator.Sum
	checkCell := func(c *Cell, isRegency bool) {
		if c.Target == nil {
			c.Flags = append(c.Flags, MissingTarget)
		}
		if comparable && refWorse(ind, c.Target, r.National.Target) {
			c.Flags = append(c.Flags, BelowNational)
		}
		if isRegency && comparable && refWorse(ind, c.Target, r.Province.Target) {
			c.Flags = append(c.Flags, BelowProvincial)
		}
		if refWorse(ind, c.Target, c.PrevTarget) {
			c.Flags = append(c.Flags, Falling)
		}
		if refImplausible(ind, c) {
			c.Flags = append(c.Flags, Implausible)
		}
		if in.Served != nil && !in.Served(ind.ID, c.Region, year) {
			c.Flags = append(c.Flags, NoProgram)
		}
	}
	checkCell(&r.Province, false)
	for i := range r.Regencies {
		checkCell(&r.Regencies[i], true)
	}

	if ind.Aggregation != indicator.NoRollUp && len(in.Regencies) > 0 {
		if !r.RollUp.Complete {
			r.Flags = append(r.Flags, RollUpIncomplete)
		} else if r.Province.Target != nil {
			switch {
			case refWorse(ind, r.RollUp.Target, r.Province.Target):
				r.Flags = append(r.Flags, RollUpShort)
			case refWorse(ind, r.Province.Target, r.RollUp.Target):
				r.Flags = append(r.Flags, RollUpAbove)
			}
		}
	}
	r.RankedBy = refRank(ind, r.Regencies)
	return r
}

func refRollUp(ind indicator.Indicator, cells []Cell) RollUp {
	ru := RollUp{Expected: len(cells)}
	if ind.Aggregation == indicator.NoRollUp || len(cells) == 0 {
		return ru
	}
	agg := func(val func(Cell) *float64, num, den func(Cell) *float64) (*float64, int) {
		var sum, sumNum, sumDen float64
		n := 0
		for _, c := range cells {
			switch ind.Aggregation {
			case indicator.RatioAgg:
				if num(c) == nil || den(c) == nil {
					continue
				}
				sumNum += *num(c)
				sumDen += *den(c)
			default:
				if val(c) == nil {
					continue
				}
				sum += *val(c)
			}
			n++
		}
		if n == 0 {
			return nil, 0
		}
		var out float64
		switch ind.Aggregation {
		case indicator.RatioAgg:
			if sumDen == 0 {
				return nil, n
			}
			out = sumNum / sumDen * ind.Scale
		case indicator.Mean:
			out = sum / float64(n)
		default:
			out = sum
		}
		return &out, n
	}
	ru.Target, ru.Reported = agg(func(c Cell) *float64 { return c.Target },
		func(c Cell) *float64 { return c.TargetNum }, func(c Cell) *float64 { return c.TargetDen })
	ru.Realisation, _ = agg(func(c Cell) *float64 { return c.Realisation },
		func(c Cell) *float64 { return c.RealNum }, func(c Cell) *float64 { return c.RealDen })
	ru.Complete = ru.Reported == ru.Expected && ru.Target != nil
	return ru
}

// achievement is realisation against target in percent: realisation/target
// where higher is better, target/realisation where lower is better.
func refAchievement(p indicator.Polarity, tgt, real *float64) *float64 {
	if tgt == nil || real == nil {
		return nil
	}
	var a float64
	if p == indicator.Lower {
		if *real == 0 {
			return nil
		}
		a = *tgt / *real * 100
	} else {
		if *tgt == 0 {
			return nil
		}
		a = *real / *tgt * 100
	}
	if math.IsInf(a, 0) || math.IsNaN(a) {
		return nil
	}
	return &a
}

// worse reports whether v is worse than ref under the indicator's polarity,
// comparing at the indicator's displayed precision so rounding noise is not
// flagged.
func refWorse(ind indicator.Indicator, v, ref *float64) bool {
	if v == nil || ref == nil {
		return false
	}
	a, b := refRound(*v, ind.Decimals), refRound(*ref, ind.Decimals)
	if ind.Polarity == indicator.Lower {
		return a > b
	}
	return a < b
}

func refRound(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}

func refImplausible(ind indicator.Indicator, c *Cell) bool {
	for _, v := range []*float64{c.Target, c.Realisation, c.Baseline} {
		if v == nil {
			continue
		}
		if ind.IsPercent() && (*v < 0 || *v > 100) {
			return true
		}
		if (ind.Kind == indicator.Count || ind.Kind == indicator.Rupiah) && *v < 0 {
			return true
		}
	}
	for _, v := range []*float64{c.TargetNum, c.TargetDen, c.RealNum, c.RealDen} {
		if v != nil && *v < 0 {
			return true
		}
	}
	return false
}

// rank orders regencies best first: by achievement once any realisation is
// known, before that by target where targets are comparable rates. Ties
// share a rank (1, 2, 2, 4).
func refRank(ind indicator.Indicator, cells []Cell) string {
	key := func(c Cell) *float64 { return c.Achievement }
	by := "achievement"
	any := false
	for _, c := range cells {
		if c.Achievement != nil {
			any = true
			break
		}
	}
	if !any {
		if ind.Aggregation == indicator.Sum {
			return ""
		}
		key, by = func(c Cell) *float64 { return c.Target }, "target"
	}
	type item struct {
		i int
		v float64
	}
	var items []item
	for i, c := range cells {
		if k := key(c); k != nil {
			items = append(items, item{i, refRound(*k, ind.Decimals)})
		}
	}
	if len(items) == 0 {
		return ""
	}
	better := func(a, b float64) bool {
		if by == "target" && ind.Polarity == indicator.Lower {
			return a < b
		}
		return a > b // achievement is already polarity-aware
	}
	sort.SliceStable(items, func(a, b int) bool { return better(items[a].v, items[b].v) })
	for n, it := range items {
		rk := n + 1
		if n > 0 && items[n-1].v == it.v {
			rk = cells[items[n-1].i].Rank
		}
		cells[it.i].Rank = rk
	}
	return by
}

// refLoad reads what refBuild needs as the matrix read it before: the
// catalogue, the values and the two queries of the plan lines.
func refLoad(ctx context.Context, s *store.Store, province string, years []int) (Input, error) {
	p, _ := region.Default().Lookup(province)
	inds, err := indicator.List(ctx, s.Read())
	if err != nil {
		return Input{}, err
	}
	vals, err := target.Load(ctx, s.Read(), target.Filter{Years: withPrevious(years), RegionPrefix: province, Regions: []string{target.National}})
	if err != nil {
		return Input{}, err
	}
	served, err := refServed(ctx, s, province, years)
	if err != nil {
		return Input{}, err
	}
	return Input{Province: p, Regencies: region.Default().Regencies(province), Indicators: inds, Values: vals, Served: served}, nil
}

type refKey struct {
	indicatorID int64
	region      string
	year        int
}

func refServed(ctx context.Context, s *store.Store, province string, years []int) (func(int64, string, int) bool, error) {
	var w store.Where
	w.AddRegion("l.region_code", province)
	store.In(&w, "l.year", years)
	where, args := w.And(), w.Args()
	planned := map[int]bool{}
	yrows, err := s.Read().QueryContext(ctx, "SELECT DISTINCT l.year FROM plan_line l WHERE "+where, args...)
	if err != nil {
		return nil, err
	}
	for yrows.Next() {
		var y int
		if err := yrows.Scan(&y); err != nil {
			yrows.Close()
			return nil, err
		}
		planned[y] = true
	}
	yrows.Close()
	if len(planned) == 0 {
		return nil, nil
	}
	rows, err := s.Read().QueryContext(ctx, `SELECT DISTINCT si.indicator_id, l.region_code, l.year, n.code
FROM plan_line l
JOIN sub_kegiatan_indicator si ON si.sub_kegiatan_id = l.sub_kegiatan_id
JOIN nomenclature n ON n.id = l.sub_kegiatan_id
WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	set := map[refKey]bool{}
	for rows.Next() {
		var k refKey
		var code string
		if err := rows.Scan(&k.indicatorID, &k.region, &k.year, &code); err != nil {
			return nil, err
		}
		set[k] = true
		// An L = 1 code (x.xx.xx.1.xx) is the province's own.
		if parts := strings.Split(code, "."); len(parts) >= 5 && parts[3] == "1" {
			set[refKey{k.indicatorID, province, k.year}] = true
		}
	}
	return func(id int64, region string, year int) bool {
		return !planned[year] || set[refKey{id, region, year}]
	}, rows.Err()
}
