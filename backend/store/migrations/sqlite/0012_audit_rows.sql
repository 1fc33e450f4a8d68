-- SQLite has no statement-level triggers: its audit stays row by row (the
-- migrator rebuilds the same triggers). The PostgreSQL side of this step
-- audits a statement's rows together.
SELECT 1;
