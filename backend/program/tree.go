package program

import (
	"context"
	"errors"
	"math"
	"sort"
	"strconv"

	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/store"
)

// Sum is the money and count of a group of plan lines. Rupiah are int64 and
// added exactly; a total beyond int64 is refused, never wrapped.
type Sum struct {
	Pagu     int64 `json:"pagu"`
	PaguNext int64 `json:"paguNext"`
	Lines    int   `json:"lines"`
	NoTarget int   `json:"noTarget"` // lines flagged as program with no target
}

// errOverflow is reported if totals ever leave int64.
var errOverflow = errors.New("program: pagu total overflows int64")

func (s *Sum) addLine(l *PlanLine) error {
	var ok bool
	if s.Pagu, ok = addRupiah(s.Pagu, l.Pagu); !ok {
		return errOverflow
	}
	if l.PaguNext != nil {
		if s.PaguNext, ok = addRupiah(s.PaguNext, *l.PaguNext); !ok {
			return errOverflow
		}
	}
	s.Lines++
	if l.Target == nil {
		s.NoTarget++
	}
	return nil
}

func (s *Sum) add(o Sum) error {
	var ok1, ok2 bool
	s.Pagu, ok1 = addRupiah(s.Pagu, o.Pagu)
	s.PaguNext, ok2 = addRupiah(s.PaguNext, o.PaguNext)
	if !ok1 || !ok2 {
		return errOverflow
	}
	s.Lines += o.Lines
	s.NoTarget += o.NoTarget
	return nil
}

// addRupiah adds two non-negative amounts, reporting overflow.
func addRupiah(a, b int64) (int64, bool) {
	if b > 0 && a > math.MaxInt64-b {
		return a, false
	}
	return a + b, true
}

// Node is a program, kegiatan or sub-kegiatan with its subtotal; a
// sub-kegiatan carries its plan lines.
type Node struct {
	Item     Item       `json:"item"`
	Children []Node     `json:"children"`
	Lines    []PlanLine `json:"lines"`
	Sum      Sum        `json:"sum"`
}

// RegionSum is the total of the lines landing in one region.
type RegionSum struct {
	Region string `json:"region"`
	Name   string `json:"name"`
	Sum    Sum    `json:"sum"`
}

// FundSum is the total of the lines of one sumber dana.
type FundSum struct {
	SumberDana SumberDana `json:"sumberDana"`
	Label      string     `json:"label"`
	Sum        Sum        `json:"sum"`
}

// Tree is the work plan of a year: program > kegiatan > sub-kegiatan > plan
// lines with subtotals at each level, and totals per region and per source.
type Tree struct {
	Filter       Filter      `json:"filter"`
	Urusan       Item        `json:"urusan"`
	Programs     []Node      `json:"programs"`
	Total        Sum         `json:"total"`
	ByRegion     []RegionSum `json:"byRegion"`     // in region code order
	BySumberDana []FundSum   `json:"bySumberDana"` // in AllSumberDana order, sources with lines only
}

// BuildTree reads the lines matching f (f.Year is required) and builds the tree.
func BuildTree(ctx context.Context, s *store.Store, f Filter) (Tree, error) {
	if f.Year < profile.MinYear || f.Year > profile.MaxYear {
		return Tree{}, fault.New(fault.OutOfRange, "filter.year", "min", strconv.Itoa(profile.MinYear), "max", strconv.Itoa(profile.MaxYear))
	}
	if f.Province != "" && !region.Default().IsProvince(f.Province) {
		return Tree{}, fault.New(fault.UnknownRegion, "filter.province", "code", f.Province)
	}
	if f.Region != "" {
		if _, ok := region.Default().Lookup(f.Region); !ok {
			return Tree{}, fault.New(fault.UnknownRegion, "filter.region", "code", f.Region)
		}
	}
	items, err := ListItems(ctx, s.Read())
	if err != nil {
		return Tree{}, err
	}
	lines, err := listLines(ctx, s, f)
	if err != nil {
		return Tree{}, err
	}
	return Assemble(f, items, lines)
}

// Assemble builds the tree from the nomenclature and plan lines; it does no
// I/O. Lines whose sub-kegiatan is not among items are ignored. The tree may
// share lines' memory: the caller hands them over.
func Assemble(f Filter, items []Item, lines []PlanLine) (Tree, error) {
	t := Tree{Filter: f, Programs: []Node{}, ByRegion: []RegionSum{}, BySumberDana: []FundSum{}}
	children := map[int64][]Item{}
	for _, it := range items {
		if it.Kind == KindUrusan {
			t.Urusan = it
		}
		children[it.ParentID] = append(children[it.ParentID], it)
	}
	bySub := map[int64][]int{} // indexes into lines, so each line is copied once
	for i, l := range lines {
		bySub[l.SubKegiatanID] = append(bySub[l.SubKegiatanID], i)
	}

	var build func(it Item) (Node, error)
	build = func(it Item) (Node, error) {
		n := Node{Item: it, Children: []Node{}}
		if it.Kind == KindSubKegiatan {
			idx := bySub[it.ID]
			if len(idx) > 0 && idx[len(idx)-1]-idx[0] == len(idx)-1 {
				// Lines read in sub-kegiatan order lie together: the node
				// holds their run (capped, so an append copies) and no line
				// is copied.
				n.Lines = lines[idx[0] : idx[0]+len(idx) : idx[0]+len(idx)]
			} else {
				n.Lines = make([]PlanLine, len(idx))
				for j, i := range idx {
					n.Lines[j] = lines[i]
				}
			}
			for j := range n.Lines {
				if err := n.Sum.addLine(&n.Lines[j]); err != nil {
					return n, err
				}
			}
			return n, nil
		}
		n.Lines = []PlanLine{}
		for _, c := range children[it.ID] {
			cn, err := build(c)
			if err != nil {
				return n, err
			}
			if cn.Sum.Lines == 0 && !f.IncludeEmpty {
				continue
			}
			if err := n.Sum.add(cn.Sum); err != nil {
				return n, err
			}
			n.Children = append(n.Children, cn)
		}
		return n, nil
	}
	var programs []Item
	if t.Urusan.ID != 0 {
		programs = children[t.Urusan.ID]
	}
	for _, p := range programs {
		pn, err := build(p)
		if err != nil {
			return Tree{}, err
		}
		if pn.Sum.Lines == 0 && !f.IncludeEmpty {
			continue
		}
		if err := t.Total.add(pn.Sum); err != nil {
			return Tree{}, err
		}
		t.Programs = append(t.Programs, pn)
	}

	// Per region and per source, over the same lines the tree holds.
	regions := map[string]*RegionSum{}
	funds := map[SumberDana]*FundSum{}
	for _, p := range t.Programs {
		if err := walkLines(p, func(l *PlanLine) error {
			r := regions[l.Region]
			if r == nil {
				r = &RegionSum{Region: l.Region, Name: l.RegionName}
				regions[l.Region] = r
			}
			d := funds[l.SumberDana]
			if d == nil {
				d = &FundSum{SumberDana: l.SumberDana, Label: l.SumberDana.Label()}
				funds[l.SumberDana] = d
			}
			if err := r.Sum.addLine(l); err != nil {
				return err
			}
			return d.Sum.addLine(l)
		}); err != nil {
			return Tree{}, err
		}
	}
	for _, r := range regions {
		t.ByRegion = append(t.ByRegion, *r)
	}
	sort.Slice(t.ByRegion, func(i, j int) bool { return t.ByRegion[i].Region < t.ByRegion[j].Region })
	for _, d := range AllSumberDana {
		if fs := funds[d]; fs != nil {
			t.BySumberDana = append(t.BySumberDana, *fs)
		}
	}
	return t, nil
}

func walkLines(n Node, fn func(*PlanLine) error) error {
	for i := range n.Lines {
		if err := fn(&n.Lines[i]); err != nil {
			return err
		}
	}
	for _, c := range n.Children {
		if err := walkLines(c, fn); err != nil {
			return err
		}
	}
	return nil
}
