package xlsx

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/atomicfile"
	"selaras/backend/atomicfile/crashtest"
	"selaras/backend/demo/demotest"
	"selaras/backend/profile"
	"selaras/backend/store/storetest"
	"selaras/backend/xlsx/xlsxtest"
)

// TestHelperWrite is the child of TestKilledWritesLeaveNothingPartial: it
// writes the whole workbook or a regency template and is killed at some
// moment.
func TestHelperWrite(t *testing.T) {
	job := crashtest.Job()
	if job != "export" && job != "template" {
		t.Skip("child process of TestKilledWritesLeaveNothingPartial")
	}
	ctx := context.Background()
	s := storetest.OpenAt(t, os.Getenv("SELARAS_DB"))
	p, err := profile.Get(ctx, s)
	require.NoError(t, err)
	out := os.Getenv("SELARAS_OUT")
	if job == "export" {
		req := WorkbookRequest{Province: "19", Years: []int{2025, 2026}, Sheets: AllSheets, MeetingID: 2}
		require.NoError(t, ExportWorkbook(ctx, s, out, req, p, when, nil))
		return
	}
	in, err := LoadTemplateInput(ctx, s, p, "19.01", 2025)
	require.NoError(t, err)
	require.NoError(t, WriteTemplate(ctx, out, in, when))
}

func TestKilledWritesLeaveNothingPartial(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 60 child processes")
	}
	dir := t.TempDir()
	db := demotest.File(t, dir)

	for _, job := range []string{"export", "template"} {
		t.Run(job, func(t *testing.T) {
			outDir := filepath.Join(dir, job)
			out := filepath.Join(outDir, "Selaras-"+job+".xlsx")
			tmp := filepath.Join(dir, job+"-tmp") // excelize's temporary folder for the child
			require.NoError(t, os.MkdirAll(tmp, 0o755))
			env := []string{"SELARAS_DB=" + db, "SELARAS_OUT=" + out, "TMPDIR=" + tmp}
			t.Setenv("TMPDIR", tmp) // so the sweep below looks where the child wrote

			write := func() *exec.Cmd { return crashtest.Command(t, "TestHelperWrite", job, env...) }
			span := crashtest.Time(t, write())
			want := sheetsOf(t, out)
			require.NoError(t, os.Remove(out))

			const trials = 30
			r := crashtest.KillTrials(t, trials, span, write, out, func(i int) {
				assert.Equal(t, want, sheetsOf(t, out), "trial %d: a file at the target is the whole workbook", i)
			}, func(i int) int {
				// The next start sweeps what the killed process left.
				n, err := atomicfile.Clean(outDir, 0)
				require.NoError(t, err)
				_, err = atomicfile.CleanExcelize(0)
				require.NoError(t, err)
				for _, d := range []string{outDir, tmp} {
					entries, _ := os.ReadDir(d)
					assert.Empty(t, entries, "trial %d: nothing left in %s", i, d)
				}
				return n
			})
			t.Logf("%s: %d trials over %v: %d killed before the rename (no file), %d complete; %d temporary files swept",
				job, trials, span, r.Absent, r.Complete, r.Swept)
			assert.Positive(t, r.Absent, "some kills must land mid-write")
		})
	}
}

// sheetsOf closes the workbook at once (not at the test's end, as
// xlsxtest.Open does): the trials check that nothing is left in the
// temporary folder after each.
func sheetsOf(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	return f.GetSheetList()
}

func TestSaveAtomicallyModeAndCleanup(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "Matriks.xlsx")
	// What a killed export of an older version left: swept on the next write.
	stale := filepath.Join(dir, ".selaras-123456.xlsx")
	require.NoError(t, os.WriteFile(stale, nil, 0o600))
	old := time.Now().Add(-time.Hour)
	require.NoError(t, os.Chtimes(stale, old, old))

	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetCellValue("Sheet1", "A1", "Selaras"))
	require.NoError(t, SaveAtomically(context.Background(), f, out))
	info, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644)&^umask(t), info.Mode().Perm(), "exports are readable by others, as the umask allows")
	assert.NoFileExists(t, stale)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "only the workbook")

	// Writing over an existing export replaces it whole.
	require.NoError(t, f.SetCellValue("Sheet1", "A1", "baru"))
	require.NoError(t, SaveAtomically(context.Background(), f, out))
	g := xlsxtest.Open(t, out)
	v, err := g.GetCellValue("Sheet1", "A1")
	require.NoError(t, err)
	assert.Equal(t, "baru", v)
}

// umask reads the process umask from a file created with mode 0777.
func umask(t *testing.T) os.FileMode {
	t.Helper()
	p := filepath.Join(t.TempDir(), "probe")
	f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY, 0o777)
	require.NoError(t, err)
	f.Close()
	info, err := os.Stat(p)
	require.NoError(t, err)
	return 0o777 &^ info.Mode().Perm()
}
