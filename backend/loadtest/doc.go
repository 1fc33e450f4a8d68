// Package loadtest holds the bounded load test of a shared workspace:
// many PCs editing one PostgreSQL database at once.
// It has no code of its own; `make test-load` runs its test with -v so the
// figures land in CI's log.
package loadtest
