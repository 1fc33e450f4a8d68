-- The submission board: every regency template imported, with its file, its
-- hash and how many values it brought. Written in the import's transaction.
CREATE TABLE import_log (
    id             INTEGER PRIMARY KEY,
    region_code    TEXT    NOT NULL,
    year           INTEGER NOT NULL,
    file_name      TEXT    NOT NULL,
    sha256         TEXT    NOT NULL,
    imported_at    TEXT    NOT NULL, -- RFC 3339, UTC
    new_values     INTEGER NOT NULL DEFAULT 0,
    changed_values INTEGER NOT NULL DEFAULT 0,
    cleared_values INTEGER NOT NULL DEFAULT 0,
    operator       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX import_log_year_region ON import_log (year, region_code);
