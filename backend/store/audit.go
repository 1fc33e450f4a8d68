package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// The audit log is written by SQLite triggers so that no store function can
// forget it and each audit row commits or rolls back with the change itself.
// Triggers are generated from the table's current columns; a migration that
// adds a table or column lists the table in Audit and the triggers are
// rebuilt in the same transaction.

// auditUser is the name recorded with each change: the operator named in the
// office profile.
const auditUser = `COALESCE((SELECT user_name FROM profile WHERE id = 1), '')`

func installAudit(ctx context.Context, tx *sql.Tx, table string) error {
	cols, keys, err := tableColumns(ctx, tx, table)
	if err != nil {
		return err
	}
	if len(cols) == 0 {
		return fmt.Errorf("store: audit: table %s has no columns", table)
	}
	if len(keys) == 0 {
		keys = []string{"rowid"}
	}
	rowJSON := func(ref string) string {
		parts := make([]string, 0, 2*len(cols))
		for _, c := range cols {
			parts = append(parts, "'"+c+"'", ref+"."+quoteIdent(c))
		}
		return "json_object(" + strings.Join(parts, ", ") + ")"
	}
	rowKey := func(ref string) string {
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = "CAST(" + ref + "." + quoteIdent(k) + " AS TEXT)"
		}
		return strings.Join(parts, " || '|' || ")
	}
	changed := make([]string, len(cols))
	for i, c := range cols {
		changed[i] = "OLD." + quoteIdent(c) + " IS NOT NEW." + quoteIdent(c)
	}
	t := quoteIdent(table)
	stmts := []string{
		fmt.Sprintf(`DROP TRIGGER IF EXISTS %s`, quoteIdent("audit_"+table+"_insert")),
		fmt.Sprintf(`DROP TRIGGER IF EXISTS %s`, quoteIdent("audit_"+table+"_update")),
		fmt.Sprintf(`DROP TRIGGER IF EXISTS %s`, quoteIdent("audit_"+table+"_delete")),
		fmt.Sprintf(`CREATE TRIGGER %s AFTER INSERT ON %s BEGIN
  INSERT INTO audit_log(table_name, row_key, action, new_values, user_name)
  VALUES ('%s', %s, 'insert', %s, %s);
END`, quoteIdent("audit_"+table+"_insert"), t, table, rowKey("NEW"), rowJSON("NEW"), auditUser),
		// Updates that change nothing (e.g. an upsert of the same values) are not history.
		fmt.Sprintf(`CREATE TRIGGER %s AFTER UPDATE ON %s WHEN %s BEGIN
  INSERT INTO audit_log(table_name, row_key, action, old_values, new_values, user_name)
  VALUES ('%s', %s, 'update', %s, %s, %s);
END`, quoteIdent("audit_"+table+"_update"), t, strings.Join(changed, " OR "), table, rowKey("NEW"), rowJSON("OLD"), rowJSON("NEW"), auditUser),
		fmt.Sprintf(`CREATE TRIGGER %s AFTER DELETE ON %s BEGIN
  INSERT INTO audit_log(table_name, row_key, action, old_values, user_name)
  VALUES ('%s', %s, 'delete', %s, %s);
END`, quoteIdent("audit_"+table+"_delete"), t, table, rowKey("OLD"), rowJSON("OLD"), auditUser),
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("store: audit %s: %w", table, err)
		}
	}
	return nil
}

func tableColumns(ctx context.Context, tx *sql.Tx, table string) (cols, keys []string, err error) {
	rows, err := tx.QueryContext(ctx, "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", table)
	if err != nil {
		return nil, nil, fmt.Errorf("store: columns of %s: %w", table, err)
	}
	defer rows.Close()
	type pkCol struct {
		name string
		pos  int
	}
	var pks []pkCol
	for rows.Next() {
		var name string
		var pk int
		if err := rows.Scan(&name, &pk); err != nil {
			return nil, nil, fmt.Errorf("store: columns of %s: %w", table, err)
		}
		cols = append(cols, name)
		if pk > 0 {
			pks = append(pks, pkCol{name, pk})
		}
	}
	keys = make([]string, len(pks))
	for _, p := range pks {
		keys[p.pos-1] = p.name
	}
	return cols, keys, rows.Err()
}

// AuditEntry is one row of the audit log.
type AuditEntry struct {
	ID        int64  `json:"id"`
	Table     string `json:"table"`
	RowKey    string `json:"rowKey"`
	Action    string `json:"action"`
	OldValues string `json:"oldValues"`
	NewValues string `json:"newValues"`
	ChangedAt string `json:"changedAt"`
	UserName  string `json:"userName"`
}

// AuditQuery filters the audit log; empty fields match everything.
type AuditQuery struct {
	Table  string
	RowKey string
	Limit  int
}

// Audit lists audit entries, newest first.
func (s *Store) Audit(ctx context.Context, q AuditQuery) ([]AuditEntry, error) {
	if q.Limit <= 0 {
		q.Limit = 200
	}
	out, err := QueryAll(ctx, s.r, func(row Row) (AuditEntry, error) {
		var e AuditEntry
		err := row.Scan(&e.ID, &e.Table, &e.RowKey, &e.Action, &e.OldValues, &e.NewValues, &e.ChangedAt, &e.UserName)
		return e, err
	}, `
SELECT id, table_name, row_key, action, COALESCE(old_values, ''), COALESCE(new_values, ''), changed_at, user_name
FROM audit_log
WHERE (?1 = '' OR table_name = ?1) AND (?2 = '' OR row_key = ?2)
ORDER BY id DESC LIMIT ?3`, q.Table, q.RowKey, q.Limit)
	if err != nil {
		return nil, fmt.Errorf("store: audit: %w", err)
	}
	return out, nil
}
