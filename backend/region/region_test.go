package region

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCounts(t *testing.T) {
	c := Default()
	assert.Len(t, c.Provinces(), 38)
	assert.Len(t, c.Regencies(""), 514)
	assert.Len(t, c.Regencies("19"), 7, "Kepulauan Bangka Belitung has 6 kabupaten and 1 kota")
}

func TestLookup(t *testing.T) {
	c := Default()
	p, ok := c.Lookup("19")
	require.True(t, ok)
	assert.Equal(t, "Kepulauan Bangka Belitung", p.Name)
	assert.Equal(t, Province, p.Level)
	k, ok := c.Lookup("19.71")
	require.True(t, ok)
	assert.Equal(t, City, k.Level)
	assert.Equal(t, "19", k.ProvinceCode)
	_, ok = c.Lookup("99")
	assert.False(t, ok)
	assert.True(t, c.IsProvince("62"))
	assert.False(t, c.IsProvince("62.01"))
}

func TestSearch(t *testing.T) {
	c := Default()
	tests := []struct {
		name  string
		q     Query
		first string
		n     int
	}{
		{"by name words", Query{Text: "belitung timur"}, "19.06", 1},
		{"case insensitive", Query{Text: "PANGKAL"}, "19.71", 1},
		{"by code", Query{Text: "62.71"}, "62.71", 1},
		{"province filter", Query{Province: "19"}, "19", 8},
		{"only cities", Query{Province: "35", Level: City}, "35.71", 9},
		{"home first", Query{Text: "kota", Home: "81"}, "81.71", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Search(tt.q)
			require.NotEmpty(t, got)
			assert.Equal(t, tt.first, got[0].Code)
			if tt.n >= 0 {
				assert.Len(t, got, tt.n)
			}
		})
	}
	assert.Empty(t, c.Search(Query{Text: "atlantis"}))
}

// TestMatchesNpmPackage proves the embedded copy is byte-identical to the
// installed npm package. make test sets SELARAS_REQUIRE_NPM=1 so a missing
// package fails instead of skipping.
func TestMatchesNpmPackage(t *testing.T) {
	pkg := filepath.Join("..", "..", "frontend", "node_modules", "idn-area-data", "data")
	if _, err := os.Stat(pkg); err != nil {
		if os.Getenv("SELARAS_REQUIRE_NPM") != "" {
			t.Fatalf("idn-area-data is not installed: %v", err)
		}
		t.Skip("frontend/node_modules not installed")
	}
	for _, name := range []string{"provinces.csv", "regencies.csv", "LICENSE.md"} {
		want, err := os.ReadFile(filepath.Join(pkg, name))
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join("data", name))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "%s differs from the npm package: run make regions", name)
	}
}

func TestSource(t *testing.T) {
	assert.Contains(t, Source(), "idn-area-data")
	assert.Contains(t, Attribution, "ODbL")
}

// BenchmarkSearch is one keystroke in the region browser over all 552 regions.
func BenchmarkSearch(b *testing.B) {
	c := Default()
	for b.Loop() {
		_ = c.Search(Query{Text: "kota bangka", Home: "19"})
	}
}

func TestNameOr(t *testing.T) {
	assert.Equal(t, "Kepulauan Bangka Belitung", Default().NameOr("19"))
	assert.Equal(t, "99", Default().NameOr("99"))
}
