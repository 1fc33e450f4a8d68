package target

import (
	"context"
	"database/sql"
	"fmt"

	"selaras/backend/indicator"
)

// Reader reads rows: the workspace's read pool or a transaction.
type Reader interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

// Catalogue is the indicator catalogue as read at one moment, with a stamp
// of its audit trail (every change of an indicator adds a line), so a later
// transaction can tell whether it changed since without reading it again.
type Catalogue struct {
	list  []indicator.Indicator
	byID  map[int64]indicator.Indicator
	stamp stamp
}

// stamp is how many lines the audit log holds for the indicator table and
// the newest one's id: a change committed since adds a line. The count
// catches a change a concurrent transaction committed with a lower id.
type stamp struct{ lines, last int64 }

func readStamp(ctx context.Context, q Reader) (stamp, error) {
	var s stamp
	err := q.QueryRowContext(ctx, `SELECT count(*), COALESCE(max(id), 0) FROM audit_log WHERE table_name = 'indicator'`).Scan(&s.lines, &s.last)
	if err != nil {
		return stamp{}, fmt.Errorf("target: catalogue: %w", err)
	}
	return s, nil
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

func newCatalogue(inds []indicator.Indicator, st stamp) Catalogue {
	byID := make(map[int64]indicator.Indicator, len(inds))
	for _, i := range inds {
		byID[i.ID] = i
	}
	return Catalogue{list: inds, byID: byID, stamp: st}
}

// Indicators are the catalogue in display order.
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
	return newCatalogue(inds, stamp{}).byID, nil
}
