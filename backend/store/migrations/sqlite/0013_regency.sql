-- The agreed lock: once the secretariat marks a regency's targets of a year
-- as agreed (disepakati) in a meeting, with its snapshot as the reference,
-- they stay as agreed until the secretariat reopens them with a reason. A
-- workspace file has no roles; the domain code refuses the change, as the
-- server's guards do (the PostgreSQL side of this step also adds the
-- regency offices' role).
CREATE TABLE target_agreement (
    id            INTEGER PRIMARY KEY,
    region_code   TEXT    NOT NULL CHECK (instr(region_code, '.') > 0),
    year          INTEGER NOT NULL,
    meeting_id    INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
    snapshot_id   INTEGER REFERENCES snapshot (id) ON DELETE SET NULL,
    agreed_by     TEXT    NOT NULL DEFAULT '',
    agreed_at     TEXT    NOT NULL,
    reopened_by   TEXT    NOT NULL DEFAULT '',
    reopened_at   TEXT    NOT NULL DEFAULT '',
    reopen_reason TEXT    NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    CHECK (reopened_at = '' OR reopen_reason <> '')
) STRICT;
-- One agreement in force per regency and year; reopened ones stay as history.
CREATE UNIQUE INDEX target_agreement_open ON target_agreement (region_code, year) WHERE reopened_at = '';
