//go:build wine

package wine

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// pair is one workspace folder seen by each build: the Windows one on the
// prefix's C: drive, the Linux one in a temporary folder. Both names have
// spaces and letters outside ASCII, as a Windows user name or an office's
// folder may.
type pair struct {
	winDir, linDir string // Linux paths of the two folders
	names          map[string]string
}

const folder = "Dinas KUKM/Sulaimān Ā. Tāhir – Rakor 2025"

// pairs numbers the pairs, so each test has folders of its own.
var pairs int

func newPair(t *testing.T) pair {
	t.Helper()
	pairs++
	p := pair{winDir: filepath.Join(w.driveC, "Users Data", strconv.Itoa(pairs), folder), linDir: filepath.Join(t.TempDir(), folder)}
	require.NoError(t, os.MkdirAll(p.winDir, 0o755))
	require.NoError(t, os.MkdirAll(p.linDir, 0o755))
	p.names = map[string]string{winPath(p.winDir): "<DIR>", p.linDir: "<DIR>"}
	return p
}

// at is the file name in each folder: the Windows path for selaras.exe,
// the Linux path for the Linux build.
func (p pair) at(name string) (string, string) {
	return winPath(filepath.Join(p.winDir, name)), filepath.Join(p.linDir, name)
}

// both runs a command on each build, args holding "{}" where a file of
// the pair's folder goes ("{}demo.db"), and requires both to succeed.
func (p pair) both(t *testing.T, args ...string) (result, result) {
	t.Helper()
	wa, la := make([]string, len(args)), make([]string, len(args))
	for i, a := range args {
		if name, ok := strings.CutPrefix(a, "{}"); ok {
			wa[i], la[i] = p.at(name)
		} else {
			wa[i], la[i] = a, a
		}
	}
	what := strings.Join(args, " ")
	return ok(t, "selaras.exe "+what, win(t, wa...)), ok(t, "selaras "+what, lin(t, la...))
}

// same requires byte-identical output from both builds.
func (p pair) same(t *testing.T, args ...string) string {
	t.Helper()
	wr, lr := p.both(t, args...)
	assert.Equal(t, lr.Stdout, wr.Stdout, "stdout of %v", args)
	assert.Equal(t, lr.Stderr, wr.Stderr, "stderr of %v", args)
	return wr.Stdout
}

// sameText requires the same messages, the folders' paths and each
// build's own clock (a backup's name) aside.
func (p pair) sameText(t *testing.T, args ...string) string {
	t.Helper()
	wr, lr := p.both(t, args...)
	norm := func(s string) string { return stamp.ReplaceAllString(paths(s, p.names), "<TIME>") }
	assert.Equal(t, norm(lr.Stdout), norm(wr.Stdout), "stdout of %v", args)
	assert.Equal(t, norm(lr.Stderr), norm(wr.Stderr), "stderr of %v", args)
	return norm(wr.Stdout)
}

// cells lists every sheet of a workbook with every cell's value and
// formula, and its merged ranges, in order.
func cells(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err, path)
	defer f.Close()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		vis, _ := f.GetSheetVisible(sh)
		fmt.Fprintf(&b, "== %s (visible %v)\n", sh, vis)
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, err := f.GetCellFormula(sh, ref)
				require.NoError(t, err)
				if v == "" && formula == "" {
					continue
				}
				fmt.Fprintf(&b, "%s %q", ref, v)
				if formula != "" {
					fmt.Fprintf(&b, " =%s", formula)
				}
				b.WriteByte('\n')
			}
		}
		merged, err := f.GetMergeCells(sh)
		require.NoError(t, err)
		for _, m := range merged {
			fmt.Fprintf(&b, "merge %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
		}
	}
	return b.String()
}

// sameCells requires the two workbooks to hold the same cells, except
// for what matches vary (each build's own clock).
func (p pair) sameCells(t *testing.T, name string, vary ...*regexp.Regexp) string {
	t.Helper()
	wf, lf := filepath.Join(p.winDir, name), filepath.Join(p.linDir, name)
	want, got := cells(t, lf), cells(t, wf)
	require.NotEmpty(t, want)
	for _, re := range vary {
		want, got = re.ReplaceAllString(want, "<VARIES>"), re.ReplaceAllString(got, "<VARIES>")
	}
	assert.Equal(t, want, got, "cells of %s", name)
	return want
}

// stamp is a date and time as the commands print them.
var stamp = regexp.MustCompile(`\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?|\d{8}-\d{6}([.-]\d+)?`)

// TestCommandsMatchLinux runs every headless command a Kabid office uses on
// the Windows build under Wine and on the Linux build, on the same inputs
// in folders whose names have spaces and letters outside ASCII, and
// requires the same results: byte-identical CSV and JSON, the same cells
// in every workbook, the same messages.
func TestCommandsMatchLinux(t *testing.T) {
	p := newPair(t)

	t.Run("version", func(t *testing.T) {
		wr, lr := p.both(t, "version")
		assert.Contains(t, wr.Stdout, "windows/amd64")
		assert.Equal(t, strings.Replace(lr.Stdout, "linux/amd64", "windows/amd64", 1), wr.Stdout)
	})

	t.Run("demo", func(t *testing.T) {
		out := p.sameText(t, "demo", "--db", "{}demo.db")
		assert.Equal(t, "Ruang kerja demo dibuat: <DIR>/demo.db\n", out)
		assert.FileExists(t, filepath.Join(p.winDir, "demo.db"))
	})
	if t.Failed() {
		t.FailNow()
	}

	formats := []string{"csv", "csv-rfc", "json"}
	t.Run("harmonise", func(t *testing.T) {
		for _, f := range formats {
			out := p.same(t, "harmonise", "--db", "{}demo.db", "--province", "19", "--year", "2025,2026", "--format", f)
			assert.Contains(t, out, "Kepulauan Bangka Belitung")
			if f == "csv" {
				assert.True(t, strings.HasPrefix(out, "\ufeff"), "Excel's CSV starts with a byte-order mark")
				assert.Contains(t, out, "\r\n", "Excel's CSV has CRLF line ends")
			}
		}
	})

	t.Run("programs, rakor and regions", func(t *testing.T) {
		p.same(t, "programs", "--db", "{}demo.db", "--year", "2025", "--format", "csv")
		p.same(t, "rakor", "--db", "{}demo.db", "--format", "json")
		p.same(t, "regions", "--province", "19", "--format", "csv-rfc")
	})

	t.Run("export", func(t *testing.T) {
		p.sameText(t, "export", "--db", "{}demo.db", "--out", "{}Matriks Target — Bangka Belitung.xlsx")
		got := p.sameCells(t, "Matriks Target — Bangka Belitung.xlsx")
		assert.Contains(t, got, "Kabupaten Bangka")

		meeting := firstMeeting(t, p)
		p.sameText(t, "export", "--db", "{}demo.db", "--year", "2025", "--meeting", meeting, "--out", "{}Selaras 2025.xlsx",
			"--sheets", "target,program,sinkronisasi,hadir,kesepakatan,permasalahan,berita-acara")
		p.sameCells(t, "Selaras 2025.xlsx")

		p.sameText(t, "export", "--db", "{}demo.db", "--national", "--year", "2025", "--out", "{}Konsolidasi Nasional.xlsx")
		p.sameCells(t, "Konsolidasi Nasional.xlsx")
	})

	t.Run("template", func(t *testing.T) {
		p.sameText(t, "template", "--db", "{}demo.db", "--region", "19.01", "--out", "{}Templat Bangka.xlsx")
		// A template records when it was made (its hidden sheet).
		p.sameCells(t, "Templat Bangka.xlsx", stamp)
		p.sameText(t, "template", "--db", "{}demo.db", "--region", "19", "--out", "{}Templat Provinsi")
		entries, err := os.ReadDir(filepath.Join(p.linDir, "Templat Provinsi"))
		require.NoError(t, err)
		require.NotEmpty(t, entries)
		for _, e := range entries {
			p.sameCells(t, filepath.Join("Templat Provinsi", e.Name()), stamp)
		}
	})
	if t.Failed() {
		t.FailNow()
	}

	before := p.same(t, "harmonise", "--db", "{}demo.db", "--province", "19", "--year", "2025", "--format", "csv-rfc")
	fillTemplate(t, filepath.Join(p.linDir, "Templat Bangka.xlsx"), "Terisi Bangka ā.xlsx")
	require.NoError(t, copyFile(filepath.Join(p.linDir, "Terisi Bangka ā.xlsx"), filepath.Join(p.winDir, "Terisi Bangka ā.xlsx")))

	t.Run("import dry run", func(t *testing.T) {
		out := p.sameText(t, "import", "--db", "{}demo.db", "--dry-run", "{}Terisi Bangka ā.xlsx")
		assert.Contains(t, out, "Kabupaten Bangka, tahun 2025 — ")
		assert.Contains(t, out, note)
		assert.Contains(t, out, "tidak ada yang disimpan")
		assert.Equal(t, before, p.same(t, "harmonise", "--db", "{}demo.db", "--province", "19", "--year", "2025", "--format", "csv-rfc"),
			"a dry run changes nothing")
	})

	t.Run("backup", func(t *testing.T) {
		p.sameText(t, "backup", "--db", "{}demo.db", "--out", "{}Salinan sebelum impor.db")
		assert.FileExists(t, filepath.Join(p.winDir, "Salinan sebelum impor.db"))
	})

	t.Run("import", func(t *testing.T) {
		out := p.sameText(t, "import", "--db", "{}demo.db", "{}Terisi Bangka ā.xlsx")
		assert.Contains(t, out, "Tersimpan: ")
		after := p.same(t, "harmonise", "--db", "{}demo.db", "--province", "19", "--year", "2025", "--format", "csv-rfc")
		assert.NotEqual(t, before, after, "the import changed the figures")
		for _, f := range formats {
			p.same(t, "harmonise", "--db", "{}demo.db", "--province", "19", "--year", "2025", "--format", f)
		}
	})

	t.Run("submissions", func(t *testing.T) {
		for _, f := range formats {
			wr, lr := p.both(t, "submissions", "--db", "{}demo.db", "--year", "2025", "--format", f)
			// The time of the import is each build's own.
			assert.Equal(t, stamp.ReplaceAllString(lr.Stdout, "<TIME>"), stamp.ReplaceAllString(wr.Stdout, "<TIME>"), f)
			assert.Contains(t, wr.Stdout, "Kabupaten Bangka")
		}
		wr, _ := p.both(t, "submissions", "--db", "{}demo.db", "--year", "2025", "--format", "csv-rfc")
		assert.Regexp(t, `19\.01,Kabupaten Bangka,[^\n]*Terisi Bangka ā\.xlsx`, wr.Stdout, "the returned file is on the board")
	})

	t.Run("backup list", func(t *testing.T) {
		wr, lr := p.both(t, "backup", "--db", "{}demo.db", "--list")
		norm := func(s string) string { return stamp.ReplaceAllString(paths(s, p.names), "<TIME>") }
		assert.Equal(t, norm(lr.Stdout), norm(wr.Stdout))
		assert.Contains(t, wr.Stdout, `\backups\`, "backups go beside the workspace")
		assert.Contains(t, wr.Stdout, "impor", "the import left its undo point")
	})

	t.Run("restore", func(t *testing.T) {
		wr, lr := p.both(t, "restore", "--db", "{}demo.db", "--from", "{}Salinan sebelum impor.db")
		norm := func(s string) string { return stamp.ReplaceAllString(paths(s, p.names), "<TIME>") }
		assert.Equal(t, norm(lr.Stdout), norm(wr.Stdout))
		assert.Equal(t, before, p.same(t, "harmonise", "--db", "{}demo.db", "--province", "19", "--year", "2025", "--format", "csv-rfc"),
			"the restore brought back the figures before the import")
	})
}

// firstMeeting is the id of the first meeting of the demo workspace.
func firstMeeting(t *testing.T, p pair) string {
	t.Helper()
	out := p.same(t, "rakor", "--db", "{}demo.db", "--format", "csv-rfc")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.Greater(t, len(rows), 1, "the demo has meetings")
	_, err = strconv.Atoi(rows[1][0])
	require.NoError(t, err, "the first column is the meeting's number: %v", rows[0])
	return rows[1][0]
}

// note is typed into the template's note column: Indonesian punctuation
// and letters outside ASCII that must survive the import and the console.
const note = "Usulan Bidang UKM — tahap 2, lihat “Renja” (Sulaimān)"

// fillTemplate types figures into a regency template as an office would
// and saves it as name beside it.
func fillTemplate(t *testing.T, path, name string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	const sheet = "Target Indikator"
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	row := func(code string) string {
		for i, r := range rows {
			if len(r) > 1 && r[1] == code {
				return strconv.Itoa(i + 1)
			}
		}
		t.Fatalf("indicator %s not in the template", code)
		return ""
	}
	halal, growth := row("UKM.05"), row("KOP.01")
	require.NoError(t, f.SetCellValue(sheet, "F"+halal, 175))
	require.NoError(t, f.SetCellValue(sheet, "I"+halal, "150"))
	require.NoError(t, f.SetCellValue(sheet, "G"+growth, "12,5"))
	require.NoError(t, f.SetCellValue(sheet, "H"+growth, "80"))
	require.NoError(t, f.SetCellValue(sheet, "K"+growth, note))
	require.NoError(t, f.SaveAs(filepath.Join(filepath.Dir(path), name)))
}
