-- The office's roles and what each may change, enforced by the database itself
-- (GRANTs, row-level security and guard triggers), not only by hidden buttons:
--
--   selaras_admin        everything; owns every table and function
--   selaras_sekretariat  the rakor, the values, the submission board, and the
--                        plan lines of the kab/kota (a returned template's plan
--                        sheet); the province's own bidang lines are not theirs
--   selaras_bidang       the plan lines of their own bidang (member.bidang)
--   selaras_pembaca      reads only
--
-- Everyone reads everything. Roles are cluster-wide: every Selaras database on
-- one server shares these four groups, and each database grants them its own
-- rights. This step is written to be applied over a database an earlier
-- "workspace init" already prepared: every statement leaves the same end state.

-- The rights are one function, selaras_rights(), replaced by any later step
-- that changes them: this step and "workspace init" call it, so init also puts
-- the rights back on a database restored from a dump (pg_restore --no-owner).
CREATE OR REPLACE FUNCTION selaras_rights() RETURNS void LANGUAGE plpgsql AS $rights$
BEGIN
  -- Only when missing: another database on the same server may create a group at
  -- the same moment, and an admin of Selaras without the right to create roles
  -- may run the step where the groups exist.
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'selaras_admin') THEN CREATE ROLE selaras_admin NOLOGIN; END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'selaras_sekretariat') THEN CREATE ROLE selaras_sekretariat NOLOGIN; END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'selaras_bidang') THEN CREATE ROLE selaras_bidang NOLOGIN; END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'selaras_pembaca') THEN CREATE ROLE selaras_pembaca NOLOGIN; END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;

  -- The one who migrates hands every object over to selaras_admin (the
  -- store's handOver, after each step and after this function), so whichever
  -- admin runs a later step may.
  IF NOT pg_has_role(current_user, 'selaras_admin', 'MEMBER') THEN
    GRANT selaras_admin TO CURRENT_USER;
  END IF;

  -- Each person's role and, for a bidang, which bidang's plan lines are theirs.
  -- It describes the server's login roles, which a workspace file does not
  -- have: it exists on the server only and stays out of push and pull.
  CREATE TABLE IF NOT EXISTS member (
      role_name TEXT COLLATE "C" PRIMARY KEY,
      kind      TEXT COLLATE "C" NOT NULL CHECK (kind IN ('admin', 'sekretariat', 'bidang', 'pembaca')),
      bidang    TEXT COLLATE "C" NOT NULL DEFAULT '',
      added_at  TEXT COLLATE "C" NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
      CHECK (kind <> 'bidang' OR bidang <> '')
  );

  -- Refuses what row-level security would only filter out silently: an update
  -- or delete would touch nothing and the app would report the line gone or
  -- changed by someone, not that it is not theirs. A bidang may not touch
  -- another bidang's line; the secretariat may not touch the province's own
  -- lines (region "19"), only the kab/kota's ("19.01").
  CREATE OR REPLACE FUNCTION selaras_plan_line_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NOT pg_has_role(session_user, 'selaras_admin', 'MEMBER') THEN
      IF pg_has_role(session_user, 'selaras_sekretariat', 'MEMBER') THEN
        IF strpos(OLD.region_code, '.') = 0 THEN
          RAISE EXCEPTION 'plan line % is the province''s own (bidang %)', OLD.id, OLD.bidang USING ERRCODE = '42501';
        END IF;
      ELSIF pg_has_role(session_user, 'selaras_bidang', 'MEMBER')
          AND OLD.bidang IS DISTINCT FROM (SELECT m.bidang FROM member m WHERE m.role_name = session_user) THEN
        RAISE EXCEPTION 'plan line % belongs to bidang %', OLD.id, OLD.bidang USING ERRCODE = '42501';
      END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END $$;
  DROP TRIGGER IF EXISTS plan_line_guard ON plan_line;
  CREATE TRIGGER plan_line_guard BEFORE UPDATE OR DELETE ON plan_line
    FOR EACH ROW EXECUTE FUNCTION selaras_plan_line_guard();

  -- Refuses an audit line inserted by hand: one written by an audit trigger is
  -- inserted from inside another trigger (depth 2). Admins may (push copies a
  -- workspace's log as it was).
  CREATE OR REPLACE FUNCTION selaras_audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF pg_trigger_depth() < 2 AND NOT pg_has_role(session_user, 'selaras_admin', 'MEMBER') THEN
      RAISE EXCEPTION 'the audit log is written by its triggers only' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END $$;
  DROP TRIGGER IF EXISTS audit_log_guard ON audit_log;
  CREATE TRIGGER audit_log_guard BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION selaras_audit_log_guard();

  BEGIN
    EXECUTE 'GRANT USAGE, CREATE ON SCHEMA ' || quote_ident(current_schema()) || ' TO selaras_admin';
    EXECUTE 'GRANT USAGE ON SCHEMA ' || quote_ident(current_schema()) || ' TO selaras_sekretariat, selaras_bidang, selaras_pembaca';
    -- PostgreSQL before 15 lets everyone create tables in public.
    EXECUTE 'REVOKE CREATE ON SCHEMA ' || quote_ident(current_schema()) || ' FROM PUBLIC';
    -- Start from nothing, so the grants below are exactly what each role has.
    EXECUTE 'REVOKE ALL ON ALL TABLES IN SCHEMA ' || quote_ident(current_schema()) || ' FROM PUBLIC, selaras_sekretariat, selaras_bidang, selaras_pembaca';
    EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA ' || quote_ident(current_schema()) || ' TO selaras_sekretariat, selaras_bidang, selaras_pembaca';
    EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ' || quote_ident(current_schema()) || ' TO selaras_sekretariat, selaras_bidang';
    EXECUTE 'ALTER DEFAULT PRIVILEGES FOR ROLE selaras_admin IN SCHEMA ' || quote_ident(current_schema()) || ' GRANT SELECT ON TABLES TO selaras_sekretariat, selaras_bidang, selaras_pembaca';
    -- The audit trigger writes the log with its owner's rights, whatever the
    -- search path of the person's session (session_user, the person, is what it
    -- records whoever owns it).
    EXECUTE 'ALTER FUNCTION selaras_audit() SECURITY DEFINER SET search_path = ' || quote_ident(current_schema()) || ', pg_temp';
    -- A temporary table named like ours would come first in a session's search
    -- path. Selaras makes no temporary tables, so no one but the admin may.
    -- (Only the database's owner can change these; applied by a Selaras admin
    -- who is not, they stay as the owner's "workspace init" left them.)
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT TEMPORARY, CONNECT ON DATABASE %I TO selaras_admin', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO selaras_sekretariat, selaras_bidang, selaras_pembaca', current_database());
  END;

  -- A migration that replaces selaras_audit() (CREATE OR REPLACE resets its
  -- settings) must not open the log to forgery: the writers may insert, and
  -- audit_log_guard refuses any line not written by a trigger.
  REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
  GRANT INSERT ON audit_log TO selaras_sekretariat, selaras_bidang;

  -- What the secretariat writes: the rakor, and the exchange of templates and
  -- values with the kab/kota.
  GRANT INSERT, UPDATE, DELETE ON
    meeting, meeting_participant, agenda_item, snapshot, snapshot_matrix,
    decision, decision_indicator, decision_region, decision_program, decision_followup,
    agenda_decision, challenge_category, challenge, decision_challenge,
    indicator_value, import_log, plan_line
  TO selaras_sekretariat;
  GRANT INSERT, UPDATE, DELETE ON plan_line TO selaras_bidang;

  -- Plan lines: the secretariat writes the kab/kota's, a bidang its own bidang's.
  ALTER TABLE plan_line ENABLE ROW LEVEL SECURITY;
  DROP POLICY IF EXISTS plan_line_admin ON plan_line;
  CREATE POLICY plan_line_admin ON plan_line FOR ALL TO selaras_admin USING (true) WITH CHECK (true);
  DROP POLICY IF EXISTS plan_line_sekretariat ON plan_line;
  -- The old row's region is checked by plan_line_guard.
  CREATE POLICY plan_line_sekretariat ON plan_line FOR ALL TO selaras_sekretariat
    USING (true) WITH CHECK (strpos(region_code, '.') > 0);
  DROP POLICY IF EXISTS plan_line_read ON plan_line;
  CREATE POLICY plan_line_read ON plan_line FOR SELECT TO selaras_bidang, selaras_pembaca USING (true);
  DROP POLICY IF EXISTS plan_line_bidang_insert ON plan_line;
  CREATE POLICY plan_line_bidang_insert ON plan_line FOR INSERT TO selaras_bidang
    WITH CHECK (bidang = (SELECT m.bidang FROM member m WHERE m.role_name = session_user));
  DROP POLICY IF EXISTS plan_line_bidang_update ON plan_line;
  -- The old row's bidang is checked by plan_line_guard.
  CREATE POLICY plan_line_bidang_update ON plan_line FOR UPDATE TO selaras_bidang
    USING (true) WITH CHECK (bidang = (SELECT m.bidang FROM member m WHERE m.role_name = session_user));
  DROP POLICY IF EXISTS plan_line_bidang_delete ON plan_line;
  CREATE POLICY plan_line_bidang_delete ON plan_line FOR DELETE TO selaras_bidang USING (true);
END $rights$;

SELECT selaras_rights();
