-- A PostgreSQL step only: the server's guard on indicator_value runs once
-- per statement over its rows. On a file the same rule is domain code.
SELECT 1;
