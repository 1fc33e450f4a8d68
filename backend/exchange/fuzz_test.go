package exchange

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"selaras/backend/demo/demotest"
	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/store"
	"selaras/backend/xlsx"
)

// fuzzSetup makes one demo workspace and its template for every run.
func fuzzSetup(f *testing.F) (*store.Store, []byte) {
	ctx := context.Background()
	dir := f.TempDir()
	s, err := demotest.Open(f)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	p, err := profile.Get(ctx, s)
	if err != nil {
		f.Fatal(err)
	}
	in, err := xlsx.LoadTemplateInput(ctx, s, p, "19.01", 2025)
	if err == nil {
		err = xlsx.WriteTemplate(ctx, filepath.Join(dir, "t.xlsx"), in, when)
	}
	if err != nil {
		f.Fatal(err)
	}
	tpl, err := os.ReadFile(filepath.Join(dir, "t.xlsx"))
	if err != nil {
		f.Fatal(err)
	}
	return s, tpl
}

// mutate builds a workbook from the template: text typed into an input
// cell, an XML fragment spliced into a sheet, and an extra zip entry.
func mutate(tpl []byte, cell, frag, entry string, where uint16) []byte {
	zr, err := zip.NewReader(bytes.NewReader(tpl), int64(len(tpl)))
	if err != nil {
		return nil
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	sheets := []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet4.xml"}
	target := sheets[int(where)%len(sheets)]
	var esc bytes.Buffer
	_ = xmlEscape(&esc, cell)
	for _, e := range zr.File {
		rc, err := e.Open()
		if err != nil {
			return nil
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if e.Name == "xl/worksheets/sheet1.xml" && cell != "" {
			// The first input cell of the first indicator row becomes inline text.
			i := bytes.Index(data, []byte(`<c r="F8"`))
			if i >= 0 {
				j := bytes.Index(data[i:], []byte("</c>"))
				k := bytes.Index(data[i:], []byte("/>"))
				end := -1
				switch {
				case j >= 0 && (k < 0 || j < k):
					end = i + j + 4
				case k >= 0:
					end = i + k + 2
				}
				if end > 0 {
					repl := `<c r="F8" t="inlineStr"><is><t>` + esc.String() + `</t></is></c>`
					data = append(append(append([]byte{}, data[:i]...), repl...), data[end:]...)
				}
			}
		}
		if e.Name == target && frag != "" {
			at := int(where) * 97 % (len(data) + 1)
			data = append(append(append([]byte{}, data[:at]...), frag...), data[at:]...)
		}
		w, err := zw.Create(e.Name)
		if err != nil {
			return nil
		}
		_, _ = w.Write(data)
	}
	if entry != "" {
		if w, err := zw.Create(entry); err == nil {
			_, _ = w.Write([]byte(frag))
		}
	}
	if zw.Close() != nil {
		return nil
	}
	return out.Bytes()
}

func xmlEscape(w io.Writer, s string) error {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	_, err := io.WriteString(w, r.Replace(s))
	return err
}

// FuzzReadImport: whatever a returned workbook holds, ReadImport answers
// with a preview or an *ImportError, never a panic (not even one it
// recovers) and never a problem without both languages. Seeds beyond these
// live in testdata/fuzz/FuzzReadImport.
func FuzzReadImport(f *testing.F) {
	s, tpl := fuzzSetup(f)
	seeds := []struct {
		cell, frag, entry string
		where             uint16
	}{
		{"1.311", "", "", 0},
		{"17,65%", "", "", 1},
		{"-", `<row r="99"><c r="B99" t="inlineStr"><is><t>KOP.99</t></is></c></row>`, "", 5},
		{"TRUE", `<mergeCells count="1"><mergeCell ref="F8:J8"/></mergeCells>`, "", 40},
		{"", `<c r="F9"><f>SUM(1,2)</f></c>`, "", 300},
		{"", `<row r="-5">`, "", 77},
		{"", `<c r="XFD1048576"><v>1</v></c>`, "xl/media/x.bin", 123},
		{"", `<row r="1048576" spans="1:16384"/>`, "", 999},
		{"1,234,567.89", "", "[Content_Types].xml", 3},
		{strings.Repeat("9", 400), "", "", 0},
	}
	for _, sd := range seeds {
		f.Add(sd.cell, sd.frag, sd.entry, sd.where)
	}
	f.Fuzz(func(t *testing.T, cell, frag, entry string, where uint16) {
		b := mutate(tpl, cell, frag, entry, where)
		if b == nil {
			return
		}
		path := filepath.Join(t.TempDir(), "Templat.xlsx")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ReadImport(context.Background(), s, path, ImportOptions{})
		if err == nil {
			return
		}
		ie, ok := err.(*ImportError)
		if !ok {
			if fault.Is(err, fault.ImportBusy) {
				return
			}
			t.Fatalf("not an ImportError: %T %v", err, err)
		}
		for _, p := range ie.Problems {
			if strings.Contains(p.Message(fault.ID), "tidak dapat dibaca oleh pembaca Excel") {
				t.Fatalf("a recovered panic: %s", p.Message(fault.ID))
			}
			if p.Message(fault.ID) == "" || p.Message(fault.EN) == "" {
				t.Fatalf("a problem without both languages: %+v", p)
			}
		}
		if len(ie.Problems) > maxProblems+1 {
			t.Fatalf("%d problems listed", len(ie.Problems))
		}
	})
}
