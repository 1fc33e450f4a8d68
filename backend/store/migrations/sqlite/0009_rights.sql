-- A workspace file has no roles: whoever opens it may change it (or it opens
-- read-only when write-protected). The PostgreSQL side of this step gives a
-- server's people their roles and rights.
SELECT 1;
