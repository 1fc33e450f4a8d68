-- Coordination meetings (rakor) with their participants, agenda, minutes and
-- frozen figures; the decisions (kesepakatan) taken there and their follow-up;
-- the challenges (permasalahan / isu strategis) raised. Dates are ISO
-- "2024-02-23" text, times "09.00"; region codes are Kemendagri codes as text.

CREATE TABLE meeting (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('rakor', 'rakortek', 'rakornis', 'rakorda', 'lainnya')),
    title         TEXT    NOT NULL CHECK (title <> ''),
    theme         TEXT    NOT NULL DEFAULT '',
    start_date    TEXT    NOT NULL CHECK (date(start_date) IS start_date),
    end_date      TEXT    NOT NULL CHECK (date(end_date) IS end_date),
    venue         TEXT    NOT NULL DEFAULT '',
    mode          TEXT    NOT NULL CHECK (mode IN ('luring', 'daring', 'hybrid')),
    planning_year INTEGER NOT NULL CHECK (planning_year BETWEEN 2000 AND 2100),
    organiser     TEXT    NOT NULL DEFAULT '',
    province_code TEXT    NOT NULL DEFAULT '',          -- the province whose figures the meeting discusses
    desks         TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(desks) AND json_type(desks) = 'array'),
    headcount     INTEGER NOT NULL DEFAULT 0 CHECK (headcount >= 0), -- participants reported, when not all are listed
    note          TEXT    NOT NULL DEFAULT '',
    CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX meeting_start ON meeting (start_date);

CREATE TABLE meeting_participant (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL CHECK (name <> ''),
    position    TEXT    NOT NULL DEFAULT '',
    institution TEXT    NOT NULL DEFAULT '',
    region_code TEXT    NOT NULL DEFAULT '',
    role        TEXT    NOT NULL DEFAULT 'peserta' CHECK (role IN ('pimpinan', 'narasumber', 'peserta', 'notulis')),
    attendance  TEXT    NOT NULL DEFAULT 'hadir' CHECK (attendance IN ('hadir', 'tidak_hadir', 'diwakili')),
    note        TEXT    NOT NULL DEFAULT '',
    sort_order  INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX meeting_participant_meeting ON meeting_participant (meeting_id, sort_order);

CREATE TABLE agenda_item (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    title      TEXT    NOT NULL CHECK (title <> ''),
    presenter  TEXT    NOT NULL DEFAULT '',
    day        TEXT    NOT NULL DEFAULT '' CHECK (day = '' OR date(day) IS day), -- for meetings of several days
    start_time TEXT    NOT NULL DEFAULT '' CHECK (start_time = '' OR start_time GLOB '[0-2][0-9].[0-5][0-9]'),
    end_time   TEXT    NOT NULL DEFAULT '' CHECK (end_time = '' OR end_time GLOB '[0-2][0-9].[0-5][0-9]'),
    desk       TEXT    NOT NULL DEFAULT '',
    minutes    TEXT    NOT NULL DEFAULT '',              -- notulen
    carry_over INTEGER NOT NULL DEFAULT 0 CHECK (carry_over IN (0, 1)) -- "Tindak lanjut hasil rakor sebelumnya"
) STRICT;
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);

-- Figures shown in a meeting, frozen: the harmonisation matrix as computed at
-- taken_at. The matrix itself lives in snapshot_matrix, written once and never
-- updated; its hash is here, in the audited row.
CREATE TABLE snapshot (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    label         TEXT    NOT NULL CHECK (label <> ''),
    province_code TEXT    NOT NULL,
    years         TEXT    NOT NULL CHECK (json_valid(years)),
    taken_at      TEXT    NOT NULL,
    sha256        TEXT    NOT NULL
) STRICT;
CREATE INDEX snapshot_meeting ON snapshot (meeting_id);

CREATE TABLE snapshot_matrix (
    snapshot_id INTEGER PRIMARY KEY REFERENCES snapshot (id) ON DELETE CASCADE,
    matrix      TEXT    NOT NULL CHECK (json_valid(matrix))
) STRICT;
CREATE TRIGGER snapshot_matrix_frozen BEFORE UPDATE ON snapshot_matrix BEGIN
    SELECT RAISE(ABORT, 'snapshot is frozen');
END;

CREATE TABLE decision (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    number        INTEGER NOT NULL CHECK (number > 0),
    text          TEXT    NOT NULL CHECK (text <> ''),
    owner_region  TEXT    NOT NULL DEFAULT '',
    owner_unit    TEXT    NOT NULL DEFAULT '',             -- bidang or institution
    due_date      TEXT    NOT NULL DEFAULT '' CHECK (due_date = '' OR date(due_date) IS due_date),
    status        TEXT    NOT NULL DEFAULT 'baru' CHECK (status IN ('baru', 'berjalan', 'selesai', 'dibatalkan')),
    cancel_reason TEXT    NOT NULL DEFAULT '',
    done_date     TEXT    NOT NULL DEFAULT '' CHECK (done_date = '' OR date(done_date) IS done_date),
    agreed        INTEGER NOT NULL DEFAULT 1 CHECK (agreed IN (0, 1)),
    not_agreed_reason TEXT NOT NULL DEFAULT '',
    note          TEXT    NOT NULL DEFAULT '',
    UNIQUE (meeting_id, number),
    CHECK (status <> 'dibatalkan' OR cancel_reason <> ''),
    CHECK (status <> 'selesai' OR done_date <> ''),
    CHECK (agreed = 1 OR not_agreed_reason <> '')
) STRICT;
CREATE INDEX decision_status ON decision (status, due_date);

CREATE TABLE decision_indicator (
    decision_id  INTEGER NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
    indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    PRIMARY KEY (decision_id, indicator_id)
) STRICT;

CREATE TABLE decision_region (
    decision_id INTEGER NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
    region_code TEXT    NOT NULL,
    PRIMARY KEY (decision_id, region_code)
) STRICT;

-- Program codes (2.17.PP.L.KK.SSSS or central) as text: the program area
-- keeps its own tables, and a decision may name a code before it is entered.
CREATE TABLE decision_program (
    decision_id  INTEGER NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
    program_code TEXT    NOT NULL,
    PRIMARY KEY (decision_id, program_code)
) STRICT;

CREATE TABLE decision_followup (
    id          INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
    date        TEXT    NOT NULL CHECK (date(date) IS date),
    progress    TEXT    NOT NULL CHECK (progress <> ''),
    evidence    TEXT    NOT NULL DEFAULT '',
    reviewed_in INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
    status      TEXT    NOT NULL DEFAULT '' CHECK (status IN ('', 'baru', 'berjalan', 'selesai', 'dibatalkan'))
) STRICT;
CREATE INDEX decision_followup_decision ON decision_followup (decision_id, date);

-- Decisions shown under an agenda item, e.g. the open decisions of earlier
-- meetings under "Tindak lanjut hasil rakor sebelumnya".
CREATE TABLE agenda_decision (
    agenda_id   INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    decision_id INTEGER NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
    PRIMARY KEY (agenda_id, decision_id)
) STRICT;

CREATE TABLE challenge_category (
    code       TEXT    PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE CHECK (name <> ''),
    name_en    TEXT    NOT NULL DEFAULT '',
    builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO challenge_category (code, name, name_en, builtin, sort_order) VALUES
    ('koordinasi',   'Koordinasi dan sinkronisasi antar K/L', 'Coordination across ministries and agencies', 1, 10),
    ('regulasi',     'Regulasi',                              'Regulation',                                  1, 20),
    ('sdm',          'SDM dan standar pelatihan',             'Human resources and training standards',      1, 30),
    ('digitalisasi', 'Digitalisasi',                          'Digitalisation',                              1, 40),
    ('pembiayaan',   'Pembiayaan/permodalan',                 'Financing and capital',                       1, 50),
    ('hilirisasi',   'Hilirisasi dan rantai pasok',           'Downstreaming and supply chains',             1, 60),
    ('data',         'Data dan basis data',                   'Data and databases',                          1, 70),
    ('demografi',    'Demografi dan teknologi',               'Demography and technology',                   1, 80),
    ('pemasaran',    'Pemasaran',                             'Marketing',                                   1, 90),
    ('kelembagaan',  'Kelembagaan',                           'Institutions',                                1, 100);

CREATE TABLE challenge (
    id          INTEGER PRIMARY KEY,
    category    TEXT    NOT NULL REFERENCES challenge_category (code) ON DELETE RESTRICT,
    description TEXT    NOT NULL CHECK (description <> ''),
    region_code TEXT    NOT NULL DEFAULT '',
    meeting_id  INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
    severity    TEXT    NOT NULL DEFAULT 'sedang' CHECK (severity IN ('rendah', 'sedang', 'tinggi')),
    solution    TEXT    NOT NULL DEFAULT '',
    status      TEXT    NOT NULL DEFAULT 'terbuka' CHECK (status IN ('terbuka', 'ditangani', 'selesai')),
    raised_by   TEXT    NOT NULL DEFAULT '',
    note        TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX challenge_meeting ON challenge (meeting_id);
CREATE INDEX challenge_category_idx ON challenge (category);

CREATE TABLE decision_challenge (
    decision_id  INTEGER NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
    challenge_id INTEGER NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    PRIMARY KEY (decision_id, challenge_id)
) STRICT;
CREATE INDEX decision_challenge_challenge ON decision_challenge (challenge_id);
