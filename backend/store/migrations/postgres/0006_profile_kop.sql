-- The kop of the office's documents: the government line, the city where
-- documents are signed, and the office's contacts. All optional.
ALTER TABLE profile ADD COLUMN government TEXT NOT NULL DEFAULT '';
ALTER TABLE profile ADD COLUMN city       TEXT NOT NULL DEFAULT '';
ALTER TABLE profile ADD COLUMN phone      TEXT NOT NULL DEFAULT '';
ALTER TABLE profile ADD COLUMN email      TEXT NOT NULL DEFAULT '';
ALTER TABLE profile ADD COLUMN website    TEXT NOT NULL DEFAULT '';
