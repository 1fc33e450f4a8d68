-- Workspace metadata: kind (demo or office), creation time, app version.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- The office profile: one row. Used for Excel title blocks and signatures.
CREATE TABLE profile (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    province_code  TEXT    NOT NULL,
    office_name    TEXT    NOT NULL,
    address        TEXT    NOT NULL DEFAULT '',
    head_name      TEXT    NOT NULL DEFAULT '',
    head_position  TEXT    NOT NULL DEFAULT '',
    head_nip       TEXT    NOT NULL DEFAULT '',
    working_year   INTEGER NOT NULL,
    paper_size     TEXT    NOT NULL DEFAULT 'A4' CHECK (paper_size IN ('A4', 'F4')),
    user_name      TEXT    NOT NULL DEFAULT ''
) STRICT;

-- Every insert, update and delete of user data, written by triggers that the
-- migrator installs for each audited table (see audit.go).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    table_name  TEXT NOT NULL,
    row_key     TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    old_values  TEXT,
    new_values  TEXT,
    changed_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    user_name   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_log_row ON audit_log (table_name, row_key);
