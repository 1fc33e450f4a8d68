package rakor

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"

	"selaras/backend/versioned"
)

// The rows people edit at the same time (so that no update is lost) carry a
// version: an update names the version it was based on and is refused over
// a newer one, with who changed it and when and the stored row.

// guardedUpdate updates table's row id from base (0: a batch writer, over
// whatever is stored) with update, which ends "WHERE id = ? AND version = ?"
// and bumps the version; args are its values before those two. An update
// that would change nothing (same reports it of the stored row) writes
// nothing, so it makes no version and no history. get reads the stored row
// (NotFound when there is none), version its version; field names the row
// in the refusal.
func guardedUpdate[T any](ctx context.Context, tx *sql.Tx, table, field string, id, base int64, update string, args []any,
	get func(context.Context, querier, int64) (T, error), version func(T) int64, same func(stored T) bool) error {
	old, err := get(ctx, tx, id)
	if err != nil {
		return err
	}
	if base == 0 {
		base = version(old)
	}
	if base == version(old) && same(old) {
		return nil
	}
	// The guard is in the statement itself, so two writers that read the
	// same version cannot both pass (PostgreSQL's READ COMMITTED lets them
	// read it concurrently).
	res, err := tx.ExecContext(ctx, update, append(args, id, base)...)
	if err != nil {
		return fmt.Errorf("rakor: update %s: %w", table, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("rakor: update %s: %w", table, err)
	}
	if n > 0 {
		return nil
	}
	now, err := get(ctx, tx, id)
	if err != nil {
		return err
	}
	return versioned.Conflict(ctx, tx, table, strconv.FormatInt(id, 10), field, version(now), now)
}

func sameIDs(x, y []int64) bool {
	return slices.Equal(slices.Sorted(slices.Values(x)), slices.Sorted(slices.Values(y)))
}

func sameStrings(x, y []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(x)), slices.Sorted(slices.Values(y)))
}
