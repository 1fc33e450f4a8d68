package program

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"selaras/backend/fault"
	"selaras/backend/indicator"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/target"
)

// CrosswalkQuery asks how the centre, a province and its regencies plan for
// one performance indicator or one central program in a year.
type CrosswalkQuery struct {
	IndicatorID int64  `json:"indicatorId"` // either an indicator (wins when both are set)
	CentralCode string `json:"centralCode"` // or a central program/output code
	Year        int    `json:"year"`
	Province    string `json:"province"`
}

// Levels named in Crosswalk.Missing besides regency codes.
const (
	MissingCentre   = "pusat"
	MissingProvince = "provinsi"
)

// CentralPlan is one central item with what the centre plans for the year.
type CentralPlan struct {
	Item   CentralItem `json:"item"`
	Target *float64    `json:"target"`
	Pagu   *int64      `json:"pagu"`
}

// CrossCentre is the centre's column of the crosswalk.
type CrossCentre struct {
	NationalTarget *float64      `json:"nationalTarget"` // the indicator's national target, by indicator only
	Items          []CentralPlan `json:"items"`
	Pagu           int64         `json:"pagu"` // sum of the known central pagu
	Missing        bool          `json:"missing"`
}

// CrossLevel is the province's or one regency's column: the lines it plans
// itself, their sums, and for a regency the province's lines landing there.
type CrossLevel struct {
	Region          region.Region `json:"region"`
	IndicatorTarget *float64      `json:"indicatorTarget"` // its performance target, by indicator only
	Lines           []PlanLine    `json:"lines"`
	Target          *float64      `json:"target"` // sum of the lines' targets when all have one in the same unit
	Unit            string        `json:"unit"`
	Sum             Sum           `json:"sum"`
	Missing         bool          `json:"missing"`      // plans nothing for it
	FromProvince    []PlanLine    `json:"fromProvince"` // regency only: province (L = 1) lines located here
}

// Crosswalk is the sinkronisasi pusat-provinsi-kabupaten/kota of one
// indicator or central program.
type Crosswalk struct {
	Query     CrosswalkQuery       `json:"query"`
	Indicator *indicator.Indicator `json:"indicator"` // by indicator
	Central   *CentralItem         `json:"central"`   // by central program
	Centre    CrossCentre          `json:"centre"`
	Province  CrossLevel           `json:"province"`
	Regencies []CrossLevel         `json:"regencies"`
	// Missing lists the levels that plan nothing: "pusat", "provinsi" and
	// the codes of regencies.
	Missing []string `json:"missing"`
}

// BuildCrosswalk assembles the crosswalk. Plan lines count when their
// sub-kegiatan serves the indicator, or when they (or their sub-kegiatan)
// are linked to a central item that serves it; by central program, when
// they are linked to that item or one below it. The province plans with
// L = 1 sub-kegiatan wherever the line lands; a regency with L = 2 ones.
func BuildCrosswalk(ctx context.Context, s *store.Store, q CrosswalkQuery) (Crosswalk, error) {
	q.Province = strings.TrimSpace(q.Province)
	q.CentralCode = strings.TrimSpace(q.CentralCode)
	prov, err := crosswalkPlace(q.Province, q.Year)
	if err != nil {
		return Crosswalk{}, err
	}
	if q.IndicatorID == 0 && q.CentralCode == "" {
		return Crosswalk{}, fault.New(fault.Required, "crosswalk.indicatorId")
	}
	base, err := loadCrosswalkBase(ctx, s, q.Province, q.Year)
	if err != nil {
		return Crosswalk{}, err
	}
	return base.build(ctx, s, prov, q)
}

// BuildCrosswalks builds the crosswalk of every indicator in the catalogue,
// in catalogue order, reading the nomenclature and plan lines once.
func BuildCrosswalks(ctx context.Context, s *store.Store, province string, year int) ([]Crosswalk, error) {
	province = strings.TrimSpace(province)
	prov, err := crosswalkPlace(province, year)
	if err != nil {
		return nil, err
	}
	base, err := loadCrosswalkBase(ctx, s, province, year)
	if err != nil {
		return nil, err
	}
	inds, err := indicator.Catalogue(ctx, s)
	if err != nil {
		return nil, err
	}
	out := make([]Crosswalk, 0, len(inds))
	for _, ind := range inds {
		cw, err := base.build(ctx, s, prov, CrosswalkQuery{IndicatorID: ind.ID, Year: year, Province: province})
		if err != nil {
			return nil, err
		}
		out = append(out, cw)
	}
	return out, nil
}

// crosswalkPlace checks that a crosswalk asks for a province and a year in range.
func crosswalkPlace(province string, year int) (region.Region, error) {
	prov, ok := region.Default().Lookup(province)
	if !ok || prov.Level != region.Province {
		return region.Region{}, fault.New(fault.UnknownRegion, "crosswalk.province", "code", province)
	}
	if year < profile.MinYear || year > profile.MaxYear {
		return region.Region{}, fault.New(fault.OutOfRange, "crosswalk.year", "min", strconv.Itoa(profile.MinYear), "max", strconv.Itoa(profile.MaxYear))
	}
	return prov, nil
}

// crosswalkBase is what every crosswalk of a province and year reads.
type crosswalkBase struct {
	subs        map[int64]Item
	central     []CentralItem
	centralByID map[int64]CentralItem
	lines       []PlanLine
}

func loadCrosswalkBase(ctx context.Context, s *store.Store, province string, year int) (crosswalkBase, error) {
	items, err := ListItems(ctx, s.Read())
	if err != nil {
		return crosswalkBase{}, err
	}
	central, err := ListCentral(ctx, s.Read())
	if err != nil {
		return crosswalkBase{}, err
	}
	lines, err := listLines(ctx, s, Filter{Year: year, Province: province})
	if err != nil {
		return crosswalkBase{}, err
	}
	b := crosswalkBase{subs: map[int64]Item{}, central: central, centralByID: map[int64]CentralItem{}, lines: lines}
	for _, it := range items {
		b.subs[it.ID] = it
	}
	for _, c := range central {
		b.centralByID[c.ID] = c
	}
	return b, nil
}

// build assembles one crosswalk of q (already checked) from the base.
func (b crosswalkBase) build(ctx context.Context, s *store.Store, prov region.Region, q CrosswalkQuery) (Crosswalk, error) {
	subs, central, centralByID, lines := b.subs, b.central, b.centralByID, b.lines
	cw := Crosswalk{Query: q, Missing: []string{}, Regencies: []CrossLevel{}}
	effective := func(l PlanLine) int64 {
		if l.CentralID != nil {
			return *l.CentralID
		}
		if c := subs[l.SubKegiatanID].CentralID; c != nil {
			return *c
		}
		return 0
	}

	centreSet := map[int64]bool{} // central items shown in the centre column
	var match func(PlanLine) bool
	if q.IndicatorID != 0 {
		ind, err := indicator.Get(ctx, s, q.IndicatorID)
		if err != nil {
			return Crosswalk{}, err
		}
		cw.Indicator = &ind
		for _, c := range central {
			if containsID(c.IndicatorIDs, ind.ID) {
				centreSet[c.ID] = true
			}
		}
		linked := map[int64]bool{} // the items serving it and every item below them
		for id := range centreSet {
			for _, d := range descendants(central, id) {
				linked[d] = true
			}
		}
		match = func(l PlanLine) bool {
			return containsID(subs[l.SubKegiatanID].IndicatorIDs, ind.ID) || linked[effective(l)]
		}
	} else {
		var root *CentralItem
		for i := range central {
			if central[i].Code == q.CentralCode {
				root = &central[i]
			}
		}
		if root == nil {
			return Crosswalk{}, fault.New(fault.NotFound, "crosswalk.centralCode")
		}
		cw.Central = root
		for _, id := range descendants(central, root.ID) {
			centreSet[id] = true
		}
		match = func(l PlanLine) bool { return centreSet[effective(l)] }
	}

	var own []PlanLine
	for _, l := range lines {
		if match(l) {
			own = append(own, l)
			if c := effective(l); c != 0 && cw.Indicator != nil {
				centreSet[c] = true // the central item this line aligns with
			}
		}
	}

	// Centre.
	cw.Centre.Items = []CentralPlan{}
	for _, id := range sortedIDs(centreSet) {
		c, ok := centralByID[id]
		if !ok {
			continue
		}
		t, _ := c.TargetFor(q.Year)
		cw.Centre.Items = append(cw.Centre.Items, CentralPlan{Item: c, Target: t.Target, Pagu: t.Pagu})
		if t.Pagu != nil {
			if cw.Centre.Pagu, ok = addRupiah(cw.Centre.Pagu, *t.Pagu); !ok {
				return Crosswalk{}, errOverflow
			}
		}
	}
	sort.SliceStable(cw.Centre.Items, func(i, j int) bool { return cw.Centre.Items[i].Item.Code < cw.Centre.Items[j].Item.Code })
	cw.Centre.Missing = len(cw.Centre.Items) == 0

	// Indicator targets, when asked by indicator.
	targets := map[string]*float64{}
	if cw.Indicator != nil {
		vals, err := target.Load(ctx, s.Read(), target.Filter{Years: []int{q.Year}, IndicatorIDs: []int64{cw.Indicator.ID},
			RegionPrefix: q.Province, Regions: []string{target.National}})
		if err != nil {
			return Crosswalk{}, fmt.Errorf("program: crosswalk: %w", err)
		}
		for _, v := range vals {
			targets[v.Region] = v.Target
		}
		cw.Centre.NationalTarget = targets[target.National]
	}

	// Province and regencies.
	cw.Province = CrossLevel{Region: prov, IndicatorTarget: targets[prov.Code], Lines: []PlanLine{}, FromProvince: []PlanLine{}}
	regs := region.Default().Regencies(prov.Code)
	pos := map[string]int{}
	for i, g := range regs {
		pos[g.Code] = i
		cw.Regencies = append(cw.Regencies, CrossLevel{Region: g, IndicatorTarget: targets[g.Code], Lines: []PlanLine{},
			FromProvince: []PlanLine{}})
	}
	for _, l := range own {
		i, inRegency := pos[l.Region]
		switch {
		case l.Level == LevelProvince:
			cw.Province.Lines = append(cw.Province.Lines, l)
			if inRegency {
				cw.Regencies[i].FromProvince = append(cw.Regencies[i].FromProvince, l)
			}
		case inRegency:
			cw.Regencies[i].Lines = append(cw.Regencies[i].Lines, l)
		}
	}
	if err := cw.Province.total(); err != nil {
		return Crosswalk{}, err
	}
	if cw.Centre.Missing {
		cw.Missing = append(cw.Missing, MissingCentre)
	}
	if cw.Province.Missing {
		cw.Missing = append(cw.Missing, MissingProvince)
	}
	for i := range cw.Regencies {
		if err := cw.Regencies[i].total(); err != nil {
			return Crosswalk{}, err
		}
		if cw.Regencies[i].Missing {
			cw.Missing = append(cw.Missing, cw.Regencies[i].Region.Code)
		}
	}
	return cw, nil
}

// total fills the sums of a level from its own lines.
func (c *CrossLevel) total() error {
	c.Missing = len(c.Lines) == 0
	sameUnit := true
	var sum float64
	for i, l := range c.Lines {
		if err := c.Sum.addLine(&c.Lines[i]); err != nil {
			return err
		}
		if l.Target == nil || (i > 0 && !strings.EqualFold(l.OutputUnit, c.Lines[0].OutputUnit)) {
			sameUnit = false
			continue
		}
		sum += *l.Target
	}
	if len(c.Lines) > 0 && sameUnit {
		c.Target, c.Unit = &sum, c.Lines[0].OutputUnit
	}
	return nil
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// descendants returns id and every central item below it.
func descendants(all []CentralItem, id int64) []int64 {
	kids := map[int64][]int64{}
	for _, c := range all {
		kids[c.ParentID] = append(kids[c.ParentID], c.ID)
	}
	out := []int64{}
	seen := map[int64]bool{}
	var walk func(int64)
	walk = func(x int64) {
		if seen[x] {
			return
		}
		seen[x] = true
		out = append(out, x)
		for _, k := range kids[x] {
			walk(k)
		}
	}
	walk(id)
	return out
}
