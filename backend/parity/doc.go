// Package parity proves that a workspace answers the same whichever engine
// holds it: a SQLite file, the same workspace pushed to a PostgreSQL server
// and read there by a person of the office, and a copy pulled back from the
// server. Its tests drive the real commands (backend/cli) on each and compare
// what they print line by line, every exported workbook and template cell by
// cell, and the pulled copy table by table. They need the PostgreSQL test
// server (SELARAS_TEST_PG); `make test-go-pg` runs them on a cluster in
// id_ID.UTF-8, whose collation ignores the punctuation codes are made of.
package parity
