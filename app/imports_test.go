package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/demo"
	"selaras/backend/exchange"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// demoApp is an app on the demo workspace, on the engine the suite runs on:
// its database and the app.
func demoApp(t *testing.T) (string, *App) {
	db := storetest.Seeded(t, "demo.db", func(ctx context.Context, dsn string) error {
		s, err := demo.Create(ctx, dsn)
		if err != nil {
			return err
		}
		return s.Close()
	})
	return db, newApp(t, Options{DB: db, Keyring: unavailableKeyring{}})
}

// The app's import is the CLI's (exchange.Check and exchange.Import) on the
// engine the suite runs on: the preview says what will undo it before it
// is confirmed, a file is backed up first, a shared workspace is not (its
// server refuses a backup from a PC) and still imports, recorded on the
// board.
func TestImportOnEveryEngine(t *testing.T) {
	db, a := demoApp(t)
	e := a.exchange
	pv, err := e.PreviewImport(bangkaTemplate(t, a))
	require.NoError(t, err)
	require.NotEmpty(t, pv.Token, pv.Refused)

	shared := store.IsPostgres(db)
	if shared {
		assert.Contains(t, pv.Undo, "tidak dicadangkan dari PC ini sebelum impor")
		assert.Contains(t, pv.Undo, "log audit server")
	} else {
		assert.Contains(t, pv.Undo, "dicadangkan (Pengaturan > Cadangan")
	}
	_, err = e.CommitImport(pv.Token, false)
	require.NoError(t, err)

	backups, err := (&Workspace{a}).Backups()
	require.NoError(t, err)
	var before []store.Backup
	for _, b := range backups {
		if b.Reason == store.BeforeImport {
			before = append(before, b)
		}
	}
	if shared {
		assert.Empty(t, before)
	} else {
		assert.Len(t, before, 1, "the undo point of a file")
	}
	board, err := e.SubmissionBoard(2025)
	require.NoError(t, err)
	var row exchange.BoardRow
	for _, r := range board {
		if r.Region.Code == "19.01" {
			row = r
		}
	}
	assert.True(t, row.Returned, "the import is on the board")
}

// Several returned templates, as the app's queue sends them: each file is
// previewed on its own (a wrong one refused without touching the others),
// saved or skipped on its own, and only the saved ones are on the board.
func TestImportSeveral(t *testing.T) {
	_, a := demoApp(t)
	e := a.exchange
	bangka := bangkaTemplate(t, a)
	bad := filepath.Join(t.TempDir(), "rekap.xlsx")
	require.NoError(t, os.WriteFile(bad, []byte("kode;nilai"), 0o644))
	again := filepath.Join(t.TempDir(), "Templat Bangka lagi.xlsx")
	body, err := os.ReadFile(bangka)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(again, body, 0o644))

	first, err := e.PreviewImport(bangka)
	require.NoError(t, err)
	require.NotEmpty(t, first.Token, first.Refused)
	wrong, err := e.PreviewImport(bad)
	require.NoError(t, err, "a wrong file is its own result, not a stop")
	assert.Equal(t, "rekap.xlsx tidak dapat diimpor; tidak ada data yang diubah.", wrong.Refused)
	third, err := e.PreviewImport(again)
	require.NoError(t, err)
	require.NotEmpty(t, third.Token)

	_, err = e.CommitImport(first.Token, false)
	require.NoError(t, err)
	e.DiscardImport(third.Token) // skipped by the user
	_, err = e.CommitImport(third.Token, false)
	assert.Error(t, err, "a skipped preview is gone")
	board, err := e.SubmissionBoard(2025)
	require.NoError(t, err)
	for _, r := range board {
		if r.Region.Code == "19.01" {
			assert.Equal(t, 1, r.Imports, "the skipped copy was not imported")
		}
	}
}
