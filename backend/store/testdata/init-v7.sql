-- What "selaras workspace init" applied to a server before its roles and rights
-- became steps of the migration history (schema version 7, the public schema).
-- Servers in the field were prepared this way; TestUpgradeFromAnEarlierInit
-- migrates such a server and expects what a new one gets.

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'selaras_admin') THEN
    CREATE ROLE selaras_admin NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'selaras_sekretariat') THEN
    CREATE ROLE selaras_sekretariat NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'selaras_bidang') THEN
    CREATE ROLE selaras_bidang NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'selaras_pembaca') THEN
    CREATE ROLE selaras_pembaca NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$ BEGIN
  IF NOT pg_has_role(current_user, 'selaras_admin', 'MEMBER') THEN
    GRANT selaras_admin TO CURRENT_USER;
  END IF;
END $$;

CREATE TABLE IF NOT EXISTS member (
    role_name TEXT PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('admin', 'sekretariat', 'bidang', 'pembaca')),
    bidang    TEXT NOT NULL DEFAULT '',
    added_at  TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    CHECK (kind <> 'bidang' OR bidang <> '')
);


CREATE OR REPLACE FUNCTION selaras_plan_line_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_has_role(session_user, 'selaras_bidang', 'MEMBER')
     AND NOT pg_has_role(session_user, 'selaras_admin', 'MEMBER')
     AND NOT pg_has_role(session_user, 'selaras_sekretariat', 'MEMBER')
     AND OLD.bidang IS DISTINCT FROM (SELECT m.bidang FROM member m WHERE m.role_name = session_user) THEN
    RAISE EXCEPTION 'plan line % belongs to bidang %', OLD.id, OLD.bidang USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS plan_line_guard ON plan_line;
CREATE TRIGGER plan_line_guard BEFORE UPDATE OR DELETE ON plan_line FOR EACH ROW EXECUTE FUNCTION selaras_plan_line_guard();
;

GRANT USAGE, CREATE ON SCHEMA public TO selaras_admin;

GRANT USAGE ON SCHEMA public TO selaras_sekretariat, selaras_bidang, selaras_pembaca;

DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
    EXECUTE format('ALTER TABLE %I OWNER TO selaras_admin', r.tablename);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p WHERE p.pronamespace = to_regnamespace(current_schema()) LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO selaras_admin', r.f);
  END LOOP;
END $$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, selaras_sekretariat, selaras_bidang, selaras_pembaca;

GRANT SELECT ON ALL TABLES IN SCHEMA public TO selaras_sekretariat, selaras_bidang, selaras_pembaca;

GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO selaras_sekretariat, selaras_bidang;

ALTER DEFAULT PRIVILEGES FOR ROLE selaras_admin IN SCHEMA public GRANT SELECT ON TABLES TO selaras_sekretariat, selaras_bidang, selaras_pembaca;

ALTER FUNCTION selaras_audit() SECURITY DEFINER SET search_path = public, pg_temp;


CREATE OR REPLACE FUNCTION selaras_audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 AND NOT pg_has_role(session_user, 'selaras_admin', 'MEMBER') THEN
    RAISE EXCEPTION 'the audit log is written by its triggers only' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS audit_log_guard ON audit_log;
CREATE TRIGGER audit_log_guard BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION selaras_audit_log_guard();
;

REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

GRANT INSERT ON audit_log TO selaras_sekretariat, selaras_bidang;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;

DO $$ BEGIN
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT TEMPORARY, CONNECT ON DATABASE %I TO selaras_admin', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO selaras_sekretariat, selaras_bidang, selaras_pembaca', current_database());
END $$;

ALTER TABLE plan_line ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS plan_line_admin ON plan_line;

CREATE POLICY plan_line_admin ON plan_line FOR ALL TO selaras_admin USING (true) WITH CHECK (true);

DROP POLICY IF EXISTS plan_line_sekretariat ON plan_line;

CREATE POLICY plan_line_sekretariat ON plan_line FOR ALL TO selaras_sekretariat USING (true) WITH CHECK (true);

DROP POLICY IF EXISTS plan_line_read ON plan_line;

CREATE POLICY plan_line_read ON plan_line FOR SELECT TO selaras_bidang, selaras_pembaca USING (true);

DROP POLICY IF EXISTS plan_line_bidang_insert ON plan_line;

CREATE POLICY plan_line_bidang_insert ON plan_line FOR INSERT TO selaras_bidang WITH CHECK (bidang = (SELECT m.bidang FROM member m WHERE m.role_name = session_user));

DROP POLICY IF EXISTS plan_line_bidang_update ON plan_line;

CREATE POLICY plan_line_bidang_update ON plan_line FOR UPDATE TO selaras_bidang USING (true) WITH CHECK (bidang = (SELECT m.bidang FROM member m WHERE m.role_name = session_user));

DROP POLICY IF EXISTS plan_line_bidang_delete ON plan_line;

CREATE POLICY plan_line_bidang_delete ON plan_line FOR DELETE TO selaras_bidang USING (true);

DO $$ BEGIN
  IF to_regclass('meeting') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "meeting" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('meeting_participant') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "meeting_participant" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('agenda_item') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "agenda_item" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('snapshot') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "snapshot" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('snapshot_matrix') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "snapshot_matrix" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('decision') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "decision" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('decision_indicator') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "decision_indicator" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('decision_region') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "decision_region" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('decision_program') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "decision_program" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('decision_followup') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "decision_followup" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('agenda_decision') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "agenda_decision" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('challenge_category') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "challenge_category" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('challenge') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "challenge" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('decision_challenge') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "decision_challenge" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('indicator_value') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "indicator_value" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('import_log') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "import_log" TO selaras_sekretariat;
  END IF;
END $$;

DO $$ BEGIN
  IF to_regclass('plan_line') IS NOT NULL THEN
    GRANT INSERT, UPDATE, DELETE ON "plan_line" TO selaras_bidang;
  END IF;
END $$;
