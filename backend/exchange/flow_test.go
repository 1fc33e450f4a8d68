package exchange

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// Import takes the undo point its engine allows: a verified backup of a
// file taken before anything is written (it holds the state before the
// import), none on PostgreSQL, where the import still goes in whole and is
// on the board.
func TestImportTakesTheUndoPointOfItsEngine(t *testing.T) {
	ctx := context.Background()
	fx := newFixture(t)
	_, err := Check(ctx, fx.s, fx.path, 2026)
	var ie *ImportError
	require.ErrorAs(t, err, &ie, "a template of another year than asked")
	pv, err := Check(ctx, fx.s, fx.path, 2025)
	require.NoError(t, err)

	res, err := Import(ctx, fx.s, pv)
	require.NoError(t, err)
	subs, err := Submissions(ctx, fx.s, 2025)
	require.NoError(t, err)
	assert.Len(t, subs, 1)
	if fx.s.Engine() == store.Postgres {
		assert.Equal(t, UndoLog, res.Undo)
		assert.Nil(t, res.Backup)
		assert.True(t, fault.Is(UndoNote(fx.s), fault.ImportUndoLog))
		return
	}
	assert.Equal(t, UndoBackup, res.Undo)
	assert.True(t, fault.Is(UndoNote(fx.s), fault.ImportUndoBackup))
	require.NotNil(t, res.Backup)
	assert.Equal(t, store.BeforeImport, res.Backup.Reason)
	before := storetest.OpenAt(t, res.Backup.Path)
	subs, err = Submissions(ctx, before, 2025)
	require.NoError(t, err)
	assert.Empty(t, subs, "the backup holds the state before the import")
}

// A workspace whose office profile is empty cannot say which province a
// template must belong to: it is said, nothing is read.
func TestCheckNeedsTheProfile(t *testing.T) {
	fx := newFixture(t)
	_, err := Check(context.Background(), storetest.Open(t), fx.path, 0)
	assert.True(t, fault.Is(err, fault.ProfileMissing), "%v", err)
}
