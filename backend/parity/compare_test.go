package parity

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// tally counts what was compared and keeps what differed, so a failure
// says how much differs and shows the first differences readably.
type tally struct {
	lines, cells, rows int
	diffs              []difference
	count              map[string]int // differences per command, file or table
	order              []string       // count's keys in the order first seen
}

// difference is one line, cell or row where a side differs from the file.
type difference struct {
	side  string // "server" or "pulled copy"
	what  string // the command, the workbook or the table
	where string // "line 12", "Matriks Target 2025!C7", "row"
	file  string // what the SQLite file gave
	other string // what the side gave
}

func newTally() *tally { return &tally{count: map[string]int{}} }

func (c *tally) differ(side, what, where, file, other string) {
	key := side + ": " + what
	if c.count[key] == 0 {
		c.order = append(c.order, key)
	}
	c.count[key]++
	c.diffs = append(c.diffs, difference{side, what, where, file, other})
}

// text compares two outputs line by line.
func (c *tally) text(side, what, file, other string) {
	a, b := splitLines(file), splitLines(other)
	n := max(len(a), len(b))
	c.lines += n
	for i := range n {
		x, y := at(a, i), at(b, i)
		if x != y {
			c.differ(side, what, "line "+strconv.Itoa(i+1), x, y)
		}
	}
}

func splitLines(s string) []string {
	s = strings.TrimSuffix(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func at(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return "(no line)"
}

// stamp is the moment a workbook or template was written (the template's
// hidden created_at, to the second in older templates and to the
// millisecond now, and the template_sent row that records it): it differs
// between two runs on any engine.
var stamp = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z`)

// workbook compares two .xlsx files: their sheets, every cell's stored
// value (a formula's cached result) and the merged ranges.
func (c *tally) workbook(t *testing.T, side, what, file, other string) {
	t.Helper()
	fa, err := excelize.OpenFile(file)
	require.NoError(t, err, what)
	defer fa.Close()
	fb, err := excelize.OpenFile(other)
	require.NoError(t, err, what)
	defer fb.Close()
	sa, sb := fa.GetSheetList(), fb.GetSheetList()
	if strings.Join(sa, "|") != strings.Join(sb, "|") {
		c.differ(side, what, "sheets", strings.Join(sa, ", "), strings.Join(sb, ", "))
		return
	}
	for _, sh := range sa {
		ra, err := fa.GetRows(sh, excelize.Options{RawCellValue: true})
		require.NoError(t, err, what)
		rb, err := fb.GetRows(sh, excelize.Options{RawCellValue: true})
		require.NoError(t, err, what)
		for r := range max(len(ra), len(rb)) {
			var a, b []string
			if r < len(ra) {
				a = ra[r]
			}
			if r < len(rb) {
				b = rb[r]
			}
			for col := range max(len(a), len(b)) {
				c.cells++
				x, y := cellAt(a, col), cellAt(b, col)
				if stamp.ReplaceAllString(x, "<stamp>") != stamp.ReplaceAllString(y, "<stamp>") {
					name, _ := excelize.CoordinatesToCellName(col+1, r+1)
					c.differ(side, what, sh+"!"+name, x, y)
				}
			}
		}
		ma, err := fa.GetMergeCells(sh)
		require.NoError(t, err, what)
		mb, err := fb.GetMergeCells(sh)
		require.NoError(t, err, what)
		if x, y := merges(ma), merges(mb); x != y {
			c.differ(side, what, sh+" merged cells", x, y)
		}
	}
}

func cellAt(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

func merges(ms []excelize.MergeCell) string {
	refs := make([]string, len(ms))
	for i, m := range ms {
		refs[i] = m.GetStartAxis() + ":" + m.GetEndAxis()
	}
	sort.Strings(refs)
	return strings.Join(refs, " ")
}

// folder compares the workbooks of two folders, file by file.
func (c *tally) folder(t *testing.T, side, what, file, other string, names []string) {
	t.Helper()
	for _, n := range names {
		c.workbook(t, side, what+" "+n, filepath.Join(file, n), filepath.Join(other, n))
	}
}

// pulledMeta are the meta keys a pulled copy adds about itself.
var pulledMeta = map[string]bool{"offline_copy_of": true, "offline_copy_at": true}

// ownColumns say when this very file was made, not what it holds: a pulled
// copy is a new file, migrated when it was pulled.
var ownColumns = map[string]bool{"schema_migrations.applied_at": true}

// tables compares two SQLite files table by table: the same tables, and
// in each the same rows (as a multiset: the order on disk may differ), every
// value with its storage type.
func (c *tally) tables(t *testing.T, side, file, other string) {
	t.Helper()
	ctx := context.Background()
	open := func(path string) *sql.DB {
		db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		return db
	}
	da, db := open(file), open(other)
	names := func(d *sql.DB) []string {
		rows, err := d.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
		require.NoError(t, err)
		defer rows.Close()
		var out []string
		for rows.Next() {
			var n string
			require.NoError(t, rows.Scan(&n))
			out = append(out, n)
		}
		require.NoError(t, rows.Err())
		return out
	}
	ta, tb := names(da), names(db)
	if strings.Join(ta, " ") != strings.Join(tb, " ") {
		c.differ(side, "tables", "", strings.Join(ta, " "), strings.Join(tb, " "))
		return
	}
	for _, name := range ta {
		ra, rb := tableRows(t, da, name), tableRows(t, db, name)
		c.rows += max(len(ra), len(rb))
		seen := map[string]int{}
		for _, r := range ra {
			seen[r]++
		}
		for _, r := range rb {
			seen[r]--
		}
		var keys []string
		for k, n := range seen {
			if n != 0 {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			if n := seen[k]; n > 0 {
				c.differ(side, "table "+name, "row", k, fmt.Sprintf("(missing %d)", n))
			} else {
				c.differ(side, "table "+name, "row", fmt.Sprintf("(missing %d)", -n), k)
			}
		}
	}
}

// tableRows reads every row of a table as "column=type:value" text.
func tableRows(t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	rows, err := db.Query(`SELECT * FROM "` + table + `"`)
	require.NoError(t, err)
	defer rows.Close()
	cols, err := rows.Columns()
	require.NoError(t, err)
	var out []string
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		require.NoError(t, rows.Scan(ptrs...))
		if table == "meta" && pulledMeta[fmt.Sprint(vals[0])] {
			continue
		}
		var parts []string
		for i, v := range vals {
			if !ownColumns[table+"."+cols[i]] {
				parts = append(parts, cols[i]+"="+typed(v))
			}
		}
		out = append(out, stamp.ReplaceAllString(strings.Join(parts, " "), "<stamp>"))
	}
	require.NoError(t, rows.Err())
	return out
}

func typed(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return fmt.Sprintf("blob:%x", x)
	case float64:
		return "real:" + strconv.FormatFloat(x, 'g', -1, 64)
	case int64:
		return "int:" + strconv.FormatInt(x, 10)
	case string:
		return strconv.Quote(x)
	}
	return fmt.Sprintf("%T:%v", v, v)
}

// check fails the test when anything differed: how much, per command, and
// the first differences, each with what the file said and what the other
// side said.
func (c *tally) check(t *testing.T, label string) {
	t.Helper()
	t.Logf("%s: compared %d output lines, %d workbook cells and %d table rows; %d differ",
		label, c.lines, c.cells, c.rows, len(c.diffs))
	if len(c.diffs) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d differences from the SQLite file (%d lines, %d cells, %d rows compared)\n",
		label, len(c.diffs), c.lines, c.cells, c.rows)
	for i, k := range c.order {
		if i == 40 {
			fmt.Fprintf(&b, "  … and %d more commands or files\n", len(c.order)-i)
			break
		}
		fmt.Fprintf(&b, "  %5d  %s\n", c.count[k], k)
	}
	// The first differences of each kind of command or file (harmonise,
	// programs, export, template, table), two per run, so one flood of
	// harmonise lines does not hide a workbook or a table.
	b.WriteString("first differences (file | other side):\n")
	perRun, perKind := map[string]int{}, map[string]map[string]bool{}
	n := 0
	for _, d := range c.diffs {
		kind := d.side + " " + strings.Fields(d.what)[0]
		run := d.side + d.what
		if perKind[kind] == nil {
			perKind[kind] = map[string]bool{}
		}
		if n == 40 || perRun[run] == 2 || (!perKind[kind][run] && len(perKind[kind]) == 3) {
			continue
		}
		perKind[kind][run] = true
		perRun[run]++
		n++
		fmt.Fprintf(&b, "- %s, %s, %s\n    file:  %s\n    %s: %s\n", d.side, d.what, d.where, d.file, d.side, d.other)
	}
	t.Error(b.String())
}
