package cli

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPrograms(t *testing.T) {
	db := demoDB(t)

	r := run(t, nil, "programs", "--db", db, "--year", "2025", "--province", "19")
	require.Equal(t, OK, r.code, r.stderr)
	rows := readExcel(t, r.stdout)
	header := rows[0]
	assert.Equal(t, "tingkat", header[0])
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	var lines, programs int64
	var sumLines, sumPrograms int64
	var total []string
	for _, row := range rows[1:] {
		pagu, err := strconv.ParseInt(row[col["pagu"]], 10, 64)
		require.NoError(t, err, "Rupiah are plain integers: %q", row[col["pagu"]])
		switch row[0] {
		case "baris":
			lines++
			sumLines += pagu
			assert.True(t, row[col["wilayah"]] == "19" || strings.HasPrefix(row[col["wilayah"]], "19."), row[col["wilayah"]])
		case "program":
			programs++
			sumPrograms += pagu
		case "jumlah":
			total = row
		}
	}
	require.NotNil(t, total, "a grand total line")
	assert.Equal(t, "jumlah", rows[len(rows)-1][0], "the grand total comes last")
	grand, _ := strconv.ParseInt(total[col["pagu"]], 10, 64)
	assert.Equal(t, sumLines, grand, "the grand total is the sum of the lines")
	assert.Equal(t, sumPrograms, grand, "and of the program subtotals")
	assert.Positive(t, programs)
	assert.Equal(t, "Jumlah "+strconv.FormatInt(lines, 10)+" baris", total[col["uraian"]])

	// The halal line: target and pagu as plain numbers.
	var halal []string
	for _, row := range rows {
		if row[0] == "baris" && row[1] == "2.17.08.1.01.0001" {
			halal = row
		}
	}
	require.NotNil(t, halal)
	assert.Equal(t, "1000", halal[col["target"]])
	assert.Equal(t, "1250000000", halal[col["pagu"]])
	assert.Equal(t, "apbd_provinsi", halal[col["sumber_dana"]])
	assert.Equal(t, "1200", halal[col["target_n1"]])
	assert.Equal(t, "1500000000", halal[col["pagu_n1"]])
	for _, row := range rows {
		assert.Len(t, row, len(header))
	}

	r = run(t, nil, "programs", "--db", db, "--year", "2026", "--format", "json")
	require.Equal(t, OK, r.code, r.stderr)
	var tree struct {
		Programs []struct {
			Item struct{ Code string } `json:"item"`
		} `json:"programs"`
		Total struct {
			Pagu  int64 `json:"pagu"`
			Lines int   `json:"lines"`
		} `json:"total"`
		BySumberDana []struct {
			SumberDana string `json:"sumberDana"`
		} `json:"bySumberDana"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &tree))
	assert.Positive(t, tree.Total.Lines, "Kalimantan Tengah plans 2026")
	assert.NotEmpty(t, tree.Programs)

	r = run(t, nil, "programs", "--db", db)
	assert.Equal(t, Usage, r.code)
	assert.Contains(t, r.stderr, "--year wajib diisi")
	r = run(t, nil, "programs", "--db", db, "--year", "2025", "--format", "xml")
	assert.Equal(t, Usage, r.code)
	r = run(t, nil, "programs", "--db", db, "--year", "2025", "--province", "99")
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "kode wilayah \"99\" tidak dikenal")
	r = run(t, nil, "programs", "--db", db, "--year", "1990")
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "Tahun harus antara 2000 dan 2100")
	r = run(t, nil, "programs", "--db", filepath.Join(t.TempDir(), "missing.db"), "--year", "2025")
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "tidak ditemukan")
}
