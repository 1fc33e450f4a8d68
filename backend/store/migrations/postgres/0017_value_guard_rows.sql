-- The guard on indicator_value ran once per row: a plpgsql call, two role
-- lookups and a look at target_agreement for each of a 10,000-value
-- import's rows (about half a second of the server's time). The agreed
-- lock now runs once per statement over the statement's rows (transition
-- tables), with the same refusal: the targets of an agreed region and year
-- change for an admin only (SL002), realisation going on being reported.
-- An AFTER trigger that raises undoes its statement as the BEFORE trigger
-- did.
--
-- Rows an upsert inserts are in the insert's new rows, rows it updates in
-- the update's (a row whose version check failed is in neither): a
-- stored row written again with the same targets changes none of them and
-- is let through, as before.
--
-- The region stays a row's check before it is written, so that a kab/kota
-- office hears the region named (SL001) before the row-level security's
-- bare refusal; its trigger fires only for such an office (its WHEN asks
-- the roles, no plpgsql call), never for the province's own import.
CREATE OR REPLACE FUNCTION selaras_guards() RETURNS void LANGUAGE plpgsql AS $guards$
BEGIN
  -- The base rights (step 13) make the row trigger; this step replaces it.
  DROP TRIGGER IF EXISTS indicator_value_guard ON indicator_value;

  CREATE OR REPLACE FUNCTION selaras_value_region_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'INSERT' THEN
      PERFORM selaras_region_check(OLD.region_code);
    END IF;
    IF TG_OP <> 'DELETE' THEN
      PERFORM selaras_region_check(NEW.region_code);
      RETURN NEW;
    END IF;
    RETURN OLD;
  END $$;
  DROP TRIGGER IF EXISTS indicator_value_region_guard ON indicator_value;
  CREATE TRIGGER indicator_value_region_guard BEFORE INSERT OR UPDATE OR DELETE ON indicator_value
    FOR EACH ROW WHEN (pg_has_role(session_user, 'selaras_kabkota', 'MEMBER') AND NOT pg_has_role(session_user, 'selaras_admin', 'MEMBER'))
    EXECUTE FUNCTION selaras_value_region_guard();

  CREATE OR REPLACE FUNCTION selaras_value_guard_insert() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE r record;
  BEGIN
    FOR r IN SELECT DISTINCT region_code, year FROM new_rows
        WHERE target IS NOT NULL OR target_num IS NOT NULL OR target_den IS NOT NULL LOOP
      PERFORM selaras_agreed_check(r.region_code, r.year);
    END LOOP;
    RETURN NULL;
  END $$;

  -- A row's old and new versions are paired by key; a row whose targets,
  -- region or year changed asks for both its old and its new place (a row
  -- with no partner of the same key and targets counts as changed).
  CREATE OR REPLACE FUNCTION selaras_value_guard_update() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE r record;
  BEGIN
    FOR r IN
      SELECT n.region_code, n.year FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o
          WHERE o.indicator_id = n.indicator_id AND o.region_code = n.region_code AND o.year = n.year
            AND (o.target, o.target_num, o.target_den) IS NOT DISTINCT FROM (n.target, n.target_num, n.target_den))
      UNION
      SELECT o.region_code, o.year FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n
          WHERE o.indicator_id = n.indicator_id AND o.region_code = n.region_code AND o.year = n.year
            AND (o.target, o.target_num, o.target_den) IS NOT DISTINCT FROM (n.target, n.target_num, n.target_den))
    LOOP
      PERFORM selaras_agreed_check(r.region_code, r.year);
    END LOOP;
    RETURN NULL;
  END $$;

  CREATE OR REPLACE FUNCTION selaras_value_guard_delete() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE r record;
  BEGIN
    FOR r IN SELECT DISTINCT region_code, year FROM old_rows
        WHERE target IS NOT NULL OR target_num IS NOT NULL OR target_den IS NOT NULL LOOP
      PERFORM selaras_agreed_check(r.region_code, r.year);
    END LOOP;
    RETURN NULL;
  END $$;

  -- The audit log's guard (lines come from the audit triggers only) was a
  -- plpgsql call for every line a statement's audit wrote. Its WHEN now
  -- asks first, and sees the trigger depth outside the guard itself: 0 for
  -- a person's own INSERT, which the guard refuses as before.
  DROP TRIGGER IF EXISTS audit_log_guard ON audit_log;
  CREATE TRIGGER audit_log_guard BEFORE INSERT ON audit_log
    FOR EACH ROW WHEN (pg_trigger_depth() = 0 AND NOT pg_has_role(session_user, 'selaras_admin', 'MEMBER'))
    EXECUTE FUNCTION selaras_audit_log_guard();

  DROP TRIGGER IF EXISTS indicator_value_guard_insert ON indicator_value;
  CREATE TRIGGER indicator_value_guard_insert AFTER INSERT ON indicator_value
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION selaras_value_guard_insert();
  DROP TRIGGER IF EXISTS indicator_value_guard_update ON indicator_value;
  CREATE TRIGGER indicator_value_guard_update AFTER UPDATE ON indicator_value
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION selaras_value_guard_update();
  DROP TRIGGER IF EXISTS indicator_value_guard_delete ON indicator_value;
  CREATE TRIGGER indicator_value_guard_delete AFTER DELETE ON indicator_value
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION selaras_value_guard_delete();
END $guards$;

SELECT selaras_rights();
