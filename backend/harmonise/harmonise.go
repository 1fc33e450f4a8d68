// Package harmonise computes the comparison matrix at the heart of Selaras:
// for a province and years, each regency's target and realisation per
// indicator beside the provincial and national targets, the regencies'
// roll-up by the indicator's rule, achievement, rank and flags. The screen,
// the projector and the Excel export all render this one result.
package harmonise

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"

	"selaras/backend/agreement"
	"selaras/backend/fault"
	"selaras/backend/indicator"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/target"
)

// Flag marks something the rakor should look at.
type Flag string

const (
	MissingTarget    Flag = "missing_target"    // no target for this region and year
	BelowNational    Flag = "below_national"    // worse than the national target (polarity-aware)
	BelowProvincial  Flag = "below_provincial"  // a regency worse than the provincial target
	RollUpShort      Flag = "rollup_short"      // regencies together fall short of the provincial target
	RollUpAbove      Flag = "rollup_above"      // regencies together exceed the provincial target
	RollUpIncomplete Flag = "rollup_incomplete" // some regencies lack what the roll-up needs
	Falling          Flag = "target_falling"    // target worse than the year before
	Implausible      Flag = "implausible"       // percent outside 0..100, negative count or money
	NoProgram        Flag = "no_program"        // no program serves the indicator here (set by the program area)
)

// AllFlags lists the flags in legend order.
var AllFlags = []Flag{MissingTarget, BelowNational, BelowProvincial, RollUpShort, RollUpAbove, RollUpIncomplete, Falling, Implausible, NoProgram}

// Cell is one region's figures for one indicator and year.
type Cell struct {
	Region      string   `json:"region"`
	Target      *float64 `json:"target"`
	TargetNum   *float64 `json:"targetNum"`
	TargetDen   *float64 `json:"targetDen"`
	Realisation *float64 `json:"realisation"`
	RealNum     *float64 `json:"realNum"`
	RealDen     *float64 `json:"realDen"`
	Baseline    *float64 `json:"baseline"`
	PrevTarget  *float64 `json:"prevTarget"`
	Achievement *float64 `json:"achievement"` // percent, polarity-aware
	Rank        int      `json:"rank"`        // among regencies, 1 = best; 0 = not ranked
	Flags       []Flag   `json:"flags"`
	Source      string   `json:"source"`
	Note        string   `json:"note"`
	Version     int64    `json:"version"` // the stored value's version, sent back with an edit (0: none)
}

// RollUp is the regencies combined by the indicator's aggregation rule.
type RollUp struct {
	Target      *float64 `json:"target"`
	Realisation *float64 `json:"realisation"`
	Reported    int      `json:"reported"` // regencies that contributed to the target roll-up
	Expected    int      `json:"expected"`
	Complete    bool     `json:"complete"`
}

// Row is one indicator in one year.
type Row struct {
	Indicator indicator.Indicator `json:"indicator"`
	Year      int                 `json:"year"`
	National  Cell                `json:"national"`
	Province  Cell                `json:"province"`
	Regencies []Cell              `json:"regencies"` // aligned with Matrix.Regencies
	RollUp    RollUp              `json:"rollUp"`
	Gap       *float64            `json:"gap"` // roll-up target minus provincial target
	Flags     []Flag              `json:"flags"`
	RankedBy  string              `json:"rankedBy"` // "achievement", "target" or ""
}

// Matrix is the harmonisation result for one province.
type Matrix struct {
	Province  region.Region   `json:"province"`
	Years     []int           `json:"years"`
	Regencies []region.Region `json:"regencies"`
	Rows      []Row           `json:"rows"`
	Counts    map[Flag]int    `json:"counts"` // flags across rows and cells
	// Agreed lists the kab/kota whose targets of a year were agreed in a
	// meeting and are locked ("19.01|2025"), for the screen and the exports.
	Agreed []string `json:"agreed,omitempty"`
}

// IsAgreed reports whether the targets of the kab/kota code for year are
// agreed and locked.
func (m Matrix) IsAgreed(code string, year int) bool {
	return slices.Contains(m.Agreed, code+"|"+strconv.Itoa(year))
}

// Input is everything Build needs; Load fills it from a workspace.
type Input struct {
	Province   region.Region
	Regencies  []region.Region
	Indicators []indicator.Indicator
	Values     []target.Value // for the years and the year before each
	// Served, when set, says whether a program serves the indicator in a
	// region and year; nil leaves the NoProgram flag off.
	Served func(indicatorID int64, region string, year int) bool
}

// Compute loads and builds the matrix of a province for the given years.
func Compute(ctx context.Context, s *store.Store, province string, years []int) (Matrix, error) {
	in, err := Load(ctx, s, province, years)
	if err != nil {
		return Matrix{}, err
	}
	m := Build(in, years)
	for _, y := range m.Years {
		all, err := agreement.InForce(ctx, s, province, y)
		if err != nil {
			return Matrix{}, err
		}
		for code := range all {
			m.Agreed = append(m.Agreed, code+"|"+strconv.Itoa(y))
		}
	}
	slices.Sort(m.Agreed)
	return m, nil
}

// Load reads what Build needs for a province and years.
func Load(ctx context.Context, s *store.Store, province string, years []int) (Input, error) {
	p, ok := region.Default().Lookup(province)
	if !ok || p.Level != region.Province {
		return Input{}, fault.New(fault.UnknownRegion, "matrix.province", "code", province)
	}
	if len(years) == 0 {
		return Input{}, fault.New(fault.Required, "matrix.years")
	}
	inds, err := indicator.List(ctx, s.Read())
	if err != nil {
		return Input{}, err
	}
	all := withPrevious(years)
	vals, err := target.Load(ctx, s.Read(), target.Filter{Years: all, RegionPrefix: province, Regions: []string{target.National}})
	if err != nil {
		return Input{}, fmt.Errorf("harmonise: %w", err)
	}
	served, err := program.Served(ctx, s, province, years)
	if err != nil {
		return Input{}, fmt.Errorf("harmonise: %w", err)
	}
	return Input{Province: p, Regencies: region.Default().Regencies(province), Indicators: inds, Values: vals,
		Served: served}, nil
}

func withPrevious(years []int) []int {
	seen := map[int]bool{}
	var out []int
	for _, y := range years {
		for _, x := range []int{y - 1, y} {
			if !seen[x] {
				seen[x] = true
				out = append(out, x)
			}
		}
	}
	sort.Ints(out)
	return out
}

// Build computes the matrix; it does no I/O.
func Build(in Input, years []int) Matrix {
	idx := make(map[target.Key]*target.Value, len(in.Values))
	for i := range in.Values {
		v := &in.Values[i]
		idx[v.Key()] = v
	}
	m := Matrix{Province: in.Province, Years: append([]int{}, years...), Regencies: in.Regencies,
		Rows: make([]Row, 0, len(in.Indicators)*len(years)), Counts: map[Flag]int{}}
	for _, ind := range in.Indicators {
		for _, y := range years {
			r := buildRow(ind, y, in, idx)
			count(m.Counts, r)
			m.Rows = append(m.Rows, r)
		}
	}
	return m
}

func count(c map[Flag]int, r Row) {
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

func cellOf(ind indicator.Indicator, regionCode string, year int, idx map[target.Key]*target.Value) Cell {
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
	c.Achievement = achievement(ind.Polarity, c.Target, c.Realisation)
	return c
}

func buildRow(ind indicator.Indicator, year int, in Input, idx map[target.Key]*target.Value) Row {
	r := Row{Indicator: ind, Year: year, Flags: []Flag{}, Regencies: make([]Cell, len(in.Regencies))}
	r.National = cellOf(ind, target.National, year, idx)
	r.Province = cellOf(ind, in.Province.Code, year, idx)
	for i, g := range in.Regencies {
		r.Regencies[i] = cellOf(ind, g.Code, year, idx)
	}
	r.RollUp = rollUp(ind, r.Regencies)
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
		if comparable && worse(ind, c.Target, r.National.Target) {
			c.Flags = append(c.Flags, BelowNational)
		}
		if isRegency && comparable && worse(ind, c.Target, r.Province.Target) {
			c.Flags = append(c.Flags, BelowProvincial)
		}
		if worse(ind, c.Target, c.PrevTarget) {
			c.Flags = append(c.Flags, Falling)
		}
		if implausible(ind, c) {
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
			case worse(ind, r.RollUp.Target, r.Province.Target):
				r.Flags = append(r.Flags, RollUpShort)
			case worse(ind, r.Province.Target, r.RollUp.Target):
				r.Flags = append(r.Flags, RollUpAbove)
			}
		}
	}
	r.RankedBy = rank(ind, r.Regencies)
	return r
}

func rollUp(ind indicator.Indicator, cells []Cell) RollUp {
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
func achievement(p indicator.Polarity, tgt, real *float64) *float64 {
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
func worse(ind indicator.Indicator, v, ref *float64) bool {
	if v == nil || ref == nil {
		return false
	}
	a, b := round(*v, ind.Decimals), round(*ref, ind.Decimals)
	if ind.Polarity == indicator.Lower {
		return a > b
	}
	return a < b
}

func round(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}

func implausible(ind indicator.Indicator, c *Cell) bool {
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
func rank(ind indicator.Indicator, cells []Cell) string {
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
			items = append(items, item{i, round(*k, ind.Decimals)})
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
