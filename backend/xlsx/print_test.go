package xlsx

import (
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/benchdata"
	"selaras/backend/harmonise"
	"selaras/backend/profile"
	"selaras/backend/program"
	"selaras/backend/store/storetest"
	"selaras/backend/xlsx/xlsxtest"
)

// The printed pages, checked with the client offices print with: every
// sheet kind, on A4 and F4, from the demo and from a national-scale
// workspace, converted to PDF by LibreOffice with every formula
// recalculated, then read back word by word with pdftotext.

// carlitoHeight is the height pdftotext gives a word per point of font size
// (Carlito, the metric twin of Calibri: ascent plus descent).
const carlitoHeight = 1.3

// minPrintedTest is the smallest type a page may carry: 8 pt by design,
// with room for the estimate of the font size from the word's box.
const minPrintedTest = 7.0

var formulaError = regexp.MustCompile(`#(VALUE|REF|NAME|DIV/0|N/A|NUM|NULL)[!?]?|Err:\d{3}`)

// printTools finds soffice and pdftotext or skips: they are the only
// external programs a Go test needs, and CI installs them (scripts/deps.sh test).
func printTools(t *testing.T) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err == nil {
		_, err = exec.LookPath("pdftotext")
	}
	if err != nil {
		if os.Getenv("SELARAS_REQUIRE_SOFFICE") != "" {
			t.Fatalf("LibreOffice (soffice) and pdftotext are required (SELARAS_REQUIRE_SOFFICE is set): %v; run scripts/deps.sh test", err)
		}
		t.Skip("soffice or pdftotext not installed: printed pages not checked; run scripts/deps.sh test (make test requires them)")
	}
	return soffice
}

// printFile is one exported workbook to print and what its pages may hold.
type printFile struct {
	name    string
	p       profile.Profile
	heading map[string]bool // words of the kop, titles and column headings
	bands   []string        // the kop and title lines: printed whole or not at all
}

func TestPrintedPages(t *testing.T) {
	soffice := printTools(t)
	ctx := context.Background()
	dir := t.TempDir()
	if keep := os.Getenv("SELARAS_PRINT_DIR"); keep != "" { // to look at the pages: pdftoppm -r 60 -png
		dir = keep
		require.NoError(t, os.MkdirAll(dir, 0o755))
	}
	var files []printFile
	add := func(name string, p profile.Profile, write func(path string) error) {
		path := filepath.Join(dir, name+".xlsx")
		require.NoError(t, write(path), name)
		assert.Empty(t, mergesAcrossRepeat(t, path), "%s: a merged cell reaches past the columns repeated on every page, so later pages print a clipped piece of it", name)
		files = append(files, printFile{name: name, p: p, heading: headingWords(t, path), bands: bandLines(t, path)})
	}

	// The demo: every sheet kind of the Babel workspace and a template.
	s, demoP, meeting := demoStore(t)
	// The national dataset: Jawa Timur's 38 kab/kota and every province.
	ns := storetest.OpenAt(t, filepath.Join(dir, "nasional.db"))
	require.NoError(t, benchdata.Fill(ctx, ns))
	require.NoError(t, benchdata.FillPlans(ctx, ns, 2025, 2000))
	natP, err := profile.Get(ctx, ns)
	require.NoError(t, err)
	// Three provinces of the consolidation: the longest name, the most
	// regencies, the home of the demo (all 38 print alike, and take minutes).
	var ms []harmonise.Matrix
	for _, code := range []string{"31", "35", "19"} {
		m, err := harmonise.Compute(ctx, ns, code, []int{2025})
		require.NoError(t, err)
		ms = append(ms, m)
	}

	for _, paper := range []profile.Paper{profile.A4, profile.F4} {
		p := demoP
		p.PaperSize = paper
		for _, sh := range AllSheets {
			req := WorkbookRequest{Province: "19", Years: []int{2025}, Sheets: []Sheet{sh}, MeetingID: meeting}
			add(fmt.Sprintf("demo-%s-%s", sh, paper), p, func(path string) error { return ExportWorkbook(ctx, s, path, req, p, when, nil) })
		}
		in, err := LoadTemplateInput(ctx, s, p, "19.01", 2025)
		require.NoError(t, err)
		add("templat-"+string(paper), p, func(path string) error { return WriteTemplate(ctx, path, in, when) })

		np := natP
		np.PaperSize = paper
		for _, sh := range []Sheet{SheetTarget, SheetProgram, SheetSync} {
			req := WorkbookRequest{Province: "35", Years: []int{2025}, Sheets: []Sheet{sh}}
			add(fmt.Sprintf("nasional-%s-%s", sh, paper), np, func(path string) error { return ExportWorkbook(ctx, ns, path, req, np, when, nil) })
		}
		add("nasional-konsolidasi-"+string(paper), np, func(path string) error {
			return ExportNational(ctx, path, ms, []program.Tree{}, np, when, nil)
		})
	}

	if os.Getenv("SELARAS_PRINT_ONLY_WRITE") != "" {
		return
	}
	convert(t, soffice, dir)

	var report []string
	for _, f := range files {
		pages := readPDF(t, filepath.Join(dir, f.name+".pdf"))
		require.NotEmpty(t, pages, f.name)
		smallest := 99.0
		for i, pg := range pages {
			where := fmt.Sprintf("%s page %d of %d", f.name, i+1, len(pages))
			for _, w := range pg {
				size := w.height / carlitoHeight
				smallest = min(smallest, size)
				if size < minPrintedTest {
					assert.Failf(t, "type too small to read", "%s: %q prints at %.1f pt", where, w.text, size)
					break
				}
			}
			text := pageText(pg)
			assert.NotRegexp(t, formulaError, text, "%s shows a formula error", where)
			for _, b := range f.bands {
				assert.False(t, clipped(text, b), "%s prints a clipped piece of %q: %s", where, b, text)
			}
			if onlyFrame(pg, f) {
				assert.Failf(t, "a page holds only a heading or a signature", "%s: %s", where, text)
			}
		}
		report = append(report, fmt.Sprintf("%-36s %3d pages, smallest type %.1f pt", f.name, len(pages), smallest))
	}
	sort.Strings(report)
	t.Log("printed pages:\n" + strings.Join(report, "\n"))
}

// convert prints every workbook in dir to PDF in one LibreOffice run, with
// a fresh profile that recalculates every formula on load (the cached values
// excelize writes are not trusted).
func convert(t *testing.T, soffice, dir string) {
	t.Helper()
	prof := filepath.Join(t.TempDir(), "lo")
	require.NoError(t, os.MkdirAll(filepath.Join(prof, "user"), 0o755))
	recalc := `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
	require.NoError(t, os.WriteFile(filepath.Join(prof, "user", "registrymodifications.xcu"), []byte(recalc), 0o644))
	books, err := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	require.NoError(t, err)
	args := append([]string{"-env:UserInstallation=file://" + prof, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir}, books...)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput()
	require.NoError(t, err, "soffice: %s", out)
}

type word struct {
	text   string
	height float64
	y      float64
}

var (
	pageTag = regexp.MustCompile(`<page [^>]*>`)
	wordTag = regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
)

// readPDF returns the words of each page of a PDF.
func readPDF(t *testing.T, path string) [][]word {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	require.NoError(t, err, path)
	parts := pageTag.Split(string(out), -1)[1:]
	pages := make([][]word, len(parts))
	for i, part := range parts {
		for _, m := range wordTag.FindAllStringSubmatch(part, -1) {
			y0, _ := strconv.ParseFloat(m[1], 64)
			y1, _ := strconv.ParseFloat(m[2], 64)
			pages[i] = append(pages[i], word{text: html.UnescapeString(m[3]), height: y1 - y0, y: y0})
		}
	}
	return pages
}

func pageText(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

func norm(w string) string { return strings.ToLower(strings.Trim(w, ".,;:()“”\"'·–—")) }

// headingWords are the words of the rows above the first body row: kop,
// titles, column headings and their numbers.
func headingWords(t *testing.T, path string) map[string]bool {
	t.Helper()
	f := xlsxtest.Open(t, path)
	words := map[string]bool{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		require.NoError(t, err)
		last := min(len(rows), 8) // the prose of a Berita Acara: kop and titles
		for i, r := range rows {
			if len(r) > 0 && r[0] == "(1)" {
				last = i + 1
				break
			}
		}
		for _, r := range rows[:last] {
			for _, c := range r {
				for _, w := range strings.Fields(c) {
					words[norm(w)] = true
				}
			}
		}
	}
	return words
}

// bandLines are the kop and title lines of a workbook's form sheets: the
// rows above the column headings with one short cell of three words or more.
func bandLines(t *testing.T, path string) []string {
	t.Helper()
	f := xlsxtest.Open(t, path)
	var lines []string
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		require.NoError(t, err)
		for _, r := range rows {
			var cells []string
			for _, c := range r {
				if c != "" {
					cells = append(cells, c)
				}
			}
			if len(cells) > 1 {
				break // the column headings
			}
			if len(cells) == 1 && len(strings.Fields(cells[0])) > 2 && len(cells[0]) <= 80 { // not a paragraph
				lines = append(lines, strings.Join(strings.Fields(cells[0]), " "))
			}
		}
	}
	return lines
}

// clipped reports whether text holds the start of line cut inside a word:
// its first two words and more, then a piece of its next word. (LibreOffice
// clips a merged cell at the page's edge but keeps its whole text in the
// PDF: mergesAcrossRepeat catches that cause from the workbook.)
func clipped(text, line string) bool {
	want, got := strings.Fields(line), strings.Fields(text)
	for i := 0; i+1 < len(got); i++ {
		if got[i] != want[0] || got[i+1] != want[1] {
			continue
		}
		k := 2
		for k < len(want) && i+k < len(got) && got[i+k] == want[k] {
			k++
		}
		if k == len(want) {
			continue
		}
		next := ""
		if i+k < len(got) {
			next = got[i+k]
		}
		if next != "" && next != want[k] && strings.HasPrefix(want[k], next) {
			return true
		}
	}
	return false
}

// mergesAcrossRepeat lists the merged cells that start in the columns a
// sheet repeats on every printed page and end past them: the repeated part
// of such a cell prints, cut off, on every later page across.
func mergesAcrossRepeat(t *testing.T, path string) []string {
	t.Helper()
	f := xlsxtest.Open(t, path)
	repeatCol := regexp.MustCompile(`^'?(.*?)'?!\$A:\$([A-Z]+),`)
	var bad []string
	for _, dn := range f.GetDefinedName() {
		m := repeatCol.FindStringSubmatch(dn.RefersTo)
		if dn.Name != "_xlnm.Print_Titles" || m == nil {
			continue
		}
		last, err := excelize.ColumnNameToNumber(m[2])
		require.NoError(t, err)
		merges, err := f.GetMergeCells(m[1])
		require.NoError(t, err)
		for _, mc := range merges {
			c0, _, err := excelize.CellNameToCoordinates(mc.GetStartAxis())
			require.NoError(t, err)
			c1, _, err := excelize.CellNameToCoordinates(mc.GetEndAxis())
			require.NoError(t, err)
			if c0 <= last && c1 > last {
				bad = append(bad, m[1]+"!"+mc.GetStartAxis()+":"+mc.GetEndAxis())
			}
		}
	}
	return bad
}

// onlyFrame reports whether a page holds nothing but headings, the
// signature, the page number and the demo mark.
func onlyFrame(ws []word, f printFile) bool {
	frame := map[string]bool{"halaman": true, "dari": true, "nip": true}
	for _, s := range []string{signPlace(f.p), LongDate(when), f.p.HeadPosition, f.p.HeadName, f.p.HeadNIP, demoMark} {
		for _, w := range strings.Fields(s) {
			frame[norm(w)] = true
		}
	}
	for _, w := range ws {
		n := norm(w.text)
		if _, err := strconv.Atoi(n); err == nil || n == "" {
			continue
		}
		if !frame[n] && !f.heading[n] {
			return false
		}
	}
	return true
}
