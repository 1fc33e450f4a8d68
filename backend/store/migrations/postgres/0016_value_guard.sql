-- The guard on indicator_value looked, for every inserted row with a target,
-- for the stored row it would meet (an upsert over the same targets changes
-- none of them). A session plans that lookup once; planned while the table
-- was small it stays a scan of the whole table, and a 10,000-row import
-- scanned the growing table once per row (tens of seconds). The lookup is
-- only needed where the region and year are agreed: the guard asks that
-- first, from the small target_agreement table.
--
-- The guards a later step replaces live in selaras_guards(), run after the
-- base rights (which still create step 13's versions) and before the
-- grants; a later step redefines selaras_guards() alone, whole.
CREATE OR REPLACE FUNCTION selaras_guards() RETURNS void LANGUAGE plpgsql AS $guards$
BEGIN
  CREATE OR REPLACE FUNCTION selaras_value_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'INSERT' THEN
      PERFORM selaras_region_check(OLD.region_code);
    END IF;
    IF TG_OP <> 'DELETE' THEN
      PERFORM selaras_region_check(NEW.region_code);
    END IF;
    -- The lock covers the targets; realisation goes on being reported.
    IF TG_OP = 'INSERT' THEN
      IF NEW.target IS NOT NULL OR NEW.target_num IS NOT NULL OR NEW.target_den IS NOT NULL THEN
        IF EXISTS (SELECT 1 FROM target_agreement a
            WHERE a.region_code = NEW.region_code AND a.year = NEW.year AND a.reopened_at = '') THEN
          -- An upsert tries the insert first: over a stored row with the
          -- same targets it changes none of them.
          IF NOT EXISTS (SELECT 1 FROM indicator_value v
              WHERE v.indicator_id = NEW.indicator_id AND v.region_code = NEW.region_code AND v.year = NEW.year
                AND (v.target, v.target_num, v.target_den) IS NOT DISTINCT FROM (NEW.target, NEW.target_num, NEW.target_den)) THEN
            PERFORM selaras_agreed_check(NEW.region_code, NEW.year);
          END IF;
        END IF;
      END IF;
    ELSIF TG_OP = 'DELETE' THEN
      IF OLD.target IS NOT NULL OR OLD.target_num IS NOT NULL OR OLD.target_den IS NOT NULL THEN
        PERFORM selaras_agreed_check(OLD.region_code, OLD.year);
      END IF;
    ELSIF (OLD.target, OLD.target_num, OLD.target_den, OLD.region_code, OLD.year)
        IS DISTINCT FROM (NEW.target, NEW.target_num, NEW.target_den, NEW.region_code, NEW.year) THEN
      PERFORM selaras_agreed_check(OLD.region_code, OLD.year);
      PERFORM selaras_agreed_check(NEW.region_code, NEW.year);
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END $$;
END $guards$;

CREATE OR REPLACE FUNCTION selaras_rights() RETURNS void LANGUAGE plpgsql AS $rights$
BEGIN
  PERFORM selaras_base_rights();
  PERFORM selaras_guards();
  PERFORM selaras_grants();
END $rights$;

SELECT selaras_rights();
