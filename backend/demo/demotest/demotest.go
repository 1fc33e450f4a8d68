// Package demotest opens a fresh demo workspace for a test, on either engine
// (see storetest).
package demotest

import (
	"context"
	"testing"

	"selaras/backend/demo"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

// Open opens a fresh demo workspace for t. On PostgreSQL it is a copy of one
// built once per test binary (building it per test was most of the time of
// the packages that use it on the server).
func Open(t testing.TB) (*store.Store, error) {
	dsn := storetest.Seeded(t, "demo.db", func(ctx context.Context, dsn string) error {
		s, err := demo.Create(ctx, dsn)
		if err != nil {
			return err
		}
		return s.Close()
	})
	return store.Open(context.Background(), dsn, store.Options{})
}
