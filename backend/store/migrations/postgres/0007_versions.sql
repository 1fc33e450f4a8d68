-- No lost update: every row people edit at the same time
-- carries the version its edit was based on. An update names the version it
-- read and bumps it; an update over a newer version matches no row and is
-- refused with who changed it and when.
ALTER TABLE decision ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE plan_line ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE indicator_value ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE meeting ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE challenge ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE meeting_participant ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
