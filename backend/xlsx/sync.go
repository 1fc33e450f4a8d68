package xlsx

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"selaras/backend/harmonise"
	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/region"
)

// SyncSheetName is the Matriks Sinkronisasi sheet of a year.
func SyncSheetName(year int) string { return fmt.Sprintf("Sinkronisasi %d", year) }

// missingText marks a level that plans nothing for an indicator.
const missingText = "belum ada"

// writeSyncMatrix adds the Matriks Sinkronisasi pusat-provinsi-kab/kota: one
// row per indicator; column groups for the centre (central programs, the
// national target, their pagu), the province and each regency (the
// sub-kegiatan planned for it, the level's target, the pagu). A level that
// plans nothing reads "belum ada" on a red fill.
func writeSyncMatrix(ctx context.Context, f *excelize.File, st *styles, cws []program.Crosswalk, province string, year int,
	p profile.Profile, now time.Time, tick func()) error {
	tw, pw := syncWidths(cws)
	cols := []column{
		{Head: "No", Width: 4}, {Head: "Kode", Width: 9}, {Head: "Indikator Kinerja", Width: 28}, {Head: "Satuan", Width: 9},
		{Group: "Pusat (Kementerian)", Head: "Program / Kegiatan Pusat", Width: 26},
		{Group: "Pusat (Kementerian)", Head: "Target Nasional", Width: tw},
		{Group: "Pusat (Kementerian)", Head: "Pagu (Rp)", Width: pw},
	}
	level := func(name string) {
		cols = append(cols, column{Group: name, Head: "Sub Kegiatan", Width: 24},
			column{Group: name, Head: "Target", Width: tw}, column{Group: name, Head: "Pagu (Rp)", Width: pw})
	}
	level(placeName(province))
	regencies := region.Default().Regencies(province)
	for _, r := range regencies {
		level(r.Name)
	}
	cols = append(cols, column{Head: "Status Keselarasan", Width: 32})
	fm, err := newForm(f, st, p, formSpec{
		Sheet: SyncSheetName(year),
		Titles: []string{"MATRIKS SINKRONISASI PROGRAM PUSAT, PROVINSI DAN KABUPATEN/KOTA",
			fmt.Sprintf("%s · Tahun %d", placeName(province), year)},
		Cols:       cols,
		FreezeCols: 4,
	})
	if err != nil {
		return err
	}
	category := "\x00"
	for i, cw := range cws {
		if err := ctx.Err(); err != nil {
			return err
		}
		if cw.Indicator == nil {
			continue
		}
		ind := *cw.Indicator
		if ind.Category != category {
			category = ind.Category
			if err := fm.category(category); err != nil {
				return err
			}
		}
		vstyle := valueStyle(st, ind)
		target := func(v *float64) excelize.Cell { return valueCell(v, vstyle) }
		pagu := func(v int64, missing bool) excelize.Cell {
			if missing {
				return excelize.Cell{StyleID: st.rupiah}
			}
			return excelize.Cell{StyleID: st.rupiah, Value: v}
		}
		cells := []interface{}{
			excelize.Cell{StyleID: st.no, Value: i + 1}, excelize.Cell{StyleID: st.code, Value: ind.Code},
			fm.text(ind.Name), fm.text(ind.Unit),
		}
		if cw.Centre.Missing {
			cells = append(cells, excelize.Cell{StyleID: st.missing, Value: missingText})
		} else {
			var names []string
			for _, c := range cw.Centre.Items {
				names = append(names, c.Item.Code+" "+c.Item.Name)
			}
			cells = append(cells, fm.text(strings.Join(names, "\n")))
		}
		cells = append(cells, target(cw.Centre.NationalTarget), pagu(cw.Centre.Pagu, cw.Centre.Missing))
		levelCells := func(l program.CrossLevel) {
			if l.Missing {
				cells = append(cells, excelize.Cell{StyleID: st.missing, Value: missingText})
			} else {
				cells = append(cells, fm.text(subNames(l)))
			}
			cells = append(cells, target(l.IndicatorTarget), pagu(l.Sum.Pagu, l.Missing))
		}
		levelCells(cw.Province)
		byCode := map[string]program.CrossLevel{}
		for _, l := range cw.Regencies {
			byCode[l.Region.Code] = l
		}
		for _, r := range regencies {
			l, ok := byCode[r.Code]
			if !ok {
				l = program.CrossLevel{Region: r, Missing: true}
			}
			levelCells(l)
		}
		cells = append(cells, alignment(cw, st))
		if _, err := fm.body(cells, 0); err != nil {
			return err
		}
		if tick != nil {
			tick()
		}
	}
	return fm.close(ctx, now, len(cols)) // on the last page across
}

// syncWidths are the widths of the target and pagu columns: enough for the
// longest figure, so none prints as ####.
func syncWidths(cws []program.Crosswalk) (target, pagu float64) {
	var rows []harmonise.Row
	var most int64
	for _, cw := range cws {
		if cw.Indicator == nil {
			continue
		}
		r := harmonise.Row{Indicator: *cw.Indicator}
		r.National.Target = cw.Centre.NationalTarget
		r.Province.Target = cw.Province.IndicatorTarget
		most = max(most, cw.Centre.Pagu, cw.Province.Sum.Pagu)
		for _, l := range cw.Regencies {
			r.Regencies = append(r.Regencies, harmonise.Cell{Target: l.IndicatorTarget})
			most = max(most, l.Sum.Pagu)
		}
		rows = append(rows, r)
	}
	digits := len(strconv.FormatInt(most, 10))
	return max(valueWidth(rows), 10), float64(digits+(digits-1)/3+2) + 2
}

// alignment says whether every level plans for the indicator, else which do not.
func alignment(cw program.Crosswalk, st *styles) excelize.Cell {
	if len(cw.Missing) == 0 {
		return excelize.Cell{StyleID: st.text, Value: "Selaras"}
	}
	var levels []string
	regencies := 0
	for _, m := range cw.Missing {
		switch m {
		case program.MissingCentre:
			levels = append(levels, "pusat")
		case program.MissingProvince:
			levels = append(levels, "provinsi")
		default:
			regencies++
		}
	}
	if regencies > 0 {
		levels = append(levels, fmt.Sprintf("%d kabupaten/kota", regencies))
	}
	return excelize.Cell{StyleID: st.missing, Value: "Belum selaras: belum ada rencana di " + strings.Join(levels, ", ")}
}

// subNames lists the sub-kegiatan a level plans, once each, and the
// province's own lines landing in a regency.
func subNames(l program.CrossLevel) string {
	seen := map[string]bool{}
	var out []string
	add := func(ls []program.PlanLine, prefix string) {
		for _, pl := range ls {
			name := prefix + pl.SubKegiatanCode + " " + pl.SubKegiatanName
			if !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	add(l.Lines, "")
	add(l.FromProvince, "Provinsi: ")
	return strings.Join(out, "\n")
}
