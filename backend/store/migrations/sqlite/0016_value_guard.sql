-- A PostgreSQL step only: the server's guard on indicator_value asks whether
-- a region and year are agreed before it looks for the stored row. On a
-- file the same rule is domain code.
SELECT 1;
