// Package xlsxtest reads back and edits, in tests, what backend/xlsx
// writes: the writer's own tests and those of the reader (backend/exchange)
// and of the commands (backend/cli) open, find an indicator's row, type into
// and date their workbooks the same way.
package xlsxtest

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// When is the clock the tests write workbooks at (Jumat, 23 Februari 2024).
var When = time.Date(2024, 2, 23, 9, 0, 0, 0, time.UTC)

// Row is the row of an indicator code (column B) in a sheet of a written
// workbook, a matrix or a template; a code that is not there fails the test.
func Row(t testing.TB, f *excelize.File, sheet, code string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	for i, r := range rows {
		if len(r) > 1 && r[1] == code {
			return i + 1
		}
	}
	t.Fatalf("code %s not found in %s", code, sheet)
	return 0
}

// Edit opens the workbook at path, lets fn change it as an office would in
// Excel, and saves it.
func Edit(t testing.TB, path string, fn func(f *excelize.File)) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	fn(f)
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())
}

// TypeInto types cells into code's row of a sheet of the workbook at path,
// by column: a number stays a number cell, a string a text cell, nil clears.
func TypeInto(t testing.TB, path, sheet, code string, cells map[string]any) {
	t.Helper()
	Edit(t, path, func(f *excelize.File) {
		r := strconv.Itoa(Row(t, f, sheet, code))
		for col, v := range cells {
			require.NoError(t, f.SetCellValue(sheet, col+r, v))
		}
	})
}

// Open opens the workbook at path for reading; it is closed when the test
// ends.
func Open(t testing.TB, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}
