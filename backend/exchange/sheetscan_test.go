package exchange

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
)

// readBoth reads a worksheet as readSheet does (scanSheet, encoding/xml when
// it gives up) and with encoding/xml alone.
func readBoth(b []byte, sst []string, last, width int) (fast, slow *sheetBuilder, fastErr, slowErr error, scanned bool) {
	fast = newSheetBuilder(sst, last, width)
	fastErr = scanXML(b, fast)
	scanned = !errors.Is(fastErr, errUnusual)
	if !scanned {
		fast = newSheetBuilder(sst, last, width)
		fastErr = decodeXML(b, fast)
	}
	slow = newSheetBuilder(sst, last, width)
	slowErr = decodeXML(b, slow)
	return
}

// sameRead fails unless both readings give the same grid, or the same refusal.
func sameRead(t *testing.T, b []byte, sst []string, last, width int) bool {
	t.Helper()
	fast, slow, fastErr, slowErr, scanned := readBoth(b, sst, last, width)
	if (fastErr == nil) != (slowErr == nil) {
		t.Fatalf("scanned %v: errors differ: %v / %v\n%q", scanned, fastErr, slowErr, b)
	}
	if fastErr != nil {
		if got, want := fault.Message(fastErr, fault.EN), fault.Message(slowErr, fault.EN); got != want {
			t.Fatalf("scanned %v: refusals differ: %s / %s\n%q", scanned, got, want, b)
		}
		return scanned
	}
	if !assert.Equal(t, slow.g, fast.g, "scanned %v: %q", scanned, b) {
		t.FailNow()
	}
	return scanned
}

// sameStrings fails unless both readings of a string table agree.
func sameStrings(t *testing.T, b []byte) {
	t.Helper()
	fast, fastErr := readPart(b, func() *sstBuilder { return &sstBuilder{} })
	slow := &sstBuilder{}
	slowErr := decodeXML(b, slow)
	if (fastErr == nil) != (slowErr == nil) {
		t.Fatalf("string table: errors differ: %v / %v\n%q", fastErr, slowErr, b)
	}
	if fastErr == nil && !assert.Equal(t, slow.out, fast.out, "%q", b) {
		t.FailNow()
	}
}

// templateSheets are the worksheets and string table (last) of a written
// template, and the table read.
func templateSheets(t testing.TB, xlsx []byte) (sheets [][]byte, sst []string) {
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	require.NoError(t, err)
	for _, e := range zr.File {
		rc, err := e.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		rc.Close()
		require.NoError(t, err)
		switch {
		case strings.HasPrefix(e.Name, "xl/worksheets/sheet"):
			sheets = append(sheets, b)
		case e.Name == "xl/sharedStrings.xml":
			sheets = append(sheets, b)
			sb, err := readPart(b, func() *sstBuilder { return &sstBuilder{} })
			require.NoError(t, err)
			sst = sb.out
		}
	}
	return sheets, sst
}

// The sheets and string table Selaras writes are read by the scanner
// itself, and give what encoding/xml gives.
func TestScanSheetReadsTemplates(t *testing.T) {
	fx := newFixture(t)
	b, err := os.ReadFile(fx.path)
	require.NoError(t, err)
	sheets, sst := templateSheets(t, b)
	require.NotEmpty(t, sheets)
	require.NotEmpty(t, sst)
	for i, b := range sheets {
		assert.True(t, sameRead(t, b, sst, 60, 13), "part %d was left to encoding/xml", i+1)
		sameStrings(t, b)
	}
}

// What other programs write, and what no program should, reads the same
// either way.
func TestScanSheetAgreesWithEncodingXML(t *testing.T) {
	tests := []struct {
		name    string
		xml     string
		scanned bool // the scanner reads it itself
	}{
		{"plain", `<worksheet><sheetData><row r="1"><c r="A1" s="2" t="inlineStr"><is><t>a &amp; b</t></is></c><c r="B1"><v>1.5</v></c></row></sheetData></worksheet>`, true},
		{"declaration", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>2</v></c></row></sheetData></worksheet>", true},
		{"prefixes", `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="str"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`, true},
		{"single quotes, spaces", `<worksheet><sheetData><row r = '1' ><c r='A1'  s="3" ><v>4</v></c></row></sheetData></worksheet>`, true},
		{"self-closing", `<worksheet><sheetData><row r="1"/><row r="2"><c r="A2" s="1"/><c r="B2"><f t="shared" si="0"/><v>3</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>`, true},
		{"line breaks in text", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\r\nb\rc&#13;&#10;d</t></is></c></row></sheetData></worksheet>", true},
		{"character references", `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&#65;&#x42;&#xe9; é 漢字 😀</t></is></c></row></sheetData></worksheet>`, true},
		{"rich text runs", `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r><r><rPr/><t xml:space="preserve"> b</t></r></is></c></row></sheetData></worksheet>`, true},
		{"a prefixed attribute is not ours", `<worksheet><sheetData><row x:r="5"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`, true},
		{"comment", `<worksheet><!-- c --><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`, false},
		{"CDATA", `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<b>]]></t></is></c></row></sheetData></worksheet>`, false},
		{"doctype", `<!DOCTYPE worksheet><worksheet/>`, false},
		{"unknown entity", `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row></sheetData></worksheet>`, false},
		{"control character", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\x01</t></is></c></row></sheetData></worksheet>", false},
		{"invalid UTF-8", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\xff</t></is></c></row></sheetData></worksheet>", false},
		{"surrogate reference", `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&#xD800;</t></is></c></row></sheetData></worksheet>`, false},
		{"other encoding declared", `<?xml version="1.0" encoding="ISO-8859-1"?><worksheet/>`, false},
		{"unquoted attribute", `<worksheet><sheetData><row r=1></row></sheetData></worksheet>`, false},
		{"cut short", `<worksheet><sheetData><row r="1"><c r="A1"`, false},
		{"lone ]]>", `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a]]>b</t></is></c></row></sheetData></worksheet>`, false},
		{"two prefixes", `<a:b:c/>`, false},
		{"name beyond ASCII", `<worksheet><sheetData><row r="1"><çell r="A1"/></row></sheetData></worksheet>`, false},
		{"row going back", `<worksheet><sheetData><row r="2"/><row r="1"/></sheetData></worksheet>`, true},
		{"shared string out of range", `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>`, true},
		{"far below the table", `<worksheet><sheetData><row r="9999"><c r="A9999"><v>1</v></c></row></sheetData></worksheet>`, true},
		{"a cell outside any row", `<worksheet><sheetData><c><v>1</v></c></sheetData></worksheet>`, true},
		{"a row inside a cell", `<worksheet><sheetData><row><c>0<row>0</row></c></row></sheetData></worksheet>`, true},
		{"outside the table", `<worksheet><sheetData><row r="3"><c r="Z3" t="inlineStr"><is><t>catatan</t></is></c></row></sheetData></worksheet>`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.scanned, sameRead(t, []byte(tt.xml), []string{"x"}, 10, 5))
		})
	}
}

// FuzzSheetScan: for any bytes, the scanner (with its fallback) reads what
// encoding/xml reads. Seeds: a template's own sheets and a few of the cases
// above (go test -fuzz FuzzSheetScan ./backend/exchange).
func FuzzSheetScan(f *testing.F) {
	_, tpl := fuzzSetup(f)
	sheets, _ := templateSheets(f, tpl)
	for _, b := range sheets {
		f.Add(b)
	}
	for _, s := range []string{
		`<worksheet><sheetData><row r="1"><c r="A1" s="2" t="inlineStr"><is><t>a &amp; b</t></is></c><c r="B1"><v>1.5</v></c></row></sheetData></worksheet>`,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<x:worksheet><x:sheetData><x:row r='1'><x:c r=\"A1\" t=\"str\"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>",
		"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\r\nb&#13;&#x42;é</t></is></c></row></sheetData><mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>",
		`<worksheet><!-- c --><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f t="shared" si="0"/></c></row></sheetData></worksheet>`,
	} {
		f.Add([]byte(s))
	}
	f.Add([]byte(`<sst><si><t>a</t></si><si><r><t>b</t></r><r><t xml:space="preserve"> c</t></r><rPh><t>x</t></rPh></si><si><t/></si></sst>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		sameRead(t, b, []string{"satu", "dua"}, 12, 6)
		sameStrings(t, b)
	})
}

func TestCellCoordsIsExcelize(t *testing.T) {
	refs := []string{"A1", "F8", "Z9", "AA10", "XFD1048576", "XFE1", "A1048577", "A0", "A01", "a1", "$A$1", "A", "1", "",
		"AAAA1", "A12345678", "F8 ", "ZZZ999", "B2C"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 2000 {
		col, row := 1+rng.IntN(17000), 1+rng.IntN(1100000)
		if name, err := excelize.CoordinatesToCellName(min(col, excelize.MaxColumns), row); err == nil {
			refs = append(refs, name)
		}
	}
	for _, ref := range refs {
		c1, r1, err1 := cellCoords(ref)
		c2, r2, err2 := excelize.CellNameToCoordinates(ref)
		assert.Equal(t, err2 == nil, err1 == nil, ref)
		if err1 == nil && err2 == nil {
			assert.Equal(t, [2]int{c2, r2}, [2]int{c1, r1}, ref)
		}
	}
}

// A cell outside any row is refused as a broken workbook (it used to
// crash the reader, caught as an internal error).
func TestCellOutsideAnyRow(t *testing.T) {
	fx := newFixture(t)
	path := fx.path + ".sel.xlsx"
	rezipTB(t, fx.path, path, func(name string, data []byte) []byte {
		if name == "xl/worksheets/sheet1.xml" {
			return bytes.Replace(data, []byte("<sheetData>"), []byte("<sheetData><c><v>1</v></c>"), 1)
		}
		return data
	}, nil)
	_, err := ReadImport(context.Background(), fx.s, path, ImportOptions{})
	var ie *ImportError
	require.ErrorAs(t, err, &ie)
	assert.Contains(t, err.Error(), "bukan berkas Excel")
	assert.NotContains(t, err.Error(), "tidak dapat dibaca oleh pembaca Excel", "not a crash")
}
