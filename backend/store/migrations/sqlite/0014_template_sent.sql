-- The templates sent out: each template written for a regency and year,
-- by whom and when, with its structure checksum and file name, so that the
-- return board can say what came back since the latest one went out.
-- Written where the templates are written (the app and `selaras template`).
CREATE TABLE template_sent (
    id          INTEGER PRIMARY KEY,
    region_code TEXT    NOT NULL CHECK (instr(region_code, '.') > 0),
    year        INTEGER NOT NULL,
    sent_at     TEXT    NOT NULL, -- UTC, to the millisecond
    sent_by     TEXT    NOT NULL DEFAULT '',
    checksum    TEXT    NOT NULL DEFAULT '',
    file_name   TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX template_sent_year_region ON template_sent (year, region_code);
