// Package loadtest holds the bounded load tests of a shared workspace:
// many PCs editing one PostgreSQL database at once, and the 38 regency
// offices of a province typing into their own grids while the secretariat
// projects the matrix (make test-load-regency).
// It has no code of its own; `make test-load` runs its test with -v so the
// figures land in CI's log.
package loadtest
