package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"selaras/backend/fault"
	"selaras/backend/profile"
	"selaras/backend/workspace"
	"selaras/backend/xlsx"
)

func newApp(t *testing.T, opt Options) *App {
	t.Helper()
	if opt.ConfigDir == "" {
		opt.ConfigDir = t.TempDir()
	}
	a, err := New(opt)
	require.NoError(t, err)
	a.SetEmitter(func(string, ...any) {})
	a.Startup(context.Background())
	t.Cleanup(func() { a.Shutdown(context.Background()) })
	return a
}

func TestFirstStartOffice(t *testing.T) {
	a := newApp(t, Options{})
	w, s := &Workspace{a}, &Settings{a}
	st, err := w.State()
	require.NoError(t, err)
	assert.Equal(t, PhaseChoose, st.Phase)

	st, err = w.OpenOffice()
	require.NoError(t, err)
	assert.Equal(t, PhaseProfile, st.Phase)
	assert.Equal(t, workspace.Office, st.Info.Kind)

	_, err = s.SaveProfile(profile.Profile{ProvinceCode: "62", WorkingYear: 2025})
	require.Error(t, err)
	var p Problem
	require.NoError(t, json.Unmarshal([]byte(err.Error()), &p))
	assert.Equal(t, fault.Required, p.Code)
	assert.Equal(t, "Nama kantor wajib diisi.", p.Message)

	_, err = s.SaveProfile(profile.Profile{ProvinceCode: "62", OfficeName: "Dinas Koperasi dan UKM Provinsi Kalimantan Tengah", WorkingYear: 2026})
	require.NoError(t, err)
	st, err = w.State()
	require.NoError(t, err)
	assert.Equal(t, PhaseReady, st.Phase)

	// The next start reopens the same workspace.
	b := newApp(t, Options{ConfigDir: a.opt.ConfigDir})
	st, err = (&Workspace{b}).State()
	require.NoError(t, err)
	assert.Equal(t, PhaseReady, st.Phase)
	assert.Equal(t, "62", st.Profile.ProvinceCode)
	home := (&Regions{b}).Search(RegionQuery{Level: "kota"})
	assert.Equal(t, "62.71", home[0].Code, "the home province comes first")
}

func TestDemoFlagAndLanguage(t *testing.T) {
	a := newApp(t, Options{Demo: true})
	st, err := (&Workspace{a}).State()
	require.NoError(t, err)
	assert.Equal(t, PhaseReady, st.Phase)
	assert.Equal(t, workspace.Demo, st.Info.Kind)

	s := &Settings{a}
	assert.Equal(t, "id", s.Language())
	require.NoError(t, s.SetLanguage("en"))
	assert.Error(t, s.SetLanguage("fr"))
	b := newApp(t, Options{ConfigDir: a.opt.ConfigDir})
	assert.Equal(t, "en", (&Settings{b}).Language())
	_, err = (&Settings{b}).SaveProfile(profile.Profile{})
	assert.Contains(t, err.Error(), "Province is required.")
}

func TestNewerDatabaseIsReported(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/future.db"
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	_, err = db.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT);
INSERT INTO schema_migrations VALUES (42, 'future', 'x')`)
	require.NoError(t, err)
	require.NoError(t, db.Close())

	a := newApp(t, Options{ConfigDir: dir, DB: path})
	st, err := (&Workspace{a}).State()
	require.NoError(t, err)
	assert.Equal(t, PhaseChoose, st.Phase)
	assert.Contains(t, st.Error, "versi yang lebih baru")
	assert.Contains(t, st.Error, "skema 42")
}

func TestBridgeCallsBoundMethods(t *testing.T) {
	a := newApp(t, Options{Demo: true})
	b := newBridge(a.Bindings(), a.fail)
	res, err := b.call("app.Regions.Regencies", []json.RawMessage{json.RawMessage(`"19"`)})
	require.NoError(t, err)
	assert.Len(t, res, 7)
	_, err = b.call("app.Settings.SetLanguage", []json.RawMessage{json.RawMessage(`"xx"`)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Bahasa tidak valid")
	_, err = b.call("app.Nope.X", nil)
	assert.Error(t, err)

	url, client := serveBridge(t, a)
	// The printed URL carries the run's token; the page keeps it as a cookie.
	page, err := client.Get(url)
	require.NoError(t, err)
	defer page.Body.Close()
	body := new(strings.Builder)
	_, _ = io.Copy(body, page.Body)
	assert.Contains(t, body.String(), "window.go = new Proxy")
	resp, err := client.Post(root(url)+"bridge/call/app.Workspace.State", "application/json", strings.NewReader("[]"))
	require.NoError(t, err)
	defer resp.Body.Close()
	var out struct {
		Result WorkspaceState `json:"result"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	assert.Equal(t, PhaseReady, out.Result.Phase)
}

func TestExportTargetsWithProgress(t *testing.T) {
	a := newApp(t, Options{Demo: true})
	a.headless = true
	var events []ExportProgress
	a.SetEmitter(func(name string, data ...any) {
		if name == "export:progress" {
			events = append(events, data[0].(ExportProgress))
		}
	})
	res, err := a.exchange.ExportTargets("19", []int{2025})
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(a.opt.ConfigDir, "ekspor", "Matriks-Target-Kepulauan-Bangka-Belitung-2025.xlsx"), res.Path)
	require.NotEmpty(t, events)
	last := events[len(events)-1]
	assert.Equal(t, last.Total, last.Done, "the last tick reports completion")
	_, err = os.Stat(res.Path)
	assert.NoError(t, err)
}

func TestExportWorkbookNamesAndSheets(t *testing.T) {
	a := newApp(t, Options{Demo: true})
	a.headless = true
	dir := filepath.Join(a.opt.ConfigDir, "ekspor")

	res, err := a.exchange.ExportWorkbook(xlsx.WorkbookRequest{Province: "19", Years: []int{2025}, Sheets: []xlsx.Sheet{xlsx.SheetProgram}})
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "Matriks-Program-Kepulauan-Bangka-Belitung-2025.xlsx"), res.Path)

	res, err = a.exchange.ExportWorkbook(xlsx.WorkbookRequest{Sheets: []xlsx.Sheet{xlsx.SheetAttendance, xlsx.SheetMinutes}, MeetingID: 2})
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "Rakor-2024-02-23-Penyusunan-Rencana-Kerja-Dinas-Koperasi.xlsx"), res.Path)

	res, err = a.exchange.ExportWorkbook(xlsx.WorkbookRequest{Province: "19", Years: []int{2025}, Sheets: xlsx.AllSheets, MeetingID: 2})
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "Selaras-Kepulauan-Bangka-Belitung-2025.xlsx"), res.Path)
	f, err := excelize.OpenFile(res.Path)
	require.NoError(t, err)
	defer f.Close()
	assert.Len(t, f.GetSheetList(), 7)

	_, err = a.exchange.ExportWorkbook(xlsx.WorkbookRequest{Sheets: []xlsx.Sheet{xlsx.SheetMinutes}})
	var pe problemError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, fault.Required, pe.p.Code)
	assert.Equal(t, "Rapat wajib diisi.", pe.p.Message)
}

// On Windows the first start moves the workspace from the roaming profile
// to the local folder, opens it there and says so on the home screen.
func TestFirstStartMovesRoamingWorkspace(t *testing.T) {
	base := t.TempDir()
	roaming, local := filepath.Join(base, "Roaming", "Selaras"), filepath.Join(base, "Local", "Selaras")
	old := newApp(t, Options{ConfigDir: roaming})
	_, err := (&Workspace{old}).OpenDemo()
	require.NoError(t, err)
	old.Shutdown(context.Background())

	a := newApp(t, Options{ConfigDir: roaming, DataDir: local, Roaming: roaming})
	st, err := (&Workspace{a}).State()
	require.NoError(t, err)
	require.NotNil(t, st.Info)
	assert.Equal(t, filepath.Join(local, "demo.db"), st.Info.Path, "the moved workspace is opened")
	assert.Equal(t, workspace.Demo, st.Info.Kind)
	require.Len(t, st.Notices, 1)
	assert.Contains(t, st.Notices[0], "Ruang kerja dipindahkan dari profil roaming "+roaming+" ke folder lokal "+local)
	require.NoError(t, (&Settings{a}).SetLanguage("en"))
	st, err = (&Workspace{a}).State()
	require.NoError(t, err)
	assert.Contains(t, st.Notices[0], "Workspaces were moved from the roaming profile")
	assert.Equal(t, local, (&Settings{a}).About().DataDir)
	assert.NoFileExists(t, filepath.Join(roaming, "demo.db"))
	assert.FileExists(t, filepath.Join(roaming, "settings.json"), "settings stay roaming")
}

// The first screen's one call: the workspace, the language and the regions
// the home screen names, asked before Startup has opened the workspace (as a
// fast page does, Wails running Startup beside the window) and answered once
// it has.
func TestBootWaitsForTheStartupWorkspace(t *testing.T) {
	a, err := New(Options{ConfigDir: t.TempDir(), Demo: true})
	require.NoError(t, err)
	a.SetEmitter(func(string, ...any) {})
	t.Cleanup(func() { a.Shutdown(context.Background()) })
	w := &Workspace{a}
	type answer struct {
		b   Boot
		err error
	}
	got := make(chan answer, 1)
	go func() {
		b, err := w.Boot()
		got <- answer{b, err}
	}()
	a.Startup(context.Background())
	res := <-got
	require.NoError(t, res.err)
	b := res.b
	assert.Equal(t, PhaseReady, b.State.Phase)
	assert.Equal(t, "id", b.Language)
	assert.Len(t, b.Provinces, 38)
	require.NotNil(t, b.State.Profile)
	require.NotEmpty(t, b.Regencies)
	for _, r := range b.Regencies {
		assert.Equal(t, b.State.Profile.ProvinceCode, r.ProvinceCode)
	}
	assert.False(t, b.StartMarks)
	t.Setenv("SELARAS_START_MARKS", "1")
	b, err = w.Boot()
	require.NoError(t, err)
	assert.True(t, b.StartMarks)
}
