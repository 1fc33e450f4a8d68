package xlsx

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/xuri/excelize/v2"

	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/region"
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

// writeProgramMatrix adds the Matriks Program sheet in the Renja layout:
// (1) Kode, (2) Urusan/Program/Kegiatan/Sub-kegiatan, (3) Indikator
// Kinerja, Rencana Tahun n (4) Lokasi (5) Target (6) Pagu Indikatif (7)
// Sumber Dana, (8) Catatan Penting, Prakiraan Maju n+1 (9) Target (10) Pagu,
// as Permendagri 86/2017 lays out the Renja. Each urusan, program,
// kegiatan and sub-kegiatan row totals its block with SUBTOTAL(9, ...), the
// SUM that skips nested subtotals, so a block is never counted twice; the
// cached values are the tree's exact int64 sums.
func writeProgramMatrix(ctx context.Context, f *excelize.File, st *styles, t program.Tree, p profile.Profile, now time.Time, tick func()) error {
	year := t.Filter.Year
	place := placeName(t.Filter.Province)
	now1 := fmt.Sprintf("Rencana Tahun %d", year)
	next := fmt.Sprintf("Prakiraan Maju Tahun %d", year+1)
	fm, err := newForm(f, st, p, formSpec{
		Sheet:  ProgramSheetName(year),
		Titles: []string{"MATRIKS RENCANA PROGRAM, KEGIATAN DAN SUB KEGIATAN", fmt.Sprintf("%s · Tahun %d", place, year)},
		Cols: []column{
			{Head: "Kode", Width: 15}, {Head: "Urusan / Program / Kegiatan / Sub Kegiatan", Width: 28},
			{Head: "Indikator Kinerja Program (Outcome) / Kegiatan / Sub Kegiatan (Output)", Width: 24},
			{Group: now1, Head: "Lokasi", Width: 13}, {Group: now1, Head: "Target Capaian Kinerja", Width: 10},
			{Group: now1, Head: "Kebutuhan Dana / Pagu Indikatif (Rp)", Width: 16}, {Group: now1, Head: "Sumber Dana", Width: 12},
			// Permendagri 86/2017: Catatan Penting stands between the two years, in no group.
			{Head: "Catatan Penting", Width: 16},
			{Group: next, Head: "Target Capaian Kinerja", Width: 10}, {Group: next, Head: "Kebutuhan Dana / Pagu Indikatif (Rp)", Width: 16},
		},
		FreezeCols: 2,
	})
	if err != nil {
		return err
	}
	w := programWriter{ctx: ctx, fm: fm, st: st, tick: tick}
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
	cells := make([]interface{}, pgPaguNext)
	for i := range cells {
		cells[i] = excelize.Cell{StyleID: w.st.sumLabel}
	}
	cells[pgCode-1] = excelize.Cell{StyleID: w.st.sumCode, Value: n.Item.Code}
	cells[pgName-1] = excelize.Cell{StyleID: w.st.sumLabel, Value: n.Item.Name}
	subtotal := func(c int, v int64) excelize.Cell {
		cell := excelize.Cell{StyleID: w.st.sumRupiah, Value: v}
		if last > r {
			cell.Formula = fmt.Sprintf("SUBTOTAL(9,%s:%s)", cellName(c, r+1), cellName(c, last))
		}
		return cell
	}
	cells[pgPagu-1] = subtotal(pgPagu, n.Sum.Pagu)
	cells[pgPaguNext-1] = subtotal(pgPaguNext, n.Sum.PaguNext)
	if _, err := w.fm.add(cells, 0); err != nil {
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
	ind := l.OutputIndicator
	if l.OutputUnit != "" {
		ind += " (" + l.OutputUnit + ")"
	}
	where := l.RegionName
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
	rupiah := func(v *int64) excelize.Cell {
		if v == nil {
			return excelize.Cell{StyleID: w.st.rupiah}
		}
		return excelize.Cell{StyleID: w.st.rupiah, Value: *v}
	}
	pagu := l.Pagu
	cells := []interface{}{
		excelize.Cell{StyleID: w.st.code},
		fm.text(""),
		fm.text(ind),
		fm.text(where),
		w.quantity(l.Target),
		rupiah(&pagu),
		fm.text(l.SumberDana.Label()),
		fm.text(sentences(l.Catatan, status, bidang)),
		w.quantity(l.TargetNext),
		rupiah(l.PaguNext),
	}
	if _, err := fm.add(cells, 0); err != nil {
		return err
	}
	if w.tick != nil {
		w.tick()
	}
	return nil
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
