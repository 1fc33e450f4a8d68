-- A number per table that grows with every change of it, so a reader that
-- keeps what it read (the indicator catalogue, per open workspace) can tell
-- with one tiny query whether it still holds. Triggers bump it, so no
-- writer can forget, and it commits or rolls back with the change. It is
-- never copied between workspaces (store.Tables leaves it out): a copy's
-- own writes bump it, so it never goes back.
CREATE TABLE generation (
    name TEXT    PRIMARY KEY,
    n    INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO generation(name, n) VALUES ('indicator', 1);
CREATE TRIGGER generation_indicator_insert AFTER INSERT ON indicator BEGIN
  UPDATE generation SET n = n + 1 WHERE name = 'indicator';
END;
CREATE TRIGGER generation_indicator_update AFTER UPDATE ON indicator BEGIN
  UPDATE generation SET n = n + 1 WHERE name = 'indicator';
END;
CREATE TRIGGER generation_indicator_delete AFTER DELETE ON indicator BEGIN
  UPDATE generation SET n = n + 1 WHERE name = 'indicator';
END;

-- A matrix reads a province's values by year and region: with every column
-- in the index the rows come from the index alone, not from one search of
-- the table per row (three times fewer page visits on a national file).
-- A server keeps (year, region_code): its heap reads are cheap, and a btree
-- entry there is limited to about 2.7 kB, which a long note would pass.
DROP INDEX indicator_value_year;
CREATE INDEX indicator_value_year ON indicator_value (year, region_code, indicator_id, target, target_num,
    target_den, realisation, real_num, real_den, baseline, source, note, version);
