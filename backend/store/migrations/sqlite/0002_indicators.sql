-- Performance indicators (indikator kinerja) and their values per region and year.
CREATE TABLE indicator (
    id                INTEGER PRIMARY KEY,
    code              TEXT    NOT NULL UNIQUE,
    name              TEXT    NOT NULL,
    unit              TEXT    NOT NULL DEFAULT '',
    kind              TEXT    NOT NULL CHECK (kind IN ('count', 'rupiah', 'percent', 'ratio')),
    aggregation       TEXT    NOT NULL CHECK (aggregation IN ('sum', 'ratio', 'mean', 'none')),
    polarity          TEXT    NOT NULL DEFAULT 'higher' CHECK (polarity IN ('higher', 'lower')),
    decimals          INTEGER NOT NULL DEFAULT 2 CHECK (decimals BETWEEN 0 AND 6),
    scale             REAL    NOT NULL DEFAULT 1,   -- ratio = numerator / denominator * scale (100 for %)
    numerator_label   TEXT    NOT NULL DEFAULT '',
    denominator_label TEXT    NOT NULL DEFAULT '',
    category          TEXT    NOT NULL DEFAULT '',
    definition        TEXT    NOT NULL DEFAULT '',
    data_source       TEXT    NOT NULL DEFAULT '',
    national_ref      TEXT    NOT NULL DEFAULT '',
    sort_order        INTEGER NOT NULL DEFAULT 0,
    CHECK (aggregation <> 'ratio' OR kind = 'ratio')
) STRICT;

-- One row per indicator x region x year. region_code is a Kemendagri code
-- ("19", "19.01") or "ID" for the national figure. Ratio indicators keep
-- numerator and denominator so that roll-ups never average percentages.
CREATE TABLE indicator_value (
    indicator_id  INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    region_code   TEXT    NOT NULL,
    year          INTEGER NOT NULL,
    target        REAL,
    target_num    REAL,
    target_den    REAL,
    realisation   REAL,
    real_num      REAL,
    real_den      REAL,
    baseline      REAL,
    source        TEXT    NOT NULL DEFAULT 'ketik',
    note          TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (indicator_id, region_code, year)
) STRICT;
CREATE INDEX indicator_value_year ON indicator_value (year, region_code);
