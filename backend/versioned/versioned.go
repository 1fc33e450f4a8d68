// Package versioned refuses an edit over a newer change, so no update is lost:
// the domain packages compare the version an edit was based on with the
// stored one, and on a mismatch build the refusal here from the audit log's
// newest entry for the row (who changed it, when).
package versioned

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"selaras/backend/fault"
)

type querier interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

// LastChange returns who made the newest recorded change of table's row
// rowKey (the audit log's key: the id, or the parts joined by "|") and when.
// Both are "" when nothing was recorded.
func LastChange(ctx context.Context, q querier, table, rowKey string) (by, at string, err error) {
	err = q.QueryRowContext(ctx, `SELECT user_name, changed_at FROM audit_log
WHERE table_name = ? AND row_key = ? ORDER BY id DESC LIMIT 1`, table, rowKey).Scan(&by, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("versioned: last change of %s %s: %w", table, rowKey, err)
	}
	return by, at, nil
}

// Conflict refuses an edit of field (a fault field key) on table's row
// rowKey, whose stored version is version and stored values theirs (nil
// when the row was deleted).
func Conflict(ctx context.Context, q querier, table, rowKey, field string, version int64, theirs any) error {
	by, at, err := LastChange(ctx, q, table, rowKey)
	if err != nil {
		return err
	}
	return fault.NewConflict(field, fault.Conflict{By: by, At: at, Version: version, Theirs: theirs})
}
