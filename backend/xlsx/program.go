package xlsx

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"selaras/backend/indicator"
	"selaras/backend/number"
	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/region"
	"selaras/backend/store"
	"selaras/backend/target"
)

// ProgramSheetName is the Matriks Program sheet of a year.
func ProgramSheetName(year int) string { return fmt.Sprintf("Matriks Program %d", year) }

// Columns of the Renja layout, 1-based.
const (
	pgCode = iota + 1
	pgName
	pgIndicator
	pgLokasi
	pgTarget
	pgPagu
	pgFund
	pgNote
	pgTargetNext
	pgPaguNext
)

// The letters of the pagu columns, which the subtotals sum.
var pgPaguLetter, pgPaguNextLetter = col(pgPagu), col(pgPaguNext)

// writeProgramMatrix adds the Matriks Program sheet in the Renja layout:
// (1) Kode, (2) Urusan/Program/Kegiatan/Sub-kegiatan, (3) Indikator
// Kinerja, Rencana Tahun n (4) Lokasi (5) Target (6) Pagu Indikatif (7)
// Sumber Dana, (8) Catatan Penting, Prakiraan Maju n+1 (9) Target (10) Pagu,
// as Permendagri 86/2017 lays out the Renja. Each urusan, program,
// kegiatan and sub-kegiatan row totals its block with SUBTOTAL(9, ...), the
// SUM that skips nested subtotals, so a block is never counted twice; the
// cached values are the tree's exact int64 sums.
func writeProgramMatrix(ctx context.Context, f *excelize.File, st *styles, t program.Tree, refs renjaRefs, p profile.Profile, now time.Time, tick func()) error {
	year := t.Filter.Year
	place := placeName(t.Filter.Province)
	now1 := fmt.Sprintf("Rencana Tahun %d", year)
	next := fmt.Sprintf("Prakiraan Maju Tahun %d", year+1)
	fm, err := newForm(f, st, p, formSpec{
		Sheet:  ProgramSheetName(year),
		Titles: []string{"MATRIKS RENCANA PROGRAM, KEGIATAN DAN SUB KEGIATAN", fmt.Sprintf("%s · Tahun %d", place, year)},
		Cols: []column{
			{Head: "Kode", Width: 15}, {Head: "Urusan / Program / Kegiatan / Sub Kegiatan", Width: 26},
			{Head: "Indikator Kinerja Program (Outcome) / Kegiatan / Sub Kegiatan (Output)", Width: 24},
			{Group: now1, Head: "Lokasi", Width: 12}, {Group: now1, Head: "Target Capaian Kinerja", Width: 10},
			// Sumber Dana as wide as "Kabupaten/Kota", the longest word of its list.
			{Group: now1, Head: "Kebutuhan Dana / Pagu Indikatif (Rp)", Width: 16}, {Group: now1, Head: "Sumber Dana", Width: 15},
			// Permendagri 86/2017: Catatan Penting stands between the two years, in no group.
			{Head: "Catatan Penting", Width: 16, Fill: true},
			{Group: next, Head: "Target Capaian Kinerja", Width: 10}, {Group: next, Head: "Kebutuhan Dana / Pagu Indikatif (Rp)", Width: 16},
		},
		FreezeCols: 2,
	})
	if err != nil {
		return err
	}
	w := programWriter{ctx: ctx, fm: fm, st: st, tick: tick, refs: refs, rc: newRowCells(pgPaguNext)}
	if t.Urusan.ID != 0 && len(t.Programs) > 0 {
		total := program.Node{Item: t.Urusan, Children: t.Programs, Sum: t.Total}
		if err := w.node(total); err != nil {
			return err
		}
	} else if err := fm.band("Belum ada rencana program untuk tahun ini.", st.text); err != nil {
		return err
	}
	return fm.close(ctx, now, pgFund)
}

type programWriter struct {
	ctx  context.Context
	fm   *form
	st   *styles
	tick func()
	n    int
	refs renjaRefs
	rc   *rowCells // the row being written
}

// renjaRefs are what the program and kegiatan rows of a Renja sheet name
// in column (3): the nomenclature stores no indicator (capaian program,
// keluaran kegiatan) of a program or kegiatan of its own, only the
// performance indicators each sub-kegiatan serves, and the targets of those
// indicators per region and year. So a program or kegiatan row names the
// indicators served below it, with the target of the sheet's region.
type renjaRefs struct {
	order   []indicator.Indicator // the catalogue, in its order
	targets map[int64]target.Value
}

// loadRenjaRefs reads the catalogue and the targets of the tree's region
// (the province of a provincial plan) in its year.
func loadRenjaRefs(ctx context.Context, s *store.Store, t program.Tree) (renjaRefs, error) {
	inds, err := indicator.Catalogue(ctx, s)
	if err != nil {
		return renjaRefs{}, err
	}
	refs := renjaRefs{order: inds, targets: map[int64]target.Value{}}
	where := t.Filter.Region
	if where == "" {
		where = t.Filter.Province
	}
	if where == "" {
		return refs, nil
	}
	vals, err := target.Load(ctx, s.Read(), target.Filter{Years: []int{t.Filter.Year}, Regions: []string{where}})
	if err != nil {
		return renjaRefs{}, err
	}
	for _, v := range vals {
		refs.targets[v.IndicatorID] = v
	}
	return refs, nil
}

// served names the indicators the sub-kegiatan under n serve, one a line,
// each with its target where one is stored: "Pertumbuhan koperasi: 17,65%".
func (r renjaRefs) served(n program.Node) string {
	ids := map[int64]bool{}
	var walk func(program.Node)
	walk = func(n program.Node) {
		for _, id := range n.Item.IndicatorIDs {
			ids[id] = true
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	if len(r.order) == 0 {
		return "" // no catalogue (the national plans): nothing to name
	}
	walk(n)
	var lines []string
	for _, ind := range r.order {
		if !ids[ind.ID] {
			continue
		}
		line := ind.Name
		if v, ok := r.targets[ind.ID]; ok && v.Target != nil {
			line += ": " + figureText(ind, *v.Target)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// figureText writes an indicator's value the Indonesian way with its unit:
// 17,65%, Rp1.500.000.000, 840 unit usaha.
func figureText(ind indicator.Indicator, v float64) string {
	switch {
	case ind.IsPercent():
		return number.Format(v, ind.Decimals) + "%"
	case ind.Kind == indicator.Rupiah:
		return "Rp" + number.Format(v, 0)
	case ind.Unit != "":
		return number.Format(v, ind.Decimals) + " " + ind.Unit
	}
	return number.Format(v, ind.Decimals)
}

// placeName is "Provinsi Kepulauan Bangka Belitung" or "Kabupaten Bangka".
func placeName(code string) string {
	r, ok := region.Default().Lookup(code)
	switch {
	case code == "":
		return "Seluruh Provinsi"
	case !ok:
		return code
	case region.Default().IsProvince(code):
		return "Provinsi " + r.Name
	}
	return r.Name
}

// rows counts the sheet rows a node takes: itself, then its lines or children.
func rows(n program.Node) int {
	c := 1 + len(n.Lines)
	for _, ch := range n.Children {
		c += rows(ch)
	}
	return c
}

func (w *programWriter) node(n program.Node) error {
	r := w.fm.row
	last := r + rows(n) - 1
	cells := w.rc.cells
	for i := range cells {
		cells[i] = excelize.Cell{StyleID: w.st.sumLabel}
	}
	cells[pgCode-1] = excelize.Cell{StyleID: w.st.sumCode, Value: n.Item.Code}
	cells[pgName-1] = excelize.Cell{StyleID: w.st.sumLabel, Value: n.Item.Name}
	if n.Item.Kind == program.KindProgram || n.Item.Kind == program.KindKegiatan {
		cells[pgIndicator-1] = excelize.Cell{StyleID: w.st.sumLabel, Value: w.refs.served(n)}
	}
	from, to := strconv.Itoa(r+1), strconv.Itoa(last)
	subtotal := func(c string, v int64) excelize.Cell {
		cell := excelize.Cell{StyleID: w.st.sumRupiah, Value: v}
		if last > r {
			cell.Formula = "SUBTOTAL(9," + c + from + ":" + c + to + ")"
		}
		return cell
	}
	cells[pgPagu-1] = subtotal(pgPaguLetter, n.Sum.Pagu)
	cells[pgPaguNext-1] = subtotal(pgPaguNextLetter, n.Sum.PaguNext)
	if _, err := w.fm.add(w.rc.vals, 0); err != nil {
		return err
	}
	for _, l := range n.Lines {
		if err := w.line(l); err != nil {
			return err
		}
	}
	for _, ch := range n.Children {
		if err := w.node(ch); err != nil {
			return err
		}
	}
	return nil
}

func (w *programWriter) line(l program.PlanLine) error {
	if w.n++; w.n%256 == 0 {
		if err := w.ctx.Err(); err != nil {
			return err
		}
	}
	fm := w.fm
	ind, where, note := lineTexts(l)
	rupiah := func(v *int64) excelize.Cell {
		if v == nil {
			return excelize.Cell{StyleID: w.st.rupiah}
		}
		return excelize.Cell{StyleID: w.st.rupiah, Value: *v}
	}
	pagu := l.Pagu
	cells := w.rc.cells
	cells[pgCode-1] = excelize.Cell{StyleID: w.st.code}
	cells[pgName-1] = fm.text("")
	cells[pgIndicator-1] = fm.text(ind)
	cells[pgLokasi-1] = fm.text(where)
	cells[pgTarget-1] = w.quantity(l.Target)
	cells[pgPagu-1] = rupiah(&pagu)
	cells[pgFund-1] = fm.text(l.SumberDana.Label())
	cells[pgNote-1] = fm.text(note)
	cells[pgTargetNext-1] = w.quantity(l.TargetNext)
	cells[pgPaguNext-1] = rupiah(l.PaguNext)
	if _, err := fm.add(w.rc.vals, 0); err != nil {
		return err
	}
	if w.tick != nil {
		w.tick()
	}
	return nil
}

// lineTexts are what a plan line's row says in its text columns: the
// output indicator with its unit, the region with the place, and the
// notes with the line's status and bidang.
func lineTexts(l program.PlanLine) (output, where, note string) {
	output = l.OutputIndicator
	if l.OutputUnit != "" {
		output += " (" + l.OutputUnit + ")"
	}
	where = l.RegionName
	if l.Lokasi != "" {
		where += ", " + l.Lokasi
	}
	status, bidang := "", ""
	switch l.Status {
	case program.Usulan:
		status = "Status: usulan"
	case program.BelumDisepakati:
		status = "Belum disepakati: " + l.StatusReason
	}
	if l.Bidang != "" {
		bidang = "Bidang: " + l.Bidang
	}
	return output, where, sentences(l.Catatan, status, bidang)
}

// quantity shows whole targets without decimals and others with two.
func (w *programWriter) quantity(v *float64) excelize.Cell {
	switch {
	case v == nil:
		return excelize.Cell{StyleID: w.st.count[0]}
	case *v == math.Trunc(*v):
		return excelize.Cell{StyleID: w.st.count[0], Value: *v}
	default:
		return excelize.Cell{StyleID: w.st.count[2], Value: *v}
	}
}
