-- Programs and budgets: the regional nomenclature of urusan 2.17 (Koperasi,
-- Usaha Kecil, dan Menengah), the central (ministry) branch it aligns with,
-- and the plan lines (rencana) per sub-kegiatan x region x year. Codes are
-- TEXT; money is whole Rupiah in INTEGER columns, never REAL.

-- Central (ministry) programs, kegiatan, outputs and national indicators.
-- Codes are free-form because each ministry writes its own (e.g. "044.01.DL").
CREATE TABLE central_item (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL CHECK (kind IN ('program', 'kegiatan', 'output', 'indikator')),
    parent_id   INTEGER REFERENCES central_item (id) ON DELETE RESTRICT,
    name        TEXT    NOT NULL,
    institution TEXT    NOT NULL DEFAULT '',
    unit        TEXT    NOT NULL DEFAULT '',
    note        TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX central_item_parent ON central_item (parent_id);

-- What the centre plans for an item in a year, as far as the region knows it.
CREATE TABLE central_target (
    central_id INTEGER NOT NULL REFERENCES central_item (id) ON DELETE CASCADE,
    year       INTEGER NOT NULL,
    target     REAL,
    pagu       INTEGER CHECK (pagu IS NULL OR pagu >= 0),
    PRIMARY KEY (central_id, year)
) STRICT;

-- Performance indicators a central item serves.
CREATE TABLE central_indicator (
    central_id   INTEGER NOT NULL REFERENCES central_item (id) ON DELETE CASCADE,
    indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    PRIMARY KEY (central_id, indicator_id)
) STRICT;
CREATE INDEX central_indicator_ind ON central_indicator (indicator_id);

-- Urusan -> program -> kegiatan -> sub-kegiatan, codes 2.17.PP.L.KK.SSSS.
-- Shipped rows (the decree's urusan, programs and kegiatan) have shipped = 1;
-- sub-kegiatan are added by users because their lists change every year.
CREATE TABLE nomenclature (
    id         INTEGER PRIMARY KEY,
    code       TEXT    NOT NULL UNIQUE,
    kind       TEXT    NOT NULL CHECK (kind IN ('urusan', 'program', 'kegiatan', 'sub_kegiatan')),
    parent_id  INTEGER REFERENCES nomenclature (id) ON DELETE RESTRICT,
    name       TEXT    NOT NULL,
    shipped    INTEGER NOT NULL DEFAULT 0 CHECK (shipped IN (0, 1)),
    central_id INTEGER REFERENCES central_item (id) ON DELETE SET NULL,
    note       TEXT    NOT NULL DEFAULT '',
    CHECK ((kind = 'urusan') = (parent_id IS NULL))
) STRICT;
CREATE INDEX nomenclature_parent ON nomenclature (parent_id);

-- Performance indicators a sub-kegiatan serves.
CREATE TABLE sub_kegiatan_indicator (
    sub_kegiatan_id INTEGER NOT NULL REFERENCES nomenclature (id) ON DELETE CASCADE,
    indicator_id    INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    PRIMARY KEY (sub_kegiatan_id, indicator_id)
) STRICT;
CREATE INDEX sub_kegiatan_indicator_ind ON sub_kegiatan_indicator (indicator_id);

-- One line of the work plan (Renja): a sub-kegiatan in a region and year,
-- with its output, target and pagu indikatif, and the year-after estimate
-- (prakiraan maju). region_code is where the line lands ("19" or "19.01");
-- the sub-kegiatan's L digit tells whether the province or the regency plans it.
CREATE TABLE plan_line (
    id               INTEGER PRIMARY KEY,
    sub_kegiatan_id  INTEGER NOT NULL REFERENCES nomenclature (id) ON DELETE RESTRICT,
    region_code      TEXT    NOT NULL,
    year             INTEGER NOT NULL,
    output_indicator TEXT    NOT NULL,
    output_unit      TEXT    NOT NULL DEFAULT '',
    target           REAL,
    pagu             INTEGER NOT NULL DEFAULT 0 CHECK (pagu >= 0),
    sumber_dana      TEXT    NOT NULL CHECK (sumber_dana IN ('apbd_provinsi', 'apbd_kabkota', 'apbn_dekon', 'dak', 'lainnya')),
    lokasi           TEXT    NOT NULL DEFAULT '',
    bidang           TEXT    NOT NULL DEFAULT '',
    catatan          TEXT    NOT NULL DEFAULT '',
    target_next      REAL,
    pagu_next        INTEGER CHECK (pagu_next IS NULL OR pagu_next >= 0),
    status           TEXT    NOT NULL DEFAULT 'usulan' CHECK (status IN ('usulan', 'disepakati', 'belum_disepakati')),
    status_reason    TEXT    NOT NULL DEFAULT '',
    central_id       INTEGER REFERENCES central_item (id) ON DELETE SET NULL,
    CHECK (status <> 'belum_disepakati' OR status_reason <> '')
) STRICT;
CREATE INDEX plan_line_year ON plan_line (year, region_code);
CREATE INDEX plan_line_sub ON plan_line (sub_kegiatan_id);
