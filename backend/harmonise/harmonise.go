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

// Cell is one region's figures for one indicator and year. A figure that
// is not there is left out of the JSON (absent reads as null on the page):
// most cells of a matrix lack several, and Jawa Timur's matrix is a third
// smaller without them.
type Cell struct {
	Region      string   `json:"region"`
	Target      *float64 `json:"target,omitempty"`
	TargetNum   *float64 `json:"targetNum,omitempty"`
	TargetDen   *float64 `json:"targetDen,omitempty"`
	Realisation *float64 `json:"realisation,omitempty"`
	RealNum     *float64 `json:"realNum,omitempty"`
	RealDen     *float64 `json:"realDen,omitempty"`
	Baseline    *float64 `json:"baseline,omitempty"`
	PrevTarget  *float64 `json:"prevTarget,omitempty"`
	Achievement *float64 `json:"achievement,omitempty"` // percent, polarity-aware
	Rank        int      `json:"rank"`                  // among regencies, 1 = best; 0 = not ranked
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

// Load reads what Build needs for a province and years: one query per
// table (indicators, values, plan lines).
func Load(ctx context.Context, s *store.Store, province string, years []int) (Input, error) {
	p, ok := region.Default().Lookup(province)
	if !ok || p.Level != region.Province {
		return Input{}, fault.New(fault.UnknownRegion, "matrix.province", "code", province)
	}
	if len(years) == 0 {
		return Input{}, fault.New(fault.Required, "matrix.years")
	}
	inds, err := indicator.Catalogue(ctx, s)
	if err != nil {
		return Input{}, err
	}
	regs := region.Default().Regencies(province)
	// The values and the plan lines at once, each on its own connection:
	// over a slow link to a server the matrix waits one round trip, not two.
	var (
		vals   []target.Value
		valErr error
		done   = make(chan struct{})
	)
	go func() {
		defer close(done)
		vals, valErr = target.Load(ctx, s.Read(), target.Filter{Years: withPrevious(years), RegionPrefix: province,
			Regions: []string{target.National}, Expect: len(inds) * len(withPrevious(years)) * (len(regs) + 2)})
	}()
	served, sErr := program.ServedIn(ctx, s, province, years)
	<-done
	if valErr != nil {
		return Input{}, fmt.Errorf("harmonise: %w", valErr)
	}
	if sErr != nil {
		return Input{}, fmt.Errorf("harmonise: %w", sErr)
	}
	return Input{Province: p, Regencies: regs, Indicators: inds, Values: vals,
		Served: served.Province(province)}, nil
}

// ComputeCountry builds the matrix of every province for the given years,
// in province code order, as the national consolidation holds them: each
// table is read once for the whole country, not once per province.
func ComputeCountry(ctx context.Context, s *store.Store, years []int) ([]Matrix, error) {
	if len(years) == 0 {
		return nil, fault.New(fault.Required, "matrix.years")
	}
	inds, err := indicator.Catalogue(ctx, s)
	if err != nil {
		return nil, err
	}
	provinces := region.Default().Provinces()
	regencies := region.Default().Regencies("")
	vals, err := target.Load(ctx, s.Read(), target.Filter{Years: withPrevious(years),
		Expect: len(inds) * len(withPrevious(years)) * (len(provinces) + len(regencies) + 1)})
	if err != nil {
		return nil, fmt.Errorf("harmonise: %w", err)
	}
	served, err := program.ServedIn(ctx, s, "", years)
	if err != nil {
		return nil, fmt.Errorf("harmonise: %w", err)
	}
	// Every region of the country gets a slot; the index is built once and
	// each province's matrix reads its own slots from it.
	slots := make(map[string]int32, len(provinces)+len(regencies)+1)
	slots[target.National] = 0
	for _, p := range provinces {
		slots[p.Code] = int32(len(slots))
	}
	for _, r := range regencies {
		slots[r.Code] = int32(len(slots))
	}
	x := newIndex(inds, years, slots, vals)
	out := make([]Matrix, 0, len(provinces))
	for _, p := range provinces {
		var own []region.Region
		for _, r := range regencies {
			if r.ProvinceCode == p.Code {
				own = append(own, r)
			}
		}
		in := Input{Province: p, Regencies: own, Indicators: inds, Served: served.Province(p.Code)}
		out = append(out, buildMatrix(in, years, x))
	}
	return out, nil
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

// index holds the values by position: indicator, year, then region slot,
// so a cell is found by arithmetic, not by hashing its key.
type index struct {
	ind   map[int64]int32
	slot  map[string]int32 // region code -> slot
	years []int            // the years and the year before each, ascending
	v     []*target.Value
}

func newIndex(inds []indicator.Indicator, years []int, slots map[string]int32, vals []target.Value) *index {
	x := &index{ind: make(map[int64]int32, len(inds)), slot: slots, years: withPrevious(years)}
	for i, ind := range inds {
		x.ind[ind.ID] = int32(i)
	}
	x.v = make([]*target.Value, len(inds)*len(x.years)*len(slots))
	for i := range vals {
		v := &vals[i]
		at := x.at(v.IndicatorID, v.Region, v.Year)
		if at >= 0 {
			x.v[at] = v // a later duplicate wins, as a map would keep it
		}
	}
	return x
}

func (x *index) yearPos(y int) int {
	for i, yy := range x.years {
		if yy == y {
			return i
		}
	}
	return -1
}

func (x *index) at(id int64, region string, year int) int {
	i, ok := x.ind[id]
	if !ok {
		return -1
	}
	s, ok := x.slot[region]
	if !ok {
		return -1
	}
	y := x.yearPos(year)
	if y < 0 {
		return -1
	}
	return (int(i)*len(x.years)+y)*len(x.slot) + int(s)
}

// row is the values of one indicator and year, by slot (nil: none).
func (x *index) row(indPos, year int) []*target.Value {
	y := x.yearPos(year)
	if y < 0 {
		return nil
	}
	n := len(x.slot)
	at := (indPos*len(x.years) + y) * n
	return x.v[at : at+n]
}

// Build computes the matrix; it does no I/O.
func Build(in Input, years []int) Matrix {
	slots := make(map[string]int32, len(in.Regencies)+2)
	slots[target.National] = 0
	slots[in.Province.Code] = int32(len(slots))
	for _, g := range in.Regencies {
		if _, dup := slots[g.Code]; !dup {
			slots[g.Code] = int32(len(slots))
		}
	}
	return buildMatrix(in, years, newIndex(in.Indicators, years, slots, in.Values))
}

// maxCellFlags is how many flags one cell can carry (checkCell's checks).
const maxCellFlags = 6

func buildMatrix(in Input, years []int, x *index) Matrix {
	m := Matrix{Province: in.Province, Years: append([]int{}, years...), Regencies: in.Regencies,
		Rows: make([]Row, 0, len(in.Indicators)*len(years)), Counts: map[Flag]int{}}
	// The province's slots, and one backing array for every row's cells,
	// flags and achievements: a matrix allocates per row at most, never per cell.
	nat, prov := x.slot[target.National], x.slot[in.Province.Code]
	regSlots := make([]int32, len(in.Regencies))
	for i, g := range in.Regencies {
		regSlots[i] = x.slot[g.Code]
	}
	nRows := len(in.Indicators) * len(years)
	nReg := len(in.Regencies)
	cells := make([]Cell, nRows*nReg)
	flags := make([]Flag, nRows*(nReg+1)*maxCellFlags)
	ach := make([]float64, nRows*(nReg+2))
	counts := make([]int, len(AllFlags))
	b := &builder{}
	for ip, ind := range in.Indicators {
		for _, y := range years {
			cur, prev := x.row(ip, y), x.row(ip, y-1)
			k := len(m.Rows)
			r := Row{Indicator: ind, Year: y, Flags: []Flag{}, Regencies: cells[k*nReg : (k+1)*nReg : (k+1)*nReg]}
			b.flags = flags[k*(nReg+1)*maxCellFlags : (k+1)*(nReg+1)*maxCellFlags]
			b.ach = ach[k*(nReg+2) : (k+1)*(nReg+2)]
			r.National = b.cell(ind, target.National, nat, cur, prev, false)
			r.Province = b.cell(ind, in.Province.Code, prov, cur, prev, true)
			for i, g := range in.Regencies {
				r.Regencies[i] = b.cell(ind, g.Code, regSlots[i], cur, prev, true)
			}
			finishRow(&r, ind, y, in, b)
			countFlags(counts, &r)
			m.Rows = append(m.Rows, r)
		}
	}
	for i, f := range AllFlags {
		if counts[i] > 0 {
			m.Counts[f] = counts[i]
		}
	}
	return m
}

// builder hands out the current row's flags and achievements from their
// backing arrays.
type builder struct {
	flags   []Flag
	ach     []float64
	scratch []rankItem
}

// cell is one region's figures; withFlags gives it room for flags (the
// national cell never gets any).
func (b *builder) cell(ind indicator.Indicator, regionCode string, slot int32, cur, prev []*target.Value, withFlags bool) Cell {
	c := Cell{Region: regionCode}
	if withFlags {
		c.Flags = b.flags[:0:maxCellFlags]
		b.flags = b.flags[maxCellFlags:]
	} else {
		c.Flags = []Flag{}
	}
	if cur != nil {
		if v := cur[slot]; v != nil {
			c.Target, c.TargetNum, c.TargetDen = v.Target, v.TargetNum, v.TargetDen
			c.Realisation, c.RealNum, c.RealDen = v.Realisation, v.RealNum, v.RealDen
			c.Baseline, c.Source, c.Note = v.Baseline, v.Source, v.Note
			c.Version = v.Version
		}
	}
	if prev != nil {
		if p := prev[slot]; p != nil {
			c.PrevTarget = p.Target
		}
	}
	if a, ok := achievement(ind.Polarity, c.Target, c.Realisation); ok {
		b.ach[0] = a
		c.Achievement = &b.ach[0]
		b.ach = b.ach[1:]
	}
	return c
}

func countFlags(c []int, r *Row) {
	add := func(fs []Flag) {
		for _, f := range fs {
			c[flagPos(f)]++
		}
	}
	add(r.Flags)
	add(r.Province.Flags)
	for i := range r.Regencies {
		add(r.Regencies[i].Flags)
	}
}

func flagPos(f Flag) int {
	for i, g := range AllFlags {
		if g == f {
			return i
		}
	}
	panic("harmonise: unknown flag " + string(f))
}

func finishRow(r *Row, ind indicator.Indicator, year int, in Input, b *builder) {
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
	r.RankedBy = b.rank(ind, r.Regencies)
}

func rollUp(ind indicator.Indicator, cells []Cell) RollUp {
	ru := RollUp{Expected: len(cells)}
	if ind.Aggregation == indicator.NoRollUp || len(cells) == 0 {
		return ru
	}
	var tgt, real agg
	for i := range cells {
		c := &cells[i]
		tgt.add(ind.Aggregation, c.Target, c.TargetNum, c.TargetDen)
		real.add(ind.Aggregation, c.Realisation, c.RealNum, c.RealDen)
	}
	ru.Target, ru.Reported = tgt.result(ind)
	ru.Realisation, _ = real.result(ind)
	ru.Complete = ru.Reported == ru.Expected && ru.Target != nil
	return ru
}

// agg adds up one figure of the regencies by the indicator's rule.
type agg struct {
	sum, num, den float64
	n             int
}

func (a *agg) add(rule indicator.Aggregation, val, num, den *float64) {
	if rule == indicator.RatioAgg {
		if num == nil || den == nil {
			return
		}
		a.num += *num
		a.den += *den
	} else {
		if val == nil {
			return
		}
		a.sum += *val
	}
	a.n++
}

func (a *agg) result(ind indicator.Indicator) (*float64, int) {
	if a.n == 0 {
		return nil, 0
	}
	var out float64
	switch ind.Aggregation {
	case indicator.RatioAgg:
		if a.den == 0 {
			return nil, a.n
		}
		out = a.num / a.den * ind.Scale
	case indicator.Mean:
		out = a.sum / float64(a.n)
	default:
		out = a.sum
	}
	return &out, a.n
}

// achievement is realisation against target in percent: realisation/target
// where higher is better, target/realisation where lower is better.
func achievement(p indicator.Polarity, tgt, real *float64) (float64, bool) {
	if tgt == nil || real == nil {
		return 0, false
	}
	var a float64
	if p == indicator.Lower {
		if *real == 0 {
			return 0, false
		}
		a = *tgt / *real * 100
	} else {
		if *tgt == 0 {
			return 0, false
		}
		a = *real / *tgt * 100
	}
	if math.IsInf(a, 0) || math.IsNaN(a) {
		return 0, false
	}
	return a, true
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

// pow10 holds the powers of ten of the usual decimals, so rounding a figure
// does not call math.Pow.
var pow10 = [...]float64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10}

func round(x float64, decimals int) float64 {
	var p float64
	if decimals >= 0 && decimals < len(pow10) {
		p = pow10[decimals]
	} else {
		p = math.Pow(10, float64(decimals))
	}
	return math.Round(x*p) / p
}

func implausible(ind indicator.Indicator, c *Cell) bool {
	pct := ind.IsPercent()
	nonNeg := ind.Kind == indicator.Count || ind.Kind == indicator.Rupiah
	for _, v := range [...]*float64{c.Target, c.Realisation, c.Baseline} {
		if v == nil {
			continue
		}
		if pct && (*v < 0 || *v > 100) {
			return true
		}
		if nonNeg && *v < 0 {
			return true
		}
	}
	for _, v := range [...]*float64{c.TargetNum, c.TargetDen, c.RealNum, c.RealDen} {
		if v != nil && *v < 0 {
			return true
		}
	}
	return false
}

type rankItem struct {
	i int
	v float64
}

// rank orders regencies best first: by achievement once any realisation is
// known, before that by target where targets are comparable rates. Ties
// share a rank (1, 2, 2, 4).
func (b *builder) rank(ind indicator.Indicator, cells []Cell) string {
	byTarget := true
	for i := range cells {
		if cells[i].Achievement != nil {
			byTarget = false
			break
		}
	}
	if byTarget && ind.Aggregation == indicator.Sum {
		return ""
	}
	items := b.scratch[:0]
	for i := range cells {
		k := cells[i].Achievement
		if byTarget {
			k = cells[i].Target
		}
		if k != nil {
			items = append(items, rankItem{i, round(*k, ind.Decimals)})
		}
	}
	b.scratch = items
	if len(items) == 0 {
		return ""
	}
	// Achievement is already polarity-aware; a target is better lower
	// where the indicator says so.
	lowerFirst := byTarget && ind.Polarity == indicator.Lower
	slices.SortStableFunc(items, func(x, y rankItem) int {
		if x.v == y.v {
			return 0
		}
		if (x.v > y.v) != lowerFirst {
			return -1
		}
		return 1
	})
	for n, it := range items {
		rk := n + 1
		if n > 0 && items[n-1].v == it.v {
			rk = cells[items[n-1].i].Rank
		}
		cells[it.i].Rank = rk
	}
	if byTarget {
		return "target"
	}
	return "achievement"
}
