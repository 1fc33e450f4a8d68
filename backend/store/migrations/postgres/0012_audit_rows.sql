-- The audit of a whole statement at once, from its transition tables: each
-- row inserted, updated (when something changed) or deleted still gets its
-- own line with its key, old and new values and the person (session_user),
-- written in one INSERT … SELECT instead of one trigger call per row. A
-- 10,000-value import spent most of its time in 10,000 calls of
-- selaras_audit(). The migrator rebuilds every audited table's triggers on
-- this function (installAuditPG) once it exists.
CREATE OR REPLACE FUNCTION selaras_audit_rows() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  k text := '';
  pair text := '';
  i int;
  n bigint;
BEGIN
  -- The key of a row as selaras_audit() writes it ("id", or "a|b|c"), and
  -- the join of an updated row's old and new versions on that key.
  FOR i IN 0 .. TG_NARGS - 1 LOOP
    IF i > 0 THEN
      k := k || ' || ''|'' || ';
      pair := pair || ' AND ';
    END IF;
    k := k || format('COALESCE(r.%I::text, '''')', TG_ARGV[i]);
    pair := pair || format('o.%1$I = r.%1$I', TG_ARGV[i]);
  END LOOP;
  IF TG_OP = 'INSERT' THEN
    EXECUTE format($q$INSERT INTO audit_log(table_name, row_key, action, new_values, user_name)
      SELECT %L, %s, 'insert', row_to_json(r)::text, session_user FROM new_rows r$q$, TG_TABLE_NAME, k);
  ELSIF TG_OP = 'UPDATE' THEN
    -- Selaras never changes a row's key; an update that did could not be
    -- paired with its old version, so it is refused rather than audited wrong.
    EXECUTE format('SELECT count(*) FROM new_rows r WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE %s)', pair) INTO n;
    IF n > 0 THEN
      RAISE EXCEPTION 'audit: % rows of % changed their key', n, TG_TABLE_NAME;
    END IF;
    -- Updates that change nothing (an upsert of the same values) are not history.
    EXECUTE format($q$INSERT INTO audit_log(table_name, row_key, action, old_values, new_values, user_name)
      SELECT %L, %s, 'update', row_to_json(o)::text, row_to_json(r)::text, session_user
      FROM old_rows o JOIN new_rows r ON %s WHERE o IS DISTINCT FROM r$q$, TG_TABLE_NAME, k, pair);
  ELSE
    EXECUTE format($q$INSERT INTO audit_log(table_name, row_key, action, old_values, user_name)
      SELECT %L, %s, 'delete', row_to_json(r)::text, session_user FROM old_rows r$q$, TG_TABLE_NAME, k);
  END IF;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN
    PERFORM pg_notify('selaras_change', json_build_object('table', TG_TABLE_NAME, 'action', lower(TG_OP),
      'by', session_user, 'origin', current_setting('application_name'))::text);
  END IF;
  RETURN NULL;
END $$;

-- It writes the log with its owner's rights whatever the person's search
-- path, as selaras_audit() does (see selaras_rights()).
DO $$ BEGIN
  EXECUTE format('ALTER FUNCTION selaras_audit_rows() SET search_path = %I, pg_temp', current_schema());
END $$;
