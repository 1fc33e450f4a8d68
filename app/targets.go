package app

import (
	"context"

	"selaras/backend/agreement"
	"selaras/backend/fault"
	"selaras/backend/harmonise"
	"selaras/backend/indicator"
	"selaras/backend/store"
	"selaras/backend/target"
)

// Targets is the bound service for indicators, their values and the
// harmonisation matrix.
type Targets struct{ a *App }

// Indicators lists the catalogue.
func (t *Targets) Indicators() ([]indicator.Indicator, error) {
	return with(t.a, []indicator.Indicator{}, func(ctx context.Context, s *store.Store) ([]indicator.Indicator, error) {
		return indicator.Catalogue(ctx, s)
	})
}

// SaveIndicator adds (id 0) or updates an indicator.
func (t *Targets) SaveIndicator(i indicator.Indicator) (indicator.Indicator, error) {
	return with(t.a, indicator.Indicator{}, func(ctx context.Context, s *store.Store) (indicator.Indicator, error) {
		return indicator.Save(ctx, s, i)
	})
}

// DeleteIndicator removes an indicator and its values.
func (t *Targets) DeleteIndicator(id int64) error {
	return run(t.a, func(ctx context.Context, s *store.Store) error {
		return indicator.Delete(ctx, s, id)
	})
}

// Matrix is the harmonisation result for a province and years.
func (t *Targets) Matrix(province string, years []int) (harmonise.Matrix, error) {
	return with(t.a, harmonise.Matrix{}, func(ctx context.Context, s *store.Store) (harmonise.Matrix, error) {
		return harmonise.Compute(ctx, s, province, years)
	})
}

// ApplyResult says how many values were saved, or which cells were refused.
type ApplyResult struct {
	Saved  int         `json:"saved"`
	Errors []CellError `json:"errors"`
	// Conflicts are the refused cells that someone else changed since the
	// grid loaded them, worded in the user's language for the dialog.
	Conflicts []CellConflict `json:"conflicts"`
}

// CellError is a refused cell of the batch (Index) worded in the user's
// language: the backend carries it as a code and its arguments.
type CellError struct {
	Index   int        `json:"index"`
	Code    fault.Code `json:"code"`
	Message string     `json:"message"`
}

// CellConflict is a cell of the batch (Index) refused over a newer change.
type CellConflict struct {
	Index    int      `json:"index"`
	Conflict Conflict `json:"conflict"`
}

// Apply saves typed or pasted cells, all or nothing.
func (t *Targets) Apply(edits []target.Edit, pasted bool) (ApplyResult, error) {
	return with(t.a, ApplyResult{Errors: []CellError{}, Conflicts: []CellConflict{}}, func(ctx context.Context, s *store.Store) (ApplyResult, error) {
		source := "ketik"
		if pasted {
			source = "tempel"
		}
		// Typed and pasted cells are checked against the version they were
		// based on; a cell sent without one was shown empty (no row).
		for i := range edits {
			if edits[i].Version == nil {
				var none int64
				edits[i].Version = &none
			}
		}
		n, err := target.Apply(ctx, s, edits, source)
		if be, ok := target.ErrBatch(err); ok {
			res := ApplyResult{Errors: []CellError{}, Conflicts: []CellConflict{}}
			for _, c := range be.Cells {
				res.Errors = append(res.Errors, CellError{c.Index, c.Text.Code, fault.Render(c.Text, t.a.lang())})
				if c.Conflict != nil {
					res.Conflicts = append(res.Conflicts, CellConflict{c.Index, worded(*c.Conflict, t.a.lang())})
				}
			}
			return res, nil
		}
		return ApplyResult{Saved: n, Errors: []CellError{}, Conflicts: []CellConflict{}}, err
	})
}

// History lists the changes of one value, newest first.
func (t *Targets) History(indicatorID int64, region string, year int) ([]store.AuditEntry, error) {
	return with(t.a, []store.AuditEntry{}, func(ctx context.Context, s *store.Store) ([]store.AuditEntry, error) {
		return target.History(ctx, s, target.Key{IndicatorID: indicatorID, Region: region, Year: year})
	})
}

// Agreements lists the agreed marks of a province's regencies for a year,
// in force and reopened (newest first per region).
func (t *Targets) Agreements(province string, year int) ([]agreement.Agreement, error) {
	return with(t.a, []agreement.Agreement{}, func(ctx context.Context, s *store.Store) ([]agreement.Agreement, error) {
		return agreement.List(ctx, s, province, year)
	})
}

// Agree marks a regency's targets for a year as agreed in the meeting (its
// latest snapshot the reference): locked until reopened.
func (t *Targets) Agree(region string, year int, meetingID int64) (agreement.Agreement, error) {
	return with(t.a, agreement.Agreement{}, func(ctx context.Context, s *store.Store) (agreement.Agreement, error) {
		return agreement.Agree(ctx, s, region, year, meetingID)
	})
}

// Reopen lifts the agreement on a regency's targets for a year, with the
// reason.
func (t *Targets) Reopen(region string, year int, reason string) (agreement.Agreement, error) {
	return with(t.a, agreement.Agreement{}, func(ctx context.Context, s *store.Store) (agreement.Agreement, error) {
		return agreement.Reopen(ctx, s, region, year, reason)
	})
}
