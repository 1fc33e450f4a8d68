package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/rakor"
)

func TestRakor(t *testing.T) {
	db := demoDB(t)

	r := run(t, nil, "rakor", "--db", db)
	require.Equal(t, OK, r.code, r.stderr)
	rows := readExcel(t, r.stdout)
	require.Len(t, rows, 6, "a header and the five meetings of the seeds")
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	babel := rows[4]
	assert.Equal(t, "2024-02-23", babel[col["tanggal_mulai"]])
	assert.Equal(t, "rakor", babel[col["jenis"]])
	assert.Equal(t, "1", babel[col["cuplikan"]])
	assert.Equal(t, "4", babel[col["permasalahan"]])
	assert.Equal(t, "2025-02-25", rows[1][col["tanggal_mulai"]], "newest first")

	r = run(t, nil, "rakor", "--db", db, "--format", "json")
	require.Equal(t, OK, r.code, r.stderr)
	var list []rakor.MeetingSummary
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &list))
	assert.Len(t, list, 5)

	assert.Equal(t, Usage, run(t, nil, "rakor", "--db", db, "--format", "xml").code)
	r = run(t, nil, "rakor", "--db", filepath.Join(t.TempDir(), "tidak-ada.db"))
	assert.Equal(t, Error, r.code)
	assert.Contains(t, r.stderr, "tidak ditemukan")
}
