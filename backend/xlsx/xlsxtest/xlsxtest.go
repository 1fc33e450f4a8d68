// Package xlsxtest reads back, in tests, what backend/xlsx writes: the
// writer's own tests and those of the reader (backend/exchange) find an
// indicator's row and date their workbooks the same way.
package xlsxtest

import (
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
