-- Every text column compares, sorts and pattern-matches bytewise (COLLATE "C"),
-- as SQLite's BINARY does, whatever locale the server's database was created
-- in. Under an office's id_ID.UTF-8 (or a Windows locale) punctuation is
-- ignored: '19.01' < '19/' is false there, so the range that selects a
-- province's kab/kota found none, and names sorted differently on the two
-- engines. A column's collation also decides lower(): under "C" it folds
-- ASCII only, as SQLite's lower() does.
--
-- plan_line's policies (made by an earlier "workspace init") name its bidang
-- column, which PostgreSQL will not retype under them: they are dropped here
-- and made again by the rights step (0009).
DROP POLICY IF EXISTS plan_line_admin ON plan_line;
DROP POLICY IF EXISTS plan_line_sekretariat ON plan_line;
DROP POLICY IF EXISTS plan_line_read ON plan_line;
DROP POLICY IF EXISTS plan_line_bidang_insert ON plan_line;
DROP POLICY IF EXISTS plan_line_bidang_update ON plan_line;
DROP POLICY IF EXISTS plan_line_bidang_delete ON plan_line;

DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.table_name, c.column_name
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      AND c.data_type = 'text' AND c.collation_name IS DISTINCT FROM 'C'
    ORDER BY c.table_name, c.ordinal_position
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE text COLLATE "C"', r.table_name, r.column_name);
  END LOOP;
END $$;
