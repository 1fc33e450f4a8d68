// Package xlsx writes the Excel workbooks the ministry receives. Every
// sheet follows the government forms people already use: a title block from
// the office profile, merged multi-level headers, the numbered (1)(2)(3)
// column row, frozen panes, codes as text, numbers as numbers with display
// formats, landscape print setup on A4 or F4 with repeated header rows, and
// a signature block. Sheets are streamed so national exports stay small in
// memory. Figures come from backend/harmonise; nothing is recomputed here
// except the live formulas Excel itself evaluates.
package xlsx

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"selaras/backend/atomicfile"
	"selaras/backend/profile"
	"selaras/backend/rakor"
)

// Progress reports done out of total steps; it may be nil.
type Progress func(done, total int)

// Paper sizes in the OOXML numbering: 9 is A4; 14 is Folio 8.5 x 13 in
// (216 x 330 mm), the size Indonesian offices call F4.
func paperCode(p profile.Paper) int {
	if p == profile.F4 {
		return 14
	}
	return 9
}

// styles are created once per workbook.
type styles struct {
	title, subtitle, head, colNum, text, code, category, sign, signBold int
	no                                                                  int         // a row's number, centred under No
	count                                                               map[int]int // by decimals
	percent                                                             map[int]int
	rupiah                                                              int
	ref                                                                 int
	date, bold, missing, paragraph, textRight                           int
	sumRupiah, sumLabel, sumCode                                        int // subtotal rows
	kopGov, kopOffice, kopContact, rule, demo                           int // the letterhead
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	var firstErr error
	mk := func(s *excelize.Style) int {
		if s.Font != nil && s.Font.Family == "" {
			// A font without a name prints in the reader's fallback (a wide
			// serif in LibreOffice): name the workbook's own.
			s.Font.Family = "Calibri"
		}
		id, err := f.NewStyle(s)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return id
	}
	wrapLeft := &excelize.Alignment{Vertical: "center", WrapText: true}
	st := &styles{
		// Titles and the kop wrap when the columns they span are narrower
		// than their line (a sheet printed in pages across, on A4).
		title:    mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}),
		subtitle: mk(&excelize.Style{Font: &excelize.Font{Size: 11}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}),
		head: mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9EAD3"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}),
		colNum: mk(&excelize.Style{Font: &excelize.Font{Italic: true, Size: smallestFont}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F3F3F3"}},
			Alignment: &excelize.Alignment{Horizontal: "center"}}),
		text:     mk(&excelize.Style{Border: border, Alignment: wrapLeft}),
		no:       mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}),
		code:     mk(&excelize.Style{Border: border, NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "center"}}),
		category: mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EFEFEF"}}}),
		sign:     mk(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}}),
		signBold: mk(&excelize.Style{Font: &excelize.Font{Bold: true, Underline: "single"}, Alignment: &excelize.Alignment{Horizontal: "center"}}),
		count:    map[int]int{},
		percent:  map[int]int{},
	}
	num := func(format string, fill string) int {
		s := &excelize.Style{Border: border, CustomNumFmt: &format, Alignment: &excelize.Alignment{Vertical: "center"}}
		if fill != "" {
			s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}
		}
		return mk(s)
	}
	for d := 0; d <= 6; d++ {
		frac := ""
		if d > 0 {
			frac = "." + strings.Repeat("0", d)
		}
		st.count[d] = num("#,##0"+frac, "")
		// Values are stored in percent units (17.65), so the % is a literal.
		st.percent[d] = num("#,##0"+frac+`"%"`, "")
	}
	st.rupiah = num(`"Rp"#,##0`, "")
	st.ref = num("#,##0.00", "F8FAFC")
	// LCID 421 is Indonesian: Excel and LibreOffice show "23 Februari 2024".
	st.date = num(`[$-421]d mmmm yyyy`, "")
	st.textRight = mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}})
	st.bold = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: wrapLeft})
	st.missing = mk(&excelize.Style{Font: &excelize.Font{Color: "9C0006", Italic: true}, Border: border, Alignment: wrapLeft,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
	st.paragraph = mk(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "justify", Vertical: "top", WrapText: true}})
	sumFill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	rp := `"Rp"#,##0;-"Rp"#,##0;"-"` // a nil total shows as a dash, the way budget tables do
	st.sumRupiah = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Fill: sumFill, CustomNumFmt: &rp,
		Alignment: &excelize.Alignment{Vertical: "center"}})
	st.sumLabel = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Fill: sumFill, Alignment: wrapLeft})
	st.sumCode = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Fill: sumFill, NumFmt: 49,
		Alignment: &excelize.Alignment{Vertical: "center"}})
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	st.kopGov = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, Alignment: center})
	st.kopOffice = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: center})
	st.kopContact = mk(&excelize.Style{Font: &excelize.Font{Size: smallestFont}, Alignment: center})
	// The kop's rule: a thick line over a thin one, as letterheads have.
	st.rule = mk(&excelize.Style{Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 6}}})
	st.demo = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}, Alignment: center,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFE699"}}})
	return st, firstErr
}

// font is the size and weight of a band style's text.
func (st *styles) font(id int) (size float64, bold bool) {
	switch id {
	case st.kopGov:
		return 12, true
	case st.kopOffice:
		return 14, true
	case st.kopContact:
		return smallestFont, false
	case st.title:
		return 13, true
	case st.demo:
		return 11, true
	}
	return 11, st.isBold(id)
}

// isBold tells the styles whose text is bold: their lines are wider.
func (st *styles) isBold(id int) bool {
	switch id {
	case st.head, st.category, st.bold, st.sumLabel, st.sumCode, st.sumRupiah, st.signBold, st.title:
		return true
	}
	return false
}

// LongDate writes a date the Indonesian way: "23 Februari 2024".
func LongDate(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), rakor.MonthNames[t.Month()-1], t.Year())
}

// User text (names, notes) is always written as a string cell: excelize
// never turns a Go string into a formula, so "=1+1" typed by a user stays
// text in the workbook (see TestUserTextIsNeverAFormula).

// SaveAtomically writes the workbook to a temporary file next to path
// (".selaras-tmp-*", swept by atomicfile.Clean), flushes it to disk and
// renames it into place, so a failed, cancelled or killed export leaves no
// half file. The file is readable by others (0644 under the umask).
// Errors say what the user can do: close the file in Excel, free disk
// space, choose another folder.
func SaveAtomically(ctx context.Context, f *excelize.File, path string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	_, _ = atomicfile.Clean(filepath.Dir(path), time.Minute)
	tmp, err := atomicfile.Create(path)
	if err != nil {
		return fmt.Errorf("xlsx: save: %w", err)
	}
	defer tmp.Abort()
	if _, err := f.WriteTo(tmp); err != nil {
		return fmt.Errorf("xlsx: save: %w", atomicfile.Explain(err, path))
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := tmp.Commit(); err != nil {
		return fmt.Errorf("xlsx: save: %w", err)
	}
	return nil
}
