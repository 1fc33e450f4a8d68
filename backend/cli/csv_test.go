package cli

import (
	"context"
	"database/sql"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/store/storetest"
)

const bom = "\uFEFF"

// readExcel parses the Excel flavour: a BOM, ';' and CRLF line ends.
func readExcel(t *testing.T, out string) [][]string {
	t.Helper()
	require.True(t, strings.HasPrefix(out, bom), "starts with a UTF-8 byte-order mark")
	require.Contains(t, out, "\r\n")
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, bom)))
	r.Comma = ';'
	rows, err := r.ReadAll()
	require.NoError(t, err)
	return rows
}

// readRFC parses the scripts' flavour: no BOM, ',' separators.
func readRFC(t *testing.T, out string) [][]string {
	t.Helper()
	require.False(t, strings.HasPrefix(out, bom))
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	return rows
}

func TestNeutralise(t *testing.T) {
	cases := []struct{ in, want string }{
		{`=HYPERLINK("http://contoh.id","klik")`, `'=HYPERLINK("http://contoh.id","klik")`},
		{`-2+3+cmd|' /C calc'!A0`, `'-2+3+cmd|' /C calc'!A0`},
		{"+62 812 7000", "'+62 812 7000"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\t=1+1", "'\t=1+1"},
		{"\r=1+1", "'\r=1+1"},
		{"-", "'-"},
		{"-2,5,3", "'-2,5,3"},
		{"-1e3", "'-1e3"},
		// Plain numbers stay numbers: Excel never runs them.
		{"-2,5", "-2,5"},
		{"-2.5", "-2.5"},
		{"-12", "-12"},
		{"+3", "+3"},
		{"17,65", "17,65"},
		{"", ""},
		// Only the first character counts.
		{"Rakor =1+1", "Rakor =1+1"},
		{"2.17.01.2.01.0001", "2.17.01.2.01.0001"},
		{"'=sudah dikutip", "'=sudah dikutip"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, Neutralise(c.in), "%q", c.in)
	}
}

// hostile puts text that Excel would run as a formula, and a negative
// figure, where each CSV command prints them.
func hostile(t *testing.T, db string) {
	t.Helper()
	ctx := context.Background()
	s := storetest.OpenAt(t, db)
	require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error {
		// Bound as values, so the same statements run on both engines.
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`UPDATE indicator SET name = ? WHERE code = 'KOP.01'`, []any{`=HYPERLINK("http://contoh.id","klik")`}},
			{`UPDATE indicator_value SET target = -2.5 WHERE region_code = '19.01' AND year = 2025
			   AND indicator_id = (SELECT id FROM indicator WHERE code = 'KOP.01')`, nil},
			{`UPDATE plan_line SET catatan = ?, lokasi = ?
			   WHERE id = (SELECT min(id) FROM plan_line WHERE year = 2025)`, []any{`-2+3+cmd|' /C calc'!A0`, "@SUM(1+1)"}},
			{`UPDATE meeting SET venue = ?, title = '+Rakor' WHERE id = (SELECT min(id) FROM meeting)`, []any{"\t=1+1"}},
			{`INSERT INTO import_log (region_code, year, file_name, sha256, imported_at, operator)
			   VALUES ('19.01', 2025, '=cmd.xlsx', 'ab', '2025-03-01T00:00:00Z', ?)`, []any{"\r=2"}},
		} {
			if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
				return err
			}
		}
		return nil
	}))
}

// find returns the first row whose column col holds want.
func find(t *testing.T, rows [][]string, col int, want string) []string {
	t.Helper()
	for _, r := range rows {
		if len(r) > col && r[col] == want {
			return r
		}
	}
	t.Fatalf("no row with %q in column %d", want, col)
	return nil
}

// Every command that prints CSV: the Excel flavour neutralises formulas and
// writes decimal commas; csv-rfc keeps the values exactly as stored.
func TestCSVFlavours(t *testing.T) {
	db := demoDB(t)
	hostile(t, db)

	type check struct {
		name   string
		args   []string
		header string
		// key finds the row; cells are column -> {excel, rfc} values.
		keyCol int
		key    string
		cells  map[int][2]string
	}
	checks := []check{
		{name: "regions", args: []string{"regions", "--province", "19"}, header: "code",
			keyCol: 0, key: "19.01", cells: map[int][2]string{1: {"Kabupaten Bangka", "Kabupaten Bangka"}}},
		{name: "harmonise", args: []string{"harmonise", "--db", db, "--province", "19", "--year", "2025"}, header: "indikator",
			keyCol: 4, key: "19.01", cells: map[int][2]string{
				1: {`'=HYPERLINK("http://contoh.id","klik")`, `=HYPERLINK("http://contoh.id","klik")`},
				7: {"-2,5", "-2.5"},
			}},
		{name: "programs", args: []string{"programs", "--db", db, "--year", "2025"}, header: "tingkat",
			keyCol: 10, key: "@SUM(1+1)", cells: map[int][2]string{
				17: {`'-2+3+cmd|' /C calc'!A0`, `-2+3+cmd|' /C calc'!A0`},
			}},
		{name: "rakor", args: []string{"rakor", "--db", db}, header: "id",
			keyCol: 0, key: "1", cells: map[int][2]string{2: {"'+Rakor", "+Rakor"}, 5: {"'\t=1+1", "\t=1+1"}}},
		{name: "submissions", args: []string{"submissions", "--db", db, "--year", "2025"}, header: "kode",
			keyCol: 0, key: "19.01", cells: map[int][2]string{4: {"'=cmd.xlsx", "=cmd.xlsx"},
				// encoding/csv drops a lone \r when it writes CRLF line ends; the quote stays.
				10: {"'=2", "\r=2"}}},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, nil, c.args...)
			require.Equal(t, OK, r.code, r.stderr)
			excel := readExcel(t, r.stdout)
			r = run(t, nil, append(c.args, "--format", "csv-rfc")...)
			require.Equal(t, OK, r.code, r.stderr)
			rfc := readRFC(t, r.stdout)
			require.Equal(t, len(rfc), len(excel), "same rows in both flavours")
			assert.Equal(t, c.header, excel[0][0])
			assert.Equal(t, c.header, rfc[0][0])
			for i, want := range c.cells {
				if c.keyCol == 10 { // programs: the lokasi is neutralised in Excel
					assert.Equal(t, want[0], find(t, excel, c.keyCol, "'"+c.key)[i])
				} else {
					assert.Equal(t, want[0], find(t, excel, c.keyCol, c.key)[i], "excel column %d", i)
				}
				assert.Equal(t, want[1], find(t, rfc, c.keyCol, c.key)[i], "csv-rfc column %d", i)
			}
		})
	}
	r := run(t, nil, "regions", "--format", "tsv")
	assert.Equal(t, Usage, r.code)
	assert.Contains(t, r.stderr, "csv-rfc")
}
