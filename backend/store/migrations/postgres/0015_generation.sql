-- A number per table that grows with every change of it, so a reader that
-- keeps what it read (the indicator catalogue, per open workspace) can tell
-- with one tiny query whether it still holds, whichever PC changed it and
-- however late its notification arrives. Statement triggers bump it, with
-- the definer's rights (the people may read it, never write it), and it
-- commits or rolls back with the change. A TRUNCATE bumps it too (a push
-- empties the tables so). It is never copied between workspaces
-- (store.Tables leaves it out), so it never goes back.
CREATE TABLE generation (
    name TEXT COLLATE "C" PRIMARY KEY,
    n    BIGINT NOT NULL DEFAULT 0
);
INSERT INTO generation(name, n) VALUES ('indicator', 1);

CREATE OR REPLACE FUNCTION selaras_generation_bump() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  UPDATE generation SET n = n + 1 WHERE name = TG_ARGV[0];
  RETURN NULL;
END $$;
DO $$ BEGIN
  EXECUTE format('ALTER FUNCTION selaras_generation_bump() SET search_path = %I, pg_temp', current_schema());
END $$;

CREATE TRIGGER generation_indicator_insert AFTER INSERT ON indicator
  FOR EACH STATEMENT EXECUTE FUNCTION selaras_generation_bump('indicator');
CREATE TRIGGER generation_indicator_update AFTER UPDATE ON indicator
  FOR EACH STATEMENT EXECUTE FUNCTION selaras_generation_bump('indicator');
CREATE TRIGGER generation_indicator_delete AFTER DELETE OR TRUNCATE ON indicator
  FOR EACH STATEMENT EXECUTE FUNCTION selaras_generation_bump('indicator');

-- Everyone reads every table (the new one included); the rights are the
-- latest step's, applied again.
SELECT selaras_rights();
