package cli

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/store"
	"selaras/backend/target"
	"selaras/backend/template"
	"selaras/backend/xlsx/xlsxtest"
)

// `selaras import` keeps what was typed directly after the template was
// made and says so; --take-template takes the template's value.
func TestImportKeepsWhatWasTyped(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := demoDB(t)
	one := filepath.Join(dir, "bangka.xlsx")
	made := time.Now()
	r := run(t, nil, "template", "--db", db, "--region", "19.01", "--out", one)
	require.Equal(t, OK, r.code, r.stderr)
	time.Sleep(time.Until(made.Truncate(time.Second).Add(2 * time.Second))) // created_at is to the second

	s, err := store.Open(ctx, db, store.Options{})
	require.NoError(t, err)
	var id int64
	require.NoError(t, s.Read().QueryRowContext(ctx, "SELECT id FROM indicator WHERE code = ?", "UKM.05").Scan(&id))
	_, err = target.Apply(ctx, s, []target.Edit{{IndicatorID: id, Region: "19.01", Year: 2025, Field: target.FTarget, Text: "1234"}}, "ketik")
	require.NoError(t, err)
	stored := func() float64 {
		vs, err := target.Load(ctx, s.Read(), target.Filter{Years: []int{2025}, Regions: []string{"19.01"}})
		require.NoError(t, err)
		for _, v := range vs {
			if v.IndicatorID == id {
				return *v.Target
			}
		}
		return 0
	}
	xlsxtest.TypeInto(t, one, template.ValuesSheet, "UKM.05", map[string]any{"F": 4321})

	r = run(t, nil, "import", "--db", db, one)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "UKM.05 target: diisi langsung oleh")
	assert.Contains(t, r.stdout, "tersimpan 1.234, templat 4.321")
	assert.Contains(t, r.stdout, "1 sel diisi langsung setelah templat dibuat dan berbeda dari templat: isian langsung dipertahankan")
	assert.Equal(t, 1234.0, stored())

	r = run(t, nil, "import", "--db", db, "--take-template", one)
	require.Equal(t, OK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "nilai templat dipakai (--take-template)")
	assert.Equal(t, 4321.0, stored())
	require.NoError(t, s.Close())
}

// Several templates at once: each file's "Saved" line says how many cells
// typed directly were kept, and an empty value in a conflict line is
// worded from the catalogue, in English too. The templates written are
// recorded as sent.
func TestBatchImportSaysWhatWasKept(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := demoDB(t)
	out := filepath.Join(dir, "kirim")
	r := run(t, nil, "template", "--db", db, "--region", "19", "--out", out)
	require.Equal(t, OK, r.code, r.stderr)
	s, err := store.Open(ctx, db, store.Options{})
	require.NoError(t, err)
	defer s.Close()
	var sent int
	require.NoError(t, s.Read().QueryRowContext(ctx, "SELECT count(*) FROM template_sent WHERE year = 2025 AND region_code IN ('19.01', '19.02')").Scan(&sent))
	assert.Equal(t, 2, sent)

	time.Sleep(5 * time.Millisecond)
	var id, other int64
	require.NoError(t, s.Read().QueryRowContext(ctx, "SELECT id FROM indicator WHERE code = ?", "UKM.05").Scan(&id))
	require.NoError(t, s.Read().QueryRowContext(ctx, "SELECT id FROM indicator WHERE code = ?", "KOP.05").Scan(&other))
	_, err = target.Apply(ctx, s, []target.Edit{
		{IndicatorID: id, Region: "19.01", Year: 2025, Field: target.FTarget, Text: "1234"},
		{IndicatorID: other, Region: "19.01", Year: 2025, Field: target.FNote, Text: "diketik"},
	}, "ketik")
	require.NoError(t, err)
	files, err := filepath.Glob(filepath.Join(out, "*.xlsx"))
	require.NoError(t, err)
	require.Greater(t, len(files), 2)
	for _, file := range files {
		xlsxtest.TypeInto(t, file, template.ValuesSheet, "UKM.05", map[string]any{"F": 4321})
		xlsxtest.TypeInto(t, file, template.ValuesSheet, "KOP.05", map[string]any{"K": "dari templat"})
	}
	r = run(t, map[string]string{"SELARAS_LANG": "en"}, "import", "--db", db, out)
	require.Equal(t, OK, r.code, r.stderr)
	t.Log(r.stdout)
	assert.Contains(t, r.stdout, "cells typed directly were kept because they collide with the template")
	assert.Contains(t, r.stdout, "; 2 cells typed directly were kept")
	assert.NotContains(t, r.stdout, "kosong")
}

// An empty side of a conflict is said in the catalogue's words.
func TestEmptyConflictValueIsWorded(t *testing.T) {
	assert.Equal(t, "(kosong)", quoted(fault.ID, ""))
	assert.Equal(t, "(empty)", quoted(fault.EN, ""))
	assert.Equal(t, "1.234", quoted(fault.EN, "1.234"))
}
