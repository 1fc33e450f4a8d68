package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// Generation reads the generation of a table: a number its triggers bump
// with every change (migration 15), read in the reader's own view of the
// workspace. Equal numbers mean the table is as it was.
func Generation(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, table string) (int64, error) {
	var n int64
	if err := q.QueryRowContext(ctx, "SELECT n FROM generation WHERE name = ?", table).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: generation of %s: %w", table, err)
	}
	return n, nil
}

// memo is one value kept per open workspace with the generation it was
// read at.
type memo struct {
	gen int64
	val any
}

type memos struct {
	mu sync.Mutex
	m  map[string]memo
}

// Cached returns what load read for key, reading again when the table's
// generation has moved since: a cache per open workspace that is checked
// on every call (one tiny query), so another PC's change is seen by the
// next call however late its notification comes. load's result must not be
// changed by callers.
func Cached[T any](ctx context.Context, s *Store, key, table string, load func(context.Context) (T, error)) (T, error) {
	var zero T
	gen, err := Generation(ctx, s.r, table)
	if err != nil {
		return zero, err
	}
	s.memos.mu.Lock()
	got, ok := s.memos.m[key]
	s.memos.mu.Unlock()
	if ok && got.gen == gen {
		return got.val.(T), nil
	}
	// Read after the generation: a change committed in between leaves the
	// value newer than its number, so the next call reads it again; never
	// older.
	v, err := load(ctx)
	if err != nil {
		return zero, err
	}
	s.memos.mu.Lock()
	if s.memos.m == nil {
		s.memos.m = map[string]memo{}
	}
	if cur, ok := s.memos.m[key]; !ok || cur.gen <= gen {
		s.memos.m[key] = memo{gen: gen, val: v}
	}
	s.memos.mu.Unlock()
	return v, nil
}
