package fault

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// declaredCodes reads every constant of type Code from the package's source
// files, so a code added in any block (or file) without a message is caught
// even though the catalogue map cannot be walked for codes it lacks.
func declaredCodes(t *testing.T) map[string]Code {
	t.Helper()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	codes := map[string]Code{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		require.NoError(t, err)
		for _, d := range file.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				v := spec.(*ast.ValueSpec)
				if id, ok := v.Type.(*ast.Ident); !ok || id.Name != "Code" {
					continue
				}
				for i, name := range v.Names {
					lit, ok := v.Values[i].(*ast.BasicLit)
					require.True(t, ok, "%s: a Code is a string literal", name.Name)
					codes[name.Name] = Code(lit.Value[1 : len(lit.Value)-1])
				}
			}
		}
	}
	require.NotEmpty(t, codes)
	return codes
}

var placeholder = regexp.MustCompile(`\{[A-Za-z]+\}`)

func placeholders(s string) []string {
	p := placeholder.FindAllString(s, -1)
	slices.Sort(p)
	return slices.Compact(p)
}

// Every declared code has a message in both languages, and both name the
// same {placeholders}: a value filled in for one language is never missing
// (or left as "{name}") in the other.
func TestCatalogIsComplete(t *testing.T) {
	codes := declaredCodes(t)
	seen := map[Code]string{}
	for name, code := range codes {
		if other, dup := seen[code]; dup {
			t.Errorf("%s and %s share the code %q", name, other, code)
		}
		seen[code] = name
		tx, ok := catalog[code]
		if !assert.True(t, ok, "%s (%q) has no message", name, code) {
			continue
		}
		assert.NotEmpty(t, tx.id, "%s lacks Indonesian", name)
		assert.NotEmpty(t, tx.en, "%s lacks English", name)
		assert.Equal(t, placeholders(tx.id), placeholders(tx.en), "%s: placeholders differ between Indonesian and English", name)
	}
	for code := range catalog {
		assert.Contains(t, seen, code, "the catalogue has a message for %q, which no constant declares", code)
	}
}

// An argument that is a code, a list, sentences or a moment is worded in
// the language of the sentence it fills.
func TestArgumentsPerLanguage(t *testing.T) {
	err := New(ValueZeroDenominator, "").WithCode("what", WordRealisation)
	assert.Equal(t, "penyebut realisasi tidak boleh nol", Message(err, ID))
	assert.Equal(t, "the realisation denominator must not be zero", Message(err, EN))
	line := New(LineRefused, "", "line", "2").WithParts("message", New(Required, "Nama").Text)
	batch := New(ParticipantsRefused, "").WithParts("lines", line.Text, line.Text)
	assert.Equal(t, "Tidak ada peserta yang disimpan. Baris 2: Nama wajib diisi.; Baris 2: Nama wajib diisi.", Message(batch, ID))
	assert.Equal(t, "No participant was saved. Line 2: Nama is required.; Line 2: Nama is required.", Message(batch, EN))
	c := NewConflict("", Conflict{At: "2026-11-30T07:05:00Z"})
	assert.Contains(t, Message(c, ID), "pengguna lain pada ")
	assert.Contains(t, Message(c, EN), "another user at ")
}

// A Text survives JSON: a result carries it to where it is worded.
func TestTextRoundTrip(t *testing.T) {
	e := Reject("decision.status", ReasonReopenAsNew).WithCode("from", StatusDone)
	b, err := json.Marshal(e.Text)
	require.NoError(t, err)
	var back Text
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, Render(e.Text, EN), Render(back, EN))
	assert.Equal(t, Message(e, ID), Render(back, ID))
}

// Every field key has a label in both languages and the shape aggregate.json;
// a value's word (aggregate.json.value) belongs to a field that has its own.
func TestLabelsAreComplete(t *testing.T) {
	key := regexp.MustCompile(`^([a-z][A-Za-z]*\.[a-z][A-Za-z0-9]*)(\.[a-z][a-z_]*)?$`)
	for k, l := range labels {
		assert.Regexp(t, key, k)
		if m := key.FindStringSubmatch(k); m != nil && m[2] != "" {
			assert.Contains(t, labels, m[1], "%s names no field", k)
		}
		assert.NotEmpty(t, l.id, "%s lacks Indonesian", k)
		assert.NotEmpty(t, l.en, "%s lacks English", k)
	}
}

// A stored value is worded by the catalogue, or given as stored.
func TestValueLabel(t *testing.T) {
	assert.Equal(t, "Ditangani", ValueLabel("challenge.status", "ditangani", ID))
	assert.Equal(t, "Being handled", ValueLabel("challenge.status", "ditangani", EN))
	assert.Equal(t, "Done", ValueLabel("decision.status", "selesai", EN))
	assert.Equal(t, "lainnya", ValueLabel("decision.status", "lainnya", ID))
}

// A refused value names its field by its label and its reason, each in the
// user's language; the form receives the JSON name of the field.
func TestRejectRendersReasonPerLanguage(t *testing.T) {
	labels["test.status"] = text{"Status uji", "Test status"}
	defer delete(labels, "test.status")
	err := Choose("test.status", "baru", "berjalan", "selesai")
	assert.Equal(t, "Status uji tidak valid: pilih baru, berjalan, atau selesai", Message(err, ID))
	assert.Equal(t, "Test status is not valid: choose baru, berjalan or selesai", Message(err, EN))
	assert.Equal(t, "Ukuran tidak valid: pilih A4 atau F4", Message(Choose("Ukuran", "A4", "F4"), ID))
	assert.Equal(t, "status", FieldOf(err))
	assert.Equal(t, "/tmp/a.db", FieldOf(New(NotFound, "/tmp/a.db")))
}

// A broken catalog.json stops the program at start-up, saying what is wrong.
func TestBrokenCatalogPanics(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"not json", `{"messages": {`, "fault: catalog.json: "},
		{"key twice", `{"messages": {"a": {"id": "x", "en": "y"}, "a": {"id": "x", "en": "y"}}, "labels": {}}`,
			"fault: catalog.json: messages.a is given twice"},
		{"unknown field", `{"messages": {"a": {"id": "x", "fr": "y"}}, "labels": {}}`, "fault: catalog.json: messages.a: "},
		{"unknown section", `{"messages": {}, "labels": {}, "hints": {}}`, "fault: catalog.json: unknown section hints"},
		{"no labels", `{"messages": {}}`, `fault: catalog.json: needs both "messages" and "labels"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				r := recover()
				require.NotNil(t, r, "no panic")
				assert.True(t, strings.HasPrefix(r.(string), tt.want), "panic %q", r)
			}()
			mustLoad([]byte(tt.data))
		})
	}
}
