-- The meeting room: participants fill in the Daftar Hadir on their phones and
-- sign it with a finger, one signature per meeting day, as the paper form has.
--
-- A civil servant's NIP (18 digits) identifies a participant who signs on a
-- phone, so a second sign-in never adds them twice.
ALTER TABLE meeting_participant ADD COLUMN nip TEXT NOT NULL DEFAULT ''
    CHECK (nip = '' OR (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*'));

-- One line per participant and day signed. The audited row carries the
-- signature's sha256; the image itself lives in attendance_signature,
-- written once and never updated (bytes have no place in the audit log).
CREATE TABLE attendance (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER NOT NULL REFERENCES meeting_participant (id) ON DELETE CASCADE,
    day            TEXT    NOT NULL CHECK (date(day) IS day),
    signed_at      TEXT    NOT NULL,
    sha256         TEXT    NOT NULL CHECK (length(sha256) = 64),
    UNIQUE (participant_id, day)
) STRICT;

-- The signature as drawn, checked and re-encoded by the app: a PNG of
-- bounded size.
CREATE TABLE attendance_signature (
    attendance_id INTEGER PRIMARY KEY REFERENCES attendance (id) ON DELETE CASCADE,
    png           BLOB    NOT NULL CHECK (length(png) BETWEEN 1 AND 65536)
) STRICT;
CREATE TRIGGER attendance_signature_frozen BEFORE UPDATE ON attendance_signature BEGIN
    SELECT RAISE(ABORT, 'a signature is written once');
END;
