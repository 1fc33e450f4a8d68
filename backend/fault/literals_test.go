package fault

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// functionWords mark a literal as a sentence a person reads: a few words of
// Indonesian or English that a name, a code or SQL does not use.
var functionWords = regexp.MustCompile(`(?i)\b(yang|dan|tidak|untuk|dari|atau|dengan|belum|sudah|ini|itu|wajib|harus|bukan|dalam|pada|oleh|akan|dapat|tanpa|the|is|are|not|and|for|with|must|cannot|was|were|your|you|please)\b`)

var (
	wordRe = regexp.MustCompile(`\p{L}{2,}`)
	// SQL, however worded, is not a sentence.
	sqlRe = regexp.MustCompile(`\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|WHERE|JOIN|COALESCE|VALUES|RETURNING|GRANT|REVOKE|DROP|PRAGMA|EXECUTE|BEGIN|COMMIT|ROLLBACK|AND|ORDER BY|IS NOT|NULL)\b`)
)

// isSentence reports whether a literal reads as a sentence: three words or
// more, one of them a function word of either language.
func isSentence(s string) bool {
	if sqlRe.MatchString(s) || strings.Contains(s, "=>") || strings.Contains(s, "://") && !strings.Contains(s, " ") {
		return false
	}
	return len(wordRe.FindAllString(s, -1)) >= 3 && functionWords.MatchString(s)
}

// developer marks calls whose text is for a developer or a log, not a
// user: a cause wrapped in an internal error, a panic, a test.
var developer = map[string]bool{"Errorf": true, "New": true, "panic": true, "Printf": true, "Println": true, "Fatalf": true, "Error": true,
	"Warn": true, "Info": true, "Debug": true}

// documentTexts are the texts that are Indonesian by design: the official
// documents Selaras writes (the Excel sheets and the printed record follow
// the ministry's forms and stay Indonesian whatever the screen's language).
// The demo workspace and the benchmarks' data are sample contents of an
// Indonesian office, not sentences of the program.
var documentTexts = map[string]bool{
	"backend/xlsx": true, "backend/room/download.go": true,
	"backend/demo": true, "backend/benchdata": true, "backend/loadtest": true, "backend/atomicfile/crashtest": true,
	// The printed record's formulas (berita acara), the template's input
	// hints, and the official names of the starter indicators and the
	// Kepmendagri nomenclature.
	"backend/rakor/record.go": true, "backend/template/unit.go": true, "backend/indicator/starter.go": true,
	"backend/program/nomenclature.go": true,
}

// machineTexts are the words of a driver or the system that the code
// matches errors on; nobody reads them from Selaras.
var machineTexts = map[string]bool{
	"database is locked": true, "database table is locked": true, "database disk image is malformed": true,
	"database or disk is full": true, "file is not a database": true,
	"x509: certificate is valid for": true, "x509: certificate is not valid for any names": true,
	"x509: cannot validate certificate for": true,
}

// debt counts the sentences not yet in the catalogue, by file. It may only
// shrink: a file not listed, or a count that grows, fails the test.
var debt = map[string]int{
	// The attribution of the region list, as its licence asks.
	"backend/region/region.go": 1,
}

// Every user-facing sentence is a code of the catalogue: a string literal
// of backend/ or app/ that reads as a sentence of either language is
// refused, outside the catalogue, the documents that are Indonesian by
// design and the calls a developer reads.
func TestNoSentenceLiterals(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	found := map[string][]string{}
	for _, dir := range []string{"backend", "app"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			rel = filepath.ToSlash(rel)
			dir := filepath.ToSlash(filepath.Dir(rel))
			if documentTexts[rel] || documentTexts[dir] || strings.HasPrefix(rel, "backend/fault/") || strings.HasSuffix(dir, "test") {
				return nil
			}
			found[rel] = append(found[rel], sentences(t, path)...)
			return nil
		})
		require.NoError(t, err)
	}
	files := make([]string, 0, len(found))
	for f := range found {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		if len(found[f]) > debt[f] {
			t.Errorf("%s: %d sentence literals, %d allowed; put them in backend/fault/catalog.json:\n  %s",
				f, len(found[f]), debt[f], strings.Join(found[f], "\n  "))
		}
	}
	for f, n := range debt {
		assert.LessOrEqual(t, len(found[f]), n, "%s", f)
		if len(found[f]) < n {
			t.Logf("%s: %d sentence literals left, the debt says %d: lower it", f, len(found[f]), n)
		}
	}
}

// sentences lists the literals of a Go file that read as sentences, with
// their line, skipping struct tags, imports and developer calls.
func sentences(t *testing.T, path string) []string {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	require.NoError(t, err)
	skip := map[*ast.BasicLit]bool{}
	var out []string
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ImportSpec:
			return false
		case *ast.Field:
			if n.Tag != nil {
				skip[n.Tag] = true
			}
		case *ast.CallExpr:
			name := ""
			switch f := n.Fun.(type) {
			case *ast.Ident:
				name = f.Name
			case *ast.SelectorExpr:
				name = f.Sel.Name
			}
			if developer[name] {
				ast.Inspect(n, func(m ast.Node) bool {
					if lit, ok := m.(*ast.BasicLit); ok {
						skip[lit] = true
					}
					return true
				})
			}
		case *ast.BasicLit:
			if n.Kind != token.STRING || skip[n] {
				return true
			}
			s, err := strconv.Unquote(n.Value)
			if err == nil && isSentence(s) && !machineTexts[s] {
				out = append(out, fset.Position(n.Pos()).String()[len(filepath.Dir(path))+1:]+": "+n.Value)
			}
		}
		return true
	})
	return out
}

// The scan tells a sentence from a name, a code or SQL.
func TestIsSentence(t *testing.T) {
	for _, s := range []string{"Kata sandi untuk pengguna", "the file is not a workspace", "--from dan --to wajib diisi"} {
		assert.True(t, isSentence(s), s)
	}
	for _, s := range []string{"Daftar Hadir", "decision.status", "SELECT id FROM meeting WHERE id = ?", "d.due_date <> '' AND d.due_date < ?", "*.xlsx"} {
		assert.False(t, isSentence(s), s)
	}
}
