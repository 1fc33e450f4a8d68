package store_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

const (
	insertItem = "INSERT INTO central_item(code, kind, name) VALUES(?, 'program', ?)"
	updateItem = "UPDATE central_item SET code = ?, name = ? WHERE id = ?"
)

var errTaken = errors.New("taken")

// item is the smallest aggregate with a door: a code that must be unique.
type item struct {
	id         int64
	code, name string
}

func (i *item) Normalize() { i.code = strings.TrimSpace(i.code) }

func (i item) Validate() error {
	if i.code == "" {
		return errors.New("no code")
	}
	return nil
}

func save(ctx context.Context, w store.Writer, it item) (item, error) {
	return store.Save(ctx, w, it, func(tx *sql.Tx, it *item) (err error) {
		if err = store.Unique(ctx, tx, "central_item", "code", it.code, it.id, errTaken); err != nil {
			return err
		}
		it.id, err = store.InsertOrUpdate(ctx, tx, it.id, insertItem, updateItem, it.code, it.name)
		return err
	})
}

// The door normalizes, validates, refuses a taken code, inserts, updates,
// and names an update of a missing row; inside a caller's transaction too.
func TestWriteDoor(t *testing.T) {
	ctx := context.Background()
	s := storetest.Open(t)
	a, err := save(ctx, s, item{code: " A ", name: "first"})
	require.NoError(t, err)
	assert.NotZero(t, a.id)
	assert.Equal(t, "A", a.code)

	_, err = save(ctx, s, item{code: " "})
	assert.EqualError(t, err, "no code")
	_, err = save(ctx, s, item{code: "A", name: "second"})
	assert.ErrorIs(t, err, errTaken)
	a.name = "renamed"
	_, err = save(ctx, s, a)
	require.NoError(t, err, "its own code is not taken")
	_, err = save(ctx, s, item{id: 424242, code: "B"})
	assert.ErrorIs(t, err, sql.ErrNoRows)

	require.NoError(t, s.Tx(ctx, func(tx *sql.Tx) error {
		_, err := save(ctx, store.InTx(tx), item{code: "C", name: "in a batch"})
		return err
	}))
	names, err := store.QueryAll(ctx, s.Read(), func(r store.Row) (n string, err error) { err = r.Scan(&n); return },
		"SELECT name FROM central_item ORDER BY code")
	require.NoError(t, err)
	assert.Equal(t, []string{"renamed", "in a batch"}, names)
}

// The delete door removes the row once, then says it is not there.
func TestDeleteRow(t *testing.T) {
	ctx := context.Background()
	s := storetest.Open(t)
	a, err := save(ctx, s, item{code: "A"})
	require.NoError(t, err)
	errGone := errors.New("gone")
	del := func() error {
		return s.Tx(ctx, func(tx *sql.Tx) error { return store.DeleteRow(ctx, tx, "central_item", a.id, errGone) })
	}
	require.NoError(t, del())
	assert.ErrorIs(t, del(), errGone)
}
