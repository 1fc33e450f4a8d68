-- SQLite compares text bytewise (its BINARY collation) already: codes such as
-- '19.01' sort and compare the same in every file. The PostgreSQL side of this
-- step gives a server's columns the same behaviour.
SELECT 1;
