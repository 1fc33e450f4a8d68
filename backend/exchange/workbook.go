package exchange

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
	"selaras/backend/template"
)

// workbook is a returned template opened for reading: the file, its hash,
// its string table and the keys of its hidden sheet.
type workbook struct {
	f    *excelize.File
	hash string
	sst  []string
	meta map[string]string
}

// openTemplate opens the file at path (guarded: see openWorkbook) and
// reads its hidden sheet; a workbook without one is not a template.
func openTemplate(path string) (*workbook, error) {
	f, hash, err := openWorkbook(path)
	if err != nil {
		return nil, refusal{problem("", "", err)}
	}
	wb := &workbook{f: f, hash: hash}
	if idx, _ := f.GetSheetIndex(template.MetaSheet); idx < 0 {
		f.Close()
		return nil, refusal{whole(fault.NotATemplate)}
	}
	if wb.sst, err = sharedStrings(f); err != nil {
		f.Close()
		return nil, refusal{problem("", "", fault.Wrap(err, fault.FileNotXlsx, ""))}
	}
	if wb.meta, err = readMeta(f, wb.sst); err != nil {
		f.Close()
		return nil, refusal{problem(template.MetaSheet, "", err)}
	}
	return wb, nil
}

// readMeta reads the hidden sheet's key/value rows (columns A:B; the
// sub-kegiatan list beside them is not needed here).
func readMeta(f *excelize.File, sst []string) (map[string]string, error) {
	g, err := readSheet(f, template.MetaSheet, sst, 100000, 2)
	if err != nil {
		return nil, fault.Wrap(err, fault.TemplateMeta, "").WithCode("what", fault.WordUnreadable)
	}
	meta := map[string]string{}
	for r := 1; r <= min(len(g.rows), template.MetaKeyRows); r++ {
		if k := g.at(r, 1); k != "" {
			meta[k] = g.at(r, 2)
		}
	}
	return meta, nil
}

// metaInt reads a whole number of the hidden sheet within [lo, hi]; a
// tampered sheet must not make the import allocate or loop on it.
func metaInt(meta map[string]string, key string, lo, hi int) (int, error) {
	v, err := strconv.Atoi(strings.TrimSpace(meta[key]))
	if err != nil || v < lo || v > hi {
		return 0, fault.New(fault.TemplateMeta, "", "what", fmt.Sprintf("%s = %q", key, short(meta[key])))
	}
	return v, nil
}

// sameHeadings: the sheet's headings on headRow are the columns' titles.
func sameHeadings(g *grid, cols []template.Column, headRow int) bool {
	for i, c := range cols {
		if g.at(headRow, i+1) != c.Title {
			return false
		}
	}
	return true
}
