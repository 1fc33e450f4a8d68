package target

import (
	"context"
	"database/sql"
	"fmt"

	"selaras/backend/indicator"
	"selaras/backend/store"
)

// Reader reads rows: the workspace's read pool or a transaction.
type Reader interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

// Catalogue is the indicator catalogue as read at one moment, with the
// catalogue's generation (a number every change of an indicator bumps, in
// the change's own transaction), so a later transaction can tell whether it
// changed since without reading it again.
type Catalogue struct {
	list  []indicator.Indicator
	byID  map[int64]indicator.Indicator
	stamp int64
}

func readStamp(ctx context.Context, q Reader) (int64, error) {
	n, err := store.Generation(ctx, q, "indicator")
	if err != nil {
		return 0, fmt.Errorf("target: catalogue: %w", err)
	}
	return n, nil
}

// ReadCatalogue reads the catalogue and its stamp (the stamp first: a
// change in between makes the stamp older, never the list).
func ReadCatalogue(ctx context.Context, q Reader) (Catalogue, error) {
	st, err := readStamp(ctx, q)
	if err != nil {
		return Catalogue{}, err
	}
	inds, err := indicator.List(ctx, q)
	if err != nil {
		return Catalogue{}, err
	}
	return newCatalogue(inds, st), nil
}

// CachedCatalogue is ReadCatalogue of the workspace's read pool, kept per
// open workspace and read again only when the catalogue has changed (on
// any PC: the generation is checked on every call). The list comes from
// indicator.Catalogue's own memo, so the screen that made the templates (or
// showed the matrix) has already paid for it: reading 10,000 indicators
// again was a tenth of an import. The stamp is read first, and the memo
// is never older than the generation it checks, so the list is never
// older than the stamp.
func CachedCatalogue(ctx context.Context, s *store.Store) (Catalogue, error) {
	return store.Cached(ctx, s, "target.catalogue", "indicator", func(ctx context.Context) (Catalogue, error) {
		st, err := readStamp(ctx, s.Read())
		if err != nil {
			return Catalogue{}, err
		}
		inds, err := indicator.Catalogue(ctx, s)
		if err != nil {
			return Catalogue{}, err
		}
		return newCatalogue(inds, st), nil
	})
}

func newCatalogue(inds []indicator.Indicator, st int64) Catalogue {
	byID := make(map[int64]indicator.Indicator, len(inds))
	for _, i := range inds {
		byID[i.ID] = i
	}
	return Catalogue{list: inds, byID: byID, stamp: st}
}

// Indicators are the catalogue in display order (shared: not to be changed).
func (c Catalogue) Indicators() []indicator.Indicator { return c.list }

// current is the catalogue by id as tx sees it: c when its stamp still
// holds, else (or with no c) read again.
func (c *Catalogue) current(ctx context.Context, tx *sql.Tx) (map[int64]indicator.Indicator, error) {
	if c != nil && c.byID != nil {
		st, err := readStamp(ctx, tx)
		if err != nil {
			return nil, err
		}
		if st == c.stamp {
			return c.byID, nil
		}
	}
	inds, err := indicator.List(ctx, tx)
	if err != nil {
		return nil, err
	}
	return newCatalogue(inds, 0).byID, nil
}
